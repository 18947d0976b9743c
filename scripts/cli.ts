/** What the command-line tools share: failing with a message, reading a document or a data file, segmenting it. */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { AlignSegment } from "../alignments/align/aligner";
import type { Language } from "../alignments/languages";
import { decodeText } from "../alignments/text/decode";
import { processDocument } from "../alignments/text/pipeline";
import { readOriginal } from "../app/models/originals.server";

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/**
 * A file the command cannot use, with the sentence to show. The corpus command's workers throw it rather than `fail`:
 * in a worker thread `process.exit` ends the thread, and the pair's name would be lost with it.
 */
export class CommandError extends Error {}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CommandError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Runs `read`, failing the command with the message of a `CommandError`. */
function orFail<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CommandError) fail(error.message);
    throw error;
  }
}

/** A document's text and what was noticed while reading it (a PDF's pages, a Windows-1252 file); throws `CommandError`. */
export async function readDocument(path: string): Promise<{ text: string; note: string | null }> {
  const read = await readOriginal(readBytes(path), path, { name: basename(path) });
  if (!read.ok) throw new CommandError(read.message);
  return { text: read.text, note: read.note ? `${path}: ${read.note}` : null };
}

/**
 * A document's text, read as the app's import reads an uploaded original (app/models/originals.server.ts):
 * a PDF (with poppler's pdftotext), a Word document (.docx) or a web page through their extraction, anything
 * else as plain text. What was read (a PDF's pages, the page elements left out, a Windows-1252 file) is a
 * line on stderr; a file that cannot be read fails with the app's message.
 */
export async function readText(path: string): Promise<string> {
  let read: { text: string; note: string | null };
  try {
    read = await readDocument(path);
  } catch (error) {
    if (error instanceof CommandError) fail(error.message);
    throw error;
  }
  if (read.note) process.stderr.write(`${read.note}\n`);
  return read.text;
}

/** A data file (a glossary, a dictionary) as plain text: UTF-8, UTF-16 or Windows-1252, never a binary. */
export function readPlainText(path: string): string {
  const decoded = decodeText(orFail(() => readBytes(path)));
  if (!decoded.ok) fail(`${path}: ${decoded.message}`);
  // How the bytes were read (a Windows-1252 file, a byte-order mark) is worth a line on stderr, not a failure.
  if (decoded.note) process.stderr.write(`${path}: ${decoded.note}\n`);
  return decoded.text;
}

/** A file's segments: one per line with `presegmented`, else through Tandem's clean-up and segmentation. */
export async function segmentsOf(path: string, language: Language, presegmented: boolean): Promise<AlignSegment[]> {
  return segmentsOfText(await readText(path), language, presegmented);
}

/** A text's segments: one per line with `presegmented`, else through Tandem's clean-up and segmentation. */
export function segmentsOfText(text: string, language: Language, presegmented: boolean): AlignSegment[] {
  if (presegmented) {
    const lines = text.split(/\r?\n/);
    if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    return lines.map((line) => ({ text: line }));
  }
  return processDocument(text, language).segments.map((s) => ({ text: s.text, kind: s.kind, paragraph: s.paragraph }));
}
