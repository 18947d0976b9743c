import { describe, expect, it } from "vitest";
import { directionOf, inOtherScript, scriptLanguage } from "./script-language";
import { SCRIPT_LANGUAGE_CASES } from "./script-language.cases";

describe("the language a segment is read in, by its script", () => {
  it.each(SCRIPT_LANGUAGE_CASES)("$why: $segment ($document) → $language", ({ segment, document, language }) => {
    expect(scriptLanguage(segment, document)).toBe(language);
    expect(inOtherScript(segment, document)).toBe(language !== document);
  });

  it("gives Arabic its direction, others left to right, an unknown script the browser's", () => {
    expect([directionOf("ar"), directionOf("fr"), directionOf("zh-Hans"), directionOf(null)]).toEqual(["rtl", "ltr", "ltr", "auto"]);
  });
});
