import type { Language } from "../../languages";
import type { ReferenceLevel } from "./rules";

/**
 * Legal cross-references as Canadian federal statutes and treaties write them, in both languages: what each
 * text holds, as "level labelled|pointed[ elsewhere]" in order. Traps: words that look like units ("the Act's
 * form", "par ce moyen") and references to other texts.
 */
export interface ReferenceCase {
  language: Language;
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
];
