import type { TextLanguage } from "../languages";

/**
 * The words of a text. Chinese and Japanese are written without spaces, so their words come from the ICU word
 * breaker behind `Intl.Segmenter` (dictionary-based for Han and kana; Node ships full ICU); the other languages'
 * words are runs of letters and figures, inner apostrophes and hyphens included ("aujourd'hui", "l'art",
 * "Rechtsschutz-Versicherung"). `npm run bench:segment` prints the segmenter's speed on a long Chinese text.
 */

const UNSPACED: ReadonlySet<TextLanguage> = new Set(["zh-Hans", "zh-Hant", "ja"]);
const SPACED_WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

const segmenters = new Map<TextLanguage, Intl.Segmenter>();
function segmenterFor(language: TextLanguage): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: "word" })));
  return segmenter;
}

/** Whether a language is written without spaces between its words. */
export function isUnspaced(language: TextLanguage): boolean {
  return UNSPACED.has(language);
}

/** The words of `text` in order, punctuation and white space left out. */
export function wordsOf(text: string, language: TextLanguage): string[] {
  if (!UNSPACED.has(language)) return text.match(SPACED_WORD) ?? [];
  const words: string[] = [];
  for (const piece of segmenterFor(language).segment(text)) if (piece.isWordLike) words.push(piece.segment);
  return words;
}
