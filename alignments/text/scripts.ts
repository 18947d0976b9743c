import type { TextLanguage } from "../languages";

/**
 * The writing systems of the languages Tandem reads, counted letter by letter. A script says more than any
 * statistical guess on a short line: "المنامة، البحرين" is Arabic in three words, where franc needs dozens of letters.
 * Han and kana count together: Japanese writes both, and its kana are what tell it from Chinese.
 */
export type ScriptGroup = "Latin" | "Cyrillic" | "Arabic" | "CJK" | "Hangul" | "Greek" | "Hebrew" | "Other";

export interface ScriptCounts {
  letters: number;
  byGroup: Record<ScriptGroup, number>;
  /** Hiragana and katakana among the CJK letters. */
  kana: number;
}

const GROUP_TESTS: Array<[ScriptGroup, RegExp]> = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["CJK", /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ["Hangul", /\p{Script=Hangul}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
];
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER = /\p{L}/u;

export function scriptCounts(text: string): ScriptCounts {
  const byGroup: Record<ScriptGroup, number> = { Latin: 0, Cyrillic: 0, Arabic: 0, CJK: 0, Hangul: 0, Greek: 0, Hebrew: 0, Other: 0 };
  let letters = 0;
  let kana = 0;
  for (const character of text) {
    if (!LETTER.test(character)) continue;
    letters++;
    const group = GROUP_TESTS.find(([, test]) => test.test(character))?.[0] ?? "Other";
    byGroup[group]++;
    if (group === "CJK" && KANA.test(character)) kana++;
  }
  return { letters, byGroup, kana };
}

/** Japanese writes a kana for every few kanji (the UDHR's Japanese: 60% of its letters); Chinese none. */
export const MIN_KANA_SHARE = 0.1;

/** Whether the CJK letters counted are Japanese: enough of them are kana. */
export function isJapanese(counts: ScriptCounts): boolean {
  return counts.kana > 0 && counts.kana >= MIN_KANA_SHARE * counts.byGroup.CJK;
}

/** The group that holds most letters; `preferred` wins a tie. */
export function mainGroup(counts: ScriptCounts, preferred?: ScriptGroup): ScriptGroup | null {
  if (counts.letters === 0) return null;
  let best: ScriptGroup | null = null;
  for (const [group, count] of Object.entries(counts.byGroup) as Array<[ScriptGroup, number]>) {
    if (count === 0) continue;
    if (best === null || count > counts.byGroup[best] || (count === counts.byGroup[best] && group === preferred)) best = group;
  }
  return best;
}

/** The script a language is written in. */
export function groupOf(language: TextLanguage): ScriptGroup {
  if (language === "ar") return "Arabic";
  if (language === "ru") return "Cyrillic";
  if (language === "ja" || language.startsWith("zh")) return "CJK";
  return "Latin";
}
