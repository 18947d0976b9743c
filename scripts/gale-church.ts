/**
 * A plain Gale–Church (1993) length aligner, the floor the benchmarks print beside Tandem: character lengths only,
 * shapes 1-1, 1-0, 0-1, 2-1, 1-2, 2-2 with the paper's priors, the expected ratio of lengths taken from the two texts'
 * totals (c) and the paper's variance (s² = 6.8). A full dynamic programme, for the benchmark's short texts only.
 */
import type { LinkSides } from "../alignments/align/links";

const SHAPES: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 0.89], [1, 0, 0.0099], [0, 1, 0.0099], [2, 1, 0.089], [1, 2, 0.089], [2, 2, 0.011],
];

/** -log P(|δ| ≥ observed): the two-tailed normal tail, by the Abramowitz–Stegun approximation the paper uses. */
function lengthCost(first: number, second: number, ratio: number): number {
  if (first === 0 && second === 0) return 0;
  const mean = (first + second / ratio) / 2;
  const delta = Math.abs((second - first * ratio) / Math.sqrt(6.8 * Math.max(mean, 1)));
  const t = 1 / (1 + 0.2316419 * delta);
  const tail = 2 * (0.3989423 * Math.exp((-delta * delta) / 2)) * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return -Math.log(Math.max(tail, 1e-300));
}

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
        const total = before - Math.log(prior) + lengthCost(la, lb, ratio);
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
