import type { LinkSides } from "./links";

/** Link shapes, English count first, with Gale and Church's prior probabilities (extended to 4-1 and 1-4). */
export const SHAPES: ReadonlyArray<readonly [number, number, number]> = [
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
export const MAX_SIDE = 4;

/**
 * Shape log-priors for a pass: Gale and Church's, or re-estimated from a previous pass's links (with
 * their prior as pseudo-counts), so a statute where nearly every link is 1-1 stops paying for merges
 * that a novel needs.
 */
export function shapePriors(previous: readonly LinkSides[] | null): Float64Array {
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
