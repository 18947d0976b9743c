import { forms, type ReferenceRules } from "./rules";

/** German legal cross-references: "Artikel 5 Absatz 2", "Art. 3 Abs. 1 Nr. 2", "dieses Artikels", "des Strafgesetzbuches". */
export const GERMAN_REFERENCES: ReferenceRules = {
  units: {
    ...forms("act", ["gesetz", "gesetzes", "übereinkommen", "übereinkommens"]),
    ...forms("part", ["teil", "teils", "teiles"]),
    ...forms("division", ["abschnitt", "abschnitts", "abschnittes", "abschnitte"]),
    ...forms("section", ["artikel", "artikels", "art.", "§", "§§", "paragraf", "paragraph"]),
    ...forms("subsection", ["absatz", "absatzes", "absätze", "absätzen", "abs."]),
    ...forms("paragraph", ["nummer", "nr.", "ziffer", "satz"]),
    ...forms("subparagraph", ["buchstabe", "buchstaben", "buchst.", "lit."]),
    ...forms("schedule", ["anhang", "anhangs", "anlage"]),
    ...forms("chapter", ["kapitel", "kapitels"]),
  },
  deictics: ["dieses", "dieser", "diesem", "diesen", "des vorliegenden", "der vorliegenden", "vorliegenden", "vorliegende", "jenes", "jener", "des genannten", "genannten"],
  outward: ["jenes gesetzes", "des genannten gesetzes", "genannten gesetzes", "jenes übereinkommens"],
  joiners: ["und", "oder", "bis"],
  elsewhere: /^,?\s+(?:des|der)\s+\p{Lu}/u,
};
