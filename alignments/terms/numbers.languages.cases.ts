import type { TextLanguage } from "../languages";

/**
 * Figures as each language writes them, and the values the number check reads (number-formats.ts). Written for
 * these tests. The French and English cases of checks.test.ts are unchanged.
 */
export interface FigureCase {
  language: TextLanguage;
  text: string;
  numbers: string[];
}

export const FIGURE_CASES: FigureCase[] = [
  { language: "de", text: "Artikel 5 Absatz 2 gilt für 1.250.000 Euro und 3,5 Prozent.", numbers: ["5", "2", "1250000", "3.5"] },
  { language: "de", text: "Gemäß Abschnitt 12.1 sind 2 500 Personen betroffen.", numbers: ["12.1", "2500"] },
  { language: "es", text: "El artículo 15 prevé 1.000,50 dólares y 7,25 %.", numbers: ["15", "1000.5", "7.25"] },
  { language: "it", text: "L'articolo 3, comma 2, prevede 10.000 euro.", numbers: ["3", "2", "10000"] },
  { language: "pt", text: "O artigo 4.º aplica-se a 2.300,75 reais.", numbers: ["4", "2300.75"] },
  { language: "nl", text: "Artikel 7 lid 3: 1.500,5 euro.", numbers: ["7", "3", "1500.5"] },
  { language: "ru", text: "Статья 5, пункт 2: 1 000 000,25 рублей и 3\u202f500 человек.", numbers: ["5", "2", "1000000.25", "3500"] },
  { language: "ar", text: "المادة ٥ الفقرة ٢: ١٬٢٥٠٫٥ دولار", numbers: ["5", "2", "1250.5"] },
  { language: "ar", text: "المادة ۱۲ من الاتفاقية", numbers: ["12"] },
  { language: "ar", text: "المادة 5 تنطبق على 1,000 شخص", numbers: ["5", "1000"] },
  { language: "zh-Hans", text: "第五条第二款规定，共３５０名代表出席。", numbers: ["5", "2", "350"] },
  { language: "zh-Hans", text: "第5条：二〇二〇年通过，百分之十五的缔约国", numbers: ["5", "2020", "15"] },
  { language: "zh-Hans", text: "统一的一些措施和一百零五个国家", numbers: ["105"] },
  { language: "zh-Hant", text: "第二十三條規定", numbers: ["23"] },
  { language: "ja", text: "第十二条により１，０００円を支払う。", numbers: ["12", "1000"] },
];

/** Two versions of one text whose numbers agree, or do not: values compared, not spellings. */
export interface AgreementCase {
  first: { language: TextLanguage; text: string };
  second: { language: TextLanguage; text: string };
  onlyFirst: string[];
  onlySecond: string[];
}

export const AGREEMENT_CASES: AgreementCase[] = [
  {
    first: { language: "en", text: "Article 5, paragraph 2, applies to 1,250,000 euros." },
    second: { language: "de", text: "Artikel 5 Absatz 2 gilt für 1.250.000 Euro." },
    onlyFirst: [],
    onlySecond: [],
  },
  {
    first: { language: "fr", text: "L'article 5 vise 1 000,5 tonnes." },
    second: { language: "es", text: "El artículo 5 se refiere a 1.000,5 toneladas." },
    onlyFirst: [],
    onlySecond: [],
  },
  {
    first: { language: "en", text: "Under article 12, 350 representatives attended." },
    second: { language: "ar", text: "بموجب المادة ١٢، حضر ٣٥٠ ممثلا." },
    onlyFirst: [],
    onlySecond: [],
  },
  {
    first: { language: "en", text: "Article 5(2) entered into force in 2020." },
    second: { language: "zh-Hans", text: "第五条第二款于二〇二〇年生效。" },
    onlyFirst: [],
    onlySecond: [],
  },
  {
    first: { language: "en", text: "within 3 years" },
    second: { language: "zh-Hans", text: "三年内" },
    onlyFirst: [],
    onlySecond: [],
  },
  {
    first: { language: "ru", text: "Статья 6 применяется к 2 500 лицам." },
    second: { language: "en", text: "Article 5 applies to 2,500 persons." },
    onlyFirst: ["6"],
    onlySecond: ["5"],
  },
  {
    first: { language: "de", text: "Es gelten 1.500 Euro." },
    second: { language: "en", text: "1.5 euros apply." },
    onlyFirst: ["1500"],
    onlySecond: ["1.5"],
  },
];

/** The number check with references (number-check.ts) for pairs other than French–English. */
export interface ReferenceCheckCase extends AgreementCase {
  implicit: string[];
  inReferences: string[];
}

export const REFERENCE_CHECK_CASES: ReferenceCheckCase[] = [
  {
    first: { language: "de", text: "Eine nach Absatz 1 erlassene Anordnung wird veröffentlicht." },
    second: { language: "en", text: "The order is published." },
    onlyFirst: [],
    onlySecond: [],
    implicit: ["1"],
    inReferences: [],
  },
  {
    first: { language: "es", text: "Las medidas previstas en el presente artículo se notificarán." },
    second: { language: "en", text: "The measures referred to in subsections (1) and (2) shall be notified." },
    onlyFirst: [],
    onlySecond: [],
    implicit: ["1", "2"],
    inReferences: [],
  },
  {
    first: { language: "zh-Hans", text: "该命令应予公布。" },
    second: { language: "en", text: "An order made under subsection (1) shall be published." },
    onlyFirst: [],
    onlySecond: [],
    implicit: ["1"],
    inReferences: [],
  },
  {
    first: { language: "ru", text: "Статья 6 применяется к сделкам." },
    second: { language: "ar", text: "تنطبق المادة ٥ على المعاملات." },
    onlyFirst: ["6"],
    onlySecond: ["5"],
    implicit: [],
    inReferences: ["6", "5"],
  },
];
