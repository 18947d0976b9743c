import { z } from "zod";
import { CONTEXT_SORTS } from "../../alignments/terms/concordance";
import { CONCORDANCE_FILE_FORMATS } from "../../alignments/terms/concordance-file";
import { recordId } from "../utils/params";

/**
 * The concordance's question, as its page and its file download read it from the address: the word or term,
 * the side (both, French, English), one document or one pair's documents, exact matching, and the order.
 */
const optionalId = z.preprocess((value) => (value === "" ? undefined : value), recordId().optional());

export const ConcordanceQuery = z.object({
  q: z.string().max(200, "Search for a word or a term of at most 200 characters.").default(""),
  lang: z.enum(["both", "fr", "en"]).catch("both"),
  doc: optionalId,
  pair: optionalId,
  match: z.enum(["inflected", "exact"]).catch("inflected"),
  sort: z.enum(CONTEXT_SORTS).catch("document"),
});
export type ConcordanceQuery = z.infer<typeof ConcordanceQuery>;

export const ConcordanceFileQuery = ConcordanceQuery.extend({
  format: z.enum(CONCORDANCE_FILE_FORMATS, { errorMap: () => ({ message: "The format is csv or tsv." }) }).default("csv"),
});

/** How refusals name the concordance's own fields. */
export const CONCORDANCE_FIELD_NAMES = { doc: "the document's number" };

/** The address of the concordance's file for the same question. */
export function concordanceFileHref(query: ConcordanceQuery, format: "csv" | "tsv"): string {
  const params = new URLSearchParams({ q: query.q, lang: query.lang, match: query.match, sort: query.sort, format });
  if (query.doc !== undefined) params.set("doc", String(query.doc));
  if (query.pair !== undefined) params.set("pair", String(query.pair));
  return `/terminology/concordance/export?${params}`;
}
