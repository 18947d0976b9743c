import { describe, expect, it } from "vitest";
import type { FindingRow, FindingsPayload, ShownFinding } from "./findings";
import { openRowCount, withAcceptance } from "./findings-count";

const ADA = { note: "A house style.", user: "Ada", at: "2026-12-07T16:00:00.000Z" };
const finding = (key: string, accepted: ShownFinding["accepted"] = null): ShownFinding => ({ kind: "numbers", key, message: key, concept: null, accepted, score: 0.4, level: "doubtful" });
const row = (link: number, unit: string, findings: ShownFinding[]): FindingRow => ({ link, en: [link, 1], fr: [link, 1], unit, findings, hits: [] });

/** Three rows with findings: one open, one with an open and an accepted one, one all accepted; and one with hits only. */
function payload(): FindingsPayload {
  const rows = [
    row(0, "a".repeat(16), [finding("n:1")]),
    row(3, "b".repeat(16), [finding("n:2"), finding("n:3", ADA)]),
    row(5, "c".repeat(16), [finding("n:4", ADA)]),
    row(8, "d".repeat(16), []),
  ];
  return { pairId: 1, version: 4, rows, counts: { "missing-en": 0, "missing-fr": 0, count: 0, deprecated: 0, forbidden: 0, numbers: 4, codes: 0, misaligned: 0 }, total: 4, accepted: 2, stale: 0, terms: 10, ms: 3 };
}

describe("the editor's count of rows with findings", () => {
  it("counts the rows with a finding still to look at, not those whose findings are all accepted", () => {
    expect(openRowCount(payload())).toBe(2);
    expect(openRowCount(null)).toBe(0);
  });

  it.each([
    { name: "accepting a row's only open finding", unit: "a", key: "n:1", acceptance: ADA, open: 1, accepted: 3 },
    { name: "accepting one of two findings, the other already accepted", unit: "b", key: "n:2", acceptance: ADA, open: 1, accepted: 3 },
    { name: "un-accepting a row's only finding", unit: "c", key: "n:4", acceptance: null, open: 3, accepted: 1 },
    { name: "un-accepting one of a row's findings when another is open", unit: "b", key: "n:3", acceptance: null, open: 2, accepted: 1 },
  ])("follows $name", ({ unit, key, acceptance, open, accepted }) => {
    const before = payload();
    const after = withAcceptance(before, unit.repeat(16), key, acceptance);
    expect(openRowCount(after)).toBe(open);
    expect(after.accepted).toBe(accepted);
    expect(openRowCount(before)).toBe(2); // the findings held are not changed
  });

  it.each([
    { name: "a key no row has", unit: "a", key: "n:9", acceptance: ADA },
    { name: "a finding of another link", unit: "d", key: "n:1", acceptance: ADA },
    { name: "accepting one already accepted", unit: "c", key: "n:4", acceptance: ADA },
    { name: "un-accepting one never accepted", unit: "a", key: "n:1", acceptance: null },
  ])("leaves the findings as they are for $name", ({ unit, key, acceptance }) => {
    const before = payload();
    expect(withAcceptance(before, unit.repeat(16), key, acceptance)).toBe(before);
  });
});
