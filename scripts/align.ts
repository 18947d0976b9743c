/**
 * Aligns two documents and prints one link per line, 0-based indices of the first file's segments then the second's,
 * as vecalign and bertalign do: [0]:[0], [1,2]:[1], [3]:[]; or, with --corpus, every pair of a folder on worker threads.
 * The development entry of `tandem align` (the built command, dist/tandem.mjs): the same program, run through tsx.
 *
 *   npx tsx scripts/align.ts [--presegmented] [--languages A,B] [--dict FILE] [--glossary FILE] [--confidence] [--format links|tmx|tsv] FILE_A FILE_B
 *   npx tsx scripts/align.ts --presegmented --corpus DIR --out DIR [--jobs N] [--force] [--languages A,B] [--format links|tmx|tsv]
 *     [--shard K/N]   (one machine's part of the corpus: see corpus-shard.ts)
 *
 * FILE_A and FILE_B may be plain text, PDF, Word documents (.docx) or web pages, read as the app reads originals.
 * --presegmented: each input line is one segment, unchanged (how the gold corpora are scored); otherwise both files go
 * through Tandem's clean-up and segmentation first. --languages: the files' languages (the core's codes; en,fr by
 * default). --dict takes a hunalign dictionary ("french @ english" per line), --glossary a CSV or TSV of English and
 * French terms. --confidence adds each link's confidence after a tab. --format tmx writes a TMX 1.4 memory as the app
 * exports one (links with both sides; a 1-2 link is one unit, its segments joined with a space; link type, status,
 * confidence and the segment breaks as props, so that importing it into Tandem cuts the units back), --format tsv plain
 * parallel text (one link per line, first file's text, a tab, second's). --corpus: see corpus-pool.ts.
 */
import { isMainThread } from "node:worker_threads";
import { alignCommand } from "./align-command";

// In the built command the corpus workers load the whole bundle, this program included: only the main thread runs it.
if (isMainThread) process.exitCode = await alignCommand(process.argv.slice(2), "npx tsx scripts/align.ts");
