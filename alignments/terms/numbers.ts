import type { Language, TextLanguage } from "../languages";
import { figuresOf, hanNumbersOf } from "./number-formats";

/**
 * The numbers a segment states, written the same way whatever the language: "1 000,5", "1.000,5", "1,000.5" and
 * "١٬٠٠٠٫٥" are all "1000.5", "1er" and "1st" are "1", "12(3)" and "12, § 3" are "12" and "3", "第五条" is "5".
 * Compared as sets, so "24 heures sur 24 et 7 jours sur 7" and "24/7" agree.
 */
export function numbersOf(text: string, language: TextLanguage): Set<string> {
  return new Set(numberMentionsOf(text, language).map((m) => m.value));
}

/**
 * Each figure of a text where it is written, with its value as `numbersOf` gives it: digits in the language's
 * groups (number-formats.ts; an invisible formatting character after the point, as the Bank Act's French writes
 * "2.\u200d1", changes nothing), and in Chinese and Japanese the numerals that are surely numbers.
 */
export function numberMentionsOf(text: string, language: TextLanguage): Array<{ value: string; start: number; end: number }> {
  const found = figuresOf(text, language).map(({ grouped, plain, fraction, start, end }) => {
    const whole = grouped !== undefined ? grouped.replace(/\D/g, "") : plain!;
    return { value: canonical(fraction ? `${whole}.${fraction}` : whole), start, end };
  });
  if (!isHanWritten(language)) return found;
  const numerals = hanNumbersOf(text).map(({ value, start, end }) => ({ value: String(value), start, end }));
  return [...found, ...numerals].sort((a, b) => a.start - b.start);
}

const isHanWritten = (language: TextLanguage) => language === "zh-Hans" || language === "zh-Hant" || language === "ja";

/** "007" and "7" are the same number; "2.50" and "2.5" too. */
function canonical(number: string): string {
  const [whole, fraction] = number.split(".");
  const w = whole.replace(/^0+(?=\d)/, "");
  const f = fraction?.replace(/0+$/, "");
  return f ? `${w}.${f}` : w;
}

/** Number words and their values; "un"/"one" only inside a compound ("vingt et un"): alone they are mostly articles. */
const NUMBER_WORDS: Partial<Record<TextLanguage, Record<string, number>>> = {
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
const JOINERS: Partial<Record<TextLanguage, Set<string>>> = { fr: new Set(["et"]), en: new Set(["and"]) };

/** The cardinal a number word stands for, ordinals included ("quatorzième", "fourteenth", "ninetieth"). */
function numberWord(word: string, language: Language): number | undefined {
  const table = NUMBER_WORDS[language]!;
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
export function spelledNumbersOf(text: string, language: TextLanguage): Set<string> {
  // Chinese and Japanese numerals, one alone included ("三年", three years): they are read only to excuse a figure.
  if (isHanWritten(language)) return new Set(hanNumbersOf(text, { all: true }).map((n) => String(n.value)));
  // No number words are listed for the other languages yet: their figures must be figures on both sides.
  if (language !== "fr" && language !== "en") return new Set();
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
      if (JOINERS[language]!.has(word) && count > 0 && k + 1 < words.length && numberWord(words[k + 1], language) !== undefined) continue;
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

/** A text and its language, one side of a comparison. */
export interface Side {
  text: string;
  language: TextLanguage;
}

/** The numbers each side states and the other does not, neither as a figure nor as a number word: for any pair. */
export function compareNumbersOf(first: Side, second: Side): { onlyFirst: string[]; onlySecond: string[] } {
  const a = numbersOf(first.text, first.language);
  const b = numbersOf(second.text, second.language);
  let onlyFirst = [...a].filter((n) => !b.has(n));
  let onlySecond = [...b].filter((n) => !a.has(n));
  // Only when figures are left over: a word on the other side may say them.
  if (onlyFirst.length > 0) {
    const words = spelledNumbersOf(second.text, second.language);
    onlyFirst = onlyFirst.filter((n) => !words.has(n));
  }
  if (onlySecond.length > 0) {
    const words = spelledNumbersOf(first.text, first.language);
    onlySecond = onlySecond.filter((n) => !words.has(n));
  }
  return { onlyFirst, onlySecond };
}

export function compareNumbers(english: string, french: string): NumberMismatch {
  const { onlyFirst, onlySecond } = compareNumbersOf({ text: french, language: "fr" }, { text: english, language: "en" });
  return { onlyFrench: onlyFirst, onlyEnglish: onlySecond };
}
