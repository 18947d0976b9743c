import type { Language } from "../languages";
import type { Unit } from "./checks";
import { compileTerms, findTerms, type MatchMode } from "./match";

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
      const from = Math.max(0, hit.start - width);
      const to = Math.min(text.length, hit.end + width);
      lines.push({
        link: unit.link,
        left: (from > 0 ? "…" : "") + text.slice(from, hit.start),
        match: text.slice(hit.start, hit.end),
        right: text.slice(hit.end, to) + (to < text.length ? "…" : ""),
        counterpart: language === "fr" ? unit.en : unit.fr,
      });
    }
  }
  return { lines, total };
}
