import { describe, expect, it } from "vitest";
import { processDocument } from "./pipeline";
import { TITLE_CASES } from "./title.cases";
import { titleFromHeadings } from "./title";
import { documentSymbols, isDocumentSymbol } from "./symbols";

describe("a document's title from its first headings", () => {
  it.each(TITLE_CASES)("$name", ({ text, language, title }) => {
    expect(titleFromHeadings(processDocument(text, language).paragraphs)).toBe(title);
  });

  it("cuts a long title to the length given, the symbol kept whole", () => {
    const heading = `Report ${"of the working group ".repeat(20)}`.trim();
    const title = titleFromHeadings([
      { kind: "heading", text: "A/AC.291/L.15" },
      { kind: "heading", text: heading },
    ], 100)!;
    expect(title).toHaveLength(100);
    expect(title.endsWith("… (A/AC.291/L.15)")).toBe(true);
  });
});

describe("document symbols", () => {
  it.each([
    ["A/AC.291/L.15", ["A/AC.291/L.15"]],
    ["draft resolution A/C.3/74/L.11/Rev.1, adopted", ["A/C.3/74/L.11/Rev.1"]],
    ["EG.4/2026/L.1 and S/RES/2573 (2021)", ["EG.4/2026/L.1", "S/RES/2573"]],
    ["TCP/IP, and/or 24/7, V.20-04090", []],
  ])("%s", (text, symbols) => {
    expect(documentSymbols(text)).toEqual(symbols);
  });

  it("tells a symbol line from a line that names one", () => {
    expect(isDocumentSymbol("A/AC.291/L.15")).toBe(true);
    expect(isDocumentSymbol("Symbol: A/AC.291/L.15")).toBe(true);
    expect(isDocumentSymbol("Draft resolution A/AC.291/L.15")).toBe(false);
  });
});
