import { describe, expect, it } from "vitest";
import type { EditableLink } from "../../alignments/align/operations";
import { linkAtShare, toneLines } from "./overview-bar";

const link = (confidence: number, status: EditableLink["status"] = "automatic") => ({ confidence, status });

describe("the overview bar beside the rows", () => {
  it("colours each line by the tone most of its links have, ties to the one that needs a look", () => {
    // 8 links on 4 lines, two a line: sure+sure, sure+low (a tie), confirmed+confirmed, unsure+confirmed (a tie).
    const links = [link(0.9), link(0.95), link(0.9), link(0.2), link(0.9, "confirmed"), link(0.4, "confirmed"), link(0.6), link(0.9, "confirmed")];
    expect(toneLines(links, 4)).toEqual(["sure", "low", "confirmed", "unsure"]);
  });

  it("spreads a short alignment over the lines, each link over several", () => {
    expect(toneLines([link(0.9, "confirmed"), link(0.1)], 6)).toEqual(["confirmed", "confirmed", "confirmed", "low", "low", "low"]);
    expect(toneLines([], 10)).toEqual([]);
  });

  it("goes to the link at the height clicked", () => {
    expect(linkAtShare(0, 11370)).toBe(0);
    expect(linkAtShare(0.5, 11370)).toBe(5685);
    expect(linkAtShare(1, 11370)).toBe(11369);
    expect(linkAtShare(-0.1, 92)).toBe(0);
  });
});
