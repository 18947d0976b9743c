import { describe, expect, it } from "vitest";
import { TEXT_LANGUAGES } from "../languages";
import { LANGUAGE_SENTENCE_CASES } from "./sentences.languages.cases";
import { splitSentences } from "./sentences";

describe("sentence splitting beyond French and English", () => {
  it.each(LANGUAGE_SENTENCE_CASES)("$language: $name", ({ text, language, sentences }) => {
    expect(splitSentences(text, language)).toEqual(sentences);
  });

  it.each(TEXT_LANGUAGES.filter((l) => l !== "fr" && l !== "en"))("has ten tricky cases or more for %s", (language) => {
    expect(LANGUAGE_SENTENCE_CASES.filter((c) => c.language === language).length).toBeGreaterThanOrEqual(10);
  });
});
