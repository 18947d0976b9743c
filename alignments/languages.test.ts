import { describe, expect, it } from "vitest";
import { languageName } from "./languages";

const CASES: Array<[code: string, name: string]> = [
  ["de", "German"],
  ["zh-Hant", "Chinese (traditional)"],
  ["ar", "Arabic"],
  ["sv", "sv"], // a code Tandem does not know is shown as it is, never as "undefined"
];

describe("languageName", () => {
  it.each(CASES)("%s → %s", (code, name) => expect(languageName(code)).toBe(name));
});
