import { describe, expect, it } from "vitest";
import { acrossScripts, latinAndCyrillic, splitOnLetters, wordSplitterFor } from "./word-split";

const words = (language: string, text: string) => {
  const out: string[] = [];
  wordSplitterFor(language)(text, (t, start, end) => out.push(t.slice(start, end)));
  return out;
};

describe("finding words", () => {
  it.each([
    ["en", "the state's 2 requests, in writing", ["the", "state", "s", "2", "requests", "in", "writing"]],
    ["fr", "l'entraide judiciaire — 24 heures", ["l", "entraide", "judiciaire", "24", "heures"]],
    // Chinese has no spaces: the words are the word-break rules' (ICU's dictionary), not one run per sentence.
    ["zh", "起初神创造天地。", ["起初", "神", "创造", "天地"]],
    // A Latin name or a number inside Chinese text stays one word, as elsewhere.
    ["zh", "2019年interpol通过", ["2019", "年", "interpol", "通过"]],
    // A simple Chinese numeral is one word, which ICU's dictionary would cut (第二|十六|条, 一九|四|八年).
    ["zh", "第二十六条", ["第", "二十六", "条"]],
    ["zh", "一九四八年", ["一九四八", "年"]],
  ])("in %s: %s", (language, text, expected) => {
    expect(words(language, text)).toEqual(expected);
  });

  // How ICU cuts the rest depends on its dictionary's version: the words it knows must come out whole, and the pieces
  // must make up the text's letters.
  it.each([
    ["zh-Hans", "联合国大会通过了决议。", ["大会", "通过", "决议"]],
    ["ja", "東京で会議が開かれた。", ["東京", "会議"]],
  ])("in %s: %s, with its known words whole", (language, text, known) => {
    const found = words(language, text);
    for (const word of known) expect(found).toContain(word);
    expect(found.join("")).toBe(text.replace(/。/g, ""));
  });

  it("keeps runs of letters and digits for languages written with spaces", () => {
    expect(wordSplitterFor("de")).toBe(splitOnLetters);
    expect(wordSplitterFor("ar")).toBe(splitOnLetters);
  });

  it.each([
    ["en", "fr", false],
    ["en", "de", false],
    ["en", "zh", true],
    ["zh", "en", true],
    ["ar", "en", true],
    ["ru", "zh", true],
  ])("%s and %s are written in different scripts: %s", (a, b, expected) => {
    expect(acrossScripts(a, b)).toBe(expected);
  });

  it.each([
    ["en", "ru", true],
    ["ru", "fr", true],
    ["en", "fr", false],
    ["ru", "uk", false],
    ["en", "zh", false],
    ["ar", "ru", false],
  ])("%s and %s are one in Latin and one in Cyrillic letters: %s", (a, b, expected) => {
    expect(latinAndCyrillic(a, b)).toBe(expected);
  });
});
