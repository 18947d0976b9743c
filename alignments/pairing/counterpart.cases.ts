/**
 * The counterpart the pair form proposes for a chosen document (counterpart.ts): the demo library's titles and
 * segment counts as Tandem seeds them, and written cases for symbols, numbers, length and ties. `proposed: null`:
 * nothing is proposed (no candidate is likely, or two are about as likely).
 */
import type { PairingDocument } from "./counterpart";

/** The library's French documents as seeded: the five seeds (no English counterpart in the library) and the two demo texts. */
export const LIBRARY_FRENCH: PairingDocument[] = [
  { id: 1, title: "Manifeste multipartite : donner la priorité aux intérêts des personnes dans la convention des Nations Unies sur la cybercriminalité", segmentCount: 87 },
  { id: 2, title: "Lettre ouverte à l’Assemblée générale de l’ONU sur la proposition de convention relative à la cybercriminalité", segmentCount: 60 },
  { id: 3, title: "Groupe d’experts sur la cybercriminalité : projet de rapport, additif (Vienne, juillet 2020)", segmentCount: 50 },
  { id: 4, title: "Les États membres de l’ONU approuvent leur premier traité contre la cybercriminalité (dépêche, août 2024)", segmentCount: 20 },
  { id: 5, title: "UIP, 146e Assemblée : Cybercriminalité, les nouveaux risques pour la sécurité mondiale", segmentCount: 70 },
  { id: 7, title: "Loi sur l’entraide juridique en matière criminelle (Canada)", segmentCount: 488 },
  { id: 9, title: "Déclaration universelle des droits de l’homme", segmentCount: 91 },
];

export const LIBRARY_ENGLISH: PairingDocument[] = [
  { id: 6, title: "Mutual Legal Assistance in Criminal Matters Act (Canada)", segmentCount: 496 },
  { id: 8, title: "Universal Declaration of Human Rights", segmentCount: 92 },
];

export interface CounterpartCase {
  name: string;
  chosen: PairingDocument;
  candidates: PairingDocument[];
  proposed: number | null;
  /** Words the reason must hold. */
  reason?: string[];
}

const doc = (id: number, title: string, segmentCount: number, symbols?: string[]): PairingDocument => ({ id, title, segmentCount, symbols });

export const COUNTERPART_CASES: CounterpartCase[] = [
  {
    name: "the MLA Act's French version, by its title's translated words",
    chosen: LIBRARY_ENGLISH[0],
    candidates: LIBRARY_FRENCH,
    proposed: 7,
    reason: ["canada", "criminal ↔ criminelle", "act ↔ loi", "496 and 488 segments"],
  },
  {
    name: "the UDHR's French version: cognates and translations, across accents and case",
    chosen: LIBRARY_ENGLISH[1],
    candidates: LIBRARY_FRENCH,
    proposed: 9,
    reason: ["universal ↔ universelle", "declaration ↔ déclaration", "rights ↔ droits", "human ↔ homme"],
  },
  { name: "from the French side: the MLA Act's English original", chosen: LIBRARY_FRENCH[5], candidates: LIBRARY_ENGLISH, proposed: 6 },
  { name: "from the French side: the UDHR's English version", chosen: LIBRARY_FRENCH[6], candidates: LIBRARY_ENGLISH, proposed: 8 },
  ...LIBRARY_FRENCH.slice(0, 5).map((seed) => ({
    name: `a seed with no English counterpart in the library: ${seed.title.slice(0, 40)}…`,
    chosen: seed,
    candidates: LIBRARY_ENGLISH,
    proposed: null,
  })),
  {
    name: "the same document symbol wins over the same title",
    chosen: doc(1, "Draft report of the Ad Hoc Committee (A/AC.291/L.15)", 120),
    candidates: [doc(2, "Projet de rapport du Comité spécial (A/AC.291/L.16)", 120), doc(3, "Projet de rapport du Comité spécial", 118, ["A/AC.291/L.15"])],
    proposed: 3,
    reason: ["Same document symbol A/AC.291/L.15"],
  },
  {
    name: "a number tells two sessions apart",
    chosen: doc(1, "IPU 146th Assembly: Cybercrime, the new risks to global security", 70),
    candidates: [doc(2, "UIP, 147e Assemblée : Cybercriminalité, les nouveaux risques pour la sécurité mondiale", 70), doc(3, "UIP, 146e Assemblée : Cybercriminalité, les nouveaux risques pour la sécurité mondiale", 70)],
    proposed: 3,
    reason: ["the same number 146"],
  },
  {
    name: "two copies of a title: the one of comparable length",
    chosen: doc(1, "Universal Declaration of Human Rights", 92),
    candidates: [doc(2, "Déclaration universelle des droits de l’homme (extraits)", 20), doc(3, "Déclaration universelle des droits de l’homme", 91)],
    proposed: 3,
    reason: ["92 and 91 segments"],
  },
  {
    name: "two copies as long: nothing to choose between them, nothing proposed",
    chosen: doc(1, "Universal Declaration of Human Rights", 92),
    candidates: [doc(2, "Déclaration universelle des droits de l’homme", 91), doc(3, "Déclaration universelle des droits de l’homme", 92)],
    proposed: null,
  },
  {
    name: "capitals and accents do not matter",
    chosen: doc(1, "INTERNATIONAL COOPERATION AGAINST CYBERCRIME", 40),
    candidates: [doc(2, "Bank Act", 40), doc(3, "Coopération internationale contre la cybercriminalité", 44)],
    proposed: 3,
    reason: ["international ↔ internationale", "cooperation ↔ coopération", "cybercrime ↔ cybercriminalité"],
  },
  {
    name: "length alone proposes nothing",
    chosen: doc(1, "Bank Act", 11699),
    candidates: [doc(2, "Manifeste multipartite", 11343), doc(3, "Lettre ouverte", 60)],
    proposed: null,
  },
  {
    name: "the Bank Act by one word and its translation, whatever the length",
    chosen: doc(1, "Bank Act", 11699),
    candidates: [doc(2, "Loi sur les banques", 11343), doc(3, "Lettre ouverte", 11400)],
    proposed: 2,
    reason: ["bank ↔ banques", "act ↔ loi"],
  },
];
