import { francAll } from "franc";
import type { Language } from "../languages";

/**
 * Guesses a document's language with franc, restricted to the languages Tandem handles plus the ones a
 * user is most likely to bring by mistake (so that Spanish is named as Spanish, not forced into French).
 * Short texts are "undetermined": franc is unreliable below a few dozen letters (it calls plain English
 * Scots), so Tandem asks instead of guessing.
 */

const HANDLED: Record<string, Language> = { fra: "fr", eng: "en" };

const OTHERS: Record<string, string> = {
  spa: "Spanish", deu: "German", ita: "Italian", por: "Portuguese", nld: "Dutch", cat: "Catalan",
  ron: "Romanian", pol: "Polish", ces: "Czech", swe: "Swedish", dan: "Danish", nob: "Norwegian",
  fin: "Finnish", hun: "Hungarian", tur: "Turkish", ell: "Greek", rus: "Russian", ukr: "Ukrainian",
  arb: "Arabic", heb: "Hebrew", pes: "Persian", hin: "Hindi", cmn: "Chinese", jpn: "Japanese", kor: "Korean",
  vie: "Vietnamese", ind: "Indonesian",
};

/** Below this many letters the guess is not worth showing. */
export const MIN_LETTERS = 40;
/** How far ahead the winner must be, as a share of the spread of all scores (franc crowds them near 1). */
const MIN_MARGIN = 0.1;
/** Detection reads the start of long documents only: a few pages decide it. */
const SAMPLE_CHARS = 20000;

export interface LanguageGuess {
  language: Language | null;
  status: "detected" | "undetermined" | "unsupported";
  /** ISO 639-3 code of franc's best guess. */
  detected?: string;
  /** English name of a language Tandem does not handle. */
  name?: string;
  /** 0..1: how far the winner stands ahead of the runner-up. */
  confidence: number;
  message?: string;
}

export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < MIN_LETTERS) {
    return {
      language: null,
      status: "undetermined",
      confidence: 0,
      message: `This text is too short to tell its language (${letters} letters; at least ${MIN_LETTERS} are needed). Choose French or English.`,
    };
  }
  const ranked = francAll(sample, { only: [...Object.keys(HANDLED), ...Object.keys(OTHERS)], minLength: 1 });
  const [best, bestScore] = ranked[0];
  if (best === "und") {
    return { language: null, status: "undetermined", confidence: 0, message: "Tandem could not tell this text's language. Choose French or English." };
  }
  const scoreOf = (code: string) => ranked.find(([c]) => c === code)?.[1] ?? 0;
  const worst = ranked[ranked.length - 1][1];
  const spread = bestScore - worst || 1;
  const handled = Object.keys(HANDLED).sort((a, b) => scoreOf(b) - scoreOf(a));
  if (HANDLED[best] === undefined) {
    const name = OTHERS[best] ?? best;
    // A close neighbour (Catalan for French, Danish for English) wins some short texts: ask, don't refuse.
    if ((bestScore - scoreOf(handled[0])) / spread < MIN_MARGIN) {
      return {
        language: null,
        status: "undetermined",
        detected: best,
        confidence: 0,
        message: `Tandem could not tell whether this text is ${name} or ${HANDLED[handled[0]] === "fr" ? "French" : "English"}. Choose French or English.`,
      };
    }
    return {
      language: null,
      status: "unsupported",
      detected: best,
      name,
      confidence: (bestScore - scoreOf(handled[0])) / spread,
      message: `This text looks ${name}. Tandem works with French and English texts; if it is in fact French or English, choose the language yourself.`,
    };
  }
  // French and English are far apart for franc; the lead of one over the other is what decides.
  const confidence = Math.max(0, Math.min(1, (bestScore - scoreOf(handled[1])) / spread));
  if (confidence < MIN_MARGIN) {
    return {
      language: null,
      status: "undetermined",
      detected: best,
      confidence,
      message: "Tandem could not tell this text's language with confidence. Choose French or English.",
    };
  }
  return { language: HANDLED[best], status: "detected", detected: best, confidence };
}
