import { describe, expect, it } from "vitest";
import { buildFeatures, Interner, wordsOf } from "./features";

/** The aligner's words of each segment of a made-up French document with an Arabic line (seed 004's shape). */
const wordsBySegment = (texts: string[], language: string | null) => {
  const doc = buildFeatures(
    texts.map((text) => ({ text })),
    new Interner(),
    null,
    undefined,
    false,
    false,
    language,
  );
  return texts.map((_, s) => wordsOf(doc, s));
};

describe("a segment in another script than its document's language", () => {
  it.each([
    { why: "an Arabic line of a French document gives its numbers only", language: "fr", text: "الدورة ١٤٦ للجمعية، المنامة 2023", words: ["١٤٦", "2023"] },
    { why: "a Russian line of an English document gives its numbers only", language: "en", text: "Москва, 12 марта", words: ["12"] },
    { why: "a French line of a French document gives every word", language: "fr", text: "Réunion à Manama en 2023", words: ["réunion", "à", "manama", "en", "2023"] },
    { why: "a name in Latin letters in an Arabic document keeps its words", language: "ar", text: "Microsoft Excel 2016", words: ["microsoft", "excel", "2016"] },
    { why: "without a language, every word counts (as before)", language: null, text: "المنامة 2023", words: ["المنامة", "2023"] },
  ])("$why", ({ language, text, words }) => {
    const [, segment] = wordsBySegment(["Le Conseil se réunit.", text], language);
    expect(segment).toEqual(words);
  });
});
