import { describe, expect, it } from "vitest";
import { checkNumbersOf } from "./number-check";
import { compareNumbersOf, numbersOf } from "./numbers";
import { AGREEMENT_CASES, FIGURE_CASES, REFERENCE_CHECK_CASES } from "./numbers.languages.cases";

describe("figures as each language writes them", () => {
  it.each(FIGURE_CASES)("$language: $text", ({ language, text, numbers }) => {
    expect([...numbersOf(text, language)].sort()).toEqual([...numbers].sort());
  });
});

describe("the numbers of two versions compared by value, whatever their languages", () => {
  it.each(AGREEMENT_CASES)("$first.language “$first.text” and $second.language “$second.text”", ({ first, second, onlyFirst, onlySecond }) => {
    expect(compareNumbersOf(first, second)).toEqual({ onlyFirst, onlySecond });
  });
});

describe("numbers only a reference to the text's own provisions holds, for any pair", () => {
  it.each(REFERENCE_CHECK_CASES)("$first.language “$first.text” and $second.language “$second.text”", ({ first, second, ...expected }) => {
    expect(checkNumbersOf(first, second)).toEqual(expected);
  });
});
