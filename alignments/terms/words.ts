import type { TextLanguage } from "../languages";
import { isUnspaced, unspacedWordSpans } from "../text/words";
import { stemmerFor, type Stemmer } from "./stemming";

/**
 * Words as terminology sees them: runs of letters and digits, with their place in the text (for
 * highlighting). Apostrophes and hyphens separate words, so "l'entraide" holds "l" and "entraide", and
 * "capacity-building" matches "capacity building". Each word has two keys: `exact` (lower case,
 * apostrophes unified) and `stem` (accents folded, plural, feminine and possessive endings removed).
 */
export interface Word {
  start: number;
  end: number;
  exact: string;
  stem: string;
}

// Combining marks belong to their word: Arabic vowel signs, a decomposed accent.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export { frenchStem } from "./stemming/fr";
export { englishStem } from "./stemming/en";

/** A word's key for inflected matching, by its language's stemmer (stemming/: decision 0037). */
export function stemOf(word: string, language: TextLanguage): string {
  return stemmerFor(language)(word.toLowerCase());
}

/**
 * Stems already made, by stemmer and lower-case word: a corpus repeats its words, and stemming (accents folded,
 * endings cut) was most of the cost of reading a text's words. Emptied when full, so it stays small.
 */
const STEMS_KEPT = 100_000;
const stems = new Map<Stemmer, Map<string, string>>();

function keptStem(exact: string, language: TextLanguage): string {
  const stemmer = stemmerFor(language);
  let kept = stems.get(stemmer);
  if (kept === undefined) stems.set(stemmer, (kept = new Map()));
  let stem = kept.get(exact);
  if (stem === undefined) {
    if (kept.size >= STEMS_KEPT) kept.clear();
    stem = stemmer(exact);
    kept.set(exact, stem);
  }
  return stem;
}

export function wordsOf(text: string, language: TextLanguage): Word[] {
  // Chinese and Japanese have no spaces: their words come from the ICU word breaker.
  if (isUnspaced(language)) {
    return unspacedWordSpans(text, language).map(({ text: surface, start, end }) => {
      const exact = surface.toLowerCase();
      return { start, end, exact, stem: keptStem(exact, language) };
    });
  }
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const surface = match[0];
    const start = match.index;
    // The possessive 's (and the s of "States'") belongs to its noun: "Party's" is a form of "party".
    const previous = words[words.length - 1];
    if (language === "en" && surface.toLowerCase() === "s" && previous?.end === start - 1 && /^['’]$/.test(text[start - 1])) {
      previous.end = start + 1;
      continue;
    }
    const exact = surface.toLowerCase();
    words.push({ start, end: start + surface.length, exact, stem: keptStem(exact, language) });
  }
  return words;
}
