import { describe, expect, it } from "vitest";
import { correctedSegmentCount } from "./corrections";

const FRESH = ["One sentence.", "Two sentences here.", "Three.", "Three."];

describe("corrected segments", () => {
  it.each([
    { name: "none: the segments are the fresh cut", current: FRESH, count: 0 },
    { name: "a corrected text", current: ["One sentence.", "Two sentences, corrected.", "Three.", "Three."], count: 1 },
    { name: "a split: both halves", current: ["One", "sentence.", "Two sentences here.", "Three.", "Three."], count: 2 },
    { name: "a merge: the joined segment", current: ["One sentence. Two sentences here.", "Three.", "Three."], count: 1 },
    { name: "a repeated text corrected once", current: ["One sentence.", "Two sentences here.", "Three.", "Three!"], count: 1 },
  ])("$name", ({ current, count }) => {
    expect(correctedSegmentCount(current, FRESH)).toBe(count);
  });
});
