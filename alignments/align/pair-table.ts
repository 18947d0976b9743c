import { maskWords, matchMask, stampSegment, type Segmented } from "./features";
import { MAX_SIDE } from "./shapes";

/** Rows of the pair table built at a time. */
export const PAIR_BLOCK = 512;

/** What filling a pair table needs of the scoring context: both documents and the stamp scratch. */
export interface Stamps {
  en: Segmented;
  fr: Segmented;
  /** Scratch for pair tables: one cell per feature id. */
  stamp: Int32Array;
  marks: number;
}

/** Adds the gains (per vocabulary word) of the set bits of `words` mask words at `at` in `masks` (tokens from `base`). */
export function gainOfBits(masks: Uint32Array, at: number, words: number, gain: Float32Array, word: Int32Array, base: number): number {
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
 * For the (i, j) pairs inside the band, which words of each side find a counterpart in the other. The
 * dynamic programme needs only a few rows at a time, so the table holds a block of rows and is refilled
 * in place as the programme moves down: its memory is the same for a page and for a whole code of law.
 */
export interface PairTable {
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

export function emptyPairTable(): PairTable {
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

/** `array` if it holds `size` entries, else a larger one of the same kind (contents not kept). */
export function atLeast<T extends Int32Array | Uint32Array | Float32Array | Float64Array | Uint8Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const Kind = array.constructor as new (length: number) => T;
  return new Kind(Math.ceil(size * 1.25));
}

/** Fills `table` with band rows [first, last) (at most PAIR_BLOCK) of a stretch starting at English segment i0. */
export function fillPairTable(table: PairTable, ctx: Stamps, i0: number, lo: Int32Array, hi: Int32Array, j0: number, m: number, first: number, last: number): void {
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
