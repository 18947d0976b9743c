import { chineseNumeral } from "./neutral-evidence";

/**
 * How the aligner finds words in a lower-cased segment: runs of letters and digits, and inside a language written
 * without spaces between words (Chinese, Japanese, Thai, Khmer, Lao, Burmese), the words of such a run as the
 * Unicode word-break rules with their dictionaries find them (Intl.Segmenter, from the JavaScript engine's ICU).
 */

/** Calls `word(text, start, end)` for every word of `text`, in order. */
export type WordSplitter = (text: string, word: (text: string, start: number, end: number) => void) => void;

/** Whether each UTF-16 unit of the Basic Multilingual Plane is a letter or a digit: words are runs of them. */
const WORD_UNIT = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) table[c] = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
})();

/** How many UTF-16 units of the word character at `k` (0 when it is not one): 2 for a letter outside the BMP. */
function wordUnitAt(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if (c < 0xd800 || c > 0xdbff) return WORD_UNIT[c];
  return /^[\p{L}\p{N}]/u.test(text.slice(k, k + 2)) ? 2 : 0;
}

/** The runs of letters and digits of `text`. */
function letterRuns(text: string, run: (start: number, end: number) => void): void {
  for (let k = 0; k < text.length; ) {
    let end = k;
    while (end < text.length) {
      const step = wordUnitAt(text, end);
      if (step === 0) break;
      end += step;
    }
    if (end === k) {
      k += 1;
      continue;
    }
    run(k, end);
    k = end;
  }
}

/** Words as runs of letters and digits: the languages that put spaces or punctuation between words. */
export const splitOnLetters: WordSplitter = (text, word) => letterRuns(text, (start, end) => word(text, start, end));

/** Languages written without spaces between words. */
const UNSPACED = new Set(["zh", "ja", "th", "km", "lo", "my"]);
/** Scripts of those languages: a run holding none of them (a Latin name, a number) is one word, as elsewhere. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}]/u;

/** Runs of Chinese numeral characters long enough to be a number (二十六, 一九四八); `chineseNumeral` says which are. */
const NUMERAL_RUN = /[〇零一二两三四五六七八九十百千万]{2,}/gu;

/**
 * The word splitter for a language (an ISO 639-1 code such as "zh", or a tag such as "zh-Hant"). In Chinese and
 * Japanese, a simple numeral is one word: ICU's dictionary cuts 第二十六条 as 第二|十六|条 and 一九四八年 as 一九|四|八年.
 */
export function wordSplitterFor(language: string): WordSplitter {
  const base = language.toLowerCase().split(/[-_]/)[0];
  if (!UNSPACED.has(base)) return splitOnLetters;
  const segmenter = new Intl.Segmenter(language, { granularity: "word" });
  const dictionaryWords = (text: string, start: number, end: number, word: (text: string, start: number, end: number) => void) => {
    for (const piece of segmenter.segment(text.slice(start, end))) {
      if (piece.isWordLike) word(text, start + piece.index, start + piece.index + piece.segment.length);
    }
  };
  return (text, word) =>
    letterRuns(text, (start, end) => {
      const run = text.slice(start, end);
      if (!UNSPACED_SCRIPT.test(run)) return word(text, start, end);
      let from = start;
      for (const numeral of run.matchAll(NUMERAL_RUN)) {
        if (chineseNumeral(numeral[0]) === null) continue;
        const at = start + numeral.index;
        if (at > from) dictionaryWords(text, from, at, word);
        word(text, at, at + numeral[0].length);
        from = at + numeral[0].length;
      }
      if (from < end) dictionaryWords(text, from, end, word);
    });
}

/** Languages written in Latin letters, whose words can be cognates of each other's. */
const LATIN_SCRIPT = new Set(["en", "fr", "de", "es", "it", "pt", "nl", "ca", "ro", "pl", "cs", "sv", "da", "no", "nb", "fi", "id", "ms", "tr", "vi"]);

/** Whether two languages are written in different scripts (Chinese and English), so their words cannot be cognates. */
export function acrossScripts(first: string, second: string): boolean {
  const latin = (language: string) => LATIN_SCRIPT.has(language.toLowerCase().split(/[-_]/)[0]);
  return latin(first) !== latin(second) || (!latin(first) && first.split(/[-_]/)[0] !== second.split(/[-_]/)[0]);
}

/** Languages written in Cyrillic letters. */
const CYRILLIC_SCRIPT = new Set(["ru", "uk", "bg", "sr", "mk", "be", "kk"]);

/** Whether one language of the pair is written in Latin letters and the other in Cyrillic: cognates then show through a transliteration. */
export function latinAndCyrillic(first: string, second: string): boolean {
  const base = (language: string) => language.toLowerCase().split(/[-_]/)[0];
  const [a, b] = [base(first), base(second)];
  return (LATIN_SCRIPT.has(a) && CYRILLIC_SCRIPT.has(b)) || (CYRILLIC_SCRIPT.has(a) && LATIN_SCRIPT.has(b));
}
