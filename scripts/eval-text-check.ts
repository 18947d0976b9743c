/**
 * "Is it text at all?" (alignments/text/detect-language.ts, decision 19): the three measures on every line of
 * 40 visible characters or more of the shared corpora and on the seeds, against the generated strings that are
 * not text. Prints the range of each measure on each side and what detection says; asserts nothing.
 *
 *   npx tsx scripts/eval-text-check.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CASES, NOT_TEXT } from "../alignments/text/detect-language.cases";
import { francAll } from "franc";
import { CANDIDATE_LANGUAGES, detectLanguage, textMeasures, trigramCoverage } from "../alignments/text/detect-language";
import { corporaDir, corpusSeeds } from "../app/models/seeds.server";

const texts: Array<{ source: string; text: string }> = corpusSeeds().map((s) => ({ source: "seeds", text: s.raw }));
for (const c of CASES) texts.push({ source: "cases", text: c.text });
const corpora = corporaDir();
if (corpora) {
  for (const folder of readdirSync(corpora, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const name of readdirSync(join(corpora, folder.name)).filter((n) => /\.(en|fr|zh)$/.test(n))) {
      for (const line of readFileSync(join(corpora, folder.name, name), "utf8").split("\n")) {
        if ((line.match(/\S/gu) ?? []).length >= 40) texts.push({ source: `${folder.name}/${name}`, text: line });
      }
    }
  }
} else console.log("(no shared corpora: seeds and cases only)");

/** The three measures of one sample; coverage against the language franc ranks first, as detection does. */
function measures(text: string) {
  const best = francAll(text.slice(0, 20000), { only: CANDIDATE_LANGUAGES, minLength: 1 })[0][0];
  return { ...textMeasures(text), trigramCoverage: best === "und" ? null : trigramCoverage(text.slice(0, 20000), best) };
}
type Measured = ReturnType<typeof measures>;
type Measure = "letterShare" | "wordShare" | "trigramCoverage";
const MEASURES: Measure[] = ["letterShare", "wordShare", "trigramCoverage"];
const range = (all: Measured[], key: Measure) => {
  const values = all.map((m) => m[key]).filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (values.length === 0) return "n/a";
  const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))].toFixed(2);
  return `min ${at(0)}  p0.1 ${at(0.001)}  p1 ${at(0.01)}  max ${values[values.length - 1].toFixed(2)}`;
};

const textMeasured = texts.map((t) => measures(t.text));
const called = texts.filter((t) => detectLanguage(t.text).status === "not-text");
console.log(`Text: ${texts.length.toLocaleString("en-US")} lines and documents (seeds, cases, corpora lines of 40+ visible characters)`);
for (const key of MEASURES) console.log(`  ${key.padEnd(16)} ${range(textMeasured, key)}`);
console.log(`  called not text: ${called.length}${called.length ? ` (${called.slice(0, 5).map((t) => `${t.source}: ${t.text.slice(0, 60)}`).join("; ")})` : ""}`);

console.log(`\nNot text: ${NOT_TEXT.length} generated strings`);
console.log(`  ${"string".padEnd(40)} letters words  trigrams detection`);
for (const { name, text } of NOT_TEXT) {
  const m = measures(text);
  const f = (v: number | null) => (v === null ? "  n/a" : v.toFixed(2).padStart(5));
  console.log(`  ${name.padEnd(40)} ${f(m.letterShare)}   ${f(m.wordShare)}  ${f(m.trigramCoverage)}    ${detectLanguage(text).status}`);
}
