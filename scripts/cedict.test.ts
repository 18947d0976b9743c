import { describe, expect, it } from "vitest";
import { englishWordsOf } from "./cedict";

describe("CC-CEDICT senses as the aligner's word pairs", () => {
  it.each([
    [["to create", "to bring about", "to produce"], ["create", "bring", "about", "produce"]],
    [["General Assembly (of the UN)", "congress"], ["general", "assembly", "congress"]],
    [["surname Shen", "god", "deity"], ["god", "deity"]],
    [["variant of 神[shen2]"], []],
    [["CL:個|个[ge4]", "request"], ["request"]],
    [["the emergency number for law enforcement in Mainland China and Taiwan"], []],
    [["light", "ray", "bright", "only", "merely", "to use up", "smooth", "naked"], ["light", "ray", "bright", "only", "merely", "use"]],
  ])("%j gives %j", (senses, words) => {
    expect(englishWordsOf(senses)).toEqual(words);
  });
});
