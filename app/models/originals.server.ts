import { binaryKind, decodeDeclared, decodeText } from "../../alignments/text/decode";
import { DocxError, docxPartsOf, textFromDocx, type DocxPackage } from "../../alignments/formats/docx";
import { declaredCharset, textFromHtml } from "../../alignments/formats/html";
import { textFromPdfTsv } from "../../alignments/formats/pdf-text";
import { ReadLimitError } from "../../alignments/formats/text-limit";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from "../utils/limits";
import { runPdftotext } from "../imports/pdftotext.server";
import { readZipDirectory, readZipEntry, ZipError, type ZipEntry } from "../imports/zip.server";

/**
 * Originals: a PDF, a Word document (.docx), a web page or plain text, recognised by its bytes first and
 * by its name or content type second, and turned into the text the pipeline reads. Every refusal says what
 * the file is and what to do; nothing is imported from a file that cannot be read whole.
 */

export type OriginalKind = "pdf" | "docx" | "html" | "text";

export type OriginalRead =
  | {
      ok: true;
      kind: OriginalKind;
      text: string;
      /** A title the document gives itself (PDF none; Word's core title or first heading; the page's h1 or <title>). */
      title: string | null;
      /** Set for plain text: how the bytes were decoded. */
      encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | null;
      /** One line for the document page on how the text was read. */
      note: string | null;
    }
  | { ok: false; status: 413 | 415 | 422 | 503; message: string };

/** The extracted text's limit, in characters: a text over it is over MAX_UPLOAD_BYTES in UTF-8 too. */
const MAX_TEXT_CHARS = MAX_UPLOAD_BYTES;

/** The refusal of an original whose text, once extracted, is over the limit (checked as it is extracted). */
export function textOverLimit(label: string): OriginalRead {
  return {
    ok: false,
    status: 413,
    message: `The text of ${label} is over ${MAX_UPLOAD_MB} MB once extracted; Tandem takes texts up to ${MAX_UPLOAD_MB} MB: split it into parts and import each one. Nothing was imported.`,
  };
}

const startsWith = (bytes: Uint8Array, text: string) => [...text].every((c, i) => bytes[i] === c.charCodeAt(0));

/** What the bytes are, with the name and content type as hints only. */
export function sniffOriginal(bytes: Uint8Array, name = "", contentType = ""): OriginalKind | "zip" | "unknown" {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (startsWith(bytes, "PK\x03\x04") || startsWith(bytes, "PK\x05\x06")) return "zip";
  const start = head.replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, "").trimStart().toLowerCase();
  if (/^<(!doctype html|html[\s>]|head[\s>]|body[\s>]|!--)/.test(start) || /<html[\s>]/.test(start)) return "html";
  if (/^<\?xml/.test(start) && /<html[\s>]|xhtml/.test(start)) return "html";
  if (/\.(html?|xhtml)$/i.test(name) || /^(text\/html|application\/xhtml\+xml)/i.test(contentType)) {
    return /<[a-z!]/i.test(start) ? "html" : "text";
  }
  if (/\.(pdf)$/i.test(name) || /^application\/pdf/i.test(contentType)) return "unknown";
  if (/\.(docx)$/i.test(name)) return "unknown";
  return "text";
}

function readDocx(bytes: Uint8Array, label: string): OriginalRead {
  let entries: Map<string, ZipEntry>;
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    return { ok: false, status: 422, message: `${label} cannot be opened: ${(error as Error).message}.` };
  }
  const pkg: DocxPackage = {
    names: [...entries.keys()],
    read: (name, maxBytes) => new TextDecoder().decode(readZipEntry(bytes, entries.get(name)!, maxBytes)),
  };
  try {
    const found = docxPartsOf(pkg);
    if (!found.ok) return { ok: false, status: 415, message: `${label} is ${found.notWord}.` };
    const read = textFromDocx(found.parts, { maxChars: MAX_TEXT_CHARS });
    if (!read.text.trim()) return { ok: false, status: 422, message: `${label} is a Word document with no text in its body.` };
    const notes = read.notes > 0 ? `, ${read.notes} note${read.notes > 1 ? "s" : ""}` : "";
    return {
      ok: true,
      kind: "docx",
      text: read.text,
      title: read.title,
      encoding: null,
      note: `Word document: ${read.paragraphs} paragraph${read.paragraphs === 1 ? "" : "s"}${notes}`,
    };
  } catch (error) {
    if (error instanceof ZipError || error instanceof DocxError) {
      return { ok: false, status: 422, message: `${label} cannot be read as a Word document: ${error.message.replace(/\.$/, "")}.` };
    }
    throw error;
  }
}

async function readPdf(bytes: Uint8Array, label: string): Promise<OriginalRead> {
  const result = await runPdftotext(bytes, { maxTextChars: MAX_TEXT_CHARS });
  if (!result.ok) {
    switch (result.reason) {
      case "text-limit":
        return textOverLimit(label);
      case "missing":
        return {
          ok: false,
          status: 503,
          message: "Reading PDFs needs poppler's pdftotext on the server, and it is not installed. Ask the administrator to install it (Debian: apt-get install poppler-utils), or upload the text instead.",
        };
      case "encrypted":
        return { ok: false, status: 422, message: `${label} is protected by a password, so its text cannot be read. Save an unprotected copy (or export its text) and upload that.` };
      case "timeout":
        return { ok: false, status: 422, message: `${label} took too long to read (${result.detail}); nothing was imported.` };
      case "too-large":
        return { ok: false, status: 413, message: `${label}: ${result.detail}; nothing was imported.` };
      default:
        return { ok: false, status: 422, message: `${label} is damaged or is not a PDF that can be read (pdftotext: ${result.detail}).` };
    }
  }
  const read = textFromPdfTsv(result.tsv, { maxChars: MAX_TEXT_CHARS });
  if (read.words === 0 || !read.text.trim()) {
    return {
      ok: false,
      status: 422,
      message: `${label} has no text layer: its ${read.pages === 1 ? "page is an image" : `${read.pages} pages are images`} (a scan?). Tandem does not recognise printed text: run OCR on it first, or upload the text.`,
    };
  }
  return {
    ok: true,
    kind: "pdf",
    text: read.text,
    title: null,
    encoding: null,
    note: `PDF, ${read.pages} page${read.pages === 1 ? "" : "s"}: text read with pdftotext`,
  };
}

function readHtml(bytes: Uint8Array, label: string, contentType: string): OriginalRead {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const charset = /charset\s*=\s*"?([A-Za-z0-9._:-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? declaredCharset(head);
  let html: string | null = null;
  let decodeNote: string | undefined;
  if (charset && !/^utf-?8$/.test(charset) && !(bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe)) {
    html = decodeDeclared(bytes, charset); // null for an unknown label: read as UTF-8 or Windows-1252 below
  }
  if (html === null) {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { ok: false, status: 422, message: `${label}: ${decoded.message}` };
    html = decoded.text;
    decodeNote = decoded.note;
  }
  const read = textFromHtml(html, { maxChars: MAX_TEXT_CHARS });
  if (!read.text.trim()) return { ok: false, status: 422, message: `${label} is a web page with no readable text once its navigation and scripts are left out.` };
  return {
    ok: true,
    kind: "html",
    text: read.text,
    title: read.title,
    encoding: null,
    note: `Web page${read.dropped > 0 ? `: ${read.dropped} navigation, script, form or other page element${read.dropped === 1 ? "" : "s"} left out` : ""}${decodeNote ? `. ${decodeNote}` : ""}`,
  };
}

/**
 * Reads an original's bytes into the pipeline's text. `label` names it in messages ("report.pdf", a URL). A
 * PDF, Word document or web page whose text passes 5 MB is refused as soon as it does (a plain text file's
 * limit is its caller's: the import form holds it to 5 MB before reading it).
 */
export async function readOriginal(bytes: Uint8Array, label: string, hints: { name?: string; contentType?: string } = {}): Promise<OriginalRead> {
  let read: OriginalRead;
  try {
    read = await readAnyOriginal(bytes, label, hints);
  } catch (error) {
    if (error instanceof ReadLimitError) return textOverLimit(label);
    throw error;
  }
  if (read.ok && read.kind !== "text" && Buffer.byteLength(read.text, "utf8") > MAX_UPLOAD_BYTES) return textOverLimit(label);
  return read;
}

async function readAnyOriginal(bytes: Uint8Array, label: string, hints: { name?: string; contentType?: string }): Promise<OriginalRead> {
  if (bytes.length === 0) return { ok: false, status: 422, message: `${label} is empty.` };
  const kind = sniffOriginal(bytes, hints.name, hints.contentType);
  if (kind === "pdf") return readPdf(bytes, label);
  if (kind === "zip") return readDocx(bytes, label);
  if (kind === "html") return readHtml(bytes, label, hints.contentType ?? "");
  if (kind === "unknown") {
    const named = /\.docx$/i.test(hints.name ?? "") ? "a Word document (.docx)" : "a PDF";
    const actually = binaryKind(bytes) ?? (decodeText(bytes).ok ? "plain text" : "a binary file");
    return { ok: false, status: 415, message: `${label} is given as ${named} but is not one: it holds ${actually}. Nothing was imported.` };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, status: 422, message: `${label}: ${decoded.message}` };
  return { ok: true, kind: "text", text: decoded.text, title: null, encoding: decoded.encoding, note: decoded.note ?? null };
}
