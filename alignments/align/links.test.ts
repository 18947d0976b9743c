import { describe, expect, it } from "vitest";
import { alignmentProblems, formatLink, linkType, parseLink, parseLinks } from "./links";

describe("link format", () => {
  it.each([
    ["[0]:[0]", { en: [0], fr: [0] }],
    ["[1,2]:[1]", { en: [1, 2], fr: [1] }],
    ["[3]:[]", { en: [3], fr: [] }],
    ["[]:[7]", { en: [], fr: [7] }],
  ])("reads and writes %s", (text, link) => {
    expect(parseLink(text)).toEqual(link);
    expect(formatLink(link)).toBe(text);
  });

  it("accepts spaces and blank lines", () => {
    expect(parseLinks(" [0, 1] : [0]\n\n[2]:[1,2]\n")).toEqual([
      { en: [0, 1], fr: [0] },
      { en: [2], fr: [1, 2] },
    ]);
  });

  it("refuses what is not a link", () => {
    expect(() => parseLink("0-0")).toThrow(/not a link/);
  });

  it("names link types English first", () => {
    expect(linkType({ en: [4, 5], fr: [4] })).toBe("2-1");
    expect(linkType({ en: [], fr: [4] })).toBe("0-1");
  });
});

describe("alignment validity", () => {
  it("accepts a complete monotone alignment", () => {
    expect(alignmentProblems(parseLinks("[0]:[0]\n[1,2]:[1]\n[]:[2]\n[3]:[]"), 4, 3)).toEqual([]);
  });

  it.each([
    ["a crossing link", "[1]:[0]\n[0]:[1]", 2, 2, /expected/],
    ["a segment left out", "[0]:[0]", 2, 1, /in no link/],
    ["a segment twice", "[0]:[0]\n[0]:[1]", 1, 2, /expected/],
    ["an empty link", "[0]:[0]\n[]:[]", 1, 1, /empty on both sides/],
  ])("reports %s", (_name, text, n, m, problem) => {
    expect(alignmentProblems(parseLinks(text), n, m).join("\n")).toMatch(problem);
  });
});
