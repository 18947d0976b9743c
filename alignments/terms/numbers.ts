import type { Language } from "../languages";

/**
 * The numbers a segment states, written the same way whatever the language: "1 000,5" and "1,000.5" are
 * both "1000.5", "1er" and "1st" are "1", "12(3)" and "12, § 3" are "12" and "3". Compared as sets, so
 * "24 heures sur 24 et 7 jours sur 7" and "24/7" agree.
 */
export function numbersOf(text: string, language: Language): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(NUMBER[language])) {
    const [, grouped, plain, fraction] = match;
    const whole = grouped !== undefined ? grouped.replace(/\D/g, "") : plain;
    found.add(canonical(fraction ? `${whole}.${fraction}` : whole));
  }
  return found;
}

/**
 * A figure: digits in groups of three (thousands marked by a space, also no-break or narrow, or a point in
 * French; by a comma in English), or plain digits; then maybe a fraction (after a comma in French, a point
 * in both: a point between figures also numbers sections, "12.1").
 */
const NUMBER: Record<Language, RegExp> = {
  fr: /(?<![\p{L}\p{N}])(?:(\d{1,3}(?:[\u0020\u00a0\u202f.]\d{3})+)(?!\d)|(\d+))(?:[,.](\d+))?/gu,
  en: /(?<![\p{L}\p{N}])(?:(\d{1,3}(?:,\d{3})+)(?!\d)|(\d+))(?:\.(\d+))?/gu,
};

/** "007" and "7" are the same number; "2.50" and "2.5" too. */
function canonical(number: string): string {
  const [whole, fraction] = number.split(".");
  const w = whole.replace(/^0+(?=\d)/, "");
  const f = fraction?.replace(/0+$/, "");
  return f ? `${w}.${f}` : w;
}

const SPELLED: Record<Language, string[]> = {
  // From two: "un"/"one" are mostly articles and pronouns.
  fr: ["", "", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt"],
  en: ["", "", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"],
};

/** Small numbers written in words ("seven days", "sept jours"): a figure on the other side may be one of them. */
export function spelledNumbersOf(text: string, language: Language): Set<string> {
  const found = new Set<string>();
  const lower = text.toLowerCase();
  SPELLED[language].forEach((word, value) => {
    if (word && new RegExp(`(?<![\\p{L}-])${word}(?![\\p{L}-])`, "u").test(lower)) found.add(String(value));
  });
  return found;
}

export interface NumberMismatch {
  /** Numbers the French states and the English does not (neither as a figure nor as a small number word). */
  onlyFrench: string[];
  onlyEnglish: string[];
}

export function compareNumbers(english: string, french: string): NumberMismatch {
  const en = numbersOf(english, "en");
  const fr = numbersOf(french, "fr");
  const enAny = new Set([...en, ...spelledNumbersOf(english, "en")]);
  const frAny = new Set([...fr, ...spelledNumbersOf(french, "fr")]);
  return {
    onlyFrench: [...fr].filter((n) => !enAny.has(n)),
    onlyEnglish: [...en].filter((n) => !frAny.has(n)),
  };
}
