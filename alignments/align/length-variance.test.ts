import { describe, expect, it } from "vitest";
import { estimateLengthVariance, GALE_CHURCH_VARIANCE, lengthLogProbability } from "./link-score";

/** `count` links of 100 first-side characters whose second side strays by ±`spread` from 100 × ratio, in turn. */
const links = (count: number, ratio: number, spread: number) =>
  Array.from({ length: count }, (_, k) => [100, 100 * ratio + (k % 2 === 0 ? spread : -spread)] as const);

const cases: Array<[string, ReadonlyArray<readonly [number, number]>, number, number]> = [
  ["too few links to say: Gale and Church's", links(99, 1, 20), 1, GALE_CHURCH_VARIANCE],
  ["a spread of ±20 on 100 characters", links(200, 1, 20), 1, 4],
  ["the same spread at Chinese's ratio to English", links(200, 0.25, 20), 0.25, 4],
  ["a spread of ±10 at that ratio: the floor", links(200, 0.25, 10), 0.25, 1],
  ["lengths that never stray: the floor", links(200, 1.1, 0), 1.1, 1],
  ["lengths that stray wildly: the ceiling", links(200, 1, 90), 1, 40],
];

describe("a pair's own length variance", () => {
  it.each(cases)("%s", (_, pairs, ratio, variance) => expect(estimateLengthVariance(pairs, ratio)).toBeCloseTo(variance, 6));

  it("makes a stray in length cost more where the pair's lengths agree more", () => {
    expect(lengthLogProbability(100, 130, 1, 2)).toBeLessThan(lengthLogProbability(100, 130, 1, GALE_CHURCH_VARIANCE));
  });
});
