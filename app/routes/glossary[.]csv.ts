import { exportGlossaryCsv } from "~/models/glossary.server";

/** The whole glossary in its CSV exchange format, as a download (the import form reads it back). */
export async function loader() {
  return new Response(exportGlossaryCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="tandem-glossary.csv"',
      "Cache-Control": "no-store",
    },
  });
}
