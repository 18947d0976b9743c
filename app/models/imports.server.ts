import { isLanguage, type Language } from "../../alignments/languages";
import { decodeText } from "../../alignments/text/decode";
import { detectLanguage } from "../../alignments/text/detect-language";
import { ImportError, importDocument } from "./documents.server";

/** What the "Add a document" form sent, once the upload was read. */
export interface ImportSubmission {
  title: string;
  /** Pasted text (or text decoded from an earlier upload and put back in the form). */
  text: string;
  /** An uploaded file, if any. */
  file: { name: string; bytes: Uint8Array } | null;
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
  language: "auto" | Language;
  sourceName: string;
  encoding: string;
  encodingNote: string;
}

export type ImportOutcome =
  | { ok: true; id: number }
  | {
      ok: false;
      status: 400 | 413 | 422;
      message: string;
      field: "text" | "file" | "language" | "title";
      /** The language could not be settled: the form asks the user to choose. */
      needsLanguage?: boolean;
      values: FormValues;
    };

/** A title for a document given none: the file's name, else the text's first line. */
function defaultTitle(fileName: string | null | undefined, text: string): string {
  if (fileName) return fileName.replace(/\.(txt|md|markdown|text)$/i, "");
  const firstLine = text.trim().split(/\r?\n/)[0]?.trim().replace(/^#+\s*/, "") ?? "";
  return firstLine.length > 80 ? `${firstLine.slice(0, 79).trimEnd()}…` : firstLine || "Untitled";
}

/**
 * Decodes an upload, settles the language (the user's choice or detection) and imports the text.
 * Every refusal says why and hands back the form's values; nothing is written unless the import succeeds.
 */
export function importSubmission(input: ImportSubmission): ImportOutcome {
  const values: FormValues = {
    title: input.title,
    text: input.text,
    language: input.language,
    sourceName: input.sourceName ?? "",
    encoding: input.encoding ?? "",
    encodingNote: input.encodingNote ?? "",
  };
  const refuse = (
    status: 400 | 413 | 422,
    field: "text" | "file" | "language" | "title",
    message: string,
    needsLanguage = false,
  ): ImportOutcome => ({ ok: false, status, field, message, needsLanguage, values });

  let text = input.text;
  if (input.file) {
    if (input.text.trim()) {
      return refuse(
        400,
        "file",
        "You gave both a file and pasted text. Tandem imports one text at a time: clear the text box to upload the file, or submit again without the file to import the pasted text.",
      );
    }
    const decoded = decodeText(input.file.bytes);
    if (!decoded.ok) return refuse(422, "file", `${input.file.name}: ${decoded.message}`);
    text = decoded.text;
    values.sourceName = input.file.name;
    values.encoding = decoded.encoding;
    values.encodingNote = decoded.note ?? "";
  }

  if (!text.trim()) {
    return refuse(400, "text", "There is no text to import. Paste a text in the box or choose a .txt or .md file.");
  }

  const guess = detectLanguage(text);
  let language: Language;
  if (isLanguage(input.language)) {
    language = input.language;
  } else if (guess.status === "detected" && guess.language) {
    language = guess.language;
  } else {
    // Put a decoded file's text in the form, so that choosing the language is all that is left to do.
    values.text = text;
    const message =
      guess.message ??
      (guess.status === "unsupported"
        ? `This text looks ${guess.name}; Tandem works with French and English.`
        : "Tandem could not tell this text's language. Choose French or English.");
    return refuse(422, "language", message, true);
  }

  const title = input.title.trim() || defaultTitle(values.sourceName, text);
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
      return refuse(422, "text", error.message);
    }
    throw error;
  }
}
