import { forms, type ReferenceRules } from "./rules";

/** A unit's name with the article, alone and behind the prefixes written onto it: "المادة", "والمادة", "بالمادة", "للمادة". */
const prefixed = (names: readonly string[]) =>
  names.flatMap((name) => (name.startsWith("ال") ? [name, `و${name}`, `ف${name}`, `ب${name}`, `ل${name.slice(1)}`, `ول${name.slice(1)}`] : [name]));

/** Arabic legal cross-references: "المادة 5", "الفقرة ٢ من المادة ٥", "هذه المادة", "من قانون العقوبات". */
export const ARABIC_REFERENCES: ReferenceRules = {
  units: {
    ...forms("act", prefixed(["القانون", "الاتفاقية", "قانون", "اتفاقية"])),
    ...forms("part", prefixed(["الجزء", "الباب", "جزء", "باب"])),
    ...forms("section", prefixed(["المادة", "المادتين", "المادتان", "المواد", "مادة"])),
    ...forms("subsection", prefixed(["الفقرة", "الفقرتين", "الفقرتان", "الفقرات", "فقرة"])),
    ...forms("paragraph", prefixed(["البند", "البندين", "البنود", "بند"])),
    ...forms("schedule", prefixed(["المرفق", "مرفق"])),
    ...forms("chapter", prefixed(["الفصل", "فصل"])),
  },
  deictics: ["هذه", "هذا", "تلك", "ذلك"],
  outward: ["ذلك القانون", "تلك الاتفاقية"],
  joiners: ["و", "أو", "إلى"],
  elsewhere: /^،?\s+من\s+(?:قانون|اتفاقية|ال(?!مادة|فقرة|بند))/u,
};
