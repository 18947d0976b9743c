/**
 * Bytes of an uploaded file to text. Tandem reads UTF-8 (with or without BOM), UTF-16 with a BOM and the
 * Windows-1252 / Latin-1 files that older Windows tools still write; it refuses binaries with a message
 * that says what the file seems to be.
 *
 * A UTF-8 file with a few damaged bytes stays UTF-8: the damaged characters become U+FFFD and the note says
 * how many and on which lines. Windows-1252 is chosen only when the file is not plausibly UTF-8 (see
 * `looksLikeUtf8`).
 */

export type DecodeResult =
  | { ok: true; text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252"; note?: string }
  | { ok: false; message: string };

const SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "a PDF document" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive (a Word .docx or OpenDocument file is one)" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an old Microsoft Office document (.doc)" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF document" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** What a file's first bytes say it is ("a PNG image"), for the formats that are never plain text; null otherwise. */
export function binaryKind(bytes: Uint8Array): string | null {
  return SIGNATURES.find(({ bytes: signature }) => startsWith(bytes, signature))?.what ?? null;
}

// 0x80-0x9F in Windows-1252 (Node's TextDecoder reads "windows-1252" as Latin-1 and loses these).
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

/**
 * The labels the Encoding Standard maps to windows-1252 (a page declaring "iso-8859-1" or "us-ascii" is read as
 * windows-1252 by every browser): Node's TextDecoder reads them as Latin-1, so “ ” € … would come out as controls.
 */
const WINDOWS_1252_LABELS = new Set([
  "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
  "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252",
]);

/**
 * Bytes in the encoding a document declares (a web page's `<meta charset>` or Content-Type), as a browser reads
 * them; null for a label no decoder knows.
 */
export function decodeDeclared(bytes: Uint8Array, label: string): string | null {
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252_LABELS.has(name)) return decodeWindows1252(bytes);
  return decodeWith(name, bytes);
}

function decodeWith(encoding: string, bytes: Uint8Array, fatal = false): string | null {
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of characters that no text file contains: C0 controls other than tab, newlines and form feed (and U+FFFD unless `replaced`). */
function controlShare(text: string, replaced = false): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c === 0xfffd && !replaced)) bad++;
  }
  return bad / text.length;
}

/** What a UTF-8 reading of some bytes finds. */
export interface Utf8Scan {
  /** Well-formed characters of two to four bytes: each is evidence that the file is UTF-8. */
  multibyte: number;
  /** Byte offsets where an ill-formed sequence starts; a decoder puts one U+FFFD for each. */
  invalid: number[];
  /** The bytes end inside a character that was well-formed so far: the file was cut short. */
  cutAtEnd: boolean;
}

/** Reads bytes as UTF-8 without decoding them, by the Unicode (and WHATWG) rules: one error per maximal ill-formed part. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multibyte = 0;
  const invalid: number[] = [];
  let cutAtEnd = false;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const need = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (need === 0) {
      invalid.push(i++);
      continue;
    }
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    let lower = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    let upper = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    let seen = 1;
    while (seen <= need && i + seen < bytes.length && bytes[i + seen] >= lower && bytes[i + seen] <= upper) {
      seen++;
      lower = 0x80;
      upper = 0xbf;
    }
    if (seen > need) multibyte++;
    else if (i + seen >= bytes.length) cutAtEnd = true;
    else invalid.push(i);
    i += seen;
  }
  return { multibyte, invalid, cutAtEnd };
}

/**
 * Whether bytes that are not valid UTF-8 are still a UTF-8 file with some damage. In a Windows-1252 or
 * Latin-1 text, accented letters almost never form UTF-8 sequences (é is 0xE9, which UTF-8 reads as the start
 * of a three-byte character and then finds a plain letter), so nearly every high byte is an error and well-
 * formed sequences are rare accidents ("É»"). In a damaged UTF-8 file it is the other way round. So: UTF-8
 * when its well-formed multi-byte characters are at least as many as its errors; an incomplete character at
 * the very end is a cut, not evidence either way.
 */
export function looksLikeUtf8(scan: Utf8Scan): boolean {
  return scan.multibyte >= scan.invalid.length;
}

/** 1-based line of each byte offset (offsets ascending). */
function linesOf(bytes: Uint8Array, offsets: readonly number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let at = 0;
  for (const offset of offsets) {
    for (; at < offset; at++) if (bytes[at] === 0x0a) line++;
    lines.push(line);
  }
  return lines;
}

/** How many lines to name in a note before "and N other lines". */
const LINES_NAMED = 5;

function listLines(lines: readonly number[]): string {
  const distinct = [...new Set(lines)];
  const named = distinct.slice(0, LINES_NAMED).map(String);
  const others = distinct.length - named.length;
  if (others > 0) named.push(`${others.toLocaleString("en-US")} other line${others === 1 ? "" : "s"}`);
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}`;
  return `${distinct.length === 1 ? "line" : "lines"} ${list}`;
}

/** The note on a UTF-8 file read with some characters replaced: how many, and on which lines. */
export function damageNote(bytes: Uint8Array, scan: Utf8Scan): string | undefined {
  const parts: string[] = [];
  const n = scan.invalid.length;
  if (n > 0) {
    parts.push(
      `Read as UTF-8, but ${n === 1 ? "1 character" : `${n.toLocaleString("en-US")} characters`} could not be read (bytes that are not valid UTF-8) and ${n === 1 ? "was" : "were"} replaced by “\uFFFD”, on ${listLines(linesOf(bytes, scan.invalid))}.`,
    );
  }
  if (scan.cutAtEnd) parts.push("The file ends in the middle of a character (it may have been cut short); that character was replaced by “\uFFFD”.");
  return parts.length > 0 ? parts.join(" ") : undefined;
}

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: "The file is empty." };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8WithDamage(bytes.subarray(3), scanUtf8(bytes.subarray(3)));
  if (startsWith(bytes, [0xff, 0xfe])) return checked(decodeWith("utf-16le", bytes.subarray(2)), "utf-16le");
  if (startsWith(bytes, [0xfe, 0xff])) return checked(decodeWith("utf-16be", bytes.subarray(2)), "utf-16be");
  const what = binaryKind(bytes);
  if (what) {
    return {
      ok: false,
      message: `This file looks like ${what}, not plain text. Tandem reads plain text (.txt, .md), PDF, Word (.docx) and web pages (.html): save or export the document in one of these and upload that.`,
    };
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  const zeros = [0, 1].map((parity) => sample.filter((b, i) => i % 2 === parity && b === 0).length);
  const half = sample.length / 2;
  if (zeros[1] > 0.3 * half && zeros[0] < 0.05 * half) {
    return checked(decodeWith("utf-16le", bytes), "utf-16le", "Read as UTF-16 (little-endian) without a byte-order mark.");
  }
  if (zeros[0] > 0.3 * half && zeros[1] < 0.05 * half) {
    return checked(decodeWith("utf-16be", bytes), "utf-16be", "Read as UTF-16 (big-endian) without a byte-order mark.");
  }
  if (sample.includes(0)) return binary();
  const utf8 = decodeWith("utf-8", bytes, true);
  if (utf8 !== null) return checked(utf8, "utf-8");
  const scan = scanUtf8(bytes);
  if (looksLikeUtf8(scan)) return utf8WithDamage(bytes, scan);
  // Not UTF-8: Windows-1252 is a superset of Latin-1 for every printable character.
  return checked(
    decodeWindows1252(bytes),
    "windows-1252",
    "The file is not UTF-8; it was read as Windows-1252 (Latin-1). Check the accents.",
  );
}

/** UTF-8 with each ill-formed sequence replaced by U+FFFD, as the note says. */
function utf8WithDamage(bytes: Uint8Array, scan: Utf8Scan): DecodeResult {
  return checked(decodeWith("utf-8", bytes), "utf-8", damageNote(bytes, scan), true);
}

function binary(): DecodeResult {
  return {
    ok: false,
    message:
      "This file does not contain plain text (it looks like a binary file). Tandem reads plain text (.txt, .md), PDF, Word (.docx) and web pages (.html): export the document in one of these and upload that.",
  };
}

function checked(
  text: string | null,
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252",
  note?: string,
  /** U+FFFD stands for damaged bytes the note lists, not for a binary file. */
  replaced = false,
): DecodeResult {
  if (text === null || controlShare(text, replaced) > 0.01) return binary();
  if (text.trim() === "") return { ok: false, message: "The file holds no text (only white space)." };
  return note ? { ok: true, text, encoding, note } : { ok: true, text, encoding };
}
