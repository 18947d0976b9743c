import type { TextLanguage } from "../../languages";
import { arabic } from "./ar";
import { german } from "./de";
import { english } from "./en";
import { spanish } from "./es";
import { french } from "./fr";
import { italian } from "./it";
import { dutch } from "./nl";
import { portuguese } from "./pt";
import type { Stemmer } from "./rules";
import { russian } from "./ru";
import { chinese, japanese } from "./zh";

export type { Stemmer } from "./rules";

const STEMMERS: Record<TextLanguage, Stemmer> = {
  // Snowball's stemmers as they are (the default).
  ...{ es: spanish, de: german, it: italian, nl: dutch, ru: russian },
  // Snowball with a language's own first step (Portuguese plurals in -ões, Arabic conjunctions), or the hand rules.
  ...{ pt: portuguese, ar: arabic, fr: french, en: english },
  // No inflection: a word (from the word breaker) is its own key.
  ...{ "zh-Hans": chinese, "zh-Hant": chinese, ja: japanese },
};

/** Terminology's stemmer for a language (decision 0037). */
export function stemmerFor(language: TextLanguage): Stemmer {
  return STEMMERS[language];
}

/**
 * For measurement only (scripts/stemming-compare.ts): `measure` run with other stemmers for some languages, the
 * table put back afterwards, whatever happens. Stems are kept per stemmer (words.ts), so none leaks between runs.
 */
export function withStemmers<T>(replacements: Partial<Record<TextLanguage, Stemmer>>, measure: () => T): T {
  const kept = { ...STEMMERS };
  Object.assign(STEMMERS, replacements);
  try {
    return measure();
  } finally {
    Object.assign(STEMMERS, kept);
  }
}
