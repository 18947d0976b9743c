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

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    fail(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/**
 * A document's text, read as the app's import reads an uploaded original (app/models/originals.server.ts):
 * a PDF (with poppler's pdftotext), a Word document (.docx) or a web page through their extraction, anything
 * else as plain text. What was read (a PDF's pages, the page elements left out, a Windows-1252 file) is a
 * line on stderr; a file that cannot be read fails with the app's message.
 */
export async function readText(path: string): Promise<string> {
  const read = await readOriginal(readBytes(path), path, { name: basename(path) });
  if (!read.ok) fail(read.message);
  if (read.note) process.stderr.write(`${path}: ${read.note}\n`);
  return read.text;
}

/** A data file (a glossary, a dictionary) as plain text: UTF-8, UTF-16 or Windows-1252, never a binary. */
export function readPlainText(path: string): string {
  const decoded = decodeText(readBytes(path));
  if (!decoded.ok) fail(`${path}: ${decoded.message}`);
  // How the bytes were read (a Windows-1252 file, a byte-order mark) is worth a line on stderr, not a failure.
  if (decoded.note) process.stderr.write(`${path}: ${decoded.note}\n`);
  return decoded.text;
}

/** A file's segments: one per line with `presegmented`, else through Tandem's clean-up and segmentation. */
export async function segmentsOf(path: string, language: Language, presegmented: boolean): Promise<AlignSegment[]> {
  const text = await readText(path);
  if (presegmented) {
    const lines = text.split(/\r?\n/);
    if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    return lines.map((line) => ({ text: line }));
  }
  return processDocument(text, language).segments.map((s) => ({ text: s.text, kind: s.kind, paragraph: s.paragraph }));
}
