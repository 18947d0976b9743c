import type { TextLanguage } from "../languages";

/**
 * How each language writes a figure (issue 14, item 5), so that the number check compares values, not spellings:
 * "1 000,5" (French, Russian), "1.000,5" (German, Spanish, Italian, Portuguese, Dutch) and "1,000.5" (English,
 * Chinese, Japanese, Arabic) are all 1000.5. Arabic-Indic digits (٠-٩ and the Persian forms ۰-۹, with the Arabic
 * decimal and thousands signs ٫ ٬) and full-width digits (０-９) are read as the digits they are; Chinese numerals
 * are read where they surely are numbers: after 第 ("第五条"), after 百分之, or a run of two or more ("二十三", "二〇二〇").
 */

/** One character for one: every offset into the text stays the same. */
const DIGIT_FORMS: Array<[first: number, last: number, zero: number]> = [
  [0x0660, 0x0669, 0x0660], // Arabic-Indic ٠-٩
  [0x06f0, 0x06f9, 0x06f0], // Extended Arabic-Indic (Persian, Urdu) ۰-۹
  [0xff10, 0xff19, 0xff10], // full-width ０-９
];
// Full-width "，" is also a clause's comma in Chinese and Japanese: it joins figures only before a group of three ("１，０００").
const SIGNS: Record<string, string> = { "٫": ".", "٬": ",", "．": ".", "，": "," };
const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19٫٬．，]/g;

/** The text with every digit written as an ASCII digit, the decimal and thousands signs as "." and ","; same length. */
export function asciiDigits(text: string): string {
  return text.replace(OTHER_DIGITS, (c) => {
    const code = c.charCodeAt(0);
    for (const [first, last, zero] of DIGIT_FORMS) if (code >= first && code <= last) return String.fromCharCode(48 + code - zero);
    return SIGNS[c];
  });
}

// Groups of three after one to three digits, then maybe a fraction. A point between figures that are not groups of
// three numbers sections ("12.1", "627.132" is read as a group: both versions write it alike), so it is a fraction here.
const SPACE = "[\\u0020\\u00a0\\u202f]";
const grammar = (thousands: string, decimal: string, before = "\\p{L}\\p{N}") =>
  new RegExp(`(?<![${before}])(?:(\\d{1,3}(?:${thousands}\\d{3})+)(?!\\d)|(\\d+))(?:${decimal}\\p{Cf}*(\\d+))?`, "gu");

/** Thousands by a space (also no-break or narrow), decimals after a comma or a point: French, Russian. */
const SPACED = grammar(SPACE, "[,.]");
/** Thousands by a point or a space, decimals after a comma (a point before other than three figures: a section, "12.1"). */
const DOTTED = grammar(`(?:\\.|${SPACE})`, "[,.]");
/** Thousands by a comma, decimals after a point: English, and the digits of Arabic, Chinese and Japanese texts. */
const COMMA = grammar(",", "\\.");
/** Chinese and Japanese write figures right after a character ("第5条", "共3名"): only Latin letters and figures may not touch them. */
const COMMA_UNSPACED = grammar(",", "\\.", "\\p{Script=Latin}\\p{N}");

const FIGURES: Record<TextLanguage, RegExp> = {
  en: COMMA,
  fr: SPACED,
  ru: SPACED,
  de: DOTTED,
  es: DOTTED,
  it: DOTTED,
  pt: DOTTED,
  nl: DOTTED,
  ar: COMMA,
  "zh-Hans": COMMA_UNSPACED,
  "zh-Hant": COMMA_UNSPACED,
  ja: COMMA_UNSPACED,
};

/** A figure of the text: the whole part's digits (group separators in), and the fraction's, where it is written. */
export interface Figure {
  grouped?: string;
  plain?: string;
  fraction?: string;
  start: number;
  end: number;
}

/** The figures of a text as its language writes them, at their offsets in the text. */
export function figuresOf(text: string, language: TextLanguage): Figure[] {
  const found: Figure[] = [];
  for (const match of asciiDigits(text).matchAll(FIGURES[language])) {
    const [all, grouped, plain, fraction] = match;
    found.push({ grouped, plain, fraction, start: match.index, end: match.index + all.length });
  }
  return found;
}

const HAN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const HAN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const HAN_GROUPS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const HAN_RUN = /[〇零一二两兩三四五六七八九十百千万萬亿億]+/gu;

/** The value of a run of Chinese numerals: "二十三" 23, "十五" 15, "一百零五" 105, "三万" 30000, "二〇二〇" 2020 (read digit by digit). */
export function hanNumberValue(run: string): number | undefined {
  if (/^[〇零一二三四五六七八九]{2,}$/u.test(run) && /[〇零]/u.test(run.slice(1))) {
    return Number([...run].map((c) => HAN_DIGITS[c]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of run) {
    if (HAN_DIGITS[c] !== undefined) digit = HAN_DIGITS[c];
    else if (HAN_UNITS[c] !== undefined) (section += (digit ?? 1) * HAN_UNITS[c]), (digit = null);
    else if (HAN_GROUPS[c] !== undefined) {
      total += (section + (digit ?? 0) || 1) * HAN_GROUPS[c];
      section = 0;
      digit = null;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

/**
 * Chinese numerals that are surely numbers: after 第 (an ordinal: "第五条", "第二十三款") or 百分之 (a rate), or a run
 * of two or more that starts as a number does ("二十三名", "二〇二〇年"; not "万一", in case, nor "千万", by all means).
 * A single numeral elsewhere is mostly a word ("一些", some; "统一", unify): spelled-number matching reads those.
 */
export function hanNumbersOf(text: string, { all = false } = {}): Array<{ value: number; start: number; end: number }> {
  const found = [];
  for (const match of text.matchAll(HAN_RUN)) {
    const run = match[0];
    const before = text.slice(Math.max(0, match.index - 3), match.index);
    const sure = before.endsWith("第") || before.endsWith("百分之") || (run.length >= 2 && !/^[万萬亿億千百]/u.test(run));
    if (!sure && !all) continue;
    const value = hanNumberValue(run);
    if (value !== undefined) found.push({ value, start: match.index, end: match.index + run.length });
  }
  return found;
}
