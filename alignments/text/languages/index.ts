import type { TextLanguage } from "../../languages";
import { arabic } from "./ar";
import { german } from "./de";
import { english } from "./en";
import { spanish } from "./es";
import { french } from "./fr";
import { italian } from "./it";
import { japanese } from "./ja";
import { dutch } from "./nl";
import { portuguese } from "./pt";
import type { SentenceRules } from "./rules";
import { russian } from "./ru";
import { chinese } from "./zh";

export type { SentenceRules } from "./rules";

const RULES: Record<TextLanguage, SentenceRules> = {
  ar: arabic,
  "zh-Hans": chinese,
  "zh-Hant": chinese,
  en: english,
  fr: french,
  ru: russian,
  es: spanish,
  de: german,
  it: italian,
  pt: portuguese,
  nl: dutch,
  ja: japanese,
};

/** The sentence splitter's rules for a language. */
export function sentenceRules(language: TextLanguage): SentenceRules {
  return RULES[language];
}
