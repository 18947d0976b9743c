import { describe, expect, it } from "vitest";
import { codeCharacter, codeDifference, CODE_CAPACITY, codesIn, countCodes, isCodeCharacter, replaceCodes, splitAtCodes } from "./inline-codes";

describe("code characters", () => {
  it("are one code point each, in the supplementary private use areas, none of the BMP's", () => {
    expect(codeCharacter(0)).toBe("\u{F0000}");
    expect(codeCharacter(0xfffd)).toBe("\u{FFFFD}");
    expect(codeCharacter(0xfffe)).toBe("\u{100000}");
    expect(codeCharacter(CODE_CAPACITY - 1)).toBe("\u{10FFFD}");
    expect(codeCharacter(CODE_CAPACITY)).toBeNull();
    expect(["\u{F0000}", "\u{10FFFD}", "\uE000", "\uF8FF", "😀", "a"].map(isCodeCharacter)).toEqual([true, true, false, false, false, false]);
  });

  it("are found, counted, replaced and cut at in a text", () => {
    const text = "On \u{F0000}, the \u{F0001}Act\u{F0002} 😀 \uE000";
    expect(codesIn(text)).toEqual(["\u{F0000}", "\u{F0001}", "\u{F0002}"]);
    expect(countCodes(text)).toBe(3);
    expect(replaceCodes(text)).toBe("On , the Act 😀 \uE000");
    expect(splitAtCodes(text)).toEqual(["On ", "\u{F0000}", ", the ", "\u{F0001}", "Act", "\u{F0002}", " 😀 \uE000"]);
  });

  it.each([
    { name: "a code moved", before: "a \u{F0000}b\u{F0001}", after: "\u{F0000}a b\u{F0001}", lost: [], gained: [] },
    { name: "a code deleted", before: "a \u{F0000}b\u{F0001}", after: "a b\u{F0001}", lost: ["\u{F0000}"], gained: [] },
    { name: "one of two identical codes deleted", before: "\u{F0000} and \u{F0000}", after: "\u{F0000} and", lost: ["\u{F0000}"], gained: [] },
    { name: "a code pasted in", before: "a b", after: "a \u{F0003}b", lost: [], gained: ["\u{F0003}"] },
  ])("tell $name", ({ before, after, lost, gained }) => {
    expect(codeDifference(before, after)).toEqual({ lost, gained });
  });
});
