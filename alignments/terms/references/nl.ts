import { forms, type ReferenceRules } from "./rules";

/** Dutch legal cross-references: "artikel 5, lid 2", "onderdeel a", "dit artikel", "van het Wetboek van Strafrecht". */
export const DUTCH_REFERENCES: ReferenceRules = {
  units: {
    ...forms("act", ["wet", "verdrag"]),
    ...forms("part", ["deel", "titel"]),
    ...forms("division", ["afdeling", "afdelingen", "paragraaf"]),
    ...forms("section", ["artikel", "artikelen", "art."]),
    ...forms("subsection", ["lid", "leden"]),
    ...forms("paragraph", ["onderdeel", "onderdelen", "sub"]),
    ...forms("schedule", ["bijlage", "bijlagen"]),
    ...forms("chapter", ["hoofdstuk", "hoofdstukken"]),
  },
  deictics: ["dit", "deze", "het onderhavige", "de onderhavige", "het eerste", "het tweede"],
  outward: ["die wet"],
  joiners: ["en", "of", "tot en met"],
  elsewhere: /^,?\s+van\s+(?:het|de)\s+\p{Lu}/u,
};
