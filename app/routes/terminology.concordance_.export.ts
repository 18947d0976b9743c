import type { LoaderFunctionArgs } from "@remix-run/node";
import { concordanceScope } from "~/models/concordance.server";
import { SORTED_LIMIT } from "~/models/concordance-search.server";
import { concordanceFileOf } from "~/models/corpus-queries.server";
import { attachment } from "~/models/exports.server";
import { CONCORDANCE_FIELD_NAMES, ConcordanceFileQuery } from "~/terminology/concordance-query";
import { refusalOf } from "~/utils/form-errors";
import { answerRefusal } from "~/utils/answer-refusal.server";

/**
 * The concordance as a file (`?q=…&format=csv|tsv`, with the page's other choices): every occurrence, not only
 * the shown ones, in the page's order, made in the compute worker. Over SORTED_LIMIT occurrences the file is
 * refused with a sentence saying how to narrow the search, never cut. Another site's page cannot make the browser
 * fetch it (decision 16's cross-site read refusal, in server/security.mjs, before this loader).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = ConcordanceFileQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return refuse(400, refusalOf(parsed.error, CONCORDANCE_FIELD_NAMES).message);
  const query = parsed.data;
  const q = query.q.replace(/\s+/g, " ").trim();
  if (q === "") return refuse(400, "Type a word or a term to find before downloading its concordance.");
  const { languages } = concordanceScope(query);
  let made: { total: number; file: string | null };
  try {
    made = await concordanceFileOf(
      { query: q, languages, documentId: query.doc, pairId: query.pair, match: query.match, sort: query.sort, format: query.format, origin: url.origin },
      { signal: request.signal },
    );
  } catch (error) {
    answerRefusal(error);
  }
  if (made.file === null) {
    return refuse(
      422,
      `“${q}” occurs ${made.total.toLocaleString("en-US")} times; a concordance file holds at most ${SORTED_LIMIT.toLocaleString("en-US")} occurrences. ` +
        "Search one side, one document, or a longer phrase.",
    );
  }
  const name = `concordance-${q.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 60) || "search"}.${query.format}`;
  return new Response(made.file, {
    headers: {
      "Content-Type": query.format === "csv" ? "text/csv; charset=utf-8" : "text/tab-separated-values; charset=utf-8",
      "Content-Disposition": attachment(name),
      "Cache-Control": "no-store",
    },
  });
}

function refuse(status: number, message: string) {
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
