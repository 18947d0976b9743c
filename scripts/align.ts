/**
 * Aligns an English original with its French translation and prints one link per line, 0-based English
 * indices then French, as vecalign and bertalign do: [0]:[0], [1,2]:[1], [3]:[].
 *
 *   npx tsx scripts/align.ts [--presegmented] [--dict FILE] [--glossary FILE] [--confidence] [--format links|tmx|tsv] EN_FILE FR_FILE
 *
 * EN_FILE and FR_FILE may be plain text, PDF, Word documents (.docx) or web pages, read as the app reads
 * originals. --presegmented: each input line is one segment, unchanged (how the gold corpora are scored); otherwise
 * both files go through Tandem's clean-up and segmentation first. --dict takes a hunalign dictionary
 * ("french @ english" per line), --glossary a CSV or TSV of English and French terms. --confidence adds
 * each link's confidence after a tab. --format tmx writes a TMX 1.4 memory as the app exports one (links with
 * both sides; a 1-2 link is one unit, its segments joined with a space; link type, status, confidence and the
 * segment breaks as props, so that importing it into Tandem cuts the units back), --format tsv plain parallel
 * text (one link per line, English, a tab, French).
 */
import { alignSegments } from "../alignments/align/aligner";
import { parseGlossary, parseHunalignDictionary, type LexiconEntry } from "../alignments/align/lexicon";
import { formatLink } from "../alignments/align/links";
import { CREATION_TOOL, TMX, TSV } from "../alignments/formats/bitext";
import { CsvError } from "../alignments/formats/csv";
import { memoryUnit } from "../alignments/formats/memory";
import { fail, readPlainText, segmentsOf } from "./cli";

const USAGE = "usage: npx tsx scripts/align.ts [--presegmented] [--dict FILE] [--glossary FILE] [--confidence] [--format links|tmx|tsv] EN_FILE FR_FILE";

/** A CSV or TSV glossary's word pairs; a broken quote fails with its line. */
function glossaryOf(file: string): LexiconEntry[] {
  try {
    return parseGlossary(readPlainText(file));
  } catch (error) {
    if (error instanceof CsvError) fail(`${file}: ${error.message}`);
    throw error;
  }
}

const args = process.argv.slice(2);
let presegmented = false;
let confidence = false;
let format = "links";
const lexicon: LexiconEntry[] = [];
const files: string[] = [];
for (let k = 0; k < args.length; k++) {
  const arg = args[k];
  if (arg === "--presegmented") presegmented = true;
  else if (arg === "--confidence") confidence = true;
  else if (arg === "--format") {
    format = args[++k] ?? "";
    if (!["links", "tmx", "tsv"].includes(format)) fail(`--format takes links, tmx or tsv\n${USAGE}`);
  }
  else if (arg === "--dict" || arg === "--glossary") {
    const file = args[++k] ?? fail(`${arg} needs a file\n${USAGE}`);
    const entries = arg === "--dict" ? parseHunalignDictionary(readPlainText(file)) : glossaryOf(file);
    if (entries.length === 0) fail(`${file}: no entries found (expected ${arg === "--dict" ? '"french @ english" lines' : "english,french rows"})`);
    lexicon.push(...entries);
  } else if (arg === "--help" || arg === "-h") {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else if (arg.startsWith("--")) fail(`unknown option ${arg}\n${USAGE}`);
  else files.push(arg);
}
if (files.length !== 2) fail(USAGE);

const en = await segmentsOf(files[0], "en", presegmented);
const fr = await segmentsOf(files[1], "fr", presegmented);
const { links, support } = alignSegments(en, fr, { lexicon });
if (format === "links") {
  const out = links.map((link) => (confidence ? `${formatLink(link)}\t${link.confidence.toFixed(3)}` : formatLink(link)));
  process.stdout.write(out.join("\n") + (out.length > 0 ? "\n" : ""));
} else {
  const units = links
    .filter((link) => link.en.length > 0 && link.fr.length > 0)
    .map((link) =>
      memoryUnit({ en: link.en.map((i) => en[i].text), fr: link.fr.map((j) => fr[j].text), status: "automatic", confidence: link.confidence }),
    );
  const header = { ...CREATION_TOOL, sourceLanguage: "en", targetLanguage: "fr", created: new Date(), notes: [`${files[0]} ↔ ${files[1]}`] };
  for (const chunk of (format === "tmx" ? TMX : TSV).write(units, header)) process.stdout.write(chunk);
}
if (en.length > 0 && fr.length > 0 && support < 0.35) {
  process.stderr.write(`warning: these documents look unrelated: only ${Math.round(100 * support)}% of links have lexical support\n`);
}
