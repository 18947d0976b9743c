import type { TextLanguage } from "../../languages";
import type { ReferenceLevel } from "./rules";

/**
 * Legal cross-references as Canadian federal statutes and treaties write them, in both languages: what each
 * text holds, as "level labelled|pointed[ elsewhere]" in order. Traps: words that look like units ("the Act's
 * form", "par ce moyen") and references to other texts.
 */
export interface ReferenceCase {
  language: TextLanguage;
  text: string;
  references: string[];
}

const r = (level: ReferenceLevel, how: "labelled" | "pointed", elsewhere = false) => `${level} ${how}${elsewhere ? " elsewhere" : ""}`;

export const REFERENCE_CASES: ReferenceCase[] = [
  { language: "en", text: "An administrative arrangement entered into under subsection (1) or (2) may be implemented by the Minister, pursuant to this Act.", references: [r("subsection", "labelled"), r("act", "pointed")] },
  { language: "fr", text: "L’entente administrative visée au présent article peut être mise en oeuvre par le ministre sous le régime de la présente loi.", references: [r("section", "pointed"), r("act", "pointed")] },
  { language: "en", text: "an agreement referred to in paragraph (a) of the definition agreement in subsection 2(1)", references: [r("paragraph", "labelled"), r("subsection", "labelled")] },
  { language: "fr", text: "l’accord visé à l’alinéa a) de la définition de ce terme au paragraphe 2(1)", references: [r("paragraph", "labelled"), r("subsection", "labelled")] },
  { language: "en", text: "Sections 4 and 5 do not apply.", references: [r("section", "labelled")] },
  { language: "fr", text: "Les articles 4 et 5 ne s’appliquent pas.", references: [r("section", "labelled")] },
  { language: "en", text: "as defined in subsection 248(1) of the Income Tax Act", references: [r("subsection", "labelled", true)] },
  { language: "fr", text: "au sens du paragraphe 248(1) de la Loi de l’impôt sur le revenu", references: [r("subsection", "labelled", true)] },
  { language: "en", text: "a person referred to in paragraph 462.41(3)(a) or 462.42(1)(a) of the Criminal Code", references: [r("paragraph", "labelled", true)] },
  { language: "fr", text: "les personnes visées aux alinéas 308(1)a) et 840(1)a)", references: [r("paragraph", "labelled")] },
  { language: "fr", text: "alinéas a) à c)", references: [r("paragraph", "labelled")] },
  { language: "en", text: "[Repealed, 1999, c. 18, s. 97]", references: [r("chapter", "labelled", true), r("section", "labelled")] },
  { language: "fr", text: "[Abrogée, 1999, ch. 18, art. 97]", references: [r("chapter", "labelled", true), r("section", "labelled")] },
  { language: "en", text: "The order referred to in that subsection is filed under that Act.", references: [r("subsection", "pointed"), r("act", "pointed", true)] },
  { language: "fr", text: "Pour l’application de ce paragraphe et de cette loi", references: [r("subsection", "pointed"), r("act", "pointed", true)] },
  { language: "en", text: "For the purposes of this section and this Part", references: [r("section", "pointed"), r("part", "pointed")] },
  { language: "fr", text: "Pour l’application de la présente partie et de la présente section", references: [r("part", "pointed"), r("division", "pointed")] },
  { language: "en", text: "as provided in Article 12(3)", references: [r("section", "labelled")] },
  // traps: no reference
  { language: "en", text: "in such form and manner as the Superintendent may require", references: [] },
  { language: "fr", text: "Il les transmet par ce moyen dans les 30 jours.", references: [] },
  { language: "en", text: "The bank's 2 sections of staff", references: [] },
  { language: "en", text: "within 60 days after it comes into force", references: [] },
  // Other languages (issue 14, item 5): "article 5, paragraph 2" as each writes it; written for these tests.
  { language: "de", text: "Artikel 5 Absatz 2 gilt entsprechend.", references: [r("section", "labelled"), r("subsection", "labelled")] },
  { language: "de", text: "nach Art. 3 Abs. 1 Nr. 2 dieses Gesetzes", references: [r("section", "labelled"), r("subsection", "labelled"), r("paragraph", "labelled"), r("act", "pointed")] },
  { language: "de", text: "die Behörde im Sinne jenes Gesetzes", references: [r("act", "pointed", true)] },
  { language: "de", text: "im Sinne des § 12 des Strafgesetzbuches", references: [r("section", "labelled", true)] },
  { language: "es", text: "de conformidad con el párrafo 2 del artículo 5 de la presente Convención", references: [r("subsection", "labelled"), r("section", "labelled"), r("act", "pointed")] },
  { language: "es", text: "en el sentido del artículo 248 del Código Penal", references: [r("section", "labelled", true)] },
  { language: "it", text: "ai sensi dell'articolo 3, comma 2, del presente capo", references: [r("section", "labelled"), r("subsection", "labelled"), r("division", "pointed")] },
  { language: "pt", text: "nos termos do n.º 2 do artigo 5.º", references: [r("subsection", "labelled"), r("section", "labelled")] },
  { language: "nl", text: "bedoeld in artikel 7, lid 3, van dit hoofdstuk", references: [r("section", "labelled"), r("subsection", "labelled"), r("chapter", "pointed")] },
  { language: "ru", text: "в соответствии с пунктом 2 статьи 5 настоящей Конвенции", references: [r("subsection", "labelled"), r("section", "labelled"), r("act", "pointed")] },
  { language: "ru", text: "Статья 12 применяется с учетом части 3 статьи 5 Уголовного кодекса", references: [r("section", "labelled"), r("subsection", "labelled"), r("section", "labelled", true)] },
  { language: "ar", text: "وفقا للفقرة ٢ من المادة ٥ من هذه الاتفاقية", references: [r("subsection", "labelled"), r("section", "labelled"), r("act", "pointed")] },
  { language: "ar", text: "المادة 12 من قانون العقوبات", references: [r("section", "labelled", true)] },
  { language: "zh-Hans", text: "依照本公约第五条第二款的规定", references: [r("act", "pointed"), r("section", "labelled"), r("subsection", "labelled")] },
  { language: "zh-Hans", text: "《刑法》第二十条不适用于本条", references: [r("section", "labelled", true), r("section", "pointed")] },
  { language: "zh-Hant", text: "第十二條第3款", references: [r("section", "labelled"), r("subsection", "labelled")] },
  { language: "ja", text: "第5条第2項の規定にかかわらず", references: [r("section", "labelled"), r("subsection", "labelled")] },
  // traps
  { language: "de", text: "Die Teilnehmer kamen in 3 Gruppen.", references: [] },
  { language: "ru", text: "Он прочитал 5 страниц.", references: [] },
  { language: "zh-Hans", text: "第一次会议于五月举行。", references: [] },
];
