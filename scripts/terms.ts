/**
 * Terminology from the command line, for researchers and for measurement; prints JSON.
 *
 *   npx tsx scripts/terms.ts check [--glossary FILE] [--presegmented] EN_FILE FR_FILE
 *       aligns the two files and prints every finding of the checks (missing renderings, counts,
 *       deprecated and forbidden terms, numbers), each with its link and both sides' text
 *   npx tsx scripts/terms.ts renderings [--glossary FILE] [--presegmented] EN_FILE FR_FILE
 *       for each entry found in the French, its renderings in the linked English
 *   npx tsx scripts/terms.ts variation [--glossary FILE] [--lang fr|en] FILE...
 *       entries written in more than one way across the files (no alignment needed)
 *   npx tsx scripts/terms.ts candidates [--presegmented] [--top N] EN_FILE FR_FILE
 *       term pairs the aligned files suggest, strongest first
 *
 * The documents may be plain text, PDF, Word documents (.docx) or web pages, read as the app reads originals.
 * The glossary is a CSV (entry,language,term,status,match,domain,source,note); by default Tandem's
 * starter glossary, db/glossary/starter.csv.
 */
import { basename, join } from "node:path";
import { alignSegments } from "../alignments/align/aligner";
import { isLanguage, type Language } from "../alignments/languages";
import { termCandidates } from "../alignments/terms/candidates";
import { checkUnits, hitsOf, renderingsOf, unitsOf, variation } from "../alignments/terms/checks";
import { parseGlossaryCsv, termsOfEntries } from "../alignments/formats/glossary-csv";
import { fail, readPlainText, readText, segmentsOf } from "./cli";

const USAGE = `usage: npx tsx scripts/terms.ts check|renderings [--glossary FILE] [--presegmented] EN_FILE FR_FILE
       npx tsx scripts/terms.ts variation [--glossary FILE] [--lang fr|en] FILE...
       npx tsx scripts/terms.ts candidates [--presegmented] [--top N] EN_FILE FR_FILE`;

const [command, ...rest] = process.argv.slice(2);
let glossaryFile = join(import.meta.dirname, "../db/glossary/starter.csv");
let presegmented = false;
let language: Language = "fr";
let top = 30;
const files: string[] = [];
for (let k = 0; k < rest.length; k++) {
  const arg = rest[k];
  if (arg === "--glossary") glossaryFile = rest[++k] ?? fail(`--glossary needs a file\n${USAGE}`);
  else if (arg === "--presegmented") presegmented = true;
  else if (arg === "--lang") {
    const value = rest[++k];
    if (!isLanguage(value)) fail(`--lang takes fr or en\n${USAGE}`);
    language = value;
  } else if (arg === "--top") top = Number(rest[++k]) || fail(`--top takes a number\n${USAGE}`);
  else if (arg.startsWith("--")) fail(`unknown option ${arg}\n${USAGE}`);
  else files.push(arg);
}
if (command === "--help" || command === "-h") {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

function glossary() {
  const { entries, problems } = parseGlossaryCsv(readPlainText(glossaryFile));
  for (const problem of problems) process.stderr.write(`${glossaryFile}: ${problem.message}\n`);
  if (entries.length === 0) fail(`${glossaryFile}: no glossary entries`);
  return { entries, terms: termsOfEntries(entries) };
}

async function alignedUnits() {
  if (files.length !== 2) fail(USAGE);
  const en = await segmentsOf(files[0], "en", presegmented);
  const fr = await segmentsOf(files[1], "fr", presegmented);
  const { links } = alignSegments(en, fr);
  return {
    units: unitsOf(
      links,
      en.map((s) => s.text),
      fr.map((s) => s.text),
    ),
    links,
  };
}

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

if (command === "check") {
  const { entries, terms } = glossary();
  const { units, links } = await alignedUnits();
  const started = performance.now();
  const findings = checkUnits(units, terms);
  const ms = performance.now() - started;
  const byLink = new Map(units.map((u) => [u.link, u]));
  print({
    en: files[0],
    fr: files[1],
    glossary: { file: glossaryFile, entries: entries.length, terms: terms.length },
    links: links.length,
    checkMs: Math.round(ms),
    findings: findings.map((f) => ({ ...f, entry: f.concept === null ? null : entries[f.concept - 1].key, en: byLink.get(f.link)?.en, fr: byLink.get(f.link)?.fr })),
  });
} else if (command === "renderings") {
  const { entries, terms } = glossary();
  const { units } = await alignedUnits();
  const hits = hitsOf(units, terms);
  const concepts = [...new Set(hits.flatMap((h) => h.fr.map((x) => x.concept)))].sort((a, b) => a - b);
  const found = renderingsOf(units, terms, concepts, hits);
  print(concepts.map((concept) => ({ entry: entries[concept - 1].key, ...found.get(concept) })));
} else if (command === "variation") {
  const { entries, terms } = glossary();
  if (files.length === 0) fail(USAGE);
  const documents = [];
  for (const file of files) documents.push({ id: basename(file), language, text: await readText(file) });
  print(variation(documents, terms).map((v) => ({ entry: entries[v.concept - 1].key, ...v })));
} else if (command === "candidates") {
  const { units } = await alignedUnits();
  print(termCandidates(units, { top }));
} else fail(USAGE);
