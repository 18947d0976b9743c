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
