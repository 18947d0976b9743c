import type { AlignedLink, LinkEvidence } from "./alignment-types";
import { confidenceOf } from "./confidence";
import { describeLink, scoreBound, scoreLink, type Context } from "./link-score";
import { atLeast, fillPairTable, PAIR_BLOCK } from "./pair-table";
import { MAX_SIDE, SHAPES } from "./shapes";

/**
 * The dynamic programme over link shapes inside a band around the path: the links that maximise the sum of
 * link scores, each with its evidence and confidence.
 */

/** Aligns en[i0..i1) with fr[j0..j1) inside a band around `path`; returns links with global indices. */
export function alignStretch(ctx: Context, i0: number, i1: number, j0: number, j1: number, path: Float64Array, widths: Int32Array): AlignedLink[] {
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
