/**
 * Bytes of an uploaded file to text. Tandem reads UTF-8 (with or without BOM), UTF-16 with a BOM and the
 * Windows-1252 / Latin-1 files that older Windows tools still write; it refuses binaries with a message
 * that says what the file seems to be.
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

function decodeWith(encoding: string, bytes: Uint8Array, fatal = false): string | null {
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of characters that no text file contains: C0 controls other than tab, newlines and form feed. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return bad / text.length;
}

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: "The file is empty." };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return checked(decodeWith("utf-8", bytes.subarray(3)), "utf-8");
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
  // Not valid UTF-8: Windows-1252 is a superset of Latin-1 for every printable character.
  return checked(
    decodeWindows1252(bytes),
    "windows-1252",
    "The file is not UTF-8; it was read as Windows-1252 (Latin-1). Check the accents.",
  );
}

function binary(): DecodeResult {
  return {
    ok: false,
    message:
      "This file does not contain plain text (it looks like a binary file). Tandem reads plain text (.txt, .md), PDF, Word (.docx) and web pages (.html): export the document in one of these and upload that.",
  };
}

function checked(text: string | null, encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252", note?: string): DecodeResult {
  if (text === null || controlShare(text) > 0.01) return binary();
  if (text.trim() === "") return { ok: false, message: "The file holds no text (only white space)." };
  return note ? { ok: true, text, encoding, note } : { ok: true, text, encoding };
}
