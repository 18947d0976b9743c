import { describe, expect, it } from "vitest";
import { parseLinks } from "./links";
import { alignmentCounts, scoreAlignment } from "./evaluate";

const gold = parseLinks("[0]:[0]\n[1,2]:[1]\n[3]:[]\n[4]:[2]");

describe("scoring against gold (vecalign's convention)", () => {
  it("gives 1 everywhere for the gold itself", () => {
    expect(scoreAlignment(gold, gold)).toEqual({
      precisionStrict: 1,
      recallStrict: 1,
      f1Strict: 1,
      precisionLax: 1,
      recallLax: 1,
      f1Lax: 1,
    });
  });

  it("counts a split 2-1 as two lax hits and two strict misses", () => {
    const test = parseLinks("[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n[4]:[2]");
    const { precision, recall } = alignmentCounts(gold, test);
    // Test links: [0]:[0] exact, [1]:[1] overlaps gold [1,2]:[1], [2]:[] overlaps nothing on the French side, [3]:[] exact, [4]:[2] exact.
    expect(precision).toEqual({ strictHits: 3, strictMisses: 2, laxHits: 4, laxMisses: 1 });
    // Recall ignores 1-0 and 0-1 links on both sides: gold [0]:[0], [1,2]:[1], [4]:[2] against test [0]:[0], [1]:[1], [4]:[2].
    expect(recall).toEqual({ strictHits: 2, strictMisses: 1, laxHits: 3, laxMisses: 0 });
    const score = scoreAlignment(gold, test);
    expect(score.precisionStrict).toBeCloseTo(3 / 5);
    expect(score.recallStrict).toBeCloseTo(2 / 3);
    expect(score.f1Strict).toBeCloseTo((2 * (3 / 5) * (2 / 3)) / (3 / 5 + 2 / 3));
  });

  it("gives 0 to an alignment shifted by one", () => {
    const shifted = parseLinks("[0]:[]\n[1]:[0]\n[2]:[1]\n[3]:[2]\n[4]:[]");
    expect(scoreAlignment(gold, shifted).f1Strict).toBe(0);
  });
});
