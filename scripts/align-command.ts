/**
 * `align`: two documents to links on stdout, or a folder of pairs to a folder of outputs (--corpus). The program behind
 * `scripts/align.ts` (development, through tsx) and `tandem align` (the built command, dist/tandem.mjs).
 */
import { parseGlossary, parseHunalignDictionary, type LexiconEntry } from "../alignments/align/lexicon";
import { CsvError } from "../alignments/formats/csv";
import { isTextLanguage, TEXT_LANGUAGES, type TextLanguage } from "../alignments/languages";
import { alignPair, FORMATS, type OutputFormat } from "./align-pair";
import { CommandError, fail, readPlainText } from "./cli";
import { alignCorpus } from "./corpus-pool";
import { parseShard, type Shard } from "./corpus-shard";

/** The usage, with the program's name as the user typed it (`tandem align`, `npx tsx scripts/align.ts`). */
export const alignUsage = (program: string) => `usage: ${program} [options] FILE_A FILE_B
       ${program} --corpus DIR --out DIR [--jobs N] [--force] [options]
options: [--presegmented] [--languages A,B] [--dict FILE] [--glossary FILE] [--confidence] [--format links|tmx|tsv] [--monotone]
  FILE_A and FILE_B: plain text, PDF, Word (.docx) or web pages; links print as [A lines]:[B lines], 0-based.
  --monotone      links in the documents' order only; by default a definition listed elsewhere in the other
                  language is linked where it is, so links may cross and skip lines ([26,30,31]:[15]).
  --presegmented  one segment per line, unchanged; otherwise clean-up and segmentation first (English and French).
  --languages A,B the two files' languages (default en,fr): ${TEXT_LANGUAGES.join(" ")}.
  --dict FILE     a hunalign dictionary ("french @ english" per line); --glossary FILE a CSV or TSV of term pairs.
  --confidence    each link's confidence after a tab; --format tmx a TMX 1.4 memory, tsv parallel text.
  --corpus DIR    align every NAME.A + NAME.B of DIR into OUT/NAME.links (or .tmx, .tsv) on N threads
                  (--jobs, default: the number of cores); pairs already written are skipped unless --force.
  --shard K/N     with --corpus: only this machine's part K of N (by a hash of each pair's name), for N machines.`;

/** A CSV or TSV glossary's word pairs; a broken quote fails with its line. */
function glossaryOf(file: string): LexiconEntry[] {
  try {
    return parseGlossary(readPlainText(file));
  } catch (error) {
    if (error instanceof CsvError) fail(`${file}: ${error.message}`);
    throw error;
  }
}

function languagesOf(value: string | undefined, usage: string): [TextLanguage, TextLanguage] {
  const codes = (value ?? "").split(",").map((code) => code.trim());
  if (codes.length !== 2 || !codes.every(isTextLanguage)) fail(`--languages takes two codes among ${TEXT_LANGUAGES.join(" ")}, e.g. en,fr\n${usage}`);
  if (codes[0] === codes[1]) fail(`--languages needs two different languages, not ${codes[0]} twice`);
  return codes as [TextLanguage, TextLanguage];
}

function jobsOf(value: string | undefined, usage: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs takes a whole number of threads, 1 or more\n${usage}`);
  return jobs;
}

/** Runs the command; resolves to its exit status (a usage error ends the process with status 2 at once). */
export async function alignCommand(args: readonly string[], program: string): Promise<number> {
  const usage = alignUsage(program);
  let presegmented = false;
  let confidence = false;
  let monotone = false;
  let force = false;
  let format: OutputFormat = "links";
  let languages: [TextLanguage, TextLanguage] = ["en", "fr"];
  let corpus: string | undefined;
  let out: string | undefined;
  let jobs: number | undefined;
  let shard: Shard | undefined;
  const lexicon: LexiconEntry[] = [];
  const files: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === "--presegmented") presegmented = true;
    else if (arg === "--confidence") confidence = true;
    else if (arg === "--monotone") monotone = true;
    else if (arg === "--force") force = true;
    else if (arg === "--format") {
      const value = args[++k] ?? "";
      if (!(FORMATS as readonly string[]).includes(value)) fail(`--format takes links, tmx or tsv\n${usage}`);
      format = value as OutputFormat;
    } else if (arg === "--languages") languages = languagesOf(args[++k], usage);
    else if (arg === "--corpus") corpus = args[++k] ?? fail(`--corpus needs a folder\n${usage}`);
    else if (arg === "--out") out = args[++k] ?? fail(`--out needs a folder\n${usage}`);
    else if (arg === "--jobs") jobs = jobsOf(args[++k], usage);
    else if (arg === "--shard") {
      const parsed = parseShard(args[++k]);
      shard = typeof parsed === "string" ? fail(`${parsed}\n${usage}`) : parsed;
    }
    else if (arg === "--dict" || arg === "--glossary") {
      const file = args[++k] ?? fail(`${arg} needs a file\n${usage}`);
      const entries = arg === "--dict" ? parseHunalignDictionary(readPlainText(file)) : glossaryOf(file);
      if (entries.length === 0) fail(`${file}: no entries found (expected ${arg === "--dict" ? '"french @ english" lines' : "english,french rows"})`);
      lexicon.push(...entries);
    } else if (arg === "--help" || arg === "-h") {
      process.stdout.write(`${usage}\n`);
      return 0;
    } else if (arg.startsWith("--")) fail(`unknown option ${arg}\n${usage}`);
    else files.push(arg);
  }
  const options = { languages, presegmented, lexicon, format, confidence, monotone };
  try {
    if (corpus !== undefined) {
      if (files.length > 0) fail(`--corpus aligns a folder: give no files beside it\n${usage}`);
      if (out === undefined) fail(`--corpus needs --out DIR, the folder for the outputs\n${usage}`);
      return await alignCorpus({ ...options, corpus, out, jobs, force, shard });
    }
    if (out !== undefined || jobs !== undefined || force || shard) fail(`--out, --jobs, --force and --shard go with --corpus\n${usage}`);
    if (files.length !== 2) fail(usage);
    const aligned = await alignPair({ first: files[0], second: files[1] }, options);
    process.stdout.write(aligned.output);
    for (const note of aligned.notes) process.stderr.write(`${note}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CommandError) fail(error.message);
    throw error;
  }
}
