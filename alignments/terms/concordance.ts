import type { Language } from "../languages";
import type { Unit } from "./checks";
import { foldAccents } from "../text/fold";
import { wholeCharacterCut } from "../text/inline-codes";
import { compileTerms, findTerms, type MatchMode } from "./match";
import type { Word } from "./words";

/** One occurrence in context (keyword in context), with the other side of its link. */
export interface ConcordanceLine {
  link: number;
  left: string;
  match: string;
  right: string;
  counterpart: string;
}

/** The occurrences found: the first `limit` of them in context, and how many there are in all. */
export interface Concordance {
  lines: ConcordanceLine[];
  /** Every occurrence, shown or not. */
  total: number;
}

/**
 * Every occurrence of a word or term on one side of the links, as whole words and with the same matching as
 * the glossary (inflection-aware unless `exact`), with `width` characters of context each side. Only the first
 * `limit` occurrences are cut out in context; the others are counted, so a page can say "2,341 occurrences;
 * the first 200 shown" while holding 200 lines.
 */
export function concordance(units: readonly Unit[], query: string, language: Language, options: { match?: MatchMode; width?: number; limit?: number } = {}): Concordance {
  const { match = "inflected", width = 60, limit = 500 } = options;
  const matcher = compileTerms([{ id: 0, concept: 0, language, text: query, status: "preferred", match }], language);
  const lines: ConcordanceLine[] = [];
  let total = 0;
  for (const unit of units) {
    const text = language === "fr" ? unit.fr : unit.en;
    for (const hit of findTerms(matcher, text)) {
      total++;
      if (lines.length >= limit) continue;
      lines.push({ link: unit.link, ...inContext(text, hit, width), counterpart: language === "fr" ? unit.en : unit.fr });
    }
  }
  return { lines, total };
}

/** An occurrence cut out of its text with `width` characters each side, "…" where the text goes on. */
export function inContext(text: string, hit: { start: number; end: number }, width: number): { left: string; match: string; right: string } {
  const from = wholeCharacterCut(text, Math.max(0, hit.start - width), -1);
  const to = wholeCharacterCut(text, Math.min(text.length, hit.end + width), 1);
  return {
    left: (from > 0 ? "…" : "") + text.slice(from, hit.start),
    match: text.slice(hit.start, hit.end),
    right: text.slice(hit.end, to) + (to < text.length ? "…" : ""),
  };
}

/**
 * The orders a concordance is read in, as corpus tools name them: the documents' own order, or by the words
 * around the occurrence: "1R" by the first word after it, then the second and third; "2R" from the second word
 * after it; "1L" by the word just before it, then the one before that, and so on outwards.
 */
export const CONTEXT_SORTS = ["document", "1L", "2L", "3L", "1R", "2R", "3R"] as const;
export type ContextSort = (typeof CONTEXT_SORTS)[number];

/** Words a context sort compares, from the first one it names outwards. */
const SORT_DEPTH = 3;

/**
 * What a context sort compares for one occurrence: the words it names (lower case, accents folded, so "État"
 * sorts with "etat"), joined by U+0000 so that a shorter context sorts before a longer one it begins ("" for
 * none: the occurrence starts or ends its segment). `words` are the text's words (wordsOf). Plain string
 * comparison of two keys is the sort's order; the empty string for "document".
 */
export function contextKey(words: readonly Word[], hit: { start: number; end: number }, sort: ContextSort): string {
  if (sort === "document") return "";
  const from = Number(sort[0]) - 1;
  const side = sort[1] === "R" ? words.filter((w) => w.start >= hit.end) : words.filter((w) => w.end <= hit.start).reverse();
  return side
    .slice(from, from + SORT_DEPTH)
    .map((w) => foldAccents(w.exact))
    .join("\u0000");
}

/** Items in the order of their context keys; items with equal keys keep their order (the documents'). */
export function sortByContext<T extends { key: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
