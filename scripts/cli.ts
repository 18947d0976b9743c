/** What the command-line tools share: failing with a message, reading a text file, segmenting it. */
import { readFileSync } from "node:fs";
import type { AlignSegment } from "../alignments/align/aligner";
import type { Language } from "../alignments/languages";
import { decodeText } from "../alignments/text/decode";
import { processDocument } from "../alignments/text/pipeline";

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

export function readText(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    fail(`cannot read ${path}: ${(error as Error).message}`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) fail(`${path}: ${decoded.message}`);
  // How the bytes were read (a Windows-1252 file, a byte-order mark) is worth a line on stderr, not a failure.
  if (decoded.note) process.stderr.write(`${path}: ${decoded.note}\n`);
  return decoded.text;
}

/** A file's segments: one per line with `presegmented`, else through Tandem's clean-up and segmentation. */
export function segmentsOf(path: string, language: Language, presegmented: boolean): AlignSegment[] {
  const text = readText(path);
  if (presegmented) {
    const lines = text.split(/\r?\n/);
    if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    return lines.map((line) => ({ text: line }));
  }
  return processDocument(text, language).segments.map((s) => ({ text: s.text, kind: s.kind, paragraph: s.paragraph }));
}
