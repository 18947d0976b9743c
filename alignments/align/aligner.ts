import type { BlockKind } from "../text/types";
import { foldAccents } from "../text/fold";
import { looksLikeHeading } from "../text/heading";
import { trainModel1 } from "./ibm1";
import type { LinkSides } from "./links";
import { BUILT_IN_LEXICON, type LexiconEntry } from "./lexicon";

export { looksLikeHeading };

/**
 * Sentence alignment of an English original and its French translation: one pure function over two
 * arrays of segments.
 *
 * 1. Every word becomes a few features in a space shared by both languages: numbers, accent-folded
 *    cognate prefixes ("coopération"/"cooperation", "Budapest"), entries of a lexicon (built-in
 *    function words, a user's dictionary or glossary) and, on the second pass, word pairs learned from
 *    the first alignment with IBM Model 1.
 * 2. Features found in one segment only on each side of a window are anchors; their heaviest increasing
 *    chain, refined recursively between anchors, gives the path the alignment must stay near, so the
 *    work grows linearly with the documents.
 * 3. A dynamic programme over link shapes (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3, 4-1, 1-4) inside a band
 *    around the path maximises the sum of link scores: shape prior, Gale–Church length likelihood, the
 *    lexical likelihood ratio of every word (a counterpart found, or not, against the chance of finding one
 *    at random) and structure (headings, notes and paragraph ends agree).
 * Every buffer is allocated per call: the function keeps no state between calls.
 */

export interface AlignSegment {
  text: string;
  kind?: BlockKind;
  paragraph?: number;
}

export interface AlignedLink extends LinkSides {
  /** 0..1: the estimated probability that the link is right (see `confidenceOf`). */
  confidence: number;
  /** Why, when asked for with `explain`. */
  evidence?: LinkEvidence;
}

export interface LinkEvidence {
  /** Share of the lexical evidence the link could have that it has (0..1). */
  coverage: number;
  /** Gale–Church log-probability of the two sides' lengths (0 is a perfect match). */
  length: number;
  /** How far the link beat the best other way of reaching the same point of the alignment (log scale). */
  margin: number;
}

export interface AlignOptions {
  /** Extra word pairs (a hunalign dictionary, a glossary). */
  lexicon?: readonly LexiconEntry[];
  /** The built-in FR–EN lexicon of frequent words (default true). */
  builtInLexicon?: boolean;
  /** Learn word pairs from a first pass and realign (default true). */
  learn?: boolean;
  /** Links a person has fixed: the engine aligns only the stretches between them. */
  fixed?: readonly LinkSides[];
  /** Called with a fraction 0..1 of the work done. */
  onProgress?: (done: number) => void;
  /** Scoring weights, for tuning by the benchmark. */
  weights?: Partial<Weights>;
  /** Add each link's evidence (coverage, length, margin). */
  explain?: boolean;
}

export interface Weights {
  lexical: number;
  /** p1: how often a word of a true translation finds a counterpart. */
  matchRate: number;
  length: number;
  /** Half-widths of the band: first pass (far from anchors), second pass (around the first pass's path). */
  band: number;
  refineBand: number;
  /** Cost of joining a heading-like line (short, capitalised, no closing punctuation) with the line after it in one link. */
  heading: number;
}

export const DEFAULT_WEIGHTS: Weights = { lexical: 0.5, matchRate: 0.6, length: 1, band: 30, refineBand: 10, heading: 1.5 };

export interface Alignment {
  links: AlignedLink[];
  /** Share of links with any lexical support: low values mean unrelated documents. */
  support: number;
}

/** Link shapes, English count first, with Gale and Church's prior probabilities (extended to 4-1 and 1-4). */
const SHAPES: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 0.89],
  [1, 0, 0.005],
  [0, 1, 0.005],
  [2, 1, 0.045],
  [1, 2, 0.045],
  [2, 2, 0.011],
  [3, 1, 0.003],
  [1, 3, 0.003],
  [4, 1, 0.001],
  [1, 4, 0.001],
];
const MAX_SIDE = 4;

/**
 * Shape log-priors for a pass: Gale and Church's, or re-estimated from a previous pass's links (with
 * their prior as pseudo-counts), so a statute where nearly every link is 1-1 stops paying for merges
 * that a novel needs.
 */
function shapePriors(previous: readonly LinkSides[] | null): Float64Array {
  const priors = new Float64Array(SHAPES.length);
  if (previous === null) {
    SHAPES.forEach(([, , p], k) => (priors[k] = Math.log(p)));
    return priors;
  }
  const pseudo = 50;
  const counts = SHAPES.map(([, , p]) => p * pseudo);
  for (const link of previous) {
    const k = SHAPES.findIndex(([a, b]) => a === link.en.length && b === link.fr.length);
    if (k >= 0) counts[k] += 1;
  }
  const total = counts.reduce((x, y) => x + y, 0);
  counts.forEach((c, k) => (priors[k] = Math.log(c / total)));
  return priors;
}

// ---------------------------------------------------------------------------------------------------
// Features

interface Segmented {
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

class Interner {
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

/** Whether each UTF-16 unit of the Basic Multilingual Plane is a letter or a digit: words are runs of them, lower-cased. */
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

/** Features of one word; French words also take the English words their lexicon gives them. */
function featuresOf(word: string, interner: Interner, translations: Map<string, string[]> | null): number[] {
  if (/^\p{N}+$/u.test(word)) return [interner.id(`#${word.replace(/^0+(?=\d)/, "")}`)];
  const ids: number[] = [];
  const folded = foldAccents(word);
  // Cognates share their first letters: 4 catch "bank"/"banks", 5 tell "inter-national" from "inter-pol".
  if (folded.length >= 4) ids.push(interner.id(`~${folded.slice(0, 4)}`));
  if (folded.length >= 5) ids.push(interner.id(`~${folded.slice(0, 5)}`));
  if (folded.length < 4) ids.push(interner.id(`=${folded}`));
  if (translations === null) ids.push(interner.id(`@${word}`));
  else for (const en of translations.get(word) ?? []) ids.push(interner.id(`@${en}`));
  return ids;
}

function buildFeatures(
  segments: readonly AlignSegment[],
  interner: Interner,
  translations: Map<string, string[]> | null,
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
  for (let s = 0; s < n; s++) {
    segmentStart[s] = wordList.length;
    uniqueStart[s] = uniqueList.length;
    chars[s] = segments[s].text.length;
    heading[s] = looksLikeHeading(segments[s].text) ? 1 : 0;
    seen.clear();
    const text = segments[s].text.toLowerCase();
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
      const known = words.words.length;
      const index = words.index(text, k, end);
      k = end;
      if (index === known) {
        featureStarts.push(idList.length);
        for (const id of featuresOf(words.words[index], interner, translations)) idList.push(id);
      }
      wordList.push(index);
      for (let k = featureStarts.at(index), end = index + 1 < featureStarts.length ? featureStarts.at(index + 1) : idList.length; k < end; k++) {
        const id = idList.at(k);
        if (!seen.has(id)) (seen.add(id), uniqueList.push(id));
      }
    }
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
function calibrate(a: Segmented, b: Segmented, matchRate: number): void {
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
function stampSegment(doc: Segmented, s: number, stamp: Int32Array, mark: number): void {
  for (let k = doc.uniqueStart[s]; k < doc.uniqueStart[s + 1]; k++) stamp[doc.unique[k]] = mark;
}

/** Which tokens of segment s have a feature stamped with `mark`, as bits in `out` from `at`. */
function matchMask(a: Segmented, s: number, stamp: Int32Array, mark: number, out: Uint32Array, at: number): void {
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

const maskWords = (a: Segmented, s: number) => Math.max(1, Math.ceil((a.segmentStart[s + 1] - a.segmentStart[s]) / 32));

// ---------------------------------------------------------------------------------------------------
// The path: anchors, then a band

/** For each English position 0..n, the French position the alignment should pass near. */
/**
 * For each English position 0..n, the French position the alignment should pass near, and how far from
 * it to search: close to an anchor a few segments suffice; far from any, up to `maxWidth`.
 */
function anchorPath(en: Segmented, fr: Segmented, n: number, m: number, maxWidth: number): { path: Float64Array; widths: Int32Array } {
  const path = new Float64Array(n + 1);
  // Default: the same share of characters on both sides.
  const enTotal = en.chars.reduce((a, b) => a + b, 0) || 1;
  const frCum = new Float64Array(m + 1);
  for (let j = 0; j < m; j++) frCum[j + 1] = frCum[j] + fr.chars[j];
  const frTotal = frCum[m] || 1;
  let enCum = 0;
  let j = 0;
  for (let i = 0; i <= n; i++) {
    const share = enCum / enTotal;
    while (j < m && frCum[j + 1] / frTotal <= share) j++;
    path[i] = j;
    if (i < n) enCum += en.chars[i];
  }
  let features = 0;
  for (const doc of [en, fr]) for (let k = 0; k < doc.unique.length; k++) features = Math.max(features, doc.unique[k] + 1);
  const scratch: AnchorScratch = {
    generation: 0,
    enSeen: new Int32Array(features),
    enAt: new Int32Array(features),
    frSeen: new Int32Array(features),
    frAt: new Int32Array(features),
  };
  const chain = localAnchors(en, fr, 0, n, 0, m, 0, scratch);
  const widths = new Int32Array(n + 1);
  const nearest = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  for (const anchor of chain) nearest[anchor.i] = 0;
  for (let i = 1; i <= n; i++) nearest[i] = Math.min(nearest[i], nearest[i - 1] + 1);
  for (let i = n - 1; i >= 0; i--) nearest[i] = Math.min(nearest[i], nearest[i + 1] + 1);
  for (let i = 0; i <= n; i++) widths[i] = Math.min(maxWidth, Math.round(MIN_WIDTH + 2 * nearest[i]));
  if (chain.length === 0) return { path, widths: widths.fill(maxWidth) };
  // Piecewise-linear between anchors, from (0,0) to (n,m).
  const points = [{ i: 0, j: 0 }, ...chain.map((c) => ({ i: c.i + 0.5, j: c.j + 0.5 })), { i: n, j: m }];
  let k = 0;
  for (let i = 0; i <= n; i++) {
    while (k + 1 < points.length - 1 && points[k + 1].i <= i) k++;
    const a = points[k];
    const b = points[k + 1];
    path[i] = b.i === a.i ? a.j : a.j + ((b.j - a.j) * (i - a.i)) / (b.i - a.i);
  }
  return { path, widths };
}

const MIN_WIDTH = 16;
const SUPPORTED_COVERAGE = 0.2;
const MODEL1_PAIRS = 2000;
/** Rows of the pair table built at a time. */
const PAIR_BLOCK = 512;

interface Anchor {
  i: number;
  j: number;
  w: number;
}

/**
 * Anchors inside the window en[i0, i1) × fr[j0, j1): pairs of segments sharing features found in no other
 * segment of the window on either side, reduced to their heaviest increasing chain; then the same again
 * between consecutive anchors, where features that repeat in the whole document become unique.
 */
function localAnchors(en: Segmented, fr: Segmented, i0: number, i1: number, j0: number, j1: number, depth: number, scratch: AnchorScratch): Anchor[] {
  if (i1 - i0 < 2 || j1 - j0 < 2 || depth > 40) return [];
  // For each feature: where it occurs in the window on each side, or -1 when it occurs more than once.
  const generation = ++scratch.generation;
  const { enSeen, enAt, frSeen, frAt } = scratch;
  const mark = (doc: Segmented, from: number, to: number, seen: Int32Array, at: Int32Array) => {
    for (let s = from; s < to; s++) {
      for (let k = doc.uniqueStart[s]; k < doc.uniqueStart[s + 1]; k++) {
        const id = doc.unique[k];
        if (seen[id] !== generation) (seen[id] = generation), (at[id] = s);
        else at[id] = -1;
      }
    }
  };
  mark(en, i0, i1, enSeen, enAt);
  mark(fr, j0, j1, frSeen, frAt);
  const shared = new Map<number, number>();
  const width = j1 - j0 + 1;
  for (let s = i0; s < i1; s++) {
    for (let k = en.uniqueStart[s]; k < en.uniqueStart[s + 1]; k++) {
      const id = en.unique[k];
      if (enAt[id] !== s || frSeen[id] !== generation || frAt[id] < 0) continue;
      const key = (s - i0) * width + (frAt[id] - j0);
      shared.set(key, (shared.get(key) ?? 0) + 1);
    }
  }
  // Far from the diagonal of the window, one shared feature is more likely chance than translation.
  const slope = (j1 - j0) / (i1 - i0);
  const candidates: Anchor[] = [];
  for (const [key, w] of shared) {
    const i = i0 + Math.floor(key / width);
    const j = j0 + (key % width);
    if (w >= 2 || Math.abs(j - j0 - slope * (i - i0)) <= Math.max(10, 0.15 * (j1 - j0))) candidates.push({ i, j, w });
  }
  candidates.sort((a, b) => a.i - b.i || a.j - b.j);
  const chain = heaviestChain(candidates);
  if (chain.length === 0) {
    // Nothing is unique in this window (a text that repeats itself): halve it along its diagonal.
    if (i1 - i0 < 16 || j1 - j0 < 16) return [];
    const mid = Math.floor((i0 + i1) / 2);
    const jMid = j0 + Math.round((mid - i0) * slope);
    return [
      ...localAnchors(en, fr, i0, mid, j0, jMid, depth + 1, scratch),
      ...localAnchors(en, fr, mid, i1, jMid, j1, depth + 1, scratch),
    ];
  }
  const result: Anchor[] = [];
  let pi = i0 - 1;
  let pj = j0 - 1;
  for (const anchor of [...chain, { i: i1, j: j1, w: 0 }]) {
    if (anchor.i - pi > 4 && anchor.j - pj > 4) result.push(...localAnchors(en, fr, pi + 1, anchor.i, pj + 1, anchor.j, depth + 1, scratch));
    if (anchor.w > 0) result.push(anchor);
    pi = anchor.i;
    pj = anchor.j;
  }
  return result;
}

interface AnchorScratch {
  generation: number;
  enSeen: Int32Array;
  enAt: Int32Array;
  frSeen: Int32Array;
  frAt: Int32Array;
}

/** The heaviest chain of anchors strictly increasing on both sides (sorted by i, then j). */
function heaviestChain(candidates: Anchor[]): Anchor[] {
  // Weighted longest increasing subsequence over j, with a Fenwick tree of best chain weights.
  if (candidates.length === 0) return [];
  // Columns relative to the window's first: the tree is as wide as the window, not the document.
  let minJ = candidates[0].j;
  for (const c of candidates) minJ = Math.min(minJ, c.j);
  const maxJ = candidates.reduce((mx, c) => Math.max(mx, c.j), 0) - minJ + 2;
  const tree = new Float64Array(maxJ + 1);
  const treeArg = new Int32Array(maxJ + 1).fill(-1);
  const best = new Float64Array(candidates.length);
  const previous = new Int32Array(candidates.length).fill(-1);
  const query = (j: number): [number, number] => {
    let value = 0;
    let arg = -1;
    for (let x = j; x > 0; x -= x & -x) if (tree[x] > value) (value = tree[x]), (arg = treeArg[x]);
    return [value, arg];
  };
  const update = (j: number, value: number, arg: number) => {
    for (let x = j; x <= maxJ; x += x & -x) if (value > tree[x]) (tree[x] = value), (treeArg[x] = arg);
  };
  // Candidates of the same i must not chain with each other: process them in a group.
  for (let start = 0; start < candidates.length; ) {
    let end = start;
    while (end < candidates.length && candidates[end].i === candidates[start].i) end++;
    for (let k = start; k < end; k++) {
      const [value, arg] = query(candidates[k].j - minJ); // j' < j (1-based tree index j'+1 <= j)
      best[k] = value + candidates[k].w;
      previous[k] = arg;
    }
    for (let k = start; k < end; k++) update(candidates[k].j - minJ + 1, best[k], k);
    start = end;
  }
  let top = 0;
  for (let k = 1; k < candidates.length; k++) if (best[k] > best[top]) top = k;
  const chain: Anchor[] = [];
  for (let k = top; k >= 0; k = previous[k]) chain.push(candidates[k]);
  return chain.reverse();
}

// ---------------------------------------------------------------------------------------------------
// Scoring and the dynamic programme

interface Context {
  en: Segmented;
  fr: Segmented;
  /** Scratch for pair tables: one cell per feature id. */
  stamp: Int32Array;
  marks: number;
  /** Whether any segment carries a kind or a paragraph: otherwise structure costs nothing to check. */
  structured: boolean;
  explain: boolean;
  /** Reports English rows done by the dynamic programme in this pass. */
  rowsDone: (rows: number) => void;
  /** Scratch for scoring multi-segment links. */
  scratch: Uint32Array;
  enSlots: Int32Array;
  frSlots: Int32Array;
  frSums: Float64Array;
  /** Tables reused by every stretch and both passes (the pair table's block, the programme's cells). */
  buffers: Buffers;
  priors: Float64Array;
  enSegments: readonly AlignSegment[];
  frSegments: readonly AlignSegment[];
  ratio: number;
  weights: Weights;
}

const LOG_EPS = Math.log(1e-12);

/** log P(|δ| ≥ x) for x = 0, 0.01, ... 40: the length model is evaluated millions of times. */
const TAIL_STEP = 0.01;
const TAIL = (() => {
  const table = new Float64Array(4001);
  for (let k = 0; k < table.length; k++) {
    const p = 2 * (1 - normalCdf(k * TAIL_STEP));
    table[k] = p > 1e-12 ? Math.log(p) : LOG_EPS;
  }
  return table;
})();

/** log P(|δ| ≥ observed) for Gale and Church's length model. */
function lengthLogProbability(enChars: number, frChars: number, ratio: number): number {
  const mean = (enChars + frChars / ratio) / 2;
  if (mean === 0) return 0;
  const delta = Math.abs(frChars - enChars * ratio) / Math.sqrt(6.8 * mean);
  const k = Math.round(delta / TAIL_STEP);
  return k < TAIL.length ? TAIL[k] : LOG_EPS;
}

function normalCdf(x: number): number {
  // Abramowitz and Stegun 26.2.17.
  const t = 1 / (1 + 0.2316419 * x);
  const d = 0.3989423 * Math.exp((-x * x) / 2);
  const tail = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return 1 - tail;
}

function structurePenalty(ctx: Context, i0: number, a: number, j0: number, b: number): number {
  let penalty = 0;
  const kindOf = (segments: readonly AlignSegment[], k: number) => segments[k]?.kind ?? "body";
  const paragraphOf = (segments: readonly AlignSegment[], k: number) => segments[k]?.paragraph;
  for (let k = 1; k < a; k++) {
    const p0 = paragraphOf(ctx.enSegments, i0 + k - 1);
    if (p0 !== undefined && p0 !== paragraphOf(ctx.enSegments, i0 + k)) penalty += 1.5;
  }
  for (let k = 1; k < b; k++) {
    const p0 = paragraphOf(ctx.frSegments, j0 + k - 1);
    if (p0 !== undefined && p0 !== paragraphOf(ctx.frSegments, j0 + k)) penalty += 1.5;
  }
  if (a > 0 && b > 0) {
    const ke = kindOf(ctx.enSegments, i0);
    const kf = kindOf(ctx.frSegments, j0);
    if ((ke === "note") !== (kf === "note")) penalty += 6;
    else if ((ke === "heading") !== (kf === "heading")) penalty += 2;
  }
  return penalty;
}

/**
 * Without paragraphs to go by: the cost of the heading-like lines a link joins with the line after them.
 * (Joining one with the line before it costs nothing: measured on the Canadian acts, that only hurt.)
 */
function headingPenalty(ctx: Context, i0: number, a: number, j0: number, b: number): number {
  let joins = 0;
  for (let k = 0; k + 1 < a; k++) joins += ctx.en.heading[i0 + k];
  for (let k = 0; k + 1 < b; k++) joins += ctx.fr.heading[j0 + k];
  return joins * ctx.weights.heading;
}

interface LinkScore {
  coverage: number;
  lengthLog: number;
}

/** Adds the gains (per vocabulary word) of the set bits of `words` mask words at `at` in `masks` (tokens from `base`). */
function gainOfBits(masks: Uint32Array, at: number, words: number, gain: Float32Array, word: Int32Array, base: number): number {
  let sum = 0;
  for (let w = 0; w < words; w++) {
    let bits = masks[at + w];
    while (bits !== 0) {
      const low = bits & -bits;
      sum += gain[word[base + (w << 5) + 31 - Math.clz32(low)]];
      bits ^= low;
    }
  }
  return sum;
}

/**
 * Evidence of one side of a link: every segment's words that find a counterpart in the union of the
 * other side's segments. `slotOf(x, y)` gives the pair slot of this side's segment x and the other's y.
 */
function sideEvidence(
  doc: Segmented,
  first: number,
  count: number,
  otherCount: number,
  slots: Int32Array,
  masks: Uint32Array,
  offsets: Int32Array,
  scratch: Uint32Array,
): number {
  let lexical = 0;
  const gain = doc.gain[otherCount];
  const baseline = doc.baseline[otherCount];
  for (let x = 0; x < count; x++) {
    const s = first + x;
    lexical += baseline[s];
    if (otherCount === 0) continue;
    const words = maskWords(doc, s);
    const base = doc.segmentStart[s];
    if (otherCount === 1) {
      const slot = slots[x * MAX_SIDE];
      if (slot >= 0) lexical += gainOfBits(masks, offsets[slot], words, gain, doc.word, base);
      continue;
    }
    scratch.fill(0, 0, words);
    for (let y = 0; y < otherCount; y++) {
      const slot = slots[x * MAX_SIDE + y];
      if (slot < 0) continue;
      const at = offsets[slot];
      for (let w = 0; w < words; w++) scratch[w] |= masks[at + w];
    }
    lexical += gainOfBits(scratch, 0, words, gain, doc.word, base);
  }
  return lexical;
}

function scoreLink(ctx: Context, i0: number, a: number, j0: number, b: number, shape: number, pair: PairTable): number {
  const { en, fr, weights } = ctx;
  // The shapes met millions of times get a direct path: nothing to look up for 1-0 and 0-1, one pair for 1-1.
  if (a === 0 || b === 0) {
    let lexical = 0;
    for (let x = 0; x < a; x++) lexical += en.baseline[0][i0 + x];
    for (let y = 0; y < b; y++) lexical += fr.baseline[0][j0 + y];
    const score = ctx.priors[shape] + weights.lexical * lexical;
    return ctx.structured ? score - structurePenalty(ctx, i0, a, j0, b) : score;
  }
  if (a === 1 && b === 1) {
    const row = i0 - pair.i0;
    const column = j0 - pair.j0;
    let lexical = en.baseline[1][i0] + fr.baseline[1][j0];
    if (row >= 0 && row < pair.rows && column >= pair.from[row] && column <= pair.to[row]) {
      const slot = pair.rowStart[row] + column - pair.from[row];
      lexical += pair.enGain[slot] + pair.frGain[slot];
    }
    const score = ctx.priors[shape] + weights.length * lengthLogProbability(en.chars[i0], fr.chars[j0], ctx.ratio) + weights.lexical * lexical;
    return ctx.structured ? score - structurePenalty(ctx, i0, a, j0, b) : score;
  }
  let chEn = 0;
  let chFr = 0;
  for (let x = 0; x < a; x++) chEn += en.chars[i0 + x];
  for (let y = 0; y < b; y++) chFr += fr.chars[j0 + y];
  const { rowStart, from, to } = pair;
  for (let x = 0; x < a; x++) {
    const row = i0 + x - pair.i0;
    for (let y = 0; y < b; y++) {
      const column = j0 + y - pair.j0;
      const slot = row >= 0 && row < pair.rows && column >= from[row] && column <= to[row] ? rowStart[row] + column - from[row] : -1;
      ctx.enSlots[x * MAX_SIDE + y] = slot;
      ctx.frSlots[y * MAX_SIDE + x] = slot;
    }
  }
  const lexical =
    sideEvidence(en, i0, a, b, ctx.enSlots, pair.enMasks, pair.enOffset, ctx.scratch) +
    sideEvidence(fr, j0, b, a, ctx.frSlots, pair.frMasks, pair.frOffset, ctx.scratch);
  const lengthLog = a > 0 && b > 0 ? lengthLogProbability(chEn, chFr, ctx.ratio) : 0;
  let score = ctx.priors[shape] + weights.length * lengthLog + weights.lexical * lexical;
  score -= ctx.structured ? structurePenalty(ctx, i0, a, j0, b) : headingPenalty(ctx, i0, a, j0, b);
  return score;
}

/**
 * An upper bound on a multi-segment link's score, from the 1-1 gains of its pairs: a word's gain against a
 * side of b segments is below its gain against one, and the union cannot gain more than the sum of its
 * parts or than everything. The length term is at most 0. Used to skip links that cannot win.
 */
function scoreBound(ctx: Context, i0: number, a: number, j0: number, b: number, shape: number, pair: PairTable): number {
  const { en, fr } = ctx;
  let lexical = 0;
  for (let x = 0; x < a; x++) lexical += en.baseline[b][i0 + x];
  for (let y = 0; y < b; y++) lexical += fr.baseline[a][j0 + y];
  const { rowStart, from, to } = pair;
  const frSums = ctx.frSums;
  for (let y = 0; y < b; y++) frSums[y] = 0;
  for (let x = 0; x < a; x++) {
    const row = i0 + x - pair.i0;
    let enSum = 0;
    for (let y = 0; y < b; y++) {
      const column = j0 + y - pair.j0;
      if (row < 0 || row >= pair.rows || column < from[row] || column > to[row]) continue;
      const slot = rowStart[row] + column - from[row];
      enSum += pair.enGain[slot];
      frSums[y] += pair.frGain[slot];
    }
    lexical += Math.min(enSum, en.cap[b][i0 + x]);
  }
  for (let y = 0; y < b; y++) lexical += Math.min(frSums[y], fr.cap[a][j0 + y]);
  const bound = ctx.priors[shape] + ctx.weights.lexical * lexical;
  return bound - (ctx.structured ? structurePenalty(ctx, i0, a, j0, b) : headingPenalty(ctx, i0, a, j0, b));
}

/** Coverage (share of the possible evidence gained) and length agreement of a chosen link, for its confidence. */
function describeLink(ctx: Context, i0: number, a: number, j0: number, b: number): LinkScore {
  const { en, fr } = ctx;
  let possible = 0;
  let chEn = 0;
  let chFr = 0;
  for (let x = 0; x < a; x++) (possible += b > 0 ? en.cap[b][i0 + x] : 0), (chEn += en.chars[i0 + x]);
  for (let y = 0; y < b; y++) (possible += a > 0 ? fr.cap[a][j0 + y] : 0), (chFr += fr.chars[j0 + y]);
  const gained = a > 0 && b > 0 ? gainAgainst(ctx, en, i0, a, fr, j0, b) + gainAgainst(ctx, fr, j0, b, en, i0, a) : 0;
  const lengthLog = a > 0 && b > 0 ? lengthLogProbability(chEn, chFr, ctx.ratio) : 0;
  return { coverage: possible > 0 ? gained / possible : 0, lengthLog };
}

/** The evidence the words of doc[first, first + count) gain from finding counterparts in other[otherFirst, otherFirst + otherCount). */
function gainAgainst(ctx: Context, doc: Segmented, first: number, count: number, other: Segmented, otherFirst: number, otherCount: number): number {
  const mark = ++ctx.marks;
  for (let y = 0; y < otherCount; y++) stampSegment(other, otherFirst + y, ctx.stamp, mark);
  let gained = 0;
  for (let x = 0; x < count; x++) {
    const words = maskWords(doc, first + x);
    ctx.scratch.fill(0, 0, words);
    matchMask(doc, first + x, ctx.stamp, mark, ctx.scratch, 0);
    gained += gainOfBits(ctx.scratch, 0, words, doc.gain[otherCount], doc.word, doc.segmentStart[first + x]);
  }
  return gained;
}

/**
 * For the (i, j) pairs inside the band, which words of each side find a counterpart in the other. The
 * dynamic programme needs only a few rows at a time, so the table holds a block of rows and is refilled
 * in place as the programme moves down: its memory is the same for a page and for a whole code of law.
 */
interface PairTable {
  /** English segment of the first row. */
  i0: number;
  j0: number;
  rows: number;
  rowStart: Int32Array;
  from: Int32Array;
  to: Int32Array;
  enMasks: Uint32Array;
  frMasks: Uint32Array;
  enOffset: Int32Array;
  frOffset: Int32Array;
  /** Per slot: the evidence each side gains against the other segment alone (the 1-1 case). */
  enGain: Float32Array;
  frGain: Float32Array;
}

function emptyPairTable(): PairTable {
  return {
    i0: 0,
    j0: 0,
    rows: 0,
    rowStart: new Int32Array(PAIR_BLOCK + 1),
    from: new Int32Array(PAIR_BLOCK),
    to: new Int32Array(PAIR_BLOCK),
    enMasks: new Uint32Array(0),
    frMasks: new Uint32Array(0),
    enOffset: new Int32Array(0),
    frOffset: new Int32Array(0),
    enGain: new Float32Array(0),
    frGain: new Float32Array(0),
  };
}

interface Buffers {
  pairs: PairTable;
  best: Float64Array;
  back: Uint8Array;
  margin: Float32Array;
}

/** `array` if it holds `size` entries, else a larger one of the same kind (contents not kept). */
function atLeast<T extends Int32Array | Uint32Array | Float32Array | Float64Array | Uint8Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const Kind = array.constructor as new (length: number) => T;
  return new Kind(Math.ceil(size * 1.25));
}

/** Fills `table` with band rows [first, last) (at most PAIR_BLOCK) of a stretch starting at English segment i0. */
function fillPairTable(table: PairTable, ctx: Context, i0: number, lo: Int32Array, hi: Int32Array, j0: number, m: number, first: number, last: number): void {
  const { en, fr, stamp } = ctx;
  // Row x (English segment i0 + first + x) covers French j0 + [lo - MAX_SIDE, hi] so every link shape reaches inside.
  const n = last - first;
  const { rowStart, from, to } = table;
  let pairs = 0;
  for (let x = 0; x < n; x++) {
    from[x] = Math.max(0, Math.min(lo[first + x], lo[first + x + 1]) - MAX_SIDE);
    to[x] = Math.min(m - 1, Math.max(hi[first + x], hi[first + x + 1]));
    rowStart[x] = pairs;
    pairs += Math.max(0, to[x] - from[x] + 1);
  }
  rowStart[n] = pairs;
  i0 += first;
  const enOffset = (table.enOffset = atLeast(table.enOffset, pairs + 1));
  const frOffset = (table.frOffset = atLeast(table.frOffset, pairs + 1));
  enOffset[0] = 0;
  frOffset[0] = 0;
  for (let x = 0, k = 0; x < n; x++) {
    for (let y = from[x]; y <= to[x]; y++, k++) {
      enOffset[k + 1] = enOffset[k] + maskWords(en, i0 + x);
      frOffset[k + 1] = frOffset[k] + maskWords(fr, j0 + y);
    }
  }
  const enMasks = (table.enMasks = atLeast(table.enMasks, enOffset[pairs]));
  const frMasks = (table.frMasks = atLeast(table.frMasks, frOffset[pairs]));
  enMasks.fill(0, 0, enOffset[pairs]);
  frMasks.fill(0, 0, frOffset[pairs]);
  for (let x = 0, k = 0; x < n; x++) {
    const mark = ++ctx.marks;
    stampSegment(en, i0 + x, stamp, mark);
    for (let y = from[x]; y <= to[x]; y++) matchMask(fr, j0 + y, stamp, mark, frMasks, frOffset[k + y - from[x]]);
    for (let y = from[x]; y <= to[x]; y++, k++) {
      const other = ++ctx.marks;
      stampSegment(fr, j0 + y, stamp, other);
      matchMask(en, i0 + x, stamp, other, enMasks, enOffset[k]);
    }
  }
  const enGain = (table.enGain = atLeast(table.enGain, pairs));
  const frGain = (table.frGain = atLeast(table.frGain, pairs));
  for (let x = 0, k = 0; x < n; x++) {
    for (let y = from[x]; y <= to[x]; y++, k++) {
      enGain[k] = gainOfBits(enMasks, enOffset[k], maskWords(en, i0 + x), en.gain[1], en.word, en.segmentStart[i0 + x]);
      frGain[k] = gainOfBits(frMasks, frOffset[k], maskWords(fr, j0 + y), fr.gain[1], fr.word, fr.segmentStart[j0 + y]);
    }
  }
  table.i0 = i0;
  table.j0 = j0;
  table.rows = n;
}

/** Aligns en[i0..i1) with fr[j0..j1) inside a band around `path`; returns links with global indices. */
function alignStretch(ctx: Context, i0: number, i1: number, j0: number, j1: number, path: Float64Array, widths: Int32Array): AlignedLink[] {
  const n = i1 - i0;
  const m = j1 - j0;
  if (n === 0 && m === 0) return [];
  if (n === 0) return Array.from({ length: m }, (_, k) => ({ en: [], fr: [j0 + k], confidence: 0 }));
  if (m === 0) return Array.from({ length: n }, (_, k) => ({ en: [i0 + k], fr: [], confidence: 0 }));
  // Band: for each row i (0..n), columns [lo, hi] around the path, widened to stay connected.
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const centre = Math.round(path[i0 + i] - j0);
    const width = widths[i0 + i];
    lo[i] = Math.max(0, Math.min(m, centre - width));
    hi[i] = Math.max(0, Math.min(m, centre + width));
  }
  lo[0] = 0;
  hi[n] = m;
  for (let i = 1; i <= n; i++) lo[i] = Math.max(lo[i], lo[i - 1]);
  for (let i = n - 1; i >= 0; i--) hi[i] = Math.min(Math.max(hi[i], lo[i]), hi[i + 1]);
  for (let i = 1; i <= n; i++) if (lo[i] > hi[i - 1] + MAX_SIDE) lo[i] = hi[i - 1] + MAX_SIDE; // reachable by a 1-4 link
  for (let i = 0; i <= n; i++) hi[i] = Math.max(hi[i], lo[i]);

  const local: Context = ctx;
  let pairEnd = Math.min(n, PAIR_BLOCK);
  const pairs = ctx.buffers.pairs;
  fillPairTable(pairs, ctx, i0, lo, hi, j0, m, 0, pairEnd);

  const rowOffset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) rowOffset[i + 1] = rowOffset[i] + (hi[i] - lo[i] + 1);
  const cells = rowOffset[n + 1];
  const best = (ctx.buffers.best = atLeast(ctx.buffers.best, cells));
  best.fill(Number.NEGATIVE_INFINITY, 0, cells);
  const back = (ctx.buffers.back = atLeast(ctx.buffers.back, cells));
  // How far the chosen link beat the best other way of reaching the same cell: the DP's own doubt.
  const margin = (ctx.buffers.margin = atLeast(ctx.buffers.margin, cells));
  const cell = (i: number, j: number) => (j >= lo[i] && j <= hi[i] ? rowOffset[i] + j - lo[i] : -1);
  best[cell(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    if ((i & 255) === 255) ctx.rowsDone(i0 + i);
    if (i - 1 >= pairEnd) {
      // Links ending on row i start at most MAX_SIDE rows above it.
      const first = Math.max(0, i - MAX_SIDE);
      pairEnd = Math.min(n, first + PAIR_BLOCK);
      fillPairTable(pairs, ctx, i0, lo, hi, j0, m, first, pairEnd);
    }
    for (let j = lo[i]; j <= hi[i]; j++) {
      const here = cell(i, j);
      if (i === 0 && j === 0) continue;
      let top = Number.NEGATIVE_INFINITY;
      let second = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let s = 0; s < SHAPES.length; s++) {
        const [a, b] = SHAPES[s];
        if (a > i || b > j) continue;
        const prev = cell(i - a, j - b);
        if (prev < 0 || best[prev] === Number.NEGATIVE_INFINITY) continue;
        // Skipping a link that cannot beat the runner-up either leaves the result and the margin unchanged.
        if (a > 0 && b > 0 && a + b > 2 && best[prev] + scoreBound(local, i0 + i - a, a, j0 + j - b, b, s, pairs) <= second) continue;
        const value = best[prev] + scoreLink(local, i0 + i - a, a, j0 + j - b, b, s, pairs);
        if (value > top) (second = top), (top = value), (arg = s);
        else if (value > second) second = value;
      }
      best[here] = top;
      back[here] = arg;
      margin[here] = second === Number.NEGATIVE_INFINITY ? 20 : Math.min(20, top - second);
    }
  }
  const links: AlignedLink[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const [a, b] = SHAPES[back[cell(i, j)]];
    const s = describeLink(local, i0 + i - a, a, j0 + j - b, b);
    const evidence: LinkEvidence = { coverage: s.coverage, length: Math.max(-10, s.lengthLog), margin: margin[cell(i, j)] };
    links.push({ en: range(i0 + i - a, a), fr: range(j0 + j - b, b), confidence: confidenceOf(evidence, a, b), evidence });
    i -= a;
    j -= b;
  }
  return links.reverse();
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => start + k);
}

/**
 * The probability that a link is right, by logistic regression on its evidence. The coefficients were fit
 * by `npm run bench:confidence` on TransRead and the UDHR against their gold alignments; the same command
 * prints how well they hold on the Canadian acts, which the fit does not see.
 */
export const CONFIDENCE_MODEL = { bias: 2.016, coverage: 0.802, length: 0.824, margin: 0.173, unlinked: -4.459, merged: -1.056 };

export function confidenceOf(evidence: LinkEvidence, a: number, b: number, model = CONFIDENCE_MODEL): number {
  const z =
    model.bias +
    model.coverage * evidence.coverage +
    model.length * evidence.length +
    model.margin * Math.min(20, evidence.margin) +
    (a === 0 || b === 0 ? model.unlinked : 0) +
    (a + b > 2 ? model.merged : 0);
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}

// ---------------------------------------------------------------------------------------------------

export function alignSegments(
  enSegments: readonly AlignSegment[],
  frSegments: readonly AlignSegment[],
  options: AlignOptions = {},
): Alignment {
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const n = enSegments.length;
  const m = frSegments.length;
  const progress = options.onProgress ?? (() => {});
  const entries = [...(options.builtInLexicon === false ? [] : BUILT_IN_LEXICON), ...(options.lexicon ?? [])];

  // English features do not depend on the lexicon: built once, recalibrated on each pass.
  const interner = new Interner();
  const en = buildFeatures(enSegments, interner, null);
  const buffers: Buffers = { pairs: emptyPairTable(), best: new Float64Array(0), back: new Uint8Array(0), margin: new Float32Array(0) };
  const run = (
    translations: Map<string, string[]>,
    width: number,
    guide: Float64Array | null,
    previous: readonly LinkSides[] | null,
    span: readonly [number, number],
  ) => {
    const fr = buildFeatures(frSegments, interner, translations);
    calibrate(en, fr, weights.matchRate);
    calibrate(fr, en, weights.matchRate);
    const ratio = (fr.chars.reduce((x, y) => x + y, 0) || 1) / (en.chars.reduce((x, y) => x + y, 0) || 1);
    const structured = [...enSegments, ...frSegments].some((x) => x.kind !== undefined || x.paragraph !== undefined);
    const ctx: Context = { en, fr, enSegments, frSegments, ratio, weights, stamp: new Int32Array(interner.size), marks: 0, structured, priors: shapePriors(previous), explain: options.explain === true,
      rowsDone: (rows) => progress(span[0] + (span[1] - span[0]) * (rows / Math.max(1, n))),
      scratch: new Uint32Array(1 << 16),
      enSlots: new Int32Array(MAX_SIDE * MAX_SIDE),
      frSlots: new Int32Array(MAX_SIDE * MAX_SIDE),
      frSums: new Float64Array(MAX_SIDE),
      buffers,
    };
    const { path, widths } = guide ? { path: guide, widths: new Int32Array(n + 1).fill(width) } : anchorPath(en, fr, n, m, width);
    const links: AlignedLink[] = [];
    // Fixed links split the work into independent stretches.
    let i = 0;
    let j = 0;
    for (const fixed of [...(options.fixed ?? []), { en: [n], fr: [m] }]) {
      const iEnd = fixed.en.length > 0 ? fixed.en[0] : i;
      const jEnd = fixed.fr.length > 0 ? fixed.fr[0] : j;
      links.push(...alignStretch(ctx, i, iEnd, j, jEnd, path, widths));
      if (fixed.en[0] === n && fixed.fr[0] === m && fixed.en.length === 1 && fixed.fr.length === 1) break;
      links.push({ en: [...fixed.en], fr: [...fixed.fr], confidence: 1 });
      i = fixed.en.length > 0 ? fixed.en[fixed.en.length - 1] + 1 : iEnd;
      j = fixed.fr.length > 0 ? fixed.fr[fixed.fr.length - 1] + 1 : jEnd;
    }
    return { links, en, fr };
  };

  const lexiconMap = toTranslations(entries);
  progress(0.05);
  const learnAfter = options.learn !== false && n > 0 && m > 0;
  let first: { links: AlignedLink[]; en: Segmented; fr: Segmented } | null = run(lexiconMap, weights.band, null, null, learnAfter ? [0.05, 0.5] : [0.05, 1]);
  progress(0.5);
  let links = first.links;
  if (learnAfter) {
    // Train on an even sample of the confident 1-1 links: enough for the frequent words, bounded in memory.
    const confident = links.filter((l) => l.en.length === 1 && l.fr.length === 1 && l.confidence >= 0.5);
    const step = Math.max(1, confident.length / MODEL1_PAIRS);
    const training: Array<[string[], string[]]> = [];
    for (let k = 0; k < confident.length && training.length < MODEL1_PAIRS; k += step) {
      const link = confident[Math.floor(k)];
      training.push([wordsOf(first.en, link.en[0]), wordsOf(first.fr, link.fr[0])]);
    }
    first = null; // the first pass's tables can go before the second pass builds its own
    const combined = toTranslations([...entries, ...trainModel1(training, { maxPairs: MODEL1_PAIRS })]);
    training.length = 0;
    const guide = pathOf(links, n);
    progress(0.55);
    links = run(combined, weights.refineBand, guide, links, [0.55, 1]).links;
  }
  progress(1);
  // Lexical support: a link whose words find at least a fifth of the counterparts they could.
  const supported = links.filter((l) => l.en.length > 0 && l.fr.length > 0 && (l.evidence?.coverage ?? 1) >= SUPPORTED_COVERAGE).length;
  if (options.explain !== true) for (const link of links) delete link.evidence;
  return { links, support: links.length > 0 ? supported / links.length : 0 };
}

function wordsOf(doc: Segmented, s: number): string[] {
  const out: string[] = [];
  for (let t = doc.segmentStart[s]; t < doc.segmentStart[s + 1]; t++) out.push(doc.vocabulary[doc.word[t]]);
  return out;
}

function toTranslations(entries: readonly LexiconEntry[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { en, fr } of entries) {
    const list = map.get(fr) ?? [];
    if (!list.includes(en)) list.push(en);
    map.set(fr, list);
  }
  return map;
}

/** The French position each English position reaches in an alignment, as a path for the next pass. */
function pathOf(links: readonly LinkSides[], n: number): Float64Array {
  const path = new Float64Array(n + 1);
  let j = 0;
  let i = 0;
  for (const link of links) {
    for (const x of link.en) {
      path[x] = j;
      i = x + 1;
    }
    j += link.fr.length;
    if (link.en.length > 0) path[i] = j;
  }
  path[n] = j;
  return path;
}
