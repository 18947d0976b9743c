import { describe, expect, it } from "vitest";
import { lineLayout, segmentLines } from "./lines";
import { LINE_LAYOUT_CASES } from "./lines.cases";

describe("whether a text is already cut one segment per line", () => {
  it.each(LINE_LAYOUT_CASES)("$language: $name", ({ text, language, presegmented, because }) => {
    const layout = lineLayout(text, language);
    expect(layout.presegmented).toBe(presegmented);
    expect(layout.reason).toMatch(because);
  });

  it("counts blank lines between lines of text, not at the ends", () => {
    const layout = lineLayout("\n\nOne.\nTwo.\n\nThree.\nFour.\nFive.\n\n", "en");
    expect(layout).toMatchObject({ lines: 5, blankGaps: 1, presegmented: false });
  });
});

describe("one segment per line", () => {
  it("makes each line with text a segment and a paragraph of its own, with offsets into the clean text", () => {
    const doc = segmentLines("In this Act,\n\naffiliate means an entity; (groupe)\r\n   bank means a bank listed in Schedule I or II; (banque)  \n", "en");
    expect(doc.segments.map((s) => s.text)).toEqual(["In this Act,", "affiliate means an entity; (groupe)", "bank means a bank listed in Schedule I or II; (banque)"]);
    expect(doc.segments.map((s) => doc.cleanText.slice(s.start, s.end))).toEqual(doc.segments.map((s) => s.text));
    expect(doc.segments.map((s) => s.paragraph)).toEqual([0, 1, 2]);
    expect(doc.paragraphs.map((p) => [p.line, p.oneSegment])).toEqual([
      [1, true],
      [3, true],
      [4, true],
    ]);
    expect(doc.repairs).toEqual([]);
  });

  it("takes invisible characters out and reports them, and makes tabs and runs of spaces one space", () => {
    const doc = segmentLines("alphabet\u00adical list\nthe\tproposal  is made\u200b.", "en");
    expect(doc.segments.map((s) => s.text)).toEqual(["alphabetical list", "the proposal is made."]);
    expect(doc.removed).toEqual([
      expect.objectContaining({ kind: "control-character", line: 1, text: "U+00AD" }),
      expect.objectContaining({ kind: "control-character", line: 2, text: "U+200B" }),
    ]);
  });

  it("gives each line the kind it is known to have, body otherwise: a heading is not guessed from a line's look", () => {
    const text = "Short Title\nShort title\nThis Act may be cited as the Bank Act.\nbranch";
    expect(segmentLines(text, "en").segments.map((s) => s.kind)).toEqual(["body", "body", "body", "body"]);
    expect(segmentLines(text, "en", { kinds: ["heading", "heading"] }).segments.map((s) => s.kind)).toEqual(["heading", "heading", "body", "body"]);
  });

  it("keeps each line exactly as it is, trimmed, when asked not to clean up", () => {
    const doc = segmentLines(" a bell\u0007 here \nTab\tinside", "en", { cleanUp: false });
    expect(doc.segments.map((s) => s.text)).toEqual(["a bell\u0007 here", "Tab\tinside"]);
    expect(doc.removed).toEqual([]);
  });

  it("joins nothing and splits nothing: a line of several sentences stays one segment", () => {
    const doc = segmentLines("He left. She stayed.\nand then\nthe end", "en");
    expect(doc.segments.map((s) => s.text)).toEqual(["He left. She stayed.", "and then", "the end"]);
  });
});
