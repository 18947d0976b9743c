/**
 * What the sentence splitter needs to know about a language, in the manner of translate-toolkit's language classes:
 * a default that every language starts from (French and English today's rules, which the seeds and the Canadian
 * acts were measured on), and for each language a small module that says only where it differs (its abbreviations,
 * its sentence punctuation, its quotation marks). Adding a language is one module and one line in ./index.ts.
 */

/** What a language's own judgement of a period sees: the word before it and what follows. */
export interface PeriodContext {
  /** The word before the period, without opening punctuation or an elided article ("l'", "dell'"). */
  bare: string;
  lower: string;
  /** The next few characters after the gap that follows the period. */
  next: string;
  text: string;
  /** Where the word starts in `text`. */
  tokenStart: number;
}

export interface SentenceRules {
  /** Words (lower case, without their final period) after which a period never ends a sentence: "mme", "e.g". */
  abbreviations: ReadonlySet<string>;
  /** Abbreviations that end nothing when a number follows: "art. 12", "No. 5", "c. 9". */
  beforeNumber: ReadonlySet<string>;
  /** Abbreviations that end nothing, except right after a number, where they close a date: Russian "1999 г.", Arabic "2020 م.". */
  afterNumberMayEnd: ReadonlySet<string>;
  /** Characters that end a sentence when white space and a sentence's start follow them. */
  spacedTerminators: string;
  /** Characters that end a sentence with nothing after them (Chinese and Japanese 。！？); empty for spaced scripts. */
  unspacedTerminators: string;
  /** Quotation marks, opening to closing, whose content is never cut when they close within the paragraph. */
  quotes: Readonly<Record<string, string>>;
  /** Closing quotes and brackets that belong to the sentence they close. */
  closers: string;
  /** Closers that may stand after a space (the French "… fin. »"). */
  spacedClosers: string;
  /** Characters besides capitals and figures that may open a sentence after a gap. */
  openers: string;
  /** Punctuation taken off the front of the word before a period: "(art.", "«M.". */
  leadingPunctuation: RegExp;
  /** An elided article or preposition in front of an abbreviation: French "l'art.", Italian "dell'art.". */
  elision: RegExp;
  /** A paragraph's leading enumerator: "3)", "a.", "II.". */
  enumerator: RegExp;
  /** A language's own verdict where lists are not enough (German ordinals, Russian "т. д."); undefined leaves it to the lists. */
  judgePeriod?: (context: PeriodContext) => boolean | undefined;
  /** What, after a closing quote, continues the sentence the quotation sits in (Japanese 「…。」と言った). */
  continuesAfterQuote?: RegExp;
}

/** Abbreviations that stand before a number: "art. 12", "No. 5", "p. 3", "para. 4", a statute's chapter "c. 9". */
const BEFORE_NUMBER = [
  "c", "art", "arts", "no", "nos", "n", "nº", "p", "pp", "para", "paras", "par", "al", "fig", "vol", "ch", "chap",
  "sect", "s", "ss", "sec", "annex", "r", "reg", "tit", "l", "liv", "t", "rev",
];

export const DEFAULT_RULES: SentenceRules = {
  abbreviations: new Set(),
  beforeNumber: new Set(BEFORE_NUMBER),
  afterNumberMayEnd: new Set(),
  spacedTerminators: ".!?…",
  unspacedTerminators: "",
  quotes: { "«": "»", "“": "”" },
  closers: "»”’\"')]}",
  spacedClosers: "»",
  openers: "«“‘\"'([{¿¡",
  leadingPunctuation: /^[(\[«“"'’]+/,
  elision: /^(\p{L}{1,2}['’])(?=\p{L})/u,
  enumerator: /^\(?(\d{1,3}|[a-z]|[A-Z]|[IVXLCDM]+)$/,
};

/** A language's rules: the default with its own differences; `abbreviations` and `beforeNumber` add to the default's. */
export function defineRules(
  differences: Partial<Omit<SentenceRules, "abbreviations" | "beforeNumber" | "afterNumberMayEnd">> & {
    abbreviations?: readonly string[];
    beforeNumber?: readonly string[];
    afterNumberMayEnd?: readonly string[];
  },
): SentenceRules {
  const { abbreviations = [], beforeNumber = [], afterNumberMayEnd = [], ...rest } = differences;
  return {
    ...DEFAULT_RULES,
    ...rest,
    abbreviations: new Set([...DEFAULT_RULES.abbreviations, ...abbreviations]),
    beforeNumber: new Set([...DEFAULT_RULES.beforeNumber, ...beforeNumber]),
    afterNumberMayEnd: new Set([...DEFAULT_RULES.afterNumberMayEnd, ...afterNumberMayEnd]),
  };
}

/** The word before `at` in `text`, back to the previous white space: what a language's judgement compares with. */
export function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  return text.slice(start, end);
}
