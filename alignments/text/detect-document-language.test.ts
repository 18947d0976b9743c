import { describe, expect, it } from "vitest";
import { TEXT_LANGUAGES } from "../languages";
import { detectDocumentLanguage } from "./detect-document-language";
import { DOCUMENT_LANGUAGE_CASES, UNSUPPORTED_DOCUMENTS } from "./detect-document-language.cases";
import { NOT_TEXT } from "./detect-language.cases";

describe("the language of an imported document", () => {
  it.each(DOCUMENT_LANGUAGE_CASES)("$language: $text", ({ language, text }) => {
    expect(detectDocumentLanguage(text)).toMatchObject({ language, status: "detected" });
  });

  it.each(TEXT_LANGUAGES)("has a document in %s", (language) => {
    expect(DOCUMENT_LANGUAGE_CASES.some((c) => c.language === language)).toBe(true);
  });

  it.each(UNSUPPORTED_DOCUMENTS)("refuses $name, naming it and the languages Tandem reads", ({ name, text }) => {
    const guess = detectDocumentLanguage(text);
    expect(guess).toMatchObject({ language: null, status: "unsupported", name });
    expect(guess.message).toMatch(new RegExp(`^This text looks ${name}, which Tandem does not read; it reads Arabic, Chinese \\(simplified\\), .*Spanish, .*Japanese\\.`));
  });

  it("says when the text is too short to tell, and how many letters it needs", () => {
    const guess = detectDocumentLanguage("Buenos días.");
    expect(guess).toMatchObject({ language: null, status: "undetermined" });
    expect(guess.message).toMatch(/too short to tell its language \(10 letters; at least 40 are needed\)\. Choose its language: Tandem reads Arabic, /);
  });

  it("suggests the supported language franc ranks first when it cannot decide", () => {
    // franc puts Portuguese first with Galician and Spanish within a few hundredths: ask, with Portuguese preselected.
    const guess = detectDocumentLanguage("O auxílio judiciário mútuo em matéria penal é prestado sem demora pela autoridade central.");
    expect(guess).toMatchObject({ language: null, status: "undetermined", suggested: "pt" });
  });

  it.each(NOT_TEXT)("does not take $name for a language", ({ text }) => {
    const guess = detectDocumentLanguage(text);
    expect(guess).toMatchObject({ language: null, status: "not-text" });
    expect(guess.message).toMatch(/^This is not a text in a language Tandem reads: /);
  });
});
