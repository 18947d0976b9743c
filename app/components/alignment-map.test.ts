import { describe, expect, it } from "vitest";
import type { EditableLink } from "../../alignments/align/operations";
import { nearestStroke, runs, strokes, toneOf } from "./alignment-map";

const link = (en: number[], fr: number[], confidence = 0.9, status: EditableLink["status"] = "automatic"): EditableLink => ({ en, fr, confidence, status });

describe("the alignment map", () => {
  it("draws each link from where it starts to where it ends, as shares of each document", () => {
    // 4 English and 4 French segments: a 1-1, a 1-0 (flat), a 0-1 (steep), a 2-2.
    const list = strokes([link([0], [0]), link([1], []), link([], [1]), link([2, 3], [2, 3])], 4, 4);
    expect(list).toEqual([
      { x0: 0, y0: 0, x1: 0.25, y1: 0.25 },
      { x0: 0.25, y0: 0.25, x1: 0.5, y1: 0.25 },
      { x0: 0.5, y0: 0.25, x1: 0.5, y1: 0.5 },
      { x0: 0.5, y0: 0.5, x1: 1, y1: 1 },
    ]);
  });

  it("shows a stretch that is off by some rows away from the diagonal", () => {
    // French 0..2 left out at first, caught up at the end: the middle runs above the diagonal.
    const links = [link([0], []), link([1], []), ...Array.from({ length: 6 }, (_, i) => link([i + 2], [i])), link([], [6]), link([], [7])];
    const list = strokes(links, 8, 8);
    const middle = list[4];
    expect(middle.x0 - middle.y0).toBeCloseTo(0.25);
  });

  it("finds the link nearest to a click", () => {
    const list = strokes(Array.from({ length: 100 }, (_, i) => link([i], [i])), 100, 100);
    expect(nearestStroke(list, 0.605, 0.605)).toBe(60);
    expect(nearestStroke(list, 0.605, 0.7)).toBe(65);
    expect(nearestStroke(list, 0, 0)).toBe(0);
    expect(nearestStroke(list, 1.2, 1.2)).toBe(99);
    expect(nearestStroke([], 0.5, 0.5)).toBe(-1);
  });

  it("colours by status, then by confidence", () => {
    expect(toneOf(link([0], [0], 0.1, "confirmed"))).toBe("confirmed");
    expect(toneOf(link([0], [0], 0.95))).toBe("sure");
    expect(toneOf(link([0], [0], 0.6))).toBe("unsure");
    expect(toneOf(link([0], [0], 0.2))).toBe("low");
  });

  it("draws dense links as runs in the tone most of them have, and each link alone when there is room", () => {
    // 1,000 links on a 10-pixel map: 100 a pixel, one low link in ten.
    const links = Array.from({ length: 1000 }, (_, i) => link([i], [i], i % 10 === 0 ? 0.2 : 0.95, i < 300 ? "confirmed" : "automatic"));
    const list = strokes(links, 1000, 1000);
    const dense = runs(links, list, 10);
    expect(dense).toHaveLength(10);
    expect(dense.map((r) => r.tone)).toEqual(["confirmed", "confirmed", "confirmed", "sure", "sure", "sure", "sure", "sure", "sure", "sure"]);
    expect(dense[0]).toMatchObject({ x0: 0, y0: 0, x1: 0.1, y1: 0.1 });
    const sparse = runs(links.slice(0, 20), strokes(links.slice(0, 20), 20, 20), 200);
    expect(sparse).toHaveLength(20);
    // Confirmed links are confirmed whatever their confidence; an automatic low one is low.
    expect(sparse.slice(0, 2).map((r) => r.tone)).toEqual(["confirmed", "confirmed"]);
    expect(runs([link([0], [0], 0.2)], strokes([link([0], [0], 0.2)], 1, 1), 200)[0].tone).toBe("low");
  });
});
