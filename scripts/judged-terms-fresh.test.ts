import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corporaDir } from "../app/models/seeds.server";
import { corpusLinesOf, FIXTURES } from "./judged-terms";
import { linkTexts, PROBLEMS, readFreshSample } from "./judged-terms-fresh";

const PAIRS = ["pair:demo:canada-mla-act", "pair:demo:udhr", "pair:bench:canada-bank-act"];
const sample = readFreshSample();
const span = (lines: number[]) => lines.length === 2 && Number.isInteger(lines[0]) && lines[0] >= 0 && lines[1] > lines[0];

describe("the second judge's fresh sample (tests/fixtures/terminology/findings-fresh.json)", () => {
  it("holds judged findings and unflagged links, each naming a link of a measured pair by its lines", () => {
    expect(sample.findings.length).toBeGreaterThanOrEqual(90);
    expect(sample.unflagged.length).toBeGreaterThanOrEqual(50);
    for (const f of sample.findings) {
      expect(PAIRS).toContain(f.pair);
      expect(span(f.enLines) && span(f.frLines), `${f.pair}#${f.link}`).toBe(true);
      expect(f.kind).not.toBe("");
      expect(f.message).not.toBe("");
      expect(typeof f.real, `${f.pair}#${f.link} ${f.kind}`).toBe("boolean");
      expect(f.why).not.toBe("");
      if (f.glossaryGap) expect(f.real).toBe(false);
    }
    for (const u of sample.unflagged) {
      expect(PAIRS).toContain(u.pair);
      expect(span(u.enLines) && span(u.frLines), `${u.pair}#${u.link}`).toBe(true);
      expect(PROBLEMS).toContain(u.problem);
      expect(u.why).not.toBe("");
    }
  });

  it("draws no link twice and none of the first sample's, so its figures are out of sample", () => {
    const first = JSON.parse(readFileSync(join(FIXTURES, "findings-sample.json"), "utf8")) as Array<{ pair: string; link: number }>;
    const firstLinks = new Set(first.map((f) => `${f.pair}#${f.link}`));
    const findingLinks = new Set(sample.findings.map((f) => `${f.pair}#${f.link}`));
    const unflaggedLinks = sample.unflagged.map((u) => `${u.pair}#${u.link}`);
    expect(new Set(unflaggedLinks).size).toBe(unflaggedLinks.length);
    for (const link of [...findingLinks, ...unflaggedLinks]) expect(firstLinks.has(link), link).toBe(false);
    for (const link of unflaggedLinks) expect(findingLinks.has(link), link).toBe(false);
  });

  it.skipIf(!corporaDir())("reads every link's two texts back from the corpus files, lines that name them again", () => {
    for (const item of [...sample.findings, ...sample.unflagged]) {
      const { en, fr } = linkTexts(item);
      expect(en.length > 0 && fr.length > 0, `${item.pair}#${item.link}`).toBe(true);
      // The lines name the text: found again near where they say, they are the same lines.
      expect(corpusLinesOf(item.pair, "en", en, item.enLines[0]), `${item.pair}#${item.link} en`).toEqual(item.enLines);
      expect(corpusLinesOf(item.pair, "fr", fr, item.frLines[0]), `${item.pair}#${item.link} fr`).toEqual(item.frLines);
    }
  });

  it.skipIf(!corporaDir())("names a short text that recurs (a marginal note) by its occurrence nearest the link, not the first", () => {
    // "Restriction" is a French marginal note of the Bank Act many times over; the one at line 6332 heads a section on deposits.
    expect(corpusLinesOf("pair:bench:canada-bank-act", "fr", "Restriction", 6330)).toEqual([6332, 6333]);
    expect(corpusLinesOf("pair:bench:canada-bank-act", "fr", "Restriction")[0]).toBeLessThan(6332);
  });
});
