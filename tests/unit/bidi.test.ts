import { describe, expect, it } from "vitest";
import { baseDirection } from "../../app/utils/bidi";

const CASES: Array<[string, "rtl" | "ltr"]> = [
  ["قانون المصارف (2024) — extrait", "rtl"],
  ["(2024) قانون المصارف", "rtl"],
  ["٢٠٢٤ قانون", "rtl"],
  ["חוק הבנקים", "rtl"],
  ["Notes sur les banques", "ltr"],
  ["Loi sur les banques — قانون", "ltr"],
  ["2024 — 12", "ltr"],
  ["", "ltr"],
  ["银行法", "ltr"],
];

describe("baseDirection: a text's direction from its first letter", () => {
  it.each(CASES)("%s → %s", (text, direction) => {
    expect(baseDirection(text)).toBe(direction);
  });
});
