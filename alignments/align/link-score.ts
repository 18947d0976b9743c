import type { AlignSegment, Weights } from "./alignment-types";
import { maskWords, matchMask, stampSegment, type Segmented } from "./features";
import { gainOfBits, type PairTable, type Stamps } from "./pair-table";
import { GALE_CHURCH_VARIANCE } from "./length-model";
import { MAX_SIDE } from "./shapes";

/**
 * A link's score: shape prior, Gale–Church length likelihood, the lexical likelihood ratio of every word (a
 * counterpart found, or not, against the chance of finding one at random) and structure.
 */

export interface Context {
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
  /** s²: the variance of the second side's length per character of the first (Gale and Church's 6.8 for English–French). */
  variance: number;
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
export function lengthLogProbability(enChars: number, frChars: number, ratio: number, variance = GALE_CHURCH_VARIANCE): number {
  const mean = (enChars + frChars / ratio) / 2;
  if (mean === 0) return 0;
  const delta = Math.abs(frChars - enChars * ratio) / Math.sqrt(variance * mean);
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

export function structurePenalty(ctx: Context, i0: number, a: number, j0: number, b: number): number {
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
export function headingPenalty(ctx: Context, i0: number, a: number, j0: number, b: number): number {
  let joins = 0;
  for (let k = 0; k + 1 < a; k++) joins += ctx.en.heading[i0 + k];
  for (let k = 0; k + 1 < b; k++) joins += ctx.fr.heading[j0 + k];
  return joins * ctx.weights.heading;
}

interface LinkScore {
  coverage: number;
  lengthLog: number;
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

export function scoreLink(ctx: Context, i0: number, a: number, j0: number, b: number, shape: number, pair: PairTable): number {
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
    const score = ctx.priors[shape] + weights.length * lengthLogProbability(en.chars[i0], fr.chars[j0], ctx.ratio, ctx.variance) + weights.lexical * lexical;
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
  const lengthLog = a > 0 && b > 0 ? lengthLogProbability(chEn, chFr, ctx.ratio, ctx.variance) : 0;
  let score = ctx.priors[shape] + weights.length * lengthLog + weights.lexical * lexical;
  score -= ctx.structured ? structurePenalty(ctx, i0, a, j0, b) : headingPenalty(ctx, i0, a, j0, b);
  return score;
}

/**
 * An upper bound on a multi-segment link's score, from the 1-1 gains of its pairs: a word's gain against a
 * side of b segments is below its gain against one, and the union cannot gain more than the sum of its
 * parts or than everything. The length term is at most 0. Used to skip links that cannot win.
 */
export function scoreBound(ctx: Context, i0: number, a: number, j0: number, b: number, shape: number, pair: PairTable): number {
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
export function describeLink(ctx: Context, i0: number, a: number, j0: number, b: number): LinkScore {
  const { en, fr } = ctx;
  let possible = 0;
  let chEn = 0;
  let chFr = 0;
  for (let x = 0; x < a; x++) (possible += b > 0 ? en.cap[b][i0 + x] : 0), (chEn += en.chars[i0 + x]);
  for (let y = 0; y < b; y++) (possible += a > 0 ? fr.cap[a][j0 + y] : 0), (chFr += fr.chars[j0 + y]);
  const gained = a > 0 && b > 0 ? gainAgainst(ctx, en, i0, a, fr, j0, b) + gainAgainst(ctx, fr, j0, b, en, i0, a) : 0;
  const lengthLog = a > 0 && b > 0 ? lengthLogProbability(chEn, chFr, ctx.ratio, ctx.variance) : 0;
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

export interface Buffers {
  pairs: PairTable;
  best: Float64Array;
  back: Uint8Array;
  margin: Float32Array;
}
