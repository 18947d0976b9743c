import type { ReferenceRules } from "./rules";

/**
 * French legal cross-references, as Canadian federal drafting writes them: "paragraphe 2(1)", "alinéas a) à c)",
 * "la présente loi", "ce paragraphe". An "article" is an English section, a "paragraphe" a subsection, an "alinéa" a
 * paragraph, a "section" a Division.
 */
export const FRENCH_REFERENCES: ReferenceRules = {
  units: {
    loi: "act",
    partie: "part",
    parties: "part",
    section: "division",
    sections: "division",
    "sous-section": "subdivision",
    "sous-sections": "subdivision",
    article: "section",
    articles: "section",
    "art.": "section",
    paragraphe: "subsection",
    paragraphes: "subsection",
    "par.": "subsection",
    alinéa: "paragraph",
    alinéas: "paragraph",
    "al.": "paragraph",
    "sous-alinéa": "subparagraph",
    "sous-alinéas": "subparagraph",
    division: "clause",
    divisions: "clause",
    subdivision: "subclause",
    subdivisions: "subclause",
    annexe: "schedule",
    annexes: "schedule",
    formule: "form",
    formules: "form",
    "ch.": "chapter",
    chapitre: "chapter",
  },
  deictics: [
    "le présent", "la présente", "les présents", "les présentes", "du présent", "de la présente", "des présents", "des présentes",
    "au présent", "à la présente", "aux présents", "aux présentes", "ce même", "cette même", "ces mêmes", "ledit", "ladite",
    "lesdits", "lesdites", "ce", "cet", "cette", "ces",
  ],
  outward: ["cette loi", "ces lois", "ladite loi", "cette même loi"],
  joiners: ["et", "ou", "à"],
  elsewhere: /^,?\s+(?:de\s+la\s+|du\s+|de\s+l[’']\s*|des\s+|de\s+)(?:\p{Lu}|loi\b|code\b|règlement\b)/u,
};
