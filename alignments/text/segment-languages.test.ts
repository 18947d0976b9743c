import { describe, expect, it } from "vitest";
import { segmentLanguage, segmentLanguages } from "./segment-languages";

describe("the language of each segment of a document", () => {
  it("marks an Arabic line of a French document as Arabic, by its script", () => {
    const marks = segmentLanguages(["146e ASSEMBLÉE DE L'UIP", "المنامة، البحرين", "MANAMA, BAHREÏN"], "fr");
    expect(marks.map((m) => [m.language, m.basis])).toEqual([
      ["fr", "document"],
      ["ar", "script"],
      ["fr", "document"],
    ]);
  });

  it("keeps a line in two scripts in the document's language when they hold as many letters, and names the other", () => {
    expect(segmentLanguage("11-15 MARS 2023 - ١١-١٥ مارس ٢٠٢٣", "fr")).toEqual({ language: "fr", basis: "document", alsoIn: ["ar"] });
  });

  it("gives a line without letters the document's language", () => {
    expect(segmentLanguage("A/C.3/74/L.11 — 2/5 — ١٥", "ar")).toMatchObject({ language: "ar", basis: "document" });
  });

  it("marks a long English sentence quoted in a French document as English", () => {
    const sentence = "The States Parties shall take all appropriate measures to protect the rights of all migrant workers and members of their families.";
    expect(segmentLanguage(sentence, "fr")).toEqual({ language: "en", basis: "detected", alsoIn: [] });
  });

  it("leaves a short line in the document's script with the document, where franc would guess", () => {
    expect(segmentLanguage("Security Researcher, Space Rogue", "fr")).toMatchObject({ language: "fr", basis: "document" });
    expect(segmentLanguage("Anne-Marie Slaughter", "en")).toMatchObject({ language: "en", basis: "document" });
  });

  it("tells Chinese, Japanese and Russian lines inside a document in another script", () => {
    expect(segmentLanguage("聯合國大會", "en")).toMatchObject({ language: "zh-Hant", basis: "script" });
    expect(segmentLanguage("联合国大会", "fr")).toMatchObject({ language: "zh-Hans", basis: "script" });
    expect(segmentLanguage("国連総会で採択された", "en")).toMatchObject({ language: "ja", basis: "script" });
    expect(segmentLanguage("Генеральная Ассамблея", "ar")).toMatchObject({ language: "ru", basis: "script" });
  });

  it("says nothing of a short Latin line in a Chinese document but that it is not Chinese", () => {
    expect(segmentLanguage("UNESCO", "zh-Hans")).toEqual({ language: null, basis: "script", alsoIn: [] });
  });

  it("keeps a Chinese line of a Chinese document in the document's variant, even with no telling character", () => {
    expect(segmentLanguage("任何人不得加以任意逮捕。", "zh-Hant")).toMatchObject({ language: "zh-Hant", basis: "document" });
  });
});
