import { describe, expect, it } from "vitest";
import { isolated, withoutIsolateControls } from "./bidi";

describe("isolating a user's text for plain-text places", () => {
  it.each([
    ["Bank Act (Canada)", "Bank Act (Canada)"],
    ["Loi sur les banques — 2024 !", "Loi sur les banques — 2024 !"],
    ["قانون (2024)", "\u2068قانون (2024)\u2069"],
    ["חוק, 1977!", "\u2068חוק, 1977!\u2069"],
    ["Cybercrime ↔ قانون", "\u2068Cybercrime ↔ قانون\u2069"],
    // Arabic-Indic digits and the bidi controls reorder too; a stray PDI of the title's own is dropped.
    ["٢٠٢٤", "\u2068٢٠٢٤\u2069"],
    ["Bad\u202Edrow", "\u2068Bad\u202Edrow\u2069"],
    ["Bad\u2069\u202Edrow", "\u2068Bad\u202Edrow\u2069"],
    ["x\u200Fy", "\u2068x\u200Fy\u2069"],
  ])("%j → %j", (text, shown) => {
    expect(isolated(text)).toBe(shown);
  });

  it("takes the isolate controls out of a title shown inside an isolation", () => {
    expect(withoutIsolateControls("a\u2066b\u2067c\u2068d\u2069e")).toBe("abcde");
  });
});
