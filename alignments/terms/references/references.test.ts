import { describe, expect, it } from "vitest";
import { REFERENCE_CASES } from "./references.cases";
import { couldSay, legalReferencesOf } from "./references";

describe("legal cross-references", () => {
  it.each(REFERENCE_CASES)("$language: $text", ({ language, text, references }) => {
    const found = legalReferencesOf(text, language).map((r) => `${r.level} ${r.labelled ? "labelled" : "pointed"}${r.elsewhere ? " elsewhere" : ""}`);
    expect(found).toEqual(references);
  });

  it("lets a unit pointed at stand for the labelled units it holds, up to two levels down, in this text only", () => {
    const [subsection] = legalReferencesOf("under subsection (1) or (2)", "en");
    const [section] = legalReferencesOf("visée au présent article", "fr");
    const [act] = legalReferencesOf("en vertu de la présente loi", "fr");
    const [thatAct] = legalReferencesOf("under that Act", "en");
    const [sectionFive] = legalReferencesOf("under section 5", "en");
    expect(couldSay(section, subsection)).toBe(true);
    expect(couldSay(act, subsection)).toBe(false);
    expect(couldSay(act, sectionFive)).toBe(false);
    expect(couldSay(thatAct, sectionFive)).toBe(false);
    expect(couldSay(subsection, section)).toBe(false);
  });
});
