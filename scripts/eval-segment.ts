/**
 * Segmentation benchmark: scores the pipeline against the hand-checked seed fixtures and the tricky
 * sentence cases, and times it on the largest document at hand. Prints figures; asserts nothing.
 *
 *   npm run bench:segment
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SENTENCE_CASES } from "../alignments/text/sentences.cases";
import { LANGUAGE_SENTENCE_CASES } from "../alignments/text/sentences.languages.cases";
import { splitSentences } from "../alignments/text/sentences";
import { processDocument } from "../alignments/text/pipeline";
import { languageBench } from "./eval-segment-languages";

const root = join(import.meta.dirname, "..");
const corpus = join(root, "db/corpus");
const fixtures = join(root, "tests/fixtures/segmentation");

/** Boundaries as character counts into the concatenation of segments without white space. */
function boundaries(segments: string[]): Set<number> {
  const cuts = new Set<number>();
  let at = 0;
  for (const s of segments) {
    at += s.replace(/\s+/g, "").length;
    cuts.add(at);
  }
  return cuts;
}

function prf(expected: Set<number>, produced: Set<number>) {
  const hit = [...produced].filter((b) => expected.has(b)).length;
  const p = produced.size ? hit / produced.size : 1;
  const r = expected.size ? hit / expected.size : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
console.log("Seeds against tests/fixtures/segmentation (kind and text must both match for an exact segment)");
console.log("seed                      expected produced  exact  boundary P     R     F1");
let totals = { expected: 0, produced: 0, exact: 0 };
const allExpected: string[] = [];
const allProduced: string[] = [];
for (const seed of readdirSync(corpus).filter((f) => f.endsWith(".txt")).sort()) {
  const expected = readFileSync(join(fixtures, seed.replace(/\.txt$/, ".segments.tsv")), "utf8").split("\n").filter(Boolean);
  const produced = processDocument(readFileSync(join(corpus, seed), "utf8"), "fr").segments.map((s) => `${s.kind}\t${s.text}`);
  const bag = new Map<string, number>();
  for (const e of expected) bag.set(e, (bag.get(e) ?? 0) + 1);
  let exact = 0;
  for (const p of produced) if ((bag.get(p) ?? 0) > 0) (exact++, bag.set(p, bag.get(p)! - 1));
  const texts = (rows: string[]) => rows.map((r) => r.split("\t")[1]);
  const score = prf(boundaries(texts(expected)), boundaries(texts(produced)));
  console.log(`${seed.padEnd(26)}${String(expected.length).padStart(8)}${String(produced.length).padStart(9)}${String(exact).padStart(7)}      ${pct(score.p)} ${pct(score.r)} ${pct(score.f)}`);
  totals = { expected: totals.expected + expected.length, produced: totals.produced + produced.length, exact: totals.exact + exact };
  allExpected.push(...texts(expected));
  allProduced.push(...texts(produced));
}
const overall = prf(boundaries(allExpected), boundaries(allProduced));
console.log(`${"all five".padEnd(26)}${String(totals.expected).padStart(8)}${String(totals.produced).padStart(9)}${String(totals.exact).padStart(7)}      ${pct(overall.p)} ${pct(overall.r)} ${pct(overall.f)}`);

console.log("\nTricky sentence cases (alignments/text/sentences.cases.ts, sentences.languages.cases.ts)");
const allCases = [...SENTENCE_CASES, ...LANGUAGE_SENTENCE_CASES];
for (const language of [...new Set(allCases.map((c) => c.language))]) {
  const cases = allCases.filter((c) => c.language === language);
  const passed = cases.filter((c) => JSON.stringify(splitSentences(c.text, c.language)) === JSON.stringify(c.sentences));
  console.log(`${language}: ${passed.length}/${cases.length} cases exactly right`);
}

const bank = join(root, "../shared/corpora/canada-bank-act/B-1.01.en");
if (existsSync(bank)) {
  const text = readFileSync(bank, "utf8");
  const runs: number[] = [];
  let count = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    count = processDocument(text, "en").segments.length;
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  console.log(`\nSpeed: Bank Act, English (${(text.length / 1e6).toFixed(2)} MB, ${count} segments): median ${runs[2].toFixed(0)} ms over 5 runs (min ${runs[0].toFixed(0)}, max ${runs[4].toFixed(0)})`);
}

languageBench();
