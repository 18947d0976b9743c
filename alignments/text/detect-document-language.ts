import { TEXT_LANGUAGE_NAMES } from "../languages";
import { notTextReason } from "./detect-language";
import { detectTextLanguage, type TextLanguageGuess } from "./detect-text-language";

/**
 * The language of a document being imported, among every language Tandem reads: first whether it is text at all
 * (random bytes, base64 or a hex dump would otherwise be named Finnish or Spanish by franc: decision 19), then the
 * script and franc (detectTextLanguage, decision 32). A mixed document (seed 004's Arabic title lines in a French
 * resolution) takes the language of the script that holds most of its letters; its other lines get their own
 * language segment by segment (segment-languages.ts).
 */

export interface DocumentLanguageGuess extends Omit<TextLanguageGuess, "status"> {
  status: TextLanguageGuess["status"] | "not-text";
}

const SUPPORTED_LIST = Object.values(TEXT_LANGUAGE_NAMES).join(", ");

export function detectDocumentLanguage(text: string): DocumentLanguageGuess {
  const notText = notTextReason(text);
  if (notText) {
    return {
      language: null,
      status: "not-text",
      basis: "none",
      confidence: 0,
      message: `This is not a text in a language Tandem reads: ${notText}. It may be binary data, an encoded file or a list of codes; check what you pasted or uploaded. If it is in fact a text in one of ${SUPPORTED_LIST}, choose its language.`,
    };
  }
  return detectTextLanguage(text);
}
