import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect-language";

const CASES = [
  { text: "Les États membres de l'ONU ont approuvé jeudi leur premier traité pour lutter contre la cybercriminalité.", language: "fr" },
  { text: "L'entraide judiciaire en matière pénale est accordée sans délai par l'autorité centrale.", language: "fr" },
  { text: "UN member states on Thursday approved their first treaty to fight cybercrime, a text criticised by rights groups.", language: "en" },
  { text: "Mutual legal assistance in criminal matters shall be provided by the central authority.", language: "en" },
] as const;

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
  ])("names a language Tandem does not handle: $name", ({ text, name }) => {
    const guess = detectLanguage(text);
    expect(guess).toMatchObject({ language: null, status: "unsupported", name });
    expect(guess.message).toContain(name);
  });

  it("reports nothing for text without letters", () => {
    expect(detectLanguage("2/5 V.20-04090 74/247 24/7 1959").status).toBe("undetermined");
  });
});
