/**
 * A plain Gale–Church (1993) length aligner, the floor the benchmarks print beside Tandem: character lengths only,
 * shapes 1-1, 1-0, 0-1, 2-1, 1-2, 2-2 with the paper's priors, the expected ratio of lengths taken from the two texts'
 * totals (c) and the paper's variance (s² = 6.8), scored by the aligner's own length model (lengthLogProbability).
 * A full dynamic programme, for the benchmark's short texts only.
 */
import type { LinkSides } from "../alignments/align/links";
import { lengthLogProbability } from "../alignments/align/link-score";

const SHAPES: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 0.89], [1, 0, 0.0099], [0, 1, 0.0099], [2, 1, 0.089], [1, 2, 0.089], [2, 2, 0.011],
];

export function galeChurch(first: readonly string[], second: readonly string[]): LinkSides[] {
  const n = first.length;
  const m = second.length;
  const a = first.map((s) => [...s].length);
  const b = second.map((s) => [...s].length);
  const ratio = (b.reduce((x, y) => x + y, 0) || 1) / (a.reduce((x, y) => x + y, 0) || 1);
  const cost = new Float64Array((n + 1) * (m + 1)).fill(Infinity);
  const back = new Int8Array((n + 1) * (m + 1)).fill(-1);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      SHAPES.forEach(([di, dj, prior], shape) => {
        if (di > i || dj > j) return;
        const before = cost[(i - di) * (m + 1) + (j - dj)];
        if (before === Infinity) return;
        let la = 0;
        let lb = 0;
        for (let k = 1; k <= di; k++) la += a[i - k];
        for (let k = 1; k <= dj; k++) lb += b[j - k];
        const total = before - Math.log(prior) + (la === 0 && lb === 0 ? 0 : -lengthLogProbability(la, lb, ratio));
        if (total < cost[i * (m + 1) + j]) (cost[i * (m + 1) + j] = total), (back[i * (m + 1) + j] = shape);
      });
    }
  }
  const links: LinkSides[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [di, dj] = SHAPES[back[i * (m + 1) + j]];
    links.push({ en: Array.from({ length: di }, (_, k) => i - di + k), fr: Array.from({ length: dj }, (_, k) => j - dj + k) });
    i -= di;
    j -= dj;
  }
  return links.reverse();
}
