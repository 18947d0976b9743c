/**
 * Exports what is in a Tandem database, for batch work, with the app's own export code (app/models/exports.server.ts):
 *
 *   npx tsx scripts/export.ts [--db PATH] (--pair ID [--pair ID...] | --all) [--format tmx|tsv|csv|links]
 *                             [--confirmed-only] [--skip-empty | --keep-empty] [--out FILE]
 *   npx tsx scripts/export.ts [--db PATH] --format tbx [--out FILE]      # the glossary
 *
 * --db defaults to DATABASE_PATH, else data/tandem.sqlite. The file goes to stdout unless --out names one.
 * A TMX leaves 1-0 and 0-1 links out unless --keep-empty (they are not translation units); the other formats keep
 * them unless --skip-empty. --all exports every ready pair; --format links (the gold-link format) takes one pair. A refusal (no such pair,
 * one not aligned yet) exits with status 2 and a message; control characters a TMX or TBX could not hold are
 * counted on stderr.
 */
import { createWriteStream, existsSync } from "node:fs";
import type { Writable } from "node:stream";
import { ExportError, LINK_FORMATS, openGlossaryTbx, openLinkExport, type ExportFile, type LinkFormat } from "../app/models/exports.server";
import { DEFAULT_DATABASE_PATH, openDatabase } from "../db/client.server";
import { fail } from "./cli";

const USAGE =
  "usage: npx tsx scripts/export.ts [--db PATH] (--pair ID [--pair ID...] | --all) [--format tmx|tsv|csv|links] [--confirmed-only] [--skip-empty | --keep-empty] [--out FILE]\n" +
  "       npx tsx scripts/export.ts [--db PATH] --format tbx [--out FILE]";

const args = process.argv.slice(2);
let dbPath = process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
let format: LinkFormat | "tbx" = "tmx";
let all = false;
let confirmedOnly = false;
let skipEmpty: boolean | undefined;
let out: string | null = null;
const pairIds: number[] = [];
for (let k = 0; k < args.length; k++) {
  const arg = args[k];
  const value = () => args[++k] ?? fail(`${arg} needs a value\n${USAGE}`);
  if (arg === "--db") dbPath = value();
  else if (arg === "--pair") {
    const id = Number(value());
    if (!Number.isSafeInteger(id) || id <= 0) fail(`--pair takes a pair's number (see the address of its page, /pairs/ID)\n${USAGE}`);
    pairIds.push(id);
  } else if (arg === "--all") all = true;
  else if (arg === "--format") {
    const name = value();
    if (name !== "tbx" && !(LINK_FORMATS as readonly string[]).includes(name)) fail(`--format takes ${LINK_FORMATS.join(", ")} or tbx\n${USAGE}`);
    format = name as LinkFormat | "tbx";
  } else if (arg === "--confirmed-only") confirmedOnly = true;
  else if (arg === "--skip-empty") skipEmpty = true;
  else if (arg === "--keep-empty") skipEmpty = false;
  else if (arg === "--out") out = value();
  else if (arg === "--help" || arg === "-h") {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else fail(`unknown argument ${arg}\n${USAGE}`);
}
if (format === "tbx" && (all || pairIds.length > 0 || confirmedOnly || skipEmpty !== undefined))
  fail(`--format tbx exports the glossary: it takes no pair or link option\n${USAGE}`);
if (format !== "tbx" && all === pairIds.length > 0) fail(`name the pairs with --pair ID, or --all (not both)\n${USAGE}`);
if (!existsSync(dbPath)) fail(`there is no database at ${dbPath} (give one with --db PATH)`);

/** Writes the chunks, waiting whenever the destination asks to (a pipe to a slow reader). */
async function pour(file: ExportFile, sink: Writable): Promise<void> {
  for (const chunk of file.chunks) {
    if (!sink.write(chunk)) await new Promise((resolve) => sink.once("drain", resolve));
  }
  if (sink !== process.stdout) await new Promise<void>((resolve, reject) => sink.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

// A reader that stops early (`| head`) closes the pipe: that ends the export, it is not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

async function main() {
  const db = openDatabase(dbPath);
  let file: ExportFile;
  try {
    file = format === "tbx" ? await openGlossaryTbx(db) : openLinkExport({ pairs: all ? "all" : pairIds, format, confirmedOnly, skipEmpty }, db);
  } catch (error) {
    if (error instanceof ExportError) fail(error.message);
    throw error;
  }
  const sink = out ? createWriteStream(out) : process.stdout;
  try {
    await pour(file, sink);
  } finally {
    file.close();
    db.$client.close();
  }
  if (file.stats.dropped > 0)
    process.stderr.write(`left out ${file.stats.dropped} control character${file.stats.dropped === 1 ? "" : "s"} that XML cannot hold\n`);
  if (out) process.stderr.write(`wrote ${out} (${file.filename.split(".").slice(1).join(".")})\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
