/**
 * Terminology benchmark: precision and recall of the checks on the hand-written cases (true findings and
 * traps), the time to check the Bank Act pair against the starter glossary, the top term candidates of
 * the Canadian MLA Act, and the variation inside the French seeds. Prints figures; asserts nothing.
 *
 *   npm run bench:terms
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { alignSegments } from "../alignments/align/aligner";
import { termCandidates } from "../alignments/terms/candidates";
import { CASE_GLOSSARY, CHECK_CASES } from "../alignments/terms/checks.cases";
import { checkUnits, hitsOf, unitsOf, variation } from "../alignments/terms/checks";
import { parseGlossaryCsv, termsOfEntries } from "../alignments/terms/glossary-csv";
import { goldPairs } from "./corpora";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. The checks on the cases
let truePositives = 0;
let falsePositives = 0;
let falseNegatives = 0;
const wrong: string[] = [];
for (const c of CHECK_CASES) {
  const found = checkUnits([{ link: 0, en: c.en, fr: c.fr }], CASE_GLOSSARY).map((f) => f.kind);
  const expected = [...c.findings];
  for (const kind of found) {
    const at = expected.indexOf(kind);
    if (at >= 0) (truePositives++, expected.splice(at, 1));
    else (falsePositives++, wrong.push(`  false finding (${kind}): ${c.name}`));
  }
  falseNegatives += expected.length;
  for (const kind of expected) wrong.push(`  missed (${kind}): ${c.name}`);
}
const traps = CHECK_CASES.filter((c) => c.findings.length === 0).length;
console.log(`checks on ${CHECK_CASES.length} hand-written cases (${CHECK_CASES.length - traps} with findings, ${traps} traps):`);
console.log(`  precision ${(truePositives / Math.max(1, truePositives + falsePositives)).toFixed(3)}  recall ${(truePositives / Math.max(1, truePositives + falseNegatives)).toFixed(3)}  (${truePositives} right, ${falsePositives} false, ${falseNegatives} missed)`);
for (const line of wrong) console.log(line);

// 2. Checking the Bank Act pair against the starter glossary
const starter = termsOfEntries(parseGlossaryCsv(readFileSync(join(import.meta.dirname, "../db/glossary/starter.csv"), "utf8")).entries);
const pairs = goldPairs();
const bank = pairs.find((p) => p.corpus === "canada-bank-act");
if (bank) {
  const { links } = alignSegments(bank.en.map((text) => ({ text })), bank.fr.map((text) => ({ text })));
  const units = unitsOf(links, bank.en, bank.fr);
  const times: number[] = [];
  let findings = 0;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    findings = checkUnits(units, starter).length;
    times.push(performance.now() - started);
  }
  const hits = hitsOf(units, starter);
  const termHits = hits.reduce((n, h) => n + h.en.length + h.fr.length, 0);
  console.log(`\nBank Act pair (${units.length} links with both sides) against the starter glossary (${starter.length} terms):`);
  console.log(`  check: median ${median(times).toFixed(0)} ms over 5 runs (${times.map((t) => t.toFixed(0)).join(", ")}); ${termHits} term hits, ${findings} findings`);
  const started = performance.now();
  const candidates = termCandidates(units, { top: 5 });
  console.log(`  term candidates: ${(performance.now() - started).toFixed(0)} ms; top 5: ${candidates.map((c) => `${c.fr} ↔ ${c.en}`).join("; ")}`);
}

// 3. Term candidates on the Canadian MLA Act
const mla = pairs.find((p) => p.corpus === "canada-mla-act");
if (mla) {
  const { links } = alignSegments(mla.en.map((text) => ({ text })), mla.fr.map((text) => ({ text })));
  const started = performance.now();
  const candidates = termCandidates(unitsOf(links, mla.en, mla.fr), { top: 15 });
  console.log(`\nTerm candidates, Canadian MLA Act aligned by Tandem (${(performance.now() - started).toFixed(0)} ms), top 15:`);
  candidates.forEach((c, k) => console.log(`  ${String(k + 1).padStart(2)}. ${c.fr} ↔ ${c.en}   Dice ${c.dice.toFixed(2)}, together in ${c.together} links`));
  const rank = candidates.findIndex((c) => /entraide juridique/i.test(c.fr) && /mutual legal assistance/i.test(c.en));
  console.log(`  “entraide juridique” ↔ “mutual legal assistance”: ${rank >= 0 ? `rank ${rank + 1}` : "not in the top 15"}`);
}

// 4. Variation inside the French seeds
const corpus = join(import.meta.dirname, "../db/corpus");
const seeds = readdirSync(corpus)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => ({ id: f.slice(0, 3), language: "fr" as const, text: readFileSync(join(corpus, f), "utf8") }));
console.log(`\nVariation inside the ${seeds.length} French seeds (starter glossary):`);
for (const v of variation(seeds, starter)) {
  console.log(`  ${v.terms.map((t) => `“${t.text}” ×${t.total} (${Object.keys(t.byDocument).join(", ")})`).join("  vs  ")}`);
}
