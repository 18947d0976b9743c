import type { LexiconEntry } from "./lexicon";

/**
 * IBM Model 1 (Brown et al. 1993) trained by expectation-maximisation on sentence pairs that a first
 * alignment pass linked with confidence, as hunalign's realign step does with its own dictionary. It
 * returns the word pairs it believes in: t(fr | en) high, seen together often enough.
 *
 * Only content words take part: words seen once in the sample carry no statistics, and words found in
 * more than a fifth of the sentences (the, de) are already covered by the built-in lexicon. Tables are
 * typed arrays over the co-occurring pairs, so memory stays bounded on long documents.
 */

export interface Model1Options {
  iterations?: number;
  /** Most sentence pairs to train on (evenly spread); bounds time and memory on long documents. */
  maxPairs?: number;
  minProbability?: number;
  minCount?: number;
}

export function trainModel1(pairs: ReadonlyArray<readonly [string[], string[]]>, options: Model1Options = {}): LexiconEntry[] {
  const { iterations = 5, maxPairs = 2000, minProbability = 0.25, minCount = 2 } = options;
  const step = Math.max(1, pairs.length / maxPairs);
  const sample: Array<readonly [string[], string[]]> = [];
  for (let k = 0; k < pairs.length && sample.length < maxPairs; k += step) sample.push(pairs[Math.floor(k)]);
  if (sample.length === 0) return [];

  const vocabulary = (side: 0 | 1) => {
    const frequency = new Map<string, number>();
    for (const pair of sample) for (const w of new Set(pair[side])) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    const index = new Map<string, number>();
    for (const [w, f] of frequency) if (f >= 2 && f <= Math.max(2, 0.2 * sample.length) && !/^\p{N}+$/u.test(w)) index.set(w, index.size + 1);
    return index; // 0 is the empty word on the English side
  };
  const enIndex = vocabulary(0);
  const frIndex = vocabulary(1);
  const corpus = sample.map(([en, fr]) => [
    Int32Array.from([0, ...en.map((w) => enIndex.get(w) ?? -1).filter((i) => i > 0)]),
    Int32Array.from(fr.map((w) => frIndex.get(w) ?? -1).filter((i) => i > 0)),
  ]);

  // Every pair that co-occurs gets a slot: the sorted distinct keys e·|F|+f, found again by binary search.
  // Sentences keep their slots, so EM never looks a pair up again; no map of hundreds of thousands of keys.
  const frSize = frIndex.size + 1;
  let keyCount = 0;
  for (const [en, fr] of corpus) keyCount += en.length * fr.length;
  // Keys fit 32 bits unless the vocabularies are huge; half the memory of doubles on the common case.
  const sorted = (enIndex.size + 1) * frSize < 2 ** 31 ? new Int32Array(keyCount) : new Float64Array(keyCount);
  let at = 0;
  for (const [en, fr] of corpus) for (let y = 0; y < fr.length; y++) for (let x = 0; x < en.length; x++) sorted[at++] = en[x] * frSize + fr[y];
  sorted.sort();
  let distinct = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k];
  const slotKeys = sorted.slice(0, distinct);
  const slotOf = (key: number) => {
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (slotKeys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const enOfSlot = new Int32Array(distinct);
  const frOfSlot = new Int32Array(distinct);
  for (let k = 0; k < distinct; k++) (enOfSlot[k] = Math.floor(slotKeys[k] / frSize)), (frOfSlot[k] = slotKeys[k] % frSize);
  const together = new Int32Array(distinct);
  const lastSeen = new Int32Array(distinct).fill(-1);
  const sentenceSlots: Int32Array[] = [];
  corpus.forEach(([en, fr], sentence) => {
    const slots = new Int32Array(en.length * fr.length);
    for (let k = 0; k < slots.length; k++) {
      const slot = slotOf(en[k % en.length] * frSize + fr[Math.floor(k / en.length)]);
      slots[k] = slot;
      if (lastSeen[slot] !== sentence) (lastSeen[slot] = sentence), together[slot]++;
    }
    sentenceSlots.push(slots);
  });
  const t = new Float64Array(distinct).fill(1 / Math.max(1, frIndex.size));
  const count = new Float64Array(distinct);
  const totalOfEn = new Float64Array(enIndex.size + 1);
  for (let round = 0; round < iterations; round++) {
    count.fill(0);
    totalOfEn.fill(0);
    corpus.forEach(([en, fr], k) => {
      const slots = sentenceSlots[k];
      for (let y = 0; y < fr.length; y++) {
        let norm = 0;
        for (let x = 0; x < en.length; x++) norm += t[slots[y * en.length + x]];
        if (norm === 0) continue;
        for (let x = 0; x < en.length; x++) {
          const slot = slots[y * en.length + x];
          const delta = t[slot] / norm;
          count[slot] += delta;
          totalOfEn[en[x]] += delta;
        }
      }
    });
    for (let slot = 0; slot < t.length; slot++) t[slot] = totalOfEn[enOfSlot[slot]] > 0 ? count[slot] / totalOfEn[enOfSlot[slot]] : 0;
  }

  const enWords = ["", ...enIndex.keys()];
  const frWords = ["", ...frIndex.keys()];
  const entries: LexiconEntry[] = [];
  for (let slot = 0; slot < t.length; slot++) {
    if (enOfSlot[slot] === 0 || t[slot] < minProbability || together[slot] < minCount) continue;
    entries.push({ en: enWords[enOfSlot[slot]], fr: frWords[frOfSlot[slot]] });
  }
  return entries;
}

/** At most this many confident 1-1 links train IBM Model 1 for the aligner's second pass. */
export const MODEL1_PAIRS = 2000;
