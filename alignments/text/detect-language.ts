import { francAll } from "franc";
import { data as francData } from "franc/data.js";
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

/** The languages franc chooses among (ISO 639-3). */
export const CANDIDATE_LANGUAGES = [...Object.keys(HANDLED), ...Object.keys(OTHERS)];

/** Below this many letters the guess is not worth showing. */
export const MIN_LETTERS = 40;
/** How far ahead the winner must be, as a share of the spread of all scores (franc crowds them near 1). */
const MIN_MARGIN = 0.1;
/** Detection reads the start of long documents only: a few pages decide it. */
const SAMPLE_CHARS = 20000;

export interface LanguageGuess {
  language: Language | null;
  /** "not-text": random bytes, base64, a hex dump, a row of punctuation; franc would still name a language. */
  status: "detected" | "undetermined" | "unsupported" | "not-text";
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
  const notText = implausibility(sample);
  if (notText) return notTextGuess(notText);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < MIN_LETTERS) {
    return {
      language: null,
      status: "undetermined",
      confidence: 0,
      message: `This text is too short to tell its language (${letters} letters; at least ${MIN_LETTERS} are needed). Choose French or English.`,
    };
  }
  const ranked = francAll(sample, { only: CANDIDATE_LANGUAGES, minLength: 1 });
  const [best, bestScore] = ranked[0];
  if (best === "und") {
    return { language: null, status: "undetermined", confidence: 0, message: "Tandem could not tell this text's language. Choose French or English." };
  }
  const coverage = trigramCoverage(sample, best);
  if (coverage !== null && coverage < MIN_TRIGRAM_COVERAGE) return notTextGuess("its letters do not form the words of any language Tandem knows");
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

function notTextGuess(why: string): LanguageGuess {
  return {
    language: null,
    status: "not-text",
    confidence: 0,
    message: `This is not a text in a language Tandem reads: ${why}. It may be binary data, an encoded file or a list of codes; check what you pasted or uploaded. If it is in fact a French or English text, choose its language.`,
  };
}

/*
 * Is it text at all? franc names a language for any string (random bytes come out "Finnish" or "Spanish"),
 * so three measures decide first (decision 19; `npx tsx scripts/eval-text-check.ts` prints them on the seeds,
 * every corpus line of 40 visible characters or more, and generated strings that are not text). Tokens without
 * a letter (figures such as "65(1),", dashes, quotes) count for neither side: a list of provisions is text.
 *   letters among the characters of the other tokens: text 0.61 and up; a hex string 0.36, punctuation 0;
 *   word-like tokens among them: text 0.67 and up; random bytes, base64, hex and hex dumps 0 to 0.43;
 *   letter trigrams among the 300 most frequent of the language franc picks (franc's own model, as an absolute
 *   measure: its scores are relative, and random ASCII and a Bank Act line score alike): text 0.15 and up
 *   (a cipher in a Jules Verne novel, then KJV English), random letters, bytes and base64 0.03 to 0.09.
 */
const MIN_LETTER_SHARE = 0.5;
const MIN_WORD_SHARE = 0.55;
const MIN_TRIGRAM_COVERAGE = 0.11;
/** Longer tokens are not words ("Rechtsschutzversicherungsgesellschaften" has 39 letters). */
const MAX_WORD_LENGTH = 40;

/** A token that is a word: letters, inner apostrophes, hyphens or dots ("aujourd'hui", "c.-à-d."), punctuation around. */
const WORD = /^[\p{Ps}\p{Pi}"'«¿¡_]*\p{L}+(?:['’.\-]\p{L}+)*[\p{Pe}\p{Pf}\p{Po}"'»_]*$/u;
/** Scripts written without spaces between words: the word measure does not apply to them. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

export interface TextMeasures {
  /** Characters that are not white space. */
  visible: number;
  /** Letters among the characters of the tokens that have a letter. */
  letterShare: number;
  /** Word-like tokens among the tokens that have a letter; null for scripts written without spaces. */
  wordShare: number | null;
}

/** The letter and word measures of "is it text at all?". */
export function textMeasures(sample: string): TextMeasures {
  const visible = (sample.match(/\S/gu) ?? []).length;
  const tokens = sample.split(/\s+/).filter((t) => /\p{L}/u.test(t));
  const rest = tokens.join("");
  const letters = (rest.match(/\p{L}/gu) ?? []).length;
  const spaced = (rest.match(UNSPACED) ?? []).length < letters / 2;
  const words = tokens.filter((t) => t.length <= MAX_WORD_LENGTH && WORD.test(t)).length;
  return { visible, letterShare: letters / Math.max(1, rest.length), wordShare: spaced ? words / Math.max(1, tokens.length) : null };
}

/** franc's 300 most frequent trigrams of a language, as a set; null for a language franc tells by its script alone. */
const trigramSets = new Map<string, Set<string> | null>();
function frequentTrigrams(language: string): Set<string> | null {
  if (!trigramSets.has(language)) {
    const model = Object.values(francData).find((languages) => language in languages)?.[language];
    trigramSets.set(language, model ? new Set(model.split("|")) : null);
  }
  return trigramSets.get(language)!;
}

/**
 * Share of the sample's letter trigrams (words lowercased and padded with a space, as franc reads them) that are
 * among the language's 300 most frequent; null when franc has no trigrams for the language.
 */
export function trigramCoverage(sample: string, language: string): number | null {
  const frequent = frequentTrigrams(language);
  if (!frequent) return null;
  const clean = ` ${sample.toLowerCase().replace(/[^\p{L}]+/gu, " ").trim()} `;
  let found = 0;
  for (let i = 0; i + 3 <= clean.length; i++) if (frequent.has(clean.slice(i, i + 3))) found++;
  return found / Math.max(1, clean.length - 2);
}

/**
 * Why a text is not text in any language (a phrase for a message), or null when it may be: the letter and word measures,
 * then, from MIN_LETTERS letters on, the trigram coverage of the language franc ranks first among CANDIDATE_LANGUAGES.
 * What the import asks before detecting among the languages it reads (detect-document-language.ts).
 */
export function notTextReason(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const reason = implausibility(sample);
  if (reason) return reason;
  if ((sample.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) return null;
  const [best] = francAll(sample, { only: CANDIDATE_LANGUAGES, minLength: 1 })[0];
  const coverage = best === "und" ? null : trigramCoverage(sample, best);
  return coverage !== null && coverage < MIN_TRIGRAM_COVERAGE ? "its letters do not form the words of any language Tandem knows" : null;
}

/** Why a sample is not text in any language (a phrase for the message), or null when it may be. */
function implausibility(sample: string): string | null {
  const m = textMeasures(sample);
  if (m.visible < MIN_LETTERS) return null; // too short to judge: the length rule speaks
  if (m.letterShare < MIN_LETTER_SHARE) return "most of its characters are not letters";
  if (m.wordShare !== null && m.wordShare < MIN_WORD_SHARE) return "most of it is not words separated by spaces";
  return null;
}
