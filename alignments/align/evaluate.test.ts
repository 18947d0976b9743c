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

  // Links that cross others and have non-contiguous sides (legal gold in the Canadian acts: [26,30,31]:[15]).
  const crossingGold = parseLinks("[0]:[1]\n[1,3]:[0]\n[2]:[2,4]\n[4]:[3]");
  const crossingCases: Array<{ name: string; test: string; precision: object; recall: object }> = [
    {
      name: "a crossing alignment equal to the gold",
      test: "[0]:[1]\n[1,3]:[0]\n[2]:[2,4]\n[4]:[3]",
      precision: { strictHits: 4, strictMisses: 0, laxHits: 4, laxMisses: 0 },
      recall: { strictHits: 4, strictMisses: 0, laxHits: 4, laxMisses: 0 },
    },
    {
      name: "the same links with their sides listed in another order",
      test: "[3,1]:[0]\n[0]:[1]\n[2]:[4,2]\n[4]:[3]",
      precision: { strictHits: 4, strictMisses: 0, laxHits: 4, laxMisses: 0 },
      recall: { strictHits: 4, strictMisses: 0, laxHits: 4, laxMisses: 0 },
    },
    {
      name: "a monotone alignment of the same segments: only overlapping links are lax hits",
      test: "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n[4]:[4]",
      // [0]:[0] overlaps nothing ([0] goes to [1]); [1]:[1] nothing; [2]:[2] gold [2]:[2,4]; [3]:[3] nothing; [4]:[4] nothing.
      precision: { strictHits: 0, strictMisses: 5, laxHits: 1, laxMisses: 4 },
      recall: { strictHits: 0, strictMisses: 4, laxHits: 1, laxMisses: 3 },
    },
  ];
  for (const c of crossingCases) {
    it(`scores crossing, non-contiguous links: ${c.name}`, () => {
      const { precision, recall } = alignmentCounts(crossingGold, parseLinks(c.test));
      expect(precision).toEqual(c.precision);
      expect(recall).toEqual(c.recall);
    });
  }
});
