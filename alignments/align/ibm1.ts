import type { LexiconEntry } from "./lexicon";

/**
 * IBM Model 1 (Brown et al. 1993) trained by expectation-maximisation on sentence pairs that a first
 * alignment pass linked with confidence, as hunalign's realign step does with its own dictionary. It
 * returns the word pairs it believes in: t(fr | en) high, seen together often enough.
 */

export interface Model1Options {
  iterations?: number;
  /** Most sentence pairs to train on (evenly spread); bounds time and memory on long documents. */
  maxPairs?: number;
  minProbability?: number;
  minCount?: number;
}

export function trainModel1(pairs: ReadonlyArray<readonly [string[], string[]]>, options: Model1Options = {}): LexiconEntry[] {
  const { iterations = 5, maxPairs = 4000, minProbability = 0.25, minCount = 2 } = options;
  const step = Math.max(1, pairs.length / maxPairs);
  const sample: Array<readonly [string[], string[]]> = [];
  for (let k = 0; k < pairs.length && sample.length < maxPairs; k += step) sample.push(pairs[Math.floor(k)]);

  const enIndex = new Map<string, number>([["<null>", 0]]);
  const frIndex = new Map<string, number>();
  const index = (map: Map<string, number>, w: string) => {
    let id = map.get(w);
    if (id === undefined) map.set(w, (id = map.size));
    return id;
  };
  const corpus = sample.map(([en, fr]) => [
    Int32Array.from([0, ...en.filter(isWord).map((w) => index(enIndex, w))]),
    Int32Array.from(fr.filter(isWord).map((w) => index(frIndex, w))),
  ]);
  const frSize = frIndex.size + 1;
  const key = (e: number, f: number) => e * frSize + f;

  // t(f|e), initialised uniformly over the pairs that co-occur.
  const t = new Map<number, number>();
  const together = new Map<number, number>();
  for (const [en, fr] of corpus) {
    const seen = new Set<number>();
    for (const e of en) for (const f of fr) seen.add(key(e, f));
    for (const k of seen) together.set(k, (together.get(k) ?? 0) + 1);
  }
  const initial = 1 / Math.max(1, frIndex.size);
  for (const k of together.keys()) t.set(k, initial);

  for (let round = 0; round < iterations; round++) {
    const count = new Map<number, number>();
    const totalOfE = new Float64Array(enIndex.size);
    for (const [en, fr] of corpus) {
      for (const f of fr) {
        let norm = 0;
        for (const e of en) norm += t.get(key(e, f)) ?? 0;
        if (norm === 0) continue;
        for (const e of en) {
          const delta = (t.get(key(e, f)) ?? 0) / norm;
          const k = key(e, f);
          count.set(k, (count.get(k) ?? 0) + delta);
          totalOfE[e] += delta;
        }
      }
    }
    for (const [k, c] of count) t.set(k, c / totalOfE[Math.floor(k / frSize)]);
  }

  const enWords = [...enIndex.keys()];
  const frWords = [...frIndex.keys()];
  const entries: LexiconEntry[] = [];
  for (const [k, p] of t) {
    const e = Math.floor(k / frSize);
    if (e === 0 || p < minProbability || (together.get(k) ?? 0) < minCount) continue;
    entries.push({ en: enWords[e], fr: frWords[k % frSize] });
  }
  return entries;
}

function isWord(w: string): boolean {
  return !/^\p{N}+$/u.test(w);
}
