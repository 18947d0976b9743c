import { describe, expect, it } from "vitest";
import { alphabeticLetters, romanNumeral, wordLetters } from "./list-labels";

const CASES: Array<{ n: number; roman: string; word: string; browser: string }> = [
  { n: 1, roman: "i", word: "a", browser: "a" },
  { n: 4, roman: "iv", word: "d", browser: "d" },
  { n: 26, roman: "xxvi", word: "z", browser: "z" },
  { n: 27, roman: "xxvii", word: "aa", browser: "aa" },
  { n: 28, roman: "xxviii", word: "bb", browser: "ab" },
  { n: 53, roman: "liii", word: "aaa", browser: "ba" },
  { n: 703, roman: "dcciii", word: "a".repeat(28), browser: "aaa" },
  { n: 1994, roman: "mcmxciv", word: "r".repeat(77), browser: "bxr" },
];

describe("list item labels", () => {
  it.each(CASES)("$n", ({ n, roman, word, browser }) => {
    expect(romanNumeral(n)).toBe(roman);
    expect(wordLetters(n)).toBe(word);
    expect(alphabeticLetters(n)).toBe(browser);
  });
});
