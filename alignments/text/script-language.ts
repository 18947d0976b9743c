import { isTextLanguage, type TextLanguage } from "../languages";
import { chineseVariant } from "./chinese-variant";
import { groupOf, isJapanese, mainGroup, scriptCounts, type ScriptCounts, type ScriptGroup } from "./scripts";

/**
 * The language a segment is read in by the layers that judge its words (the terminology checks, the aligner's word
 * evidence, the pages' `lang`): the document's, unless most of its letters are in a script that cannot write the
 * document's language. An Arabic line in a French document (seed 004's title block) is Arabic, a Russian one Russian.
 * Latin letters in a document of another script stay with the document (names, symbols and codes in a Chinese or Arabic
 * text: "WTO", "Excel"), and a line in the document's own script stays with it too, whatever franc might say: that finer
 * and slower judgement is segmentLanguage's (segment-languages.ts), which reads a long English quotation in a French
 * report as English. This one needs no trigrams (no franc), so pages can run it in the browser.
 *
 * null: a script that no language Tandem reads is written in (Greek, Hebrew, Korean): still not the document's.
 */
export function scriptLanguage(segment: string, document: TextLanguage): TextLanguage | null {
  const own = groupOf(document);
  // Most segments have no letter outside their document's script: one test of the whole string decides them.
  if (!LETTER_OUTSIDE[own].test(segment)) return document;
  const counts = scriptCounts(segment.replace(CODE, " "));
  const group = mainGroup(counts, own);
  if (group === null || group === own || group === "Latin") return document;
  return languageOfScript(group, segment, counts);
}

/** Whether a segment is read in another language than its document's (scriptLanguage). */
export function inOtherScript(segment: string, document: TextLanguage): boolean {
  return scriptLanguage(segment, document) !== document;
}

/**
 * A document's segment texts as the terminology checks read them: a segment in another script (inOtherScript) becomes
 * as many spaces as it has UTF-16 units, so that offsets into the texts and into a link's joined text (linkText) stay
 * where they were, and no term, figure or reference of that segment is read as the document's language.
 */
export function blankOtherScripts(texts: readonly string[], document: TextLanguage): string[] {
  return texts.map((text) => (inOtherScript(text, document) ? " ".repeat(text.length) : text));
}

/** The language Tandem reads in a script other than Latin, or null for a script it does not read. */
export function languageOfScript(group: ScriptGroup, segment: string, counts: ScriptCounts): TextLanguage | null {
  if (group === "Arabic") return "ar";
  if (group === "Cyrillic") return "ru";
  if (group === "CJK") return isJapanese(counts) ? "ja" : (chineseVariant(segment) ?? "zh-Hans");
  return null;
}

/** The TextLanguage a language code names ("zh" and "zh-CN" are read as simplified Chinese), or null for another. */
export function readingLanguage(code: string): TextLanguage | null {
  if (isTextLanguage(code)) return code;
  const [base, region = ""] = code.split(/[-_]/);
  if (base.toLowerCase() === "zh") return /^(hant|tw|hk|mo)$/i.test(region) ? "zh-Hant" : "zh-Hans";
  return isTextLanguage(base.toLowerCase()) ? (base.toLowerCase() as TextLanguage) : null;
}

/** The direction a language is written in, for a `dir` beside its `lang`. */
export function directionOf(language: TextLanguage | null): "rtl" | "ltr" | "auto" {
  if (language === null) return "auto";
  return language === "ar" ? "rtl" : "ltr";
}

/** Words with a figure in them are codes, not language: "A/C.3/74/L.11", "2023", "L.R.C. 1985, ch. C-46". */
export const CODE = /\S*\p{N}\S*/gu;

/** A letter that is not in the script group (a letter, and not a non-letter or a letter of the group). */
const LETTER_OUTSIDE: Record<ScriptGroup, RegExp> = {
  Latin: /[^\P{L}\p{Script=Latin}]/u,
  Cyrillic: /[^\P{L}\p{Script=Cyrillic}]/u,
  Arabic: /[^\P{L}\p{Script=Arabic}]/u,
  CJK: /[^\P{L}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  Hangul: /[^\P{L}\p{Script=Hangul}]/u,
  Greek: /[^\P{L}\p{Script=Greek}]/u,
  Hebrew: /[^\P{L}\p{Script=Hebrew}]/u,
  Other: /\p{L}/u,
};
