import { describe, expect, it } from "vitest";
import { linkText, piecesInSegments } from "./joined-segments";

const TEXTS = ["Part 1", "Requests for mutual legal", "assistance are made.", "Other."];

/** Spans of segments 1–2 joined ("Requests for mutual legal assistance are made."), as pieces in the segments. */
const CASES: ReadonlyArray<{ name: string; span: string; pieces: Array<[segment: number, text: string]> }> = [
  { name: "a span inside the first segment", span: "mutual legal", pieces: [[1, "mutual legal"]] },
  { name: "a span inside the second segment", span: "are made", pieces: [[2, "are made"]] },
  { name: "a span over the boundary: a piece each side, the space in neither", span: "legal assistance", pieces: [[1, "legal"], [2, "assistance"]] },
  { name: "a span of the whole link", span: "Requests for mutual legal assistance are made.", pieces: [[1, "Requests for mutual legal"], [2, "assistance are made."]] },
];

describe("spans of a link's joined text in its segments", () => {
  const joined = linkText(TEXTS, 1, 2);
  it("joins a link's segments by one space", () => {
    expect(joined).toBe("Requests for mutual legal assistance are made.");
    expect(linkText(TEXTS, 0, 0)).toBe("");
  });

  it.each(CASES)("$name", ({ span, pieces }) => {
    const start = joined.indexOf(span);
    const found = piecesInSegments(TEXTS, 1, 2, [{ start, end: start + span.length }]);
    expect(found.map((p) => [p.segment, TEXTS[p.segment].slice(p.start, p.end)])).toEqual(pieces);
    expect(found.every((p) => p.span === 0)).toBe(true);
  });

  it("lists pieces segment by segment, each segment's in the spans' order", () => {
    const at = (s: string) => ({ start: joined.indexOf(s), end: joined.indexOf(s) + s.length });
    const found = piecesInSegments(TEXTS, 1, 2, [at("made"), at("Requests"), at("legal assistance")]);
    expect(found.map((p) => [p.segment, p.span])).toEqual([[1, 1], [1, 2], [2, 0], [2, 2]]);
  });
});
