/**
 * The terminology checks' and candidates' results over the whole corpora, written to a file or compared with one,
 * so that a change meant to make them cheaper (decision 25, amended) is shown to give identical results: every
 * finding (link, kind, message, key, score, level, in order) and every candidate (phrases, counts, Dice, links, in
 * order). The units are those of `npm run bench:terms`: the three pairs as the app makes them (MLA Act, UDHR, Bank
 * Act), checked against the starter glossary, candidates as the app asks (glossary terms left out) and without it;
 * and every English–French gold pair of the corpora, by its gold links and aligned by Tandem.
 *
 *   npx tsx scripts/terms-identity.ts write /tmp/before.json     (on the old code)
 *   npx tsx scripts/terms-identity.ts compare /tmp/before.json   (on the new: prints the differences, exits 1 if any)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { alignSegments } from "../alignments/align/aligner";
import { termCandidates } from "../alignments/terms/candidates";
import { checkUnits, unitsOf, type Unit } from "../alignments/terms/checks";
import { parseGlossaryCsv, termsOfEntries } from "../alignments/formats/glossary-csv";
import type { Term } from "../alignments/terms/match";
import { nounPhraseShape } from "../alignments/terms/noun-phrases";
import { goldPairs } from "./corpora";
import { BANK_PAIR_KEY } from "./bank-pair";
import { MLA_PAIR_KEY, openTermsPairs, UDHR_PAIR_KEY } from "./terms-pairs";

const [mode, file] = process.argv.slice(2);
if ((mode !== "write" && mode !== "compare") || !file) {
  console.error("usage: tsx scripts/terms-identity.ts write|compare FILE");
  process.exit(2);
}

type Results = Record<string, unknown[]>;
const results: Results = {};
const timings: string[] = [];

function record(name: string, units: readonly Unit[], terms: readonly Term[], known: ReadonlyArray<{ language: "en" | "fr"; text: string }> | null) {
  let started = performance.now();
  results[`${name} findings`] = checkUnits(units, terms);
  const check = performance.now() - started;
  started = performance.now();
  results[`${name} candidates`] = termCandidates(units, { top: known ? 40 : 100, termShape: nounPhraseShape, ...(known ? { known } : {}) });
  timings.push(`${name}: check ${check.toFixed(0)} ms, candidates ${(performance.now() - started).toFixed(0)} ms (${units.length} units)`);
}

const starter = termsOfEntries(parseGlossaryCsv(readFileSync(join(import.meta.dirname, "../db/glossary/starter.csv"), "utf8")).entries);

const app = openTermsPairs();
try {
  const known = app.terms.map((t) => ({ language: t.language, text: t.text }));
  for (const key of [MLA_PAIR_KEY, UDHR_PAIR_KEY, BANK_PAIR_KEY]) record(`app ${key}`, app.unitsOf(key), app.terms, known);
} finally {
  app.close();
}
for (const pair of goldPairs()) {
  record(`${pair.corpus}/${pair.name} gold`, unitsOf(pair.gold, pair.en, pair.fr), starter, null);
  const { links } = alignSegments(pair.en.map((text) => ({ text })), pair.fr.map((text) => ({ text })));
  record(`${pair.corpus}/${pair.name} aligned`, unitsOf(links, pair.en, pair.fr), starter, null);
}
for (const line of timings) console.log(line);

if (mode === "write") {
  writeFileSync(file, JSON.stringify(results));
  const count = Object.values(results).reduce((n, list) => n + list.length, 0);
  console.log(`wrote ${count} findings and candidates over ${Object.keys(results).length / 2} sets of units to ${file}`);
} else {
  const before = JSON.parse(readFileSync(file, "utf8")) as Results;
  let differences = 0;
  for (const name of new Set([...Object.keys(before), ...Object.keys(results)])) {
    const a = (before[name] ?? []).map((x) => JSON.stringify(x));
    const b = JSON.parse(JSON.stringify(results[name] ?? [])).map((x: unknown) => JSON.stringify(x)) as string[];
    const first = a.findIndex((x, k) => x !== b[k]);
    if (a.length === b.length && first < 0) {
      console.log(`same: ${name} (${a.length})`);
      continue;
    }
    differences++;
    console.log(`DIFFERENT: ${name}: ${a.length} before, ${b.length} after; first difference at ${first < 0 ? Math.min(a.length, b.length) : first}:`);
    console.log(`  before ${a[first] ?? "(none)"}\n  after  ${b[first] ?? "(none)"}`);
  }
  console.log(differences === 0 ? "identical results" : `${differences} sets differ`);
  process.exit(differences === 0 ? 0 : 1);
}
