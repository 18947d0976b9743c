/**
 * Glossary terms found in many texts cheaply: each text is first screened for substrings that every text
 * holding a term contains once folded, and matched word by word only when it has every one of some term's.
 * Used where a few terms are looked for in a whole corpus (a glossary entry's evidence, the concordance).
 */
import type { Language } from "../languages";
import { foldAccents } from "../text/fold";
import { compileTerms, findTerms, type Matcher, type Term, type TermHit } from "./match";
import { stemOf, wordsOf } from "./words";

/**
 * For each term, substrings that every text holding it contains once folded: a cheap test that spares the
 * word-by-word match on most links of a large pair. A stem is its word's folded form less an ending, except
 * for -aux → -al and -ies → -y, whose stems differ in their last two letters at most: the stem less two
 * letters is always inside the folded word. Every word of the term must be there, not just one.
 */
export function needlesOf(terms: readonly Term[]): string[][] {
  return terms.map((term) =>
    wordsOf(term.text, term.language).map((word) => {
      if (term.match === "exact") return foldAccents(word.exact);
      const stem = stemOf(word.exact, term.language);
      return stem.length <= 3 ? stem : stem.slice(0, stem.length - 2);
    }),
  );
}

/** A text's form the needles are looked for in. */
export const screenFold = (text: string): string => foldAccents(text.toLowerCase());

/** Whether a folded text holds every needle of one term. */
export const holdsNeedles = (folded: string, needles: readonly string[]): boolean => needles.every((needle) => folded.includes(needle));

/** Some terms of one language compiled, with their needles. */
export interface ScreenedMatcher {
  matcher: Matcher;
  needles: string[][];
}

/** The terms of `language` among `terms`, compiled and screened. */
export function screenedMatcher(terms: readonly Term[], language: Language): ScreenedMatcher {
  const own = terms.filter((t) => t.language === language);
  return { matcher: compileTerms(own, language), needles: needlesOf(own) };
}

/** The terms' hits in a text; a text without every needle of some term is not matched at all. */
export function screenedHits(side: ScreenedMatcher, text: string): TermHit[] {
  if (side.needles.length === 0 || text === "") return [];
  const folded = screenFold(text);
  return side.needles.some((words) => holdsNeedles(folded, words)) ? findTerms(side.matcher, text) : [];
}
