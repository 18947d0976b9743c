import { forms, type ReferenceRules } from "./rules";

/** Italian legal cross-references: "articolo 5, comma 2", "art. 3, lettera a)", "il presente articolo", "del Codice penale". */
export const ITALIAN_REFERENCES: ReferenceRules = {
  units: {
    ...forms("act", ["legge", "convenzione", "trattato"]),
    ...forms("part", ["parte", "parti", "titolo", "titoli"]),
    ...forms("division", ["sezione", "sezioni", "capo", "capi"]),
    ...forms("section", ["articolo", "articoli", "art.", "artt."]),
    ...forms("subsection", ["comma", "commi", "paragrafo", "paragrafi"]),
    ...forms("paragraph", ["lettera", "lettere", "numero", "n."]),
    ...forms("schedule", ["allegato", "allegati"]),
    ...forms("chapter", ["capitolo", "capitoli"]),
  },
  deictics: ["il presente", "la presente", "del presente", "della presente", "al presente", "alla presente", "questo", "questa", "tale"],
  outward: ["tale legge"],
  joiners: ["e", "o", "a"],
  elsewhere: /^,?\s+(?:del|della|dello|dei|delle)\s+(?:\p{Lu}|legge\b|codice\b)/u,
};
