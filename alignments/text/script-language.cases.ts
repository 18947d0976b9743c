import type { TextLanguage } from "../languages";

/**
 * Segments and the language they are read in within a document of `document`'s language (script-language.ts): made-up
 * lines in the shapes mixed documents have (seed 004's Arabic title block, names and codes in Latin letters inside
 * Chinese and Arabic texts).
 */
export const SCRIPT_LANGUAGE_CASES: Array<{ segment: string; document: TextLanguage; language: TextLanguage | null; why: string }> = [
  { segment: "Le Conseil se réunit à Manama.", document: "fr", language: "fr", why: "the document's own script" },
  { segment: "المنامة، البحرين", document: "fr", language: "ar", why: "an Arabic line in a French document" },
  { segment: "الدورة السادسة والأربعون بعد المائة - 2023", document: "fr", language: "ar", why: "Arabic with a figure, which does not count" },
  { segment: "Москва, 12 марта", document: "en", language: "ru", why: "a Russian line in an English document" },
  { segment: "联合国大会", document: "fr", language: "zh-Hans", why: "simplified Chinese in a French document" },
  { segment: "聯合國大會", document: "en", language: "zh-Hant", why: "traditional Chinese in an English document" },
  { segment: "東京で会議", document: "fr", language: "ja", why: "kana tell Japanese" },
  { segment: "Η Γενική Συνέλευση", document: "fr", language: null, why: "Greek: not a language Tandem reads, not French either" },
  { segment: "World Trade Organization", document: "zh-Hans", language: "zh-Hans", why: "Latin letters in a Chinese text: a name" },
  { segment: "Microsoft Excel", document: "ar", language: "ar", why: "Latin letters in an Arabic text: a name" },
  { segment: "A/C.3/74/L.11", document: "ar", language: "ar", why: "a document symbol" },
  { segment: "MANAMA, BAHREÏN — المنامة", document: "fr", language: "fr", why: "more Latin letters than Arabic: stays French" },
  { segment: "11-15 MARS 2023 - ١١-١٥ مارس ٢٠٢٣", document: "fr", language: "fr", why: "as many letters of each: the document wins the tie" },
  { segment: "Сообщение Генерального секретаря", document: "ar", language: "ru", why: "Cyrillic in an Arabic document" },
  { segment: "中华人民共和国", document: "ja", language: "ja", why: "Han in a Japanese document is the document's script" },
];
