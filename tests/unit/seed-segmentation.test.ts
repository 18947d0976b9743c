import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { processDocument } from "../../alignments/text/pipeline";

const CORPUS = join(import.meta.dirname, "../../db/corpus");
const FIXTURES = join(import.meta.dirname, "../fixtures/segmentation");
const SEEDS = readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).sort();

describe("segmentation of the five seeds", () => {
  it("has a fixture for every seed", () => {
    expect(SEEDS).toHaveLength(5);
    for (const seed of SEEDS) expect(readdirSync(FIXTURES)).toContain(seed.replace(/\.txt$/, ".segments.tsv"));
  });

  describe.each(SEEDS)("%s", (seed) => {
    const raw = readFileSync(join(CORPUS, seed), "utf8");
    const document = processDocument(raw, "fr");
    const expected = readFileSync(join(FIXTURES, seed.replace(/\.txt$/, ".segments.tsv")), "utf8")
      .split("\n")
      .filter((line) => line !== "");

    it("matches the expected segments", () => {
      expect(document.segments.map((s) => `${s.kind}\t${s.text}`)).toEqual(expected);
    });

    it("keeps every segment's offsets into the clean text", () => {
      for (const segment of document.segments) {
        expect(document.cleanText.slice(segment.start, segment.end)).toBe(segment.text);
      }
    });

    it("keeps every word of the reader's text that was not reported as removed", () => {
      const removedWords = new Set(document.removed.flatMap((r) => r.text.split(/\s+/)));
      const cleanWords = new Set(document.cleanText.split(/\s+/).map(bare));
      // A footnote call leaves the text ("morts.2" → "morts."): it is reported as removed on its own.
      const lost = raw
        .split(/\s+/)
        .map((w) => bare(w.replace(/([\p{L}.,;:»])\d{1,3}$/u, "$1")))
        .filter((w) => w.length > 3 && !cleanWords.has(w) && !removedWords.has(w) && ![...cleanWords].some((c) => c.includes(w)));
      expect(lost).toEqual([]);
    });

    it("leaves no page furniture or markup in the text", () => {
      expect(document.cleanText).not.toMatch(/V\.20-04090|\^\{?\p{L}|\*\*|\[[^\]]+\]\(#\)|^#{1,6} |\uE000|\uE001/mu);
      expect(document.segments.every((s) => s.text.trim() === s.text && s.text.length > 0)).toBe(true);
    });
  });
});

/** A word without surrounding punctuation and markup, for the lost-word check. */
function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").replace(/\^\{?(\p{L}+)\}?/u, "$1");
}
