import { describe, expect, it } from "vitest";
import { importDocument } from "../../app/models/documents.server";
import { createAlignedPair } from "../../app/models/pairs.server";
import { keptFor, KEPT_TEXT_BYTES, limitKeptTexts, pairUnitsBytes } from "../../app/models/terminology-kept.server";
import { checkPair } from "../../app/models/pair-check.server";
import { pairUnits } from "../../app/models/pair-units.server";
import type { Db } from "../../db/client.server";
import { databasePerTest } from "./helpers";

let db: Db;
databasePerTest((temp) => ({ db } = temp));

/** An aligned pair of `n` one-to-one lines. */
function pair(n: number, label: string): number {
  const lines = (word: string) => Array.from({ length: n }, (_, i) => `${word} ${i + 1} of ${label}: the request for mutual legal assistance is sent.`).join("\n");
  const en = importDocument({ title: `EN ${label}`, raw: lines("Section"), language: "en", origin: "import", presegmented: true }, db);
  const fr = importDocument({ title: `FR ${label}`, raw: lines("Article"), language: "fr", origin: "import", presegmented: true }, db);
  return createAlignedPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db).id;
}

describe("what terminology keeps of the pairs", () => {
  it("stays under its byte budget: the least recently used pair goes first, with its check", async () => {
    const [a, b, c] = ["a", "b", "c"].map((label) => pair(300, label));
    const size = pairUnitsBytes(pairUnits(a, db));
    expect(size).toBeLessThan(KEPT_TEXT_BYTES);
    limitKeptTexts(Math.round(2.5 * size), db);
    const unitsA = pairUnits(a, db);
    const checkA = await checkPair(a, db);
    const unitsB = pairUnits(b, db);
    await checkPair(b, db);
    expect(pairUnits(a, db)).toBe(unitsA); // a is now more recent than b
    pairUnits(c, db); // three pairs do not fit: b goes, and its check with it
    const kept = keptFor(db);
    expect(kept.units.keys()).toEqual([a, c]);
    expect(kept.units.bytes).toBeLessThanOrEqual(2.5 * size);
    expect(kept.checks.has(b)).toBe(false);
    expect(await checkPair(a, db)).toBe(checkA);
    expect(pairUnits(b, db)).not.toBe(unitsB);
    expect(pairUnits(b, db)).toEqual(unitsB);
  });

  it("keeps a pair larger than the budget while it is the one in use", () => {
    const [a, b] = ["a", "b"].map((label) => pair(200, label));
    limitKeptTexts(1000, db);
    const unitsA = pairUnits(a, db);
    expect(pairUnits(a, db)).toBe(unitsA);
    pairUnits(b, db);
    expect(keptFor(db).units.keys()).toEqual([b]);
  });

  it("counts at least two bytes a character of the texts it holds", () => {
    const units = pairUnits(pair(50, "a"), db);
    const characters = [...units.en, ...units.fr, ...units.units.flatMap((u) => [u.en, u.fr])].reduce((n, text) => n + text.length, 0);
    expect(pairUnitsBytes(units)).toBeGreaterThan(2 * characters);
  });
});
