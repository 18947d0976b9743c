import { foldAccents } from "../../text/fold";

/**
 * How terminology reduces a word to the key it matches by (its stem), per language, in the manner of the
 * sentence rules in text/languages/: a default (a Snowball stemmer, for the languages the port covers) and a small
 * module per language that says where it differs. French and English keep the hand rules that were measured better
 * than Snowball on `npm run bench:terms` (decision 0037); Chinese and Japanese do not inflect, so a word is its own key.
 */

/** A lower-case word's key: forms that should match one another (plural, gender, case endings) give the same key. */
export type Stemmer = (word: string) => string;

const FIGURES = /^\p{N}+$/u;

/**
 * A Snowball stemmer as terminology uses it: figures and words of three letters or fewer are kept whole (a stem of
 * "art" or "loi" would match unrelated words), the stemmer sees the word with its accents (Snowball's rules are
 * written for them: German ä, Spanish á), and its stem is folded afterwards, so a term typed without accents still
 * matches.
 */
export function snowball(stem: (word: string) => string): Stemmer {
  return (word) => (FIGURES.test(word) || word.length <= 3 ? foldAccents(word) : foldAccents(stem(word)));
}

/** A language without inflection (Chinese, Japanese): a word matches only itself, accents and case folded. */
export const unstemmed: Stemmer = (word) => foldAccents(word);
