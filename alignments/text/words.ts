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

/**
 * V8's segmenter slows down with the length of the string it is given, far faster than the length grows (measured
 * here: 20,000 Chinese characters in one string 0.4 s, 40,000 2 s, 80,000 27 s); so the text goes to it a piece
 * at a time, cut after sentence and clause punctuation, where no word runs across.
 */
const PIECE = /[^。！？；，、\n]*[。！？；，、\n]*/gu;
/** A run longer than this without punctuation is cut anyway (a word at the cut may split in two). */
const MAX_PIECE = 2000;

/** The words of `text` in order, punctuation and white space left out. */
export function wordsOf(text: string, language: TextLanguage): string[] {
  if (!UNSPACED.has(language)) return text.match(SPACED_WORD) ?? [];
  return unspacedWordSpans(text, language).map((word) => word.text);
}

/** The words of a text written without spaces (Chinese, Japanese), with where each stands in `text`. */
export function unspacedWordSpans(text: string, language: TextLanguage): Array<{ text: string; start: number; end: number }> {
  const segmenter = segmenterFor(language);
  const words: Array<{ text: string; start: number; end: number }> = [];
  for (const { 0: run, index } of text.matchAll(PIECE)) {
    for (let at = 0; at < run.length; at += MAX_PIECE) {
      for (const piece of segmenter.segment(run.slice(at, at + MAX_PIECE))) {
        if (!piece.isWordLike) continue;
        const start = index + at + piece.index;
        words.push({ text: piece.segment, start, end: start + piece.segment.length });
      }
    }
  }
  return words;
}
