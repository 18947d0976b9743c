/** The links a term candidate is shown with: its two terms marked, each side cut around them. */
import { excerpt } from "../text/excerpt";
import type { Unit } from "./checks";
import { compileTerms, findTerms, type TermHit } from "./match";

export interface CandidateEvidence {
  link: number;
  en: string;
  fr: string;
  enHits: Array<{ start: number; end: number; status: string }>;
  frHits: Array<{ start: number; end: number; status: string }>;
}

/**
 * The first `count` of a candidate's links (those of `units` only), each side cut around the candidate's term in it
 * (found as the glossary would find it, inflection-aware), the term marked "candidate".
 */
export function candidateEvidence(candidate: { fr: string; en: string; links: readonly number[] }, units: ReadonlyMap<number, Unit>, count: number): CandidateEvidence[] {
  const frMatcher = compileTerms([{ id: 1, concept: 1, language: "fr", text: candidate.fr, status: "preferred", match: "inflected" }], "fr");
  const enMatcher = compileTerms([{ id: 1, concept: 1, language: "en", text: candidate.en, status: "preferred", match: "inflected" }], "en");
  const mark = (h: TermHit) => ({ start: h.start, end: h.end, status: "candidate" });
  return candidate.links.slice(0, count).flatMap((link) => {
    const unit = units.get(link);
    if (!unit) return [];
    const en = excerpt(unit.en, findTerms(enMatcher, unit.en).map(mark));
    const fr = excerpt(unit.fr, findTerms(frMatcher, unit.fr).map(mark));
    return [{ link, en: en.text, fr: fr.text, enHits: en.marks, frHits: fr.marks }];
  });
}
