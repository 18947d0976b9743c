/**
 * The aligner on a real Chinese–English text (issue 14 item 4): the first 2,000 English sentences of the shared Bible's
 * bible001 and the Chinese verses they translate (verse-level gold), read from ../shared/corpora at run time, aligned as
 * the benchmark aligns it (CC-CEDICT as the dictionary). A quality floor, not a speed check.
 */
import { describe, expect, it } from "vitest";
import { alignSegments } from "../../alignments/align/aligner";
import { scoreAlignment } from "../../alignments/align/evaluate";
import { alignmentProblems } from "../../alignments/align/links";
import { cedictLexicon } from "../../scripts/cedict";
import { allGoldPairs } from "../../scripts/corpora";
import type { LinkSides } from "../../alignments/align/links";

const ENGLISH_LINES = 2000;

const bible = allGoldPairs().find((pair) => pair.corpus === "bible-zhen" && pair.name === "bible001");

describe.skipIf(!bible)("Chinese–English: the shared Bible (bible001)", () => {
  it("aligns verse by verse at strict F1 0.83 or more (0.75 before the length model and the anchors were mended)", async () => {
    const pair = bible!;
    // The gold's links up to the 2,000th English sentence, and every Chinese sentence they hold.
    const gold: LinkSides[] = [];
    for (const link of pair.gold) if ([...link.en, ...link.fr].length > 0 && link.en.every((i) => i < ENGLISH_LINES)) gold.push(link);
    const chineseLines = Math.max(...gold.flatMap((link) => link.fr)) + 1;
    const { links } = alignSegments(
      pair.first.slice(0, ENGLISH_LINES).map((text) => ({ text })),
      pair.second.slice(0, chineseLines).map((text) => ({ text })),
      { languages: pair.languages, lexicon: await cedictLexicon() },
    );
    expect(alignmentProblems(links, ENGLISH_LINES, chineseLines)).toEqual([]);
    expect(scoreAlignment(gold, links).f1Strict).toBeGreaterThanOrEqual(0.83);
  }, 120_000);
});
