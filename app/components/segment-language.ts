import { directionOf, readingLanguage, scriptLanguage } from "../../alignments/text/script-language";

/**
 * The `lang` and `dir` of a segment's text on a page: nothing of its own (the column's or the document's `lang`, the
 * browser's direction) unless the segment is written in another script than its document's language, as seed 004's
 * Arabic line in a French document, which is then marked `lang="ar" dir="rtl"` so that screen readers, fonts and
 * line breaking treat it as Arabic. A script no language Tandem reads is written in is marked "und" (undetermined).
 */
export function segmentLanguageProps(text: string, documentLanguage: string): { lang?: string; dir: "auto" | "rtl" | "ltr" } {
  const document = readingLanguage(documentLanguage);
  if (document === null) return { dir: "auto" };
  const own = scriptLanguage(text, document);
  if (own === document) return { dir: "auto" };
  return { lang: own ?? "und", dir: directionOf(own) };
}
