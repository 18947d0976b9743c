import { forms, type ReferenceRules } from "./rules";

/** A Russian noun's case forms from its stem and endings: "стать" + "я", "и", "е", "ю", "ей", "ям", "ями", "ях". */
const declined = (stem: string, endings: string) => endings.split(" ").map((ending) => `${stem}${ending}`);

/** Russian legal cross-references: "статья 5", "пункт 2 статьи 5", "части 3", "настоящей статьи", "Уголовного кодекса". */
export const RUSSIAN_REFERENCES: ReferenceRules = {
  units: {
    ...forms("act", [...declined("закон", " а у ом е ы ов ам"), ...declined("конвенци", "я и ю ей"), ...declined("соглашени", "е я ю ем и й")]),
    ...forms("part", declined("раздел", " а у ом е ы ов")),
    ...forms("section", [...declined("стать", "я и е ю ей ям ями ях"), "ст.", "статей"]),
    ...forms("subsection", [...declined("пункт", " а у ом е ы ов ам ами ах"), "п.", ...declined("част", "ь и ью ей ям ями ях")]),
    ...forms("paragraph", [...declined("подпункт", " а у ом е ы ов ам ами ах"), "подп.", "пп."]),
    ...forms("schedule", declined("приложени", "е я ю ем и й")),
    ...forms("chapter", [...declined("глав", "а ы е у ой"), "гл."]),
  },
  deictics: [
    ...declined("настоящ", "ий его ему им ем ая ей ую ие их"), ...declined("эт", "от ого ому им ом а ой у и их"), ...declined("данн", "ый ого ому ым ом ая ой ую ые ых"),
    ...declined("указанн", "ый ого ому ым ом ая ой ую ые ых"),
  ],
  outward: ["указанного закона", "указанный закон", "указанном законе"],
  joiners: ["и", "или", "по"],
  elsewhere: /^,?\s+(?:\p{Lu}|федерального\s+закона|закона\b)/u,
};
