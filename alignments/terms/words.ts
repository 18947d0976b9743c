import type { Language } from "../languages";
import { foldAccents } from "../text/fold";

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

const WORD = /[\p{L}\p{N}]+/gu;

/** Plural (-s, -x, -aux) and feminine (-e) endings of a folded, lower-case French word. */
export function frenchStem(word: string): string {
  let w = word;
  if (/^\p{N}+$/u.test(w) || w.length <= 3) return w;
  if (w.endsWith("aux") && w.length > 4) return `${w.slice(0, -3)}al`;
  if ((w.endsWith("s") || w.endsWith("x")) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** Plural endings of a lower-case English word (possessives are separate words after the apostrophe). */
export function englishStem(word: string): string {
  const w = word;
  if (/^\p{N}+$/u.test(w) || w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}

export function stemOf(word: string, language: Language): string {
  const folded = foldAccents(word.toLowerCase());
  return language === "fr" ? frenchStem(folded) : englishStem(folded);
}

/**
 * Stems already made, by language and lower-case word: a corpus repeats its words, and stemming (accents folded,
 * endings cut) was most of the cost of reading a text's words. Emptied when full, so it stays small.
 */
const STEMS_KEPT = 100_000;
const stems = new Map<Language, Map<string, string>>();

function keptStem(exact: string, language: Language): string {
  let kept = stems.get(language);
  if (kept === undefined) stems.set(language, (kept = new Map()));
  let stem = kept.get(exact);
  if (stem === undefined) {
    if (kept.size >= STEMS_KEPT) kept.clear();
    stem = stemOf(exact, language);
    kept.set(exact, stem);
  }
  return stem;
}

export function wordsOf(text: string, language: Language): Word[] {
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
