import { describe, expect, it } from "vitest";
import { cognateSkeleton, numberOf } from "./neutral-evidence";

const numbers: Array<[string, string, string | null]> = [
  ["ASCII digits", "2001", "2001"],
  ["leading zeros dropped", "007", "7"],
  ["Arabic-Indic digits", "٢٠٠١", "2001"],
  ["Eastern Arabic-Indic (Persian) digits", "۱۹۴۸", "1948"],
  ["full-width digits", "２００１", "2001"],
  ["Devanagari digits", "१९४८", "1948"],
  ["digits of two scripts are no number", "2٠", null],
  ["a word", "article", null],
  ["Chinese digit by digit (a year)", "一九四八", "1948"],
  ["Chinese with tens", "二十六", "26"],
  ["Chinese ten alone starts the teens", "十六", "16"],
  ["Chinese hundreds and tens", "一百二十", "120"],
  ["Chinese with a zero inside", "一千零五", "1005"],
  ["Chinese ten thousands", "三万五千", "35000"],
  ["Chinese one", "一", "1"],
  ["万一 (in case) is not a number", "万一", null],
  ["千万 (by all means) is not a number", "千万", null],
  ["a unit twice in the wrong order", "十百", null],
  ["a Chinese word with a numeral in it", "一切", null],
];

describe("numbers in any digits", () => {
  it.each(numbers)("%s: %s", (_, word, value) => expect(numberOf(word)).toBe(value));
});

const skeletons: Array<[string, string, string]> = [
  ["declaration", "декларация", "dekl"],
  ["convention", "конвенция", "konv"],
  ["organization", "организация", "orga"],
  ["civilization", "цивилизация", "kivi"],
  ["philosophy", "философия", "filo"],
  ["theory", "теория", "teor"],
  ["commission", "комиссия", "komi"],
];

describe("cognates across Latin and Cyrillic", () => {
  it.each(skeletons)("%s and %s both start %s", (latin, cyrillic, start) => {
    expect(cognateSkeleton(latin).slice(0, 4)).toBe(start);
    expect(cognateSkeleton(cyrillic).slice(0, 4)).toBe(start);
  });
});
