import { describe, expect, it } from "vitest";
import { likeliestFirst, nextWithFindings } from "./findings";

const open = { accepted: null };
const accepted = { accepted: { note: "", user: "Ada", at: "2026-11-22T00:00:00.000Z" } };
/** Rows 2 and 7 have an open finding, row 5 only accepted ones; the others none. */
const FINDINGS = new Map([
  [2, [open]],
  [5, [accepted]],
  [7, [accepted, open]],
]);
const at = (row: number) => FINDINGS.get(row);
const ALL = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

describe("the editor's jump to the next row with findings", () => {
  it.each([
    ["next after the start", ALL, -1, 1, 2],
    ["next, over a row whose findings are all accepted", ALL, 2, 1, 7],
    ["next, wrapping round", ALL, 7, 1, 2],
    ["previous", ALL, 7, -1, 2],
    ["previous, wrapping round", ALL, 2, -1, 7],
    ["previous from the end", ALL, 9, -1, 7],
    ["previous with nothing selected", ALL, -1, -1, 7],
    ["only among the rows shown", [0, 1, 3, 5, 7, 9], 0, 1, 7],
    ["the same row when it is the only one", [1, 2, 3], 2, 1, 2],
    ["previous: the same row when it is the only one", [1, 2, 3], 2, -1, 2],
  ] as const)("%s", (_, shown, from, direction, expected) => {
    expect(nextWithFindings(shown, from, direction, at)).toBe(expected);
  });

  it("goes to rows whose findings are all accepted when no open one is left, and answers -1 when no row has any", () => {
    const none = (row: number) => (row === 5 ? [accepted] : row === 6 ? [] : undefined);
    expect(nextWithFindings(ALL, 0, 1, none)).toBe(5);
    expect(nextWithFindings(ALL, 5, -1, none)).toBe(5);
    expect(nextWithFindings(ALL, 0, 1, () => undefined)).toBe(-1);
    expect(nextWithFindings([], 0, 1, at)).toBe(-1);
  });
});

describe("the terminology page's order", () => {
  it("puts rows by their likeliest finding first, accepted or not, ties in their order", () => {
    const row = (link: number, ...findings: Array<{ score: number; accepted: null | typeof accepted.accepted }>) => ({ link, findings });
    const rows = [row(1, { score: 0.35, ...open }), row(2, { score: 0.9, ...accepted }), row(3, { score: 0.55, ...open }, { score: 0.8, ...open }), row(4, { score: 0.55, ...open })];
    expect(likeliestFirst(rows).map((r) => r.link)).toEqual([2, 3, 4, 1]);
  });
});
