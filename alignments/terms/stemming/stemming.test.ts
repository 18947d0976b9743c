import { describe, expect, it } from "vitest";
import { compileTerms, findTerms } from "../match";
import { MATCH_CASES } from "./stemming.cases";

const matches = (language: (typeof MATCH_CASES)[number]["language"], term: string, text: string) =>
  findTerms(compileTerms([{ id: 1, concept: 1, language, text: term, status: "preferred", match: "inflected" }], language), text).length > 0;

describe("a term's forms in running text, per language", () => {
  it.each(MATCH_CASES.filter((c) => !c.missed))("$language: “$term” in “$text” → $found", ({ language, term, text, found }) => {
    expect(matches(language, term, text)).toBe(found);
  });

  // Known limits, held so that a rule that mends one shows here.
  it.each(MATCH_CASES.filter((c) => c.missed))("$language: “$term” in “$text” is still missed ($missed)", ({ language, term, text, found }) => {
    expect(matches(language, term, text)).toBe(!found);
  });
});
