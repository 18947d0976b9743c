import { describe, expect, it } from "vitest";
import { wordsOf } from "./words";

describe("words of a text", () => {
  it.each([
    { language: "fr", text: "L'État partie s'engage, aujourd'hui, à agir.", words: ["L'État", "partie", "s'engage", "aujourd'hui", "à", "agir"] },
    { language: "de", text: "Die Rechtsschutz-Versicherung zahlt 5 Mio. Euro.", words: ["Die", "Rechtsschutz-Versicherung", "zahlt", "5", "Mio", "Euro"] },
    { language: "ru", text: "Государства-члены ООН одобрили договор.", words: ["Государства-члены", "ООН", "одобрили", "договор"] },
    { language: "ar", text: "اعتمدت الجمعية العامة الاتفاقية.", words: ["اعتمدت", "الجمعية", "العامة", "الاتفاقية"] },
  ] as const)("$language: runs of letters, inner apostrophes and hyphens kept", ({ language, text, words }) => {
    expect(wordsOf(text, language)).toEqual(words);
  });

  it("cuts Chinese, which has no spaces, into more than one word per sentence and leaves punctuation out", () => {
    const words = wordsOf("联合国会员国批准了打击网络犯罪的条约。", "zh-Hans");
    expect(words.join("")).toBe("联合国会员国批准了打击网络犯罪的条约");
    expect(words.length).toBeGreaterThan(5);
    expect(words).toContain("条约");
  });

  it("cuts Japanese between kanji and kana", () => {
    const words = wordsOf("総会は条約を採択した。", "ja");
    expect(words.join("")).toBe("総会は条約を採択した");
    expect(words).toContain("条約");
  });
});
