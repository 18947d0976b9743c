import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportGlossaryCsv } from "~/models/glossary.server";

/**
 * The whole glossary as CSV, as a download (the import form reads either layout back): one row per term, or
 * with `?layout=concepts` one row per concept with a column per language, as termbases and spreadsheets exchange.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const concepts = new URL(request.url).searchParams.get("layout") === "concepts";
  return new Response(exportGlossaryCsv(undefined, concepts ? "concepts" : "terms"), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${concepts ? "tandem-glossary-concepts.csv" : "tandem-glossary.csv"}"`,
      "Cache-Control": "no-store",
    },
  });
}
