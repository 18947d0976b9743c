/** The languages Tandem aligns. Everything else is refused at import with a clear message. */
export const LANGUAGES = ["fr", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = { fr: "French", en: "English" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The language a tag names, as exchange files write it: "en-GB", "EN_us", "eng" → en; "fr-CA", "fra", "fre" → fr; else null. */
export function languageOfTag(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "en" || primary === "eng") return "en";
  if (primary === "fr" || primary === "fra" || primary === "fre") return "fr";
  return null;
}

/**
 * The languages whose text the core can segment and recognise (issue 14), wider than `Language`, which is still what the
 * app stores and pairs. Chinese is two: simplified and traditional characters are different texts to a translator.
 */
export const TEXT_LANGUAGES = ["ar", "zh-Hans", "zh-Hant", "en", "fr", "ru", "es", "de", "it", "pt", "nl", "ja"] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

export const TEXT_LANGUAGE_NAMES: Record<TextLanguage, string> = {
  ar: "Arabic",
  "zh-Hans": "Chinese (simplified)",
  "zh-Hant": "Chinese (traditional)",
  en: "English",
  fr: "French",
  ru: "Russian",
  es: "Spanish",
  de: "German",
  it: "Italian",
  pt: "Portuguese",
  nl: "Dutch",
  ja: "Japanese",
};

/** A language's name in English for any code a document may carry; an unknown code is shown as it is. */
export function languageName(code: string): string {
  return TEXT_LANGUAGE_NAMES[code as TextLanguage] ?? code;
}

export function isTextLanguage(value: unknown): value is TextLanguage {
  return typeof value === "string" && (TEXT_LANGUAGES as readonly string[]).includes(value);
}
