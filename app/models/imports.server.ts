import { isLanguage, type Language } from "../../alignments/languages";
import { detectLanguage } from "../../alignments/text/detect-language";
import { formatSize, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from "../utils/limits";
import { ImportError, importDocument } from "./documents.server";
import { fetchOriginal, privateAddressesAllowed, type FetchOptions } from "./fetch-original.server";
import { readOriginal, type OriginalRead } from "./originals.server";

/** What the "Add a document" form sent, once the upload was read. */
export interface ImportSubmission {
  title: string;
  /** Pasted text (or text decoded from an earlier upload and put back in the form). */
  text: string;
  /** An uploaded file, if any. */
  file: { name: string; bytes: Uint8Array } | null;
  /** A web address to fetch the original from, if any (loopback and private ones only if the server allows them: privateAddressesAllowed). */
  url?: string;
  language: "auto" | Language;
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
  language: "auto" | Language;
  sourceName: string;
  encoding: string;
  encodingNote: string;
}

export type ImportField = "text" | "file" | "url" | "language" | "title";

export type ImportOutcome =
  | { ok: true; id: number }
  | {
      ok: false;
      status: 400 | 413 | 415 | 422 | 503;
      message: string;
      field: ImportField;
      /** The language could not be settled: the form asks the user to choose. */
      needsLanguage?: boolean;
      values: FormValues;
    };

/** A title for a document given none: the one the original gives itself, the file's name, else the text's first line. */
function defaultTitle(fileName: string | null | undefined, text: string, ownTitle?: string | null): string {
  if (ownTitle?.trim()) return ownTitle.trim().slice(0, 300);
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
 * Reads an upload or fetches a URL (PDF, Word, web page or plain text), settles the language (the user's
 * choice or detection) and imports the text. Every refusal says why and hands back the form's values;
 * nothing is written unless the import succeeds.
 */
export async function importSubmission(input: ImportSubmission, fetchOptions: Omit<FetchOptions, "allowPrivate"> = {}): Promise<ImportOutcome> {
  const values: FormValues = {
    title: input.title,
    text: input.text,
    url: input.url ?? "",
    language: input.language,
    sourceName: input.sourceName ?? "",
    encoding: input.encoding ?? "",
    encodingNote: input.encodingNote ?? "",
  };
  const refuse = (status: 400 | 413 | 415 | 422 | 503, field: ImportField, message: string, needsLanguage = false): ImportOutcome => ({
    ok: false,
    status,
    field,
    message,
    needsLanguage,
    values,
  });

  const url = input.url?.trim() ?? "";
  const sources = [input.text.trim() ? "pasted text" : null, input.file ? "a file" : null, url ? "a web address" : null].filter(Boolean);
  if (sources.length > 1) {
    return refuse(
      400,
      input.file ? "file" : "url",
      `You gave ${sources.join(" and ")}. Tandem imports one text at a time: keep one of them (clear the others) and submit again.`,
    );
  }

  let text = input.text;
  let ownTitle: string | null = null;
  const readInto = (read: Extract<OriginalRead, { ok: true }>, source: string, bytes: number, field: ImportField): ImportOutcome | null => {
    if (read.kind === "text" && bytes > MAX_UPLOAD_BYTES) {
      return refuse(413, field, `This ${field === "file" ? "file" : "text"} is ${formatSize(bytes)}; Tandem accepts text files up to ${MAX_UPLOAD_MB} MB.`);
    }
    text = read.text;
    ownTitle = read.title;
    values.sourceName = source;
    values.encoding = read.encoding ?? "";
    values.encodingNote = read.note ?? "";
    return null;
  };
  if (input.file) {
    const read = await readOriginal(input.file.bytes, input.file.name, { name: input.file.name });
    if (!read.ok) return refuse(read.status, "file", read.message);
    const refused = readInto(read, input.file.name, input.file.bytes.length, "file");
    if (refused) return refused;
  } else if (url) {
    const fetched = await fetchOriginal(url, { ...fetchOptions, allowPrivate: privateAddressesAllowed() });
    if (!fetched.ok) return refuse(fetched.status, "url", fetched.message);
    const read = await readOriginal(fetched.bytes, fetched.finalUrl, { name: new URL(fetched.finalUrl).pathname, contentType: fetched.contentType });
    if (!read.ok) return refuse(read.status, "url", read.message);
    const refused = readInto(read, fetched.finalUrl, fetched.bytes.length, "url");
    if (refused) return refused;
    if (fetched.finalUrl !== fetched.url) values.encodingNote = `${values.encodingNote ? `${values.encodingNote}; ` : ""}redirected from ${fetched.url}`.slice(0, 500);
  }

  if (!text.trim()) {
    return refuse(400, "text", "There is no text to import. Paste a text, choose a file (.txt, .md, .pdf, .docx, .html) or give a web address.");
  }

  const guess = detectLanguage(text);
  let language: Language;
  if (isLanguage(input.language)) {
    language = input.language;
  } else if (guess.status === "detected" && guess.language) {
    language = guess.language;
  } else {
    // Put the text read from a file or an address in the form, so that choosing the language is all that is left to do.
    values.text = text;
    values.url = "";
    if (ownTitle && !values.title.trim()) values.title = ownTitle;
    const message =
      guess.message ??
      (guess.status === "unsupported"
        ? `This text looks ${guess.name}; Tandem works with French and English.`
        : "Tandem could not tell this text's language. Choose French or English.");
    return refuse(422, "language", message, true);
  }

  const title = input.title.trim() || defaultTitle(values.sourceName, text, ownTitle);
  try {
    const { id } = importDocument({
      title,
      raw: text,
      language,
      origin: "import",
      sourceName: values.sourceName || null,
      encoding: values.encoding || null,
      encodingNote: values.encodingNote || null,
      detectedLanguage: guess.detected ?? null,
      detectionConfidence: guess.detected ? guess.confidence : null,
    });
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
