import { describe, expect, it } from "vitest";
import { processDocument } from "../../alignments/text/pipeline";
import { scriptCounts } from "../../alignments/text/scripts";
import { segmentLanguages } from "../../alignments/text/segment-languages";
import { corpusSeeds } from "../../app/models/seeds.server";

/**
 * The seeds are French documents; seed 004 carries an Arabic line in its title block (and a date written in both
 * scripts). Marked segment by segment, the Arabic line, and only it, is Arabic; nothing else leaves French.
 */
const seeds = corpusSeeds();

describe("segment languages in the seeds", () => {
  it.each(seeds.map((s) => ({ name: s.sourceName, raw: s.raw })))("$name: a segment is Arabic exactly when most of its letters are", ({ raw }) => {
    const segments = processDocument(raw, "fr").segments.map((s) => s.text);
    const marks = segmentLanguages(segments, "fr");
    const arabicMostly = segments.map((text) => {
      const counts = scriptCounts(text.replace(/\S*\p{N}\S*/gu, " "));
      return counts.byGroup.Arabic > counts.letters / 2;
    });
    expect(marks.map((m) => m.language === "ar")).toEqual(arabicMostly);
    // Whatever is not Arabic stays French: a signatory's English title aside, which franc rightly calls English.
    const elsewhere = marks.filter((m, k) => !arabicMostly[k] && m.language !== "fr");
    expect(elsewhere.every((m) => m.language === "en" && m.basis === "detected")).toBe(true);
  });

  it("finds the Arabic line of seed 004", () => {
    const seed = seeds.find((s) => s.sourceName?.startsWith("004"));
    expect(seed).toBeDefined();
    const marks = segmentLanguages(processDocument(seed!.raw, "fr").segments.map((s) => s.text), "fr");
    expect(marks.filter((m) => m.language === "ar").length).toBe(1);
    expect(marks.filter((m) => m.alsoIn.includes("ar")).length).toBe(1);
  });
});
