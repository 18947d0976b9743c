import { forms, type ReferenceRules } from "./rules";

/** Portuguese legal cross-references: "artigo 5.º, n.º 2", "alínea a)", "o presente artigo", "do Código Penal". */
export const PORTUGUESE_REFERENCES: ReferenceRules = {
  units: {
    ...forms("act", ["lei", "convenção", "tratado"]),
    ...forms("part", ["parte", "partes", "título", "títulos"]),
    ...forms("division", ["secção", "seção", "secções", "seções"]),
    ...forms("section", ["artigo", "artigos", "art.", "arts."]),
    ...forms("subsection", ["n.º", "número", "números", "parágrafo", "parágrafos", "§"]),
    ...forms("paragraph", ["alínea", "alíneas", "inciso", "incisos"]),
    ...forms("schedule", ["anexo", "anexos"]),
    ...forms("chapter", ["capítulo", "capítulos"]),
  },
  deictics: ["o presente", "a presente", "do presente", "da presente", "no presente", "na presente", "deste", "desta", "este", "esta"],
  outward: ["essa lei", "dessa lei"],
  joiners: ["e", "ou", "a"],
  elsewhere: /^,?\s+(?:da|do|dos|das|de)\s+(?:\p{Lu}|lei\b|código\b)/u,
};
