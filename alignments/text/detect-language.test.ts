import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect-language";
import { CASES, NOT_TEXT } from "./detect-language.cases";

describe("language detection", () => {
  it.each(CASES)("detects $language: $text", ({ text, language }) => {
    expect(detectLanguage(text)).toMatchObject({ language, status: "detected" });
  });

  it("says undetermined below the minimum length and asks", () => {
    const guess = detectLanguage("Manama, 15 mars");
    expect(guess).toMatchObject({ language: null, status: "undetermined" });
    expect(guess.message).toMatch(/too short.*Choose French or English/);
  });

  it("does not take short English for Scots", () => {
    expect(detectLanguage("The quick brown fox jumps over the lazy dog and keeps on running far away.").language).toBe("en");
  });

  it.each([
    { text: "Los Estados miembros de la ONU aprobaron el jueves su primer tratado para luchar contra la ciberdelincuencia.", name: "Spanish" },
    { text: "Die Mitgliedstaaten der UNO haben am Donnerstag ihren ersten Vertrag zur Bekämpfung der Cyberkriminalität gebilligt.", name: "German" },
    { text: "Государства-члены ООН в четверг одобрили свой первый договор о борьбе с киберпреступностью.", name: "Russian" },
    { text: "联合国会员国星期四批准了第一项打击网络犯罪的条约，这一案文受到人权团体和科技行业的批评，他们警告说这可能成为全球监控的工具。", name: "Chinese" },
  ])("names a language Tandem does not handle: $name", ({ text, name }) => {
    const guess = detectLanguage(text);
    expect(guess).toMatchObject({ language: null, status: "unsupported", name });
    expect(guess.message).toContain(name);
  });

  it("reports nothing for text without letters", () => {
    expect(detectLanguage("2/5 V.20-04090 74/247 24/7 1959").status).toBe("undetermined");
  });

  // franc named these "Finnish", "Spanish", "German"…: a language for any string.
  it.each(NOT_TEXT)("says $name is not a text in a language Tandem reads", ({ text }) => {
    const guess = detectLanguage(text);
    expect(guess).toMatchObject({ language: null, status: "not-text" });
    expect(guess.message).toMatch(/^This is not a text in a language Tandem reads: .+ If it is in fact a French or English text, choose its language\.$/);
  });
});
