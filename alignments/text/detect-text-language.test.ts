import { describe, expect, it } from "vitest";
import { TEXT_LANGUAGES } from "../languages";
import { VARIANT_PAIRS, chineseVariant } from "./chinese-variant";
import { detectTextLanguage } from "./detect-text-language";
import { TEXT_LANGUAGE_CASES } from "./detect-text-language.cases";

describe("detecting every language Tandem reads", () => {
  it.each(TEXT_LANGUAGE_CASES)("$language: $text", ({ language, text }) => {
    expect(detectTextLanguage(text)).toMatchObject({ language, status: "detected" });
  });

  it.each(TEXT_LANGUAGES)("has cases for %s", (language) => {
    expect(TEXT_LANGUAGE_CASES.filter((c) => c.language === language).length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    { text: "المنامة، البحرين", language: "ar" },
    { text: "Россия", language: "ru" },
    { text: "国际", language: "zh-Hans" },
    { text: "國際", language: "zh-Hant" },
    { text: "ありがとう", language: "ja" },
  ])("tells a line of a few letters by its script alone: $text", ({ text, language }) => {
    expect(detectTextLanguage(text)).toMatchObject({ language, basis: "script", confidence: 1 });
  });

  it("does not guess the language of a short line in Latin script, and lists what Tandem reads", () => {
    const guess = detectTextLanguage("Manama, 15 mars 2023");
    expect(guess).toMatchObject({ language: null, status: "undetermined" });
    expect(guess.message).toMatch(/too short.*Arabic, Chinese \(simplified\), .*Japanese\.$/);
  });

  it.each([
    { text: "L'Assemblea General va aprovar la convenció contra la ciberdelinqüència després de tres anys de negociacions entre els estats.", name: "Catalan" },
    { text: "Zgromadzenie Ogólne przyjęło konwencję przeciwko cyberprzestępczości po trzech latach negocjacji między państwami członkowskimi.", name: "Polish" },
    { text: "Генеральна Асамблея ухвалила конвенцію проти кіберзлочинності після трьох років переговорів між державами-членами.", name: "Ukrainian" },
    { text: "국제연합 총회는 사이버 범죄에 관한 협약을 채택하였다.", name: "Korean" },
    { text: "Η Γενική Συνέλευση ενέκρινε τη σύμβαση.", name: "Greek" },
  ])("names a language Tandem does not read: $name", ({ text, name }) => {
    const guess = detectTextLanguage(text);
    expect(guess).toMatchObject({ language: null, status: "unsupported", name });
    expect(guess.message).toContain(`looks ${name}, which Tandem does not read`);
  });

  it("asks rather than guess between close neighbours on a short sentence", () => {
    // franc ranks Portuguese first, Galician and Spanish within a few hundredths.
    const guess = detectTextLanguage("O auxílio judiciário mútuo em matéria penal é prestado sem demora pela autoridade central.");
    expect(guess).toMatchObject({ language: null, status: "undetermined" });
  });

  it("says when Chinese characters do not tell simplified from traditional", () => {
    expect(detectTextLanguage("任何人不得加以任意逮捕。")).toMatchObject({ language: null, status: "undetermined", basis: "script" });
  });

  it("reports nothing for text without letters", () => {
    expect(detectTextLanguage("2/5 V.20-04090 74/247 ١١-١٥ ٢٠٢٣").status).toBe("undetermined");
  });
});

describe("simplified or traditional Chinese", () => {
  it("keeps every character on one side only", () => {
    const simplified = new Set(VARIANT_PAIRS.map(([s]) => s));
    const clashes = VARIANT_PAIRS.filter(([s, t]) => s === t || simplified.has(t) || VARIANT_PAIRS.some(([, other]) => other === s));
    expect(clashes).toEqual([]);
  });

  it.each([
    { text: "这个国家的人民", variant: "zh-Hans" },
    { text: "這個國家的人民", variant: "zh-Hant" },
    // A traditional name quoted once in a simplified text does not turn it.
    { text: "联合国会员国讨论了《聯合國》一书的内容和结论", variant: "zh-Hans" },
    { text: "中文", variant: null },
  ] as const)("$text → $variant", ({ text, variant }) => {
    expect(chineseVariant(text)).toBe(variant);
  });
});
