import { describe, expect, it } from "vitest";
import { ReadLimitError } from "../formats/text-limit";
import { BUILT_IN_LEXICON, lexiconOfConcepts, parseGlossary, parseHunalignDictionary } from "./lexicon";

/** "entraide judiciaire" ↔ "mutual legal assistance": three words against two, so every content word with every other. */
const MLA_PAIRS = [
      { en: "mutual", fr: "entraide" },
      { en: "mutual", fr: "judiciaire" },
      { en: "legal", fr: "entraide" },
      { en: "legal", fr: "judiciaire" },
      { en: "assistance", fr: "entraide" },
      { en: "assistance", fr: "judiciaire" },
];

describe("lexicons", () => {
  it("reads hunalign's dictionary format, French (target) first", () => {
    expect(parseHunalignDictionary("entraide @ assistance\nautorité centrale @ central authority\nno separator here\n")).toEqual([
      { en: "assistance", fr: "entraide" },
      { en: "central", fr: "autorité" },
      { en: "authority", fr: "centrale" },
    ]);
  });

  it("links content words of multi-word terms of different lengths", () => {
    expect(parseHunalignDictionary("entraide judiciaire @ mutual legal assistance")).toEqual(MLA_PAIRS);
  });

  it("reads a glossary as CSV or TSV, skipping a header and honouring quotes", () => {
    expect(parseGlossary('english,french\n"Budapest Convention","Convention de Budapest"\nevidence\tpreuve\n')).toEqual([
      { en: "budapest", fr: "convention" },
      { en: "budapest", fr: "budapest" },
      { en: "convention", fr: "convention" },
      { en: "convention", fr: "budapest" },
      { en: "evidence", fr: "preuve" },
    ]);
  });

  it("refuses a glossary line whose quote is never closed, naming the line of the file", () => {
    expect(() => parseGlossary('english,french\nevidence,preuve\n"Budapest Convention,Convention de Budapest\n')).toThrow(
      /^Line 3: a quoted field starts here and is never closed/,
    );
  });

  it("makes a dictionary of the glossary's entries: each English term with each French term, each word pair once", () => {
    const concepts = [
      {
        terms: [
          { language: "fr", text: "entraide judiciaire" },
          { language: "fr", text: "entraide juridique" },
          { language: "en", text: "mutual legal assistance" },
        ],
      },
      { terms: [{ language: "en", text: "central authority" }, { language: "fr", text: "autorité centrale" }] },
      // one language only: nothing to pair
      { terms: [{ language: "fr", text: "cyberespace" }] },
    ];
    expect(lexiconOfConcepts(concepts)).toEqual([
      ...MLA_PAIRS,
      { en: "mutual", fr: "juridique" },
      { en: "legal", fr: "juridique" },
      { en: "assistance", fr: "juridique" },
      { en: "central", fr: "autorité" },
      { en: "authority", fr: "centrale" },
    ]);
    expect(() => lexiconOfConcepts(concepts, 10)).toThrow(ReadLimitError);
  });

  it("ships a compact built-in lexicon with both directions' frequent words", () => {
    expect(BUILT_IN_LEXICON.length).toBeGreaterThan(250);
    expect(BUILT_IN_LEXICON).toContainEqual({ en: "the", fr: "les" });
    expect(BUILT_IN_LEXICON).toContainEqual({ en: "evidence", fr: "preuves" });
  });
});
