import type { Language } from "../languages";

/**
 * The numbers a segment states, written the same way whatever the language: "1 000,5" and "1,000.5" are
 * both "1000.5", "1er" and "1st" are "1", "12(3)" and "12, § 3" are "12" and "3". Compared as sets, so
 * "24 heures sur 24 et 7 jours sur 7" and "24/7" agree.
 */
export function numbersOf(text: string, language: Language): Set<string> {
  return new Set(numberMentionsOf(text, language).map((m) => m.value));
}

/** Each figure of a text where it is written, with its value as `numbersOf` gives it. */
export function numberMentionsOf(text: string, language: Language): Array<{ value: string; start: number; end: number }> {
  const found = [];
  for (const match of text.matchAll(NUMBER[language])) {
    const [, grouped, plain, fraction] = match;
    const whole = grouped !== undefined ? grouped.replace(/\D/g, "") : plain;
    found.push({ value: canonical(fraction ? `${whole}.${fraction}` : whole), start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/**
 * A figure: digits in groups of three (thousands marked by a space, also no-break or narrow, in French; by
 * a comma in English), or plain digits; then maybe a fraction (after a comma in French, a point in both: a
 * point between figures also numbers sections, "12.1", "627.132", so it never marks thousands). An invisible
 * formatting character after the point (the Bank Act's French writes "2.\u200d1") changes nothing.
 */
const NUMBER: Record<Language, RegExp> = {
  fr: /(?<![\p{L}\p{N}])(?:(\d{1,3}(?:[\u0020\u00a0\u202f]\d{3})+)(?!\d)|(\d+))(?:[,.]\p{Cf}*(\d+))?/gu,
  en: /(?<![\p{L}\p{N}])(?:(\d{1,3}(?:,\d{3})+)(?!\d)|(\d+))(?:\.\p{Cf}*(\d+))?/gu,
};

/** "007" and "7" are the same number; "2.50" and "2.5" too. */
function canonical(number: string): string {
  const [whole, fraction] = number.split(".");
  const w = whole.replace(/^0+(?=\d)/, "");
  const f = fraction?.replace(/0+$/, "");
  return f ? `${w}.${f}` : w;
}

/** Number words and their values; "un"/"one" only inside a compound ("vingt et un"): alone they are mostly articles. */
const NUMBER_WORDS: Record<Language, Record<string, number>> = {
  fr: {
    un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13,
    quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, cent: 100, cents: 100, mille: 1000,
    premier: 1, première: 1, second: 2, seconde: 2,
  },
  en: {
    one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
    fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
    sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
    first: 1, second: 2, third: 3, fifth: 5, eighth: 8, ninth: 9, twelfth: 12,
  },
};
const JOINERS: Record<Language, Set<string>> = { fr: new Set(["et"]), en: new Set(["and"]) };

/** The cardinal a number word stands for, ordinals included ("quatorzième", "fourteenth", "ninetieth"). */
function numberWord(word: string, language: Language): number | undefined {
  const table = NUMBER_WORDS[language];
  if (table[word] !== undefined) return table[word];
  if (language === "fr" && word.endsWith("ième")) {
    const base = word.slice(0, -4);
    for (const candidate of [base, `${base}e`, base.replace(/qu$/, "q"), base.replace(/v$/, "f")]) if (table[candidate] !== undefined) return table[candidate];
  }
  if (language === "en" && word.endsWith("th")) {
    const base = word.slice(0, -2);
    for (const candidate of [base, base.replace(/ie$/, "y"), `${base}e`, base.replace(/f$/, "ve")]) if (table[candidate] !== undefined) return table[candidate];
  }
  return undefined;
}

/**
 * Numbers written in words ("quatre-vingt-dix jours", "fourteenth business day", "seven days"): a figure
 * on the other side may be one of them. A lone "un" or "one" is not taken for a number.
 */
export function spelledNumbersOf(text: string, language: Language): Set<string> {
  const found = new Set<string>();
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  for (let k = 0; k < words.length; ) {
    if (numberWord(words[k], language) === undefined) {
      k++;
      continue;
    }
    let total = 0;
    let current = 0;
    let count = 0;
    let previous = 0;
    for (; k < words.length; k++) {
      const word = words[k];
      if (JOINERS[language].has(word) && count > 0 && k + 1 < words.length && numberWord(words[k + 1], language) !== undefined) continue;
      const value = numberWord(word, language);
      if (value === undefined) break;
      if (value === 100 && current >= 10) {
        k++; // "cinquante cents" is money, not 5,000
        break;
      }
      if (value === 1000) (total += (current || 1) * 1000), (current = 0);
      else if (value === 100) current = (current || 1) * 100;
      else if (value === 20 && previous === 4 && language === "fr") current += 76; // quatre-vingt: 4 × 20, the 4 already counted
      else current += value;
      previous = value;
      count++;
    }
    const number = total + current;
    const rate = /^(?:pour|per)$/.test(words[k] ?? "") && /^(?:cent|cents)$/.test(words[k + 1] ?? ""); // "un pour cent", "one per cent"
    if (count > 1 || rate || !/^(?:un|une|one)$/.test(words[k - 1])) found.add(String(number));
    if (rate) k += 2;
  }
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
  let onlyFrench = [...fr].filter((n) => !en.has(n));
  let onlyEnglish = [...en].filter((n) => !fr.has(n));
  // Only when figures are left over: a word on the other side may say them.
  if (onlyFrench.length > 0) {
    const words = spelledNumbersOf(english, "en");
    onlyFrench = onlyFrench.filter((n) => !words.has(n));
  }
  if (onlyEnglish.length > 0) {
    const words = spelledNumbersOf(french, "fr");
    onlyEnglish = onlyEnglish.filter((n) => !words.has(n));
  }
  return { onlyFrench, onlyEnglish };
}
