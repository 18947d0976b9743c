import { describe, expect, it } from "vitest";
import { alignmentProblems, formatLink, parseLinks } from "./links";
import { separateHeadings } from "./headings";

// Made-up text in the shape of a bilingual act: marginal notes and headings ("Aggregate limit" / "Limite globale") beside
// provisions whose French folds an enumeration into one sentence, so that the programme's best link for the provision
// swallows the note on one side and leaves the other side's note alone.

const ENGLISH = [
  "This Act applies to every orchard of 40 hectares or more,",
  "unless the Minister decides otherwise.",
  "Orchard Limits",
  "Aggregate limit",
  "A grower shall not, and shall not permit a partner to,",
  "plant more than 400 trees in one season.",
  "Protection of records",
  "The grower shall keep the records of every season in a safe place.",
];
const FRENCH = [
  "La présente loi s’applique à tout verger de 40 hectares ou plus, sauf décision contraire du ministre.",
  "Limites des vergers",
  "Limite globale",
  "Il est interdit au producteur — et celui-ci doit l’interdire à ses associés — de planter plus de 400 arbres en une saison.",
  "Précautions",
  "Le producteur conserve les registres de chaque saison en lieu sûr.",
];
const texts = (lines: string[]) => lines.map((text) => ({ text }));

const cases: Array<{ name: string; links: string; expected: string }> = [
  {
    name: "notes the French left alone before a link whose English side swallowed them",
    links: "[0]:[0]\n[]:[1]\n[]:[2]\n[1,2,3,4]:[3]\n[5]:[]\n[6]:[4]\n[7]:[5]",
    expected: "[0]:[0]\n[1]:[]\n[2]:[1]\n[3]:[2]\n[4]:[3]\n[5]:[]\n[6]:[4]\n[7]:[5]",
  },
  {
    name: "a note both sides joined with the provision after it",
    links: "[0,1]:[0]\n[2]:[1]\n[3]:[2]\n[4,5]:[3]\n[6,7]:[4,5]",
    expected: "[0,1]:[0]\n[2]:[1]\n[3]:[2]\n[4,5]:[3]\n[6]:[4]\n[7]:[5]",
  },
  {
    name: "a heading and a note both sides joined with the provision between them",
    links: "[0,1]:[0]\n[2]:[1]\n[3,4,5,6]:[2,3,4]\n[7]:[5]",
    expected: "[0,1]:[0]\n[2]:[1]\n[3]:[2]\n[4,5]:[3]\n[6]:[4]\n[7]:[5]",
  },
  {
    name: "a note left alone on each side, next to each other",
    links: "[0,1]:[0]\n[2]:[1]\n[3]:[]\n[]:[2]\n[4,5]:[3]\n[6]:[4]\n[7]:[5]",
    expected: "[0,1]:[0]\n[2]:[1]\n[3]:[2]\n[4,5]:[3]\n[6]:[4]\n[7]:[5]",
  },
  {
    name: "the same, French first",
    links: "[0,1]:[0]\n[2]:[1]\n[]:[2]\n[3]:[]\n[4,5]:[3]\n[6]:[4]\n[7]:[5]",
    expected: "[0,1]:[0]\n[2]:[1]\n[3]:[2]\n[4,5]:[3]\n[6]:[4]\n[7]:[5]",
  },
  {
    name: "nothing when the swallowing link ends with the note (no provision left for the French one)",
    links: "[0]:[0]\n[]:[1]\n[1,2]:[2]\n[3,4,5]:[3]\n[6]:[4]\n[7]:[5]",
    expected: "[0]:[0]\n[]:[1]\n[1,2]:[2]\n[3,4,5]:[3]\n[6]:[4]\n[7]:[5]",
  },
  {
    name: "nothing when the lines left alone are sentences",
    links: "[0]:[]\n[]:[0]\n[1]:[]\n[2]:[1]\n[3]:[2]\n[4,5]:[3]\n[6]:[4]\n[7]:[5]",
    expected: "[0]:[]\n[]:[0]\n[1]:[]\n[2]:[1]\n[3]:[2]\n[4,5]:[3]\n[6]:[4]\n[7]:[5]",
  },
  {
    name: "nothing when only one side of a link ends with a heading",
    links: "[0,1]:[0]\n[2]:[1]\n[3]:[2]\n[4,5]:[3,4]\n[6,7]:[5]",
    expected: "[0,1]:[0]\n[2]:[1]\n[3]:[2]\n[4,5]:[3,4]\n[6,7]:[5]",
  },
];

describe("headings and notes put back with their counterparts", () => {
  for (const c of cases) {
    it(c.name, () => {
      const links = parseLinks(c.links).map((link) => ({ ...link, confidence: 0.5 }));
      const out = separateHeadings(texts(ENGLISH), texts(FRENCH), links);
      expect(out.map(formatLink).join("\n")).toBe(c.expected);
      expect(alignmentProblems(out, ENGLISH.length, FRENCH.length)).toEqual([]);
    });
  }
});

describe("links a person fixed", () => {
  it("are never split, merged or taken from", () => {
    const links = parseLinks("[0]:[0]\n[]:[1]\n[]:[2]\n[1,2,3,4]:[3]\n[5]:[]\n[6,7]:[4,5]").map((link) => ({ ...link, confidence: 0.5 }));
    const fixed = parseLinks("[]:[2]\n[6,7]:[4,5]");
    const out = separateHeadings(texts(ENGLISH), texts(FRENCH), links, fixed);
    expect(out.map(formatLink).join("\n")).toBe("[0]:[0]\n[]:[1]\n[]:[2]\n[1,2,3,4]:[3]\n[5]:[]\n[6,7]:[4,5]");
  });
});
