import { isTextLanguage, type TextLanguage } from "../../alignments/languages";
import { detectDocumentLanguage } from "../../alignments/text/detect-document-language";
import type { Db } from "../../db/client.server";
import { formatSize, MAX_TITLE, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from "../utils/limits";
import { ImportError, importDocument } from "./documents.server";
import { readOriginal, sniffOriginal, type OriginalRead } from "./originals.server";
import { resolveSegmentation, type SegmentationChoice } from "./segmentation.server";

/**
 * The part of "Add a document" that reads and writes: an original's bytes (uploaded or fetched) or pasted text
 * read into the pipeline's text, the language settled, the text cleaned, cut into segments and stored. It runs
 * in the import worker (app/workers/import-jobs.ts), with the worker's own connection to the database, so that
 * the server's thread keeps answering while a large text is parsed and written; imports.server.ts hands it over.
 */

/** What the "Add a document" form sent, once the upload was read. */
export interface ImportSubmission {
  title: string;
  /** Pasted text (or text decoded from an earlier upload and put back in the form). */
  text: string;
  /** An uploaded file, if any. */
  file: { name: string; bytes: Uint8Array } | null;
  /** A web address to fetch the original from, if any (loopback and private ones only if the server allows them: privateAddressesAllowed). */
  url?: string;
  language: "auto" | TextLanguage;
  /** Into sentences, one segment per line, or "auto": one per line when a plain text looks already cut (decision 0021). */
  segmentation?: SegmentationChoice;
  /** Carried over when the text came from a file in an earlier attempt. */
  sourceName?: string | null;
  encoding?: string | null;
  encodingNote?: string | null;
}

/** What the form shows again after a refusal, so that nothing the user gave is lost. */
export interface FormValues {
  title: string;
  text: string;
  url: string;
  language: "auto" | TextLanguage;
  segmentation: SegmentationChoice;
  sourceName: string;
  encoding: string;
  encodingNote: string;
}

export type ImportField = "text" | "file" | "url" | "language" | "title" | "segmentation";
type RefusalStatus = 400 | 413 | 415 | 422 | 503;

export type ImportOutcome =
  | { ok: true; id: number }
  | {
      ok: false;
      status: RefusalStatus;
      message: string;
      field: ImportField;
      /** The language could not be settled: the form asks the user to choose. */
      needsLanguage?: boolean;
      values: FormValues;
    };

/** Where the text comes from: the form's own text, an uploaded file, or the bytes fetched from an address. */
export type DocumentSource =
  | { kind: "text" }
  | { kind: "file"; name: string; bytes: Uint8Array }
  | { kind: "url"; url: string; finalUrl: string; contentType: string; bytes: Uint8Array };

/** The submission without its file (which travels as the source), as the import worker receives it. */
export type DocumentJob = { submission: Omit<ImportSubmission, "file">; source: DocumentSource };

export function formValues(input: Omit<ImportSubmission, "file">): FormValues {
  return {
    title: input.title,
    text: input.text,
    url: input.url ?? "",
    language: input.language,
    segmentation: input.segmentation ?? "auto",
    sourceName: input.sourceName ?? "",
    encoding: input.encoding ?? "",
    encodingNote: input.encodingNote ?? "",
  };
}

export function refusal(values: FormValues, status: RefusalStatus, field: ImportField, message: string, needsLanguage = false): ImportOutcome {
  return { ok: false, status, field, message, needsLanguage, values };
}

/**
 * A title for a document given none and whose first headings give none (importDocument looks there first): its
 * file's or address's name, else the text's first line.
 */
function fallbackTitle(fileName: string | null | undefined, text: string): string {
  if (fileName && /^https?:\/\//i.test(fileName)) {
    // An address's last segment names the file it serves ("…/report.pdf").
    const last = new URL(fileName).pathname.split("/").filter(Boolean).pop() ?? "";
    let name = last;
    try {
      name = decodeURIComponent(last);
    } catch {
      // A malformed escape: keep the segment as it is.
    }
    name = name.replace(/\.(txt|md|markdown|text|pdf|docx|html?|php|aspx?)$/i, "").trim();
    if (name) return name.slice(0, 300);
  } else if (fileName) return fileName.replace(/\.(txt|md|markdown|text|pdf|docx|html?)$/i, "");
  const firstLine = text.trim().split(/\r?\n/)[0]?.trim().replace(/^#+\s*/, "") ?? "";
  return firstLine.length > 80 ? `${firstLine.slice(0, 79).trimEnd()}…` : firstLine || "Untitled";
}

/**
 * Reads the source (PDF, Word, web page or plain text), settles the language (the user's choice or detection)
 * and imports the text into `db`. Every refusal says why and hands back the form's values; nothing is written
 * unless the import succeeds.
 */
export async function importFromSource({ submission, source }: DocumentJob, db: Db): Promise<ImportOutcome> {
  const values = formValues(submission);
  const refuse = (status: RefusalStatus, field: ImportField, message: string, needsLanguage = false) => refusal(values, status, field, message, needsLanguage);

  let text = submission.text;
  let ownTitle: string | null = null;
  // Text read from a PDF, a Word file or a web page: its lines are the reader's, not an author's cut.
  let prose = false;
  if (source.kind !== "text") {
    const field: ImportField = source.kind;
    const tooLarge = (bytes: number) =>
      refuse(413, field, `This ${field === "file" ? "file" : "text"} is ${formatSize(bytes)}; Tandem accepts text files up to ${MAX_UPLOAD_MB} MB.`);
    const label = source.kind === "file" ? source.name : source.finalUrl;
    const hints = source.kind === "file" ? { name: source.name } : { name: new URL(source.finalUrl).pathname, contentType: source.contentType };
    // A plain text over the limit is refused before it is decoded.
    if (source.bytes.length > MAX_UPLOAD_BYTES && sniffOriginal(source.bytes, hints.name, hints.contentType) === "text") return tooLarge(source.bytes.length);
    const read: OriginalRead = await readOriginal(source.bytes, label, hints);
    if (!read.ok) return refuse(read.status, field, read.message);
    if (read.kind === "text" && source.bytes.length > MAX_UPLOAD_BYTES) return tooLarge(source.bytes.length);
    text = read.text;
    ownTitle = read.title;
    prose = read.kind !== "text";
    values.sourceName = label;
    values.encoding = read.encoding ?? "";
    values.encodingNote = read.note ?? "";
    if (source.kind === "url" && source.finalUrl !== source.url) {
      values.encodingNote = `${values.encodingNote ? `${values.encodingNote}; ` : ""}redirected from ${source.url}`.slice(0, 500);
    }
  }

  if (!text.trim()) {
    return refuse(400, "text", "There is no text to import. Paste a text, choose a file (.txt, .md, .pdf, .docx, .html) or give a web address.");
  }

  const guess = detectDocumentLanguage(text);
  let language: TextLanguage;
  if (isTextLanguage(submission.language)) {
    language = submission.language;
  } else if (guess.status === "detected" && guess.language) {
    language = guess.language;
    // Shown on the form if the import is refused further on: the user sees what was detected and may change it.
    values.language = language;
  } else {
    // Put the text read from a file or an address in the form, so that choosing the language is all that is left to do;
    // when franc hesitated between languages Tandem reads, the likeliest is preselected.
    values.text = text;
    values.url = "";
    values.language = guess.suggested ?? "auto";
    if (ownTitle && !values.title.trim()) values.title = ownTitle;
    return refuse(422, "language", guess.message ?? "Tandem could not tell this text's language. Choose its language.", true);
  }

  // Word's and web pages' own titles first; then (in importDocument) the first heading the pipeline finds.
  const title = submission.title.trim() || ownTitle?.trim().slice(0, MAX_TITLE) || "";
  const { segmentation, note } = resolveSegmentation(submission.segmentation ?? "auto", text, language, prose);
  try {
    const { id } = importDocument(
      {
        title,
        fallbackTitle: fallbackTitle(values.sourceName, text),
        raw: text,
        language,
        origin: "import",
        sourceName: values.sourceName || null,
        encoding: values.encoding || null,
        encodingNote: values.encodingNote || null,
        detectedLanguage: guess.language,
        detectionConfidence: guess.language ? guess.confidence : null,
        presegmented: segmentation === "lines" && { cleanUp: true },
        segmentationNote: note,
      },
      db,
    );
    return { id, ok: true };
  } catch (error) {
    if (error instanceof ImportError) {
      values.text = text;
      values.url = "";
      return refuse(422, "text", error.message);
    }
    throw error;
  }
}
