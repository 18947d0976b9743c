import type { TextLanguage } from "../languages";

/**
 * Made-up documents for the import's detection (detect-document-language.ts): one report sentence in each language
 * Tandem reads (the same news in twelve languages, so only the language differs), a French document with an Arabic line
 * (seed 004's shape), and texts it must not import as any language it reads.
 */
export const DOCUMENT_LANGUAGE_CASES: Array<{ language: TextLanguage; text: string }> = [
  { language: "es", text: "La Comisión de Derecho Internacional examinó ayer el informe anual sobre la protección de las personas en casos de desastre y pidió a los Estados que enviaran sus observaciones antes de fin de año." },
  { language: "ru", text: "Комиссия международного права рассмотрела вчера ежегодный доклад о защите людей в случае бедствий и просила государства представить свои замечания до конца года." },
  { language: "de", text: "Die Völkerrechtskommission hat gestern den Jahresbericht über den Schutz von Personen im Katastrophenfall geprüft und die Staaten um ihre Stellungnahmen bis Jahresende gebeten." },
  { language: "it", text: "La Commissione del diritto internazionale ha esaminato ieri la relazione annuale sulla protezione delle persone in caso di catastrofi e ha chiesto agli Stati di inviare le loro osservazioni entro la fine dell'anno." },
  { language: "pt", text: "A Comissão de Direito Internacional examinou ontem o relatório anual sobre a proteção das pessoas em caso de catástrofes e pediu aos Estados que enviassem as suas observações até ao fim do ano." },
  { language: "nl", text: "De Commissie voor internationaal recht heeft gisteren het jaarverslag over de bescherming van personen bij rampen besproken en de staten gevraagd hun opmerkingen voor het einde van het jaar in te dienen." },
  { language: "en", text: "The International Law Commission yesterday considered the annual report on the protection of persons in the event of disasters and asked States to send their comments before the end of the year." },
  { language: "fr", text: "La Commission du droit international a examiné hier le rapport annuel sur la protection des personnes en cas de catastrophe et a prié les États de faire parvenir leurs observations avant la fin de l'année." },
  { language: "ar", text: "نظرت لجنة القانون الدولي أمس في التقرير السنوي عن حماية الأشخاص في حالات الكوارث وطلبت إلى الدول أن ترسل ملاحظاتها قبل نهاية العام." },
  { language: "zh-Hans", text: "国际法委员会昨天审议了关于在发生灾害时保护人员的年度报告，并请各国在年底前提交意见。" },
  { language: "zh-Hant", text: "國際法委員會昨天審議了關於在發生災害時保護人員的年度報告，並請各國在年底前提交意見。" },
  { language: "ja", text: "国際法委員会は昨日、災害時における人の保護に関する年次報告書を審議し、各国に年末までに意見を提出するよう求めた。" },
  // A mixed document: the script that holds most letters decides; the Arabic line gets its own language per segment.
  { language: "fr", text: "La Commission du droit international a examiné hier le rapport annuel sur la protection des personnes en cas de catastrophe.\nالمنامة، البحرين\nElle a prié les États de faire parvenir leurs observations avant la fin de l'année." },
];

export const UNSUPPORTED_DOCUMENTS: Array<{ name: string; text: string }> = [
  { name: "Catalan", text: "La Comissió de Dret Internacional va examinar ahir l'informe anual sobre la protecció de les persones en cas de desastre i va demanar als estats que enviessin les seves observacions abans de final d'any." },
  { name: "Ukrainian", text: "Комісія міжнародного права розглянула вчора щорічну доповідь про захист людей у разі лиха і попросила держави надіслати свої зауваження до кінця року." },
];
