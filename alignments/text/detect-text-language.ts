import { francAll } from "franc";
import { TEXT_LANGUAGE_NAMES, type TextLanguage } from "../languages";
import { chineseVariant } from "./chinese-variant";
import { isJapanese, mainGroup, scriptCounts, type ScriptGroup } from "./scripts";

/**
 * A text's language among those the core segments (TextLanguage), script first, franc second. The script alone
 * decides Arabic, Russian, Chinese and Japanese, however short the text (franc's trigrams need dozens of letters,
 * and a one-line title is what a mixed document holds); franc, restricted to the Latin-script languages Tandem reads
 * and their close neighbours, decides among Latin-script texts long enough to judge. Simplified and traditional
 * Chinese are told by the characters that differ (chinese-variant.ts). The app's `detectLanguage` (French or
 * English, detect-language.ts) is unchanged: this one is for the layers that read every supported language.
 */

/** franc's codes of the Latin-script languages Tandem reads. */
const LATIN: Record<string, TextLanguage> = { eng: "en", fra: "fr", spa: "es", deu: "de", ita: "it", por: "pt", nld: "nl" };
/** Close neighbours, so that a Catalan or Romanian text is named as such rather than forced into Spanish or Italian. */
const LATIN_NEIGHBOURS: Record<string, string> = {
  cat: "Catalan", glg: "Galician", ron: "Romanian", pol: "Polish", ces: "Czech", swe: "Swedish", dan: "Danish",
  nob: "Norwegian", fin: "Finnish", hun: "Hungarian", tur: "Turkish", vie: "Vietnamese", ind: "Indonesian", afr: "Afrikaans",
};
/** Languages written in the same script as Arabic or Russian, named only when a text is long enough to tell. */
const SCRIPT_NEIGHBOURS: Partial<Record<ScriptGroup, { own: string; others: Record<string, string> }>> = {
  Arabic: { own: "arb", others: { pes: "Persian", urd: "Urdu" } },
  Cyrillic: { own: "rus", others: { ukr: "Ukrainian", bel: "Belarusian", bul: "Bulgarian", srp: "Serbian", mkd: "Macedonian" } },
};
const UNSUPPORTED_SCRIPTS: Partial<Record<ScriptGroup, string>> = { Hangul: "Korean", Greek: "Greek", Hebrew: "Hebrew" };

/** Below this many letters franc's guess among Latin-script languages is not worth showing. */
export const MIN_LATIN_LETTERS = 40;
/** How far ahead the winner must be, as a share of the spread of all scores (franc crowds them near 1). */
const MIN_MARGIN = 0.1;
/** Detection reads the start of long documents only: a few pages decide it. */
const SAMPLE_CHARS = 20000;

export interface TextLanguageGuess {
  language: TextLanguage | null;
  status: "detected" | "undetermined" | "unsupported";
  /** What decided: the script alone, franc's trigrams, or nothing. */
  basis: "script" | "trigrams" | "none";
  /** English name of a language Tandem does not read. */
  name?: string;
  /** 0..1; 1 when the script alone decides. */
  confidence: number;
  message?: string;
  /** When Tandem asks: the supported language franc ranked first, which a form may preselect for the user to confirm. */
  suggested?: TextLanguage;
}

const SUPPORTED_LIST = Object.values(TEXT_LANGUAGE_NAMES).join(", ");
const CHOOSE = `Choose its language: Tandem reads ${SUPPORTED_LIST}.`;

function unsupported(name: string, confidence: number): TextLanguageGuess {
  return {
    language: null,
    status: "unsupported",
    basis: "trigrams",
    name,
    confidence,
    message: `This text looks ${name}, which Tandem does not read; it reads ${SUPPORTED_LIST}. If the text is in one of those, choose its language yourself.`,
  };
}

function undetermined(message: string, basis: TextLanguageGuess["basis"] = "none"): TextLanguageGuess {
  return { language: null, status: "undetermined", basis, confidence: 0, message };
}

/**
 * franc's ranking among `codes`: the winner, its lead over the best of `rivals` as a share of the spread, and the best
 * of `rivals` itself.
 */
function rank(sample: string, codes: string[], rivals: (code: string) => boolean): { best: string; lead: number; bestRival?: string } {
  const ranked = francAll(sample, { only: codes, minLength: 1 });
  const [best, bestScore] = ranked[0];
  const spread = bestScore - ranked[ranked.length - 1][1] || 1;
  const rival = ranked.find(([code]) => code !== best && rivals(code))?.[1] ?? ranked[ranked.length - 1][1];
  const bestRival = ranked.find(([code]) => rivals(code))?.[0];
  return { best, lead: Math.max(0, Math.min(1, (bestScore - rival) / spread)), bestRival };
}

/** The language of a text written in one script that Tandem reads in one language only (Arabic, Russian). */
function bySingleScript(sample: string, letters: number, group: ScriptGroup, language: TextLanguage): TextLanguageGuess {
  const neighbours = SCRIPT_NEIGHBOURS[group];
  if (neighbours && letters >= MIN_LATIN_LETTERS) {
    const { best, lead } = rank(sample, [neighbours.own, ...Object.keys(neighbours.others)], () => true);
    if (best !== neighbours.own && lead >= MIN_MARGIN) return unsupported(neighbours.others[best], lead);
  }
  return { language, status: "detected", basis: "script", confidence: 1 };
}

/**
 * Among the Latin-script languages Tandem reads, the one franc ranks first for `text` and how far ahead of `language`
 * it stands, as a share of the spread of all scores: what says that a long line of a French document is in fact English.
 */
export function latinLeadOver(text: string, language: TextLanguage): { best: TextLanguage; lead: number } {
  const ranked = francAll(text.slice(0, SAMPLE_CHARS), { only: Object.keys(LATIN), minLength: 1 });
  const scoreOf = (code: string) => ranked.find(([c]) => c === code)?.[1] ?? 0;
  const own = Object.keys(LATIN).find((code) => LATIN[code] === language);
  const spread = ranked[0][1] - ranked[ranked.length - 1][1] || 1;
  return { best: LATIN[ranked[0][0]], lead: own === undefined ? 1 : (ranked[0][1] - scoreOf(own)) / spread };
}

export function detectTextLanguage(text: string): TextLanguageGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  const counts = scriptCounts(sample);
  const group = mainGroup(counts);
  if (group === null) return undetermined(`This text has no letters to tell its language by. ${CHOOSE}`);
  if (group === "Arabic") return bySingleScript(sample, counts.letters, group, "ar");
  if (group === "Cyrillic") return bySingleScript(sample, counts.letters, group, "ru");
  if (group === "CJK") {
    if (isJapanese(counts)) return { language: "ja", status: "detected", basis: "script", confidence: 1 };
    const variant = chineseVariant(sample);
    if (variant) return { language: variant, status: "detected", basis: "script", confidence: 1 };
    return undetermined("This text is Chinese, but none of its characters tells simplified from traditional. Choose which.", "script");
  }
  const other = UNSUPPORTED_SCRIPTS[group];
  if (other) return { ...unsupported(other, 1), basis: "script" };
  if (group === "Other") return undetermined(`Tandem does not know this text's script. ${CHOOSE}`, "script");
  if (counts.byGroup.Latin < MIN_LATIN_LETTERS) {
    return undetermined(`This text is too short to tell its language (${counts.byGroup.Latin} letters; at least ${MIN_LATIN_LETTERS} are needed). ${CHOOSE}`);
  }
  const { best, lead, bestRival } = rank(sample, [...Object.keys(LATIN), ...Object.keys(LATIN_NEIGHBOURS)], (code) => code in LATIN);
  if (lead < MIN_MARGIN) {
    const guess = undetermined(`Tandem could not tell this text's language with confidence. ${CHOOSE}`, "trigrams");
    return bestRival ? { ...guess, suggested: LATIN[bestRival] } : guess;
  }
  if (!(best in LATIN)) return unsupported(LATIN_NEIGHBOURS[best], lead);
  return { language: LATIN[best], status: "detected", basis: "trigrams", confidence: lead };
}
