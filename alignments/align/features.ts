import { foldAccents } from "../text/fold";
import { looksLikeHeading } from "../text/heading";
import { inOtherScript, readingLanguage } from "../text/script-language";
import type { AlignSegment } from "./alignment-types";
import type { LexiconEntry } from "./lexicon";
import { chineseNumeral, cognateSkeleton, numberOf } from "./neutral-evidence";
import { MAX_SIDE } from "./shapes";
import { splitOnLetters, type WordSplitter } from "./word-split";

/**
 * The aligner's features: every word becomes a few ids in a space shared by both languages (numbers,
 * accent-folded cognate prefixes, lexicon entries), each with its evidence calibrated against the other document.
 */

export interface Segmented {
  /** Per vocabulary word: start and end into `ids`, its features. Kept per word, not per token, to save memory. */
  featureStart: Int32Array;
  ids: Int32Array;
  /** Per vocabulary word and other-side size b = 1..4: log-likelihood gain when it finds a counterpart (`calibrate`). */
  gain: Float32Array[];
  /** Per segment: first token index (length n + 1). */
  segmentStart: Int32Array;
  /** Per segment and other-side size b = 0..3: the log-likelihood if no word finds a counterpart. */
  baseline: Float64Array[];
  chars: Float64Array;
  /** Per segment: 1 when it reads as a heading, so that it should not share a link with the segment after it. */
  heading: Uint8Array;
  /** Per segment: its distinct feature ids, flat (`unique[uniqueStart[s] .. uniqueStart[s + 1])`). */
  unique: Int32Array;
  uniqueStart: Int32Array;
  /** Per segment and other-side size b = 1..3: the most evidence matching can add (for confidence). */
  cap: Float64Array[];
  /** Per token: its word, as an index into `vocabulary`. */
  word: Int32Array;
  vocabulary: string[];
}

/** An Int32 list that grows by doubling: a few bytes per entry instead of a JavaScript array's eight or more. */
class IntList {
  private data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  at(index: number): number {
    return this.data[index];
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export class Interner {
  private ids = new Map<string, number>();
  get size(): number {
    return this.ids.size;
  }
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}

/**
 * The distinct words of a document, found again from a slice of a segment's text without making a
 * string of it: a document of 250,000 words then allocates one string per distinct word, not per word,
 * which keeps the garbage collector (and so the process's memory) small on long documents.
 */
class Vocabulary {
  readonly words: string[] = [];
  private slots = new Int32Array(1 << 12);

  private static hash(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    return h >>> 0;
  }

  /** The index of text[start, end), added at the end if new. */
  index(text: string, start: number, end: number): number {
    const mask = this.slots.length - 1;
    for (let slot = Vocabulary.hash(text, start, end) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) {
        const index = this.words.length;
        this.words.push(text.slice(start, end));
        this.slots[slot] = index + 1;
        if (this.words.length * 2 > this.slots.length) this.grow();
        return index;
      }
      const word = this.words[entry - 1];
      if (word.length === end - start && text.startsWith(word, start)) return entry - 1;
    }
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    this.words.forEach((word, index) => {
      let slot = Vocabulary.hash(word, 0, word.length) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = index + 1;
    });
  }
}

/**
 * Features of one word; second-side words also take the first-language words their lexicon gives them. Across
 * scripts (`acrossScripts`), where a word's own letters share nothing with the other side, a translation also brings
 * its first letters, so that "create" from a dictionary meets "created" and "creation" as cognates do. A number is
 * one feature whatever digits write it ("٢٠٠١" is "2001"); a Chinese numeral of two characters or more also carries
 * its number (one character, 一 "one, a", says too little). With `skeletons` (a pair of Latin and Cyrillic writing),
 * words of six letters or more also carry the first five of their transliterated skeleton ("декларация" and
 * "declaration": "dekla"); four letters matched too many unrelated words (npm run bench:align-languages, en-ru).
 */
function featuresOf(word: string, interner: Interner, translations: Map<string, string[]> | null, acrossScripts: boolean, skeletons: boolean): number[] {
  if (/^\p{N}+$/u.test(word)) return [interner.id(`#${numberOf(word) ?? word.replace(/^0+(?=\d)/, "")}`)];
  const ids: number[] = [];
  const numeral = word.length >= 2 ? chineseNumeral(word) : null;
  if (numeral !== null) ids.push(interner.id(`#${numeral}`));
  if (skeletons && word.length >= 6 && /^[\p{Script=Latin}\p{Script=Cyrillic}]+$/u.test(word)) {
    const skeleton = cognateSkeleton(word);
    if (skeleton.length >= 5) ids.push(interner.id(`%${skeleton.slice(0, 5)}`));
  }
  const folded = foldAccents(word);
  // Cognates share their first letters: 4 catch "bank"/"banks", 5 tell "inter-national" from "inter-pol".
  if (folded.length >= 4) ids.push(interner.id(`~${folded.slice(0, 4)}`));
  if (folded.length >= 5) ids.push(interner.id(`~${folded.slice(0, 5)}`));
  if (folded.length < 4) ids.push(interner.id(`=${folded}`));
  if (translations === null) ids.push(interner.id(`@${word}`));
  else {
    for (const en of translations.get(word) ?? []) {
      ids.push(interner.id(`@${en}`));
      if (acrossScripts && en.length >= 4) ids.push(interner.id(`~${foldAccents(en).slice(0, 4)}`));
      if (acrossScripts && en.length >= 5) ids.push(interner.id(`~${foldAccents(en).slice(0, 5)}`));
    }
  }
  return ids;
}

export function buildFeatures(
  segments: readonly AlignSegment[],
  interner: Interner,
  translations: Map<string, string[]> | null,
  splitWords: WordSplitter = splitOnLetters,
  acrossScripts = false,
  skeletons = false,
  language: string | null = null,
): Segmented {
  const n = segments.length;
  const featureStarts = new IntList();
  const idList = new IntList();
  const wordList = new IntList();
  const segmentStart = new Int32Array(n + 1);
  const uniqueList = new IntList();
  const uniqueStart = new Int32Array(n + 1);
  const chars = new Float64Array(n);
  const heading = new Uint8Array(n);
  const words = new Vocabulary();
  const seen = new Set<number>();
  // A segment in another script than its document's language (an Arabic line in a French document) gives its numbers
  // only: its words are not that language's, and would teach the second pass false translations.
  const reading = language === null ? null : readingLanguage(language);
  let numbersOnly = false;
  const addWord = (text: string, start: number, end: number) => {
    if (numbersOnly && !/^\p{N}+$/u.test(text.slice(start, end))) return;
    const known = words.words.length;
    const index = words.index(text, start, end);
    if (index === known) {
      featureStarts.push(idList.length);
      for (const id of featuresOf(words.words[index], interner, translations, acrossScripts, skeletons)) idList.push(id);
    }
    wordList.push(index);
    for (let k = featureStarts.at(index), last = index + 1 < featureStarts.length ? featureStarts.at(index + 1) : idList.length; k < last; k++) {
      const id = idList.at(k);
      if (!seen.has(id)) (seen.add(id), uniqueList.push(id));
    }
  };
  for (let s = 0; s < n; s++) {
    segmentStart[s] = wordList.length;
    uniqueStart[s] = uniqueList.length;
    chars[s] = segments[s].text.length;
    heading[s] = looksLikeHeading(segments[s].text) ? 1 : 0;
    seen.clear();
    numbersOnly = reading !== null && inOtherScript(segments[s].text, reading);
    splitWords(segments[s].text.toLowerCase(), addWord);
  }
  const tokenCount = wordList.length;
  segmentStart[n] = tokenCount;
  uniqueStart[n] = uniqueList.length;
  featureStarts.push(idList.length);
  return {
    featureStart: featureStarts.toArray(),
    ids: idList.toArray(),
    gain: Array.from({ length: MAX_SIDE + 1 }, (_, size) => new Float32Array(size === 0 ? 0 : words.words.length)), // no gain without another side
    segmentStart,
    baseline: Array.from({ length: MAX_SIDE + 1 }, () => new Float64Array(n)),
    cap: Array.from({ length: MAX_SIDE + 1 }, () => new Float64Array(n)),
    chars,
    heading,
    unique: uniqueList.toArray(),
    uniqueStart,
    word: wordList.toArray(),
    vocabulary: words.words,
  };
}

/**
 * Sets each word's evidence against the other document: p0 is the chance that a segment of the other
 * side matches it at random (how many of its segments carry one of the word's features), p1 the chance
 * that a true translation does. A frequent word ("the", "de") matches everywhere and says little; a
 * shared number or name says a lot, and its absence costs a little.
 */
export function calibrate(a: Segmented, b: Segmented, matchRate: number): void {
  for (const values of [...a.baseline, ...a.cap]) values.fill(0);
  const segmentsWith = new Int32Array(Math.max(a.ids.reduce((x, y) => Math.max(x, y), 0), b.unique.reduce((x, y) => Math.max(x, y), 0)) + 1);
  for (let k = 0; k < b.unique.length; k++) segmentsWith[b.unique[k]]++;
  const others = Math.max(1, b.uniqueStart.length - 1);
  const n = a.segmentStart.length - 1;
  // Every occurrence of a word has the same features, hence the same evidence: compute it once per word.
  const words = a.vocabulary.length;
  const unmatchedOf = new Float64Array(words * (MAX_SIDE + 1));
  const gainOf = new Float64Array(words * (MAX_SIDE + 1));
  for (let w = 0; w < words; w++) {
    let count = 0;
    for (let k = a.featureStart[w]; k < a.featureStart[w + 1]; k++) count += segmentsWith[a.ids[k]];
    const single = Math.min(0.95, Math.max(0.5 / others, count / others));
    for (let size = 0; size <= MAX_SIDE; size++) {
      // A side of `size` segments offers `size` chances of a match by accident.
      const p0 = size === 0 ? 0 : 1 - Math.pow(1 - single, size);
      const p1 = Math.max(matchRate, p0);
      const unmatched = Math.log((1 - p1) / (1 - p0));
      unmatchedOf[w * (MAX_SIDE + 1) + size] = unmatched;
      if (size > 0) gainOf[w * (MAX_SIDE + 1) + size] = a.gain[size][w] = Math.log(p1 / p0) - unmatched;
    }
  }
  for (let s = 0; s < n; s++) {
    for (let t = a.segmentStart[s]; t < a.segmentStart[s + 1]; t++) {
      const w = a.word[t];
      for (let size = 0; size <= MAX_SIDE; size++) {
        a.baseline[size][s] += unmatchedOf[w * (MAX_SIDE + 1) + size];
        if (size > 0) a.cap[size][s] += gainOf[w * (MAX_SIDE + 1) + size];
      }
    }
  }
}

/**
 * Marks the feature ids of one segment in `stamp` with `mark`, so that the words of another segment can
 * be tested against them with one array read each.
 */
export function stampSegment(doc: Segmented, s: number, stamp: Int32Array, mark: number): void {
  for (let k = doc.uniqueStart[s]; k < doc.uniqueStart[s + 1]; k++) stamp[doc.unique[k]] = mark;
}

/** Which tokens of segment s have a feature stamped with `mark`, as bits in `out` from `at`. */
export function matchMask(a: Segmented, s: number, stamp: Int32Array, mark: number, out: Uint32Array, at: number): void {
  const first = a.segmentStart[s];
  for (let t = first; t < a.segmentStart[s + 1]; t++) {
    const w = a.word[t];
    for (let k = a.featureStart[w]; k < a.featureStart[w + 1]; k++) {
      if (stamp[a.ids[k]] === mark) {
        const bit = t - first;
        out[at + (bit >>> 5)] |= 1 << (bit & 31);
        break;
      }
    }
  }
}

export const maskWords = (a: Segmented, s: number) => Math.max(1, Math.ceil((a.segmentStart[s + 1] - a.segmentStart[s]) / 32));

export function wordsOf(doc: Segmented, s: number): string[] {
  const out: string[] = [];
  for (let t = doc.segmentStart[s]; t < doc.segmentStart[s + 1]; t++) out.push(doc.vocabulary[doc.word[t]]);
  return out;
}

/** A lexicon as the map from a second-side word to the first-side words it translates. */
export function toTranslations(entries: readonly LexiconEntry[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { en, fr } of entries) {
    const list = map.get(fr) ?? [];
    if (!list.includes(en)) list.push(en);
    map.set(fr, list);
  }
  return map;
}
