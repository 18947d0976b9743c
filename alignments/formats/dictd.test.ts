import { describe, expect, it } from "vitest";
import { dictdNumber, readDictd } from "./dictd";

const encode = (text: string) => new TextEncoder().encode(text);

/** Bytes, not characters: "é" and "ü" take two each, so the offsets of the entries after them move. */
const DICTIONARY = "café /kafe/ <n>\ncoffee\nüber /ˈyːbɐ/\n1. over, above\n2. about\n";
const cafeBytes = encode("café /kafe/ <n>\ncoffee\n").length;
const uberBytes = encode("über /ˈyːbɐ/\n1. over, above\n2. about\n").length;

const cases: Array<[string, string, number]> = [
  ["one digit", "B", 1],
  ["the last digit", "/", 63],
  ["two digits", "BA", 64],
  ["three digits", "Ba3", 64 * 64 + 26 * 64 + 55],
  ["not a number", "B-", -1],
  ["nothing", "", -1],
];

describe("dictd base 64 numbers", () => {
  it.each(cases)("%s: %s is %d", (_, text, value) => expect(dictdNumber(text)).toBe(value));
});

describe("dictd entries", () => {
  const b64 = (n: number) => {
    const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let out = "";
    do (out = digits[n % 64] + out), (n = Math.floor(n / 64));
    while (n > 0);
    return out;
  };
  const index = [
    `00databaseshort\t${b64(0)}\t${b64(4)}`,
    `café\t${b64(0)}\t${b64(cafeBytes)}`,
    `über\t${b64(cafeBytes)}\t${b64(uberBytes)}`,
    `broken line`,
    `outside\t${b64(1000)}\t${b64(5)}`,
  ].join("\n");

  it("slices each entry by byte offsets, leaves out metadata and lines that point nowhere", () => {
    expect(readDictd(index, encode(DICTIONARY))).toEqual([
      { headword: "café", body: "café /kafe/ <n>\ncoffee\n" },
      { headword: "über", body: "über /ˈyːbɐ/\n1. over, above\n2. about\n" },
    ]);
  });
});
