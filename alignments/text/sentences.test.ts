import { describe, expect, it } from "vitest";
import { SENTENCE_CASES } from "./sentences.cases";
import { sentenceSpans, splitSentences } from "./sentences";

describe("sentence splitting", () => {
  it.each(SENTENCE_CASES)("$language: $name", ({ text, language, sentences }) => {
    expect(splitSentences(text, language)).toEqual(sentences);
  });

  it("keeps offsets into the text", () => {
    const text = "  Premier point.  Second point.  ";
    const spans = sentenceSpans(text, "fr");
    expect(spans.map(([s, e]) => text.slice(s, e))).toEqual(["Premier point.", "Second point."]);
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences("   ", "en")).toEqual([]);
  });
});
