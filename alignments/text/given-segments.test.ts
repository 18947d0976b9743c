import { describe, expect, it } from "vitest";
import { documentFromSegments, presegment } from "./given-segments";

/** Segments given one by one: each its own paragraph, its text exactly as given, offsets into the clean text. */
const UNIT_CASES: ReadonlyArray<{ name: string; texts: string[]; lines: number[] }> = [
  { name: "one unit", texts: ["Mutual legal assistance."], lines: [1] },
  { name: "units kept exactly, spaces and all", texts: ["  Article 1 ", "Le ministre."], lines: [1, 2] },
  { name: "a unit with line breaks moves the next one's line", texts: ["First\nsecond\r\nthird", "Next."], lines: [1, 4] },
];

describe("a document from segments given one by one", () => {
  it.each(UNIT_CASES)("$name", ({ texts, lines }) => {
    const doc = documentFromSegments(texts, "en");
    expect(doc.segments.map((s) => s.text)).toEqual(texts);
    expect(doc.segments.map((s) => doc.cleanText.slice(s.start, s.end))).toEqual(texts);
    expect(doc.paragraphs.map((p) => p.line)).toEqual(lines);
    expect(doc.paragraphs.every((p) => p.oneSegment && p.kind === "body")).toBe(true);
    expect(doc.segments.map((s) => s.paragraph)).toEqual(texts.map((_, k) => k));
  });
});

/** A text with one segment per line: the lines as segments, with their kinds. */
const LINE_CASES: ReadonlyArray<{ name: string; raw: string; kinds: Array<"heading" | undefined>; cleanUp: boolean; segments: string[] }> = [
  { name: "each non-empty line, trimmed", raw: "Title\nFirst line.\n\nSecond line. Still the same segment.\n", kinds: ["heading"], cleanUp: false, segments: ["Title", "First line.", "Second line. Still the same segment."] },
  { name: "a line with two sentences stays one segment", raw: "One. Two.\nThree.", kinds: [], cleanUp: false, segments: ["One. Two.", "Three."] },
];

describe("a text cut one segment per line", () => {
  it.each(LINE_CASES)("$name", ({ raw, kinds, cleanUp, segments }) => {
    const doc = presegment(raw, "en", kinds, cleanUp);
    expect(doc.segments.map((s) => s.text)).toEqual(segments);
  });

  it("gives the first line the kind asked", () => {
    expect(presegment("Title\nBody.", "en", ["heading"]).segments.map((s) => s.kind)).toEqual(["heading", "body"]);
  });
});
