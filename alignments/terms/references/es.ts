import { forms, type ReferenceRules } from "./rules";

/** Spanish legal cross-references: "artículo 5, párrafo 2", "el apartado 3", "el presente artículo", "del Código Penal". */
export const SPANISH_REFERENCES: ReferenceRules = {
  units: {
    ...forms("act", ["ley", "convención", "convenio", "tratado"]),
    ...forms("part", ["parte", "partes", "título", "títulos"]),
    ...forms("division", ["sección", "secciones"]),
    ...forms("section", ["artículo", "artículos", "art.", "arts."]),
    ...forms("subsection", ["párrafo", "párrafos", "apartado", "apartados", "numeral", "numerales"]),
    ...forms("paragraph", ["inciso", "incisos", "letra", "letras"]),
    ...forms("schedule", ["anexo", "anexos"]),
    ...forms("chapter", ["capítulo", "capítulos"]),
  },
  deictics: ["el presente", "la presente", "los presentes", "las presentes", "del presente", "de la presente", "dicho", "dicha", "este", "esta", "ese", "esa"],
  outward: ["dicha ley", "esa ley", "dicho convenio"],
  joiners: ["y", "o", "a"],
  elsewhere: /^,?\s+(?:de\s+la|del|de)\s+(?:\p{Lu}|ley\b|código\b)/u,
};
