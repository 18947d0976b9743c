import { describe, expect, it } from "vitest";
import { GALE_CHURCH_VARIANCE, lengthModelOf } from "./length-model";
import { lengthLogProbability } from "./link-score";

/** Character counts of two texts, segment by segment, and what the pair's length model should be. */
const CASES: Array<{ name: string; first: number[]; second: number[]; ratio: number; variance: number }> = [
  { name: "English–French, c near 1: Gale and Church's own 6.8", first: [100, 50, 80], second: [110, 60, 90], ratio: 260 / 230, variance: 6.8 },
  { name: "c of 0.7, still inside the band", first: [100, 100], second: [70, 70], ratio: 0.7, variance: 6.8 },
  { name: "English–Chinese, c of 0.25: scaled by (1.5 c)²", first: [200, 200], second: [50, 50], ratio: 0.25, variance: 6.8 * 0.375 ** 2 },
  { name: "a second side three times as long: scaled by (c / 1.5)²", first: [100], second: [300], ratio: 3, variance: 6.8 * 4 },
  { name: "empty texts: ratio 1, the plain model", first: [], second: [], ratio: 1, variance: 6.8 },
];

describe("the length model of a pair", () => {
  for (const { name, first, second, ratio, variance } of CASES) {
    it(name, () => {
      const model = lengthModelOf(first, second);
      expect(model.ratio).toBeCloseTo(ratio, 10);
      expect(model.variance).toBeCloseTo(variance, 10);
    });
  }

  it("a Chinese sentence half as long as expected costs as the length model should, no longer almost nothing", () => {
    // 100 English characters, 25 Chinese expected at c = 0.25, 12.5 given; French at c = 1: 100 expected, 50 given.
    const chinese = lengthModelOf([100], [25]);
    const chineseHalf = lengthLogProbability(100, 12.5, 0.25, chinese.variance);
    expect(chineseHalf).toBeLessThan(-1.9);
    expect(chineseHalf).toBeGreaterThan(lengthLogProbability(100, 50, 1, GALE_CHURCH_VARIANCE));
    // With 6.8 in Chinese characters, as before, the same sentence cost a little over a half.
    expect(lengthLogProbability(100, 12.5, 0.25)).toBeGreaterThan(-0.6);
  });
});
