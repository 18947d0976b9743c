import { describe, expect, it } from "vitest";
import { alignSegments, type AlignSegment } from "./aligner";
import { closingTerm, closingTerms, coverageProblems, opensWith } from "./crossing";
import { alignmentProblems, formatLink, parseLinks } from "./links";

// Made-up text throughout: a small act whose definitions are alphabetised in each language.

const closingCases: Array<[string, string | null]> = [
  ["widget means a small device used in a workshop; (bidule)", "bidule"],
  ["an office in a province named in the list. (État ou entité)", "etat ou entite"],
  ["bidule Petit appareil utilisé en atelier. (widget)", "widget"],
  ["the fee set out in paragraph (1)", null],
  ["the fee (see below) is payable on demand", null],
  ["no parenthesis at all", null],
];

const opensCases: Array<[string, string, boolean]> = [
  ["bidule Petit appareil utilisé en atelier.", "bidule", true],
  ["Bidule[Abrogé, 2001, ch. 3]", "bidule", true],
  ["État ou entité", "etat ou entite", true],
  ["bidules et machins", "bidule", false],
  ["le bidule est rangé", "bidule", false],
];

const segments = (texts: string[]): AlignSegment[] => texts.map((text) => ({ text }));

// English: apple, automobile (an enumeration of two items), cart, door; French: chariot, pomme, porte, véhicule.
const ENGLISH = [
  "Short title",
  "This Act may be cited as the Orchard Tools Act.",
  "Definitions",
  "The following definitions apply in this Act.",
  "apple means the fruit of a tree grown in an orchard; (pomme)",
  "automobile means",
  "a cart with an engine of 50 horsepower or more, or",
  "a trailer of 12 metres or more pulled by a tractor. (véhicule)",
  "cart means a wagon with two wheels pulled by hand; (chariot)",
  "door means the opening of a shed that closes with a lock; (porte)",
  "Application",
  "This Act applies to every orchard of 40 hectares or more in the province.",
  "The Minister may make regulations for carrying out this Act.",
];
const FRENCH = [
  "Titre abrégé",
  "Loi sur les outils de verger.",
  "Définitions",
  "Les définitions qui suivent s’appliquent à la présente loi.",
  "chariot Voiture à deux roues tirée à la main. (cart)",
  "pomme Fruit d’un arbre cultivé dans un verger. (apple)",
  "porte Ouverture d’une remise qui se ferme à clé. (door)",
  "véhicule",
  "Chariot muni d’un moteur de 50 chevaux ou plus;",
  "remorque de 12 mètres ou plus tirée par un tracteur. (automobile)",
  "Application",
  "La présente loi s’applique à tout verger de 40 hectares ou plus dans la province.",
  "Le ministre peut prendre des règlements d’application de la présente loi.",
];

describe("the counterpart term a definition closes with", () => {
  for (const [text, term] of closingCases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(term)}`, () => expect(closingTerm(text)).toBe(term));
  }
});

describe("a segment opening with a term", () => {
  for (const [text, term, opens] of opensCases) {
    it(`${JSON.stringify(text)} ${opens ? "opens" : "does not open"} with ${JSON.stringify(term)}`, () => expect(opensWith(text, term)).toBe(opens));
  }
});

describe("links across the order (crossing option)", () => {
  const crossingCases: Array<{ name: string; link: string }> = [
    { name: "a definition listed fifth in English and first in French", link: "[8]:[4]" },
    { name: "a definition listed first in English and second in French", link: "[4]:[5]" },
    { name: "a definition listed last in English and third in French", link: "[9]:[6]" },
    { name: "the head of an enumerated definition", link: "[5]:[7]" },
    { name: "the first item of an enumerated definition", link: "[6]:[8]" },
    { name: "the last item of an enumerated definition, which names the counterpart", link: "[7]:[9]" },
  ];
  const links = alignSegments(segments(ENGLISH), segments(FRENCH), { crossing: true }).links;
  for (const c of crossingCases) {
    it(`links ${c.name}`, () => expect(links.map(formatLink)).toContain(c.link));
  }

  it("keeps every segment in exactly one link", () => {
    expect(coverageProblems(links, ENGLISH.length, FRENCH.length)).toEqual([]);
  });

  it("is off by default: the alignment stays monotone", () => {
    const monotone = alignSegments(segments(ENGLISH), segments(FRENCH)).links;
    expect(alignmentProblems(monotone, ENGLISH.length, FRENCH.length)).toEqual([]);
    expect(monotone.map(formatLink)).not.toContain("[8]:[4]");
  });

  it("leaves definitions alone when only one side's parenthesis names the other", () => {
    // The French entries name no English head: one-sided evidence is not enough to cross.
    const french = FRENCH.map((text) => text.replace(/ \((cart|apple)\)$/, ""));
    const oneSided = alignSegments(segments(ENGLISH), segments(french), { crossing: true }).links;
    expect(oneSided.map(formatLink)).not.toContain("[8]:[4]");
    expect(oneSided.map(formatLink)).not.toContain("[4]:[5]");
  });
});

describe("coverage of an alignment whose links may cross", () => {
  const cases: Array<[string, string, number, number, number]> = [
    ["crossing and non-contiguous links covering everything", "[0]:[1]\n[1,3]:[0]\n[2]:[2,4]\n[4]:[3]", 5, 5, 0],
    ["a segment in two links", "[0]:[0]\n[0]:[1]", 1, 2, 1],
    ["a segment in no link", "[0]:[0]", 2, 1, 1],
    ["a segment outside the document", "[0]:[0]\n[1]:[5]", 2, 1, 1],
  ];
  for (const [name, text, n, m, count] of cases) {
    it(`${name}: ${count} problem(s)`, () => expect(coverageProblems(parseLinks(text), n, m)).toHaveLength(count));
  }
});

// A long list: numbered entries in the same order in both languages, with one definition listed first in English and
// last in French, farther from where the monotone pass puts it than a narrow window would look.
const FILLER = 120;
const longEnglish = [
  "Definitions",
  "The following definitions apply in this Act.",
  "abacus means a frame with beads used for counting; (boulier)",
  ...Array.from({ length: FILLER }, (_, k) => `item ${k + 1} means the part numbered ${k + 1} of a kit of ${k + 3} parts; (pièce ${k + 1})`),
  "Application",
  "This Act applies to every workshop of 40 square metres or more.",
];
const longFrench = [
  "Définitions",
  "Les définitions qui suivent s’appliquent à la présente loi.",
  ...Array.from({ length: FILLER }, (_, k) => `pièce ${k + 1} La pièce numéro ${k + 1} d’un ensemble de ${k + 3} pièces. (item ${k + 1})`),
  "boulier Cadre à boules servant à compter. (abacus)",
  "Application",
  "La présente loi s’applique à tout atelier de 40 mètres carrés ou plus.",
];

const DEFINITIONS_EN = ["Definitions", "The following definitions apply in this Act."];
const DEFINITIONS_FR = ["Définitions", "Les définitions qui suivent s’appliquent à la présente loi."];
const LANTERN_EN = "lantern means a lamp with a case that protects its flame from the wind; (lanterne)";
const LANTERN_FR = "lanterne Lampe dont le boîtier protège la flamme du vent. (lantern)";

describe("links across the order, far and in other parentheses forms", () => {
  it("finds a counterpart farther than the monotone pass's neighbourhood", () => {
    const links = alignSegments(segments(longEnglish), segments(longFrench), { crossing: true }).links;
    expect(links.map(formatLink)).toContain(`[2]:[${FILLER + 2}]`);
    expect(coverageProblems(links, longEnglish.length, longFrench.length)).toEqual([]);
  });

  // Each case: its entry listed first in English and last in French, around one that keeps its place, so that only the
  // crossing pass can link it (two entries side by side could come out of one 2-2 link by chance).
  const alternativeCases: Array<{ name: string; english: string; french: string }> = [
    {
      name: "a parenthesis listing alternatives with commas and “ou”",
      english: "board means the persons who manage a guild of craftsmen as a body; (direction, conseil de direction ou conseil)",
      french: "conseil de direction Les personnes qui dirigent une guilde d’artisans en tant que groupe. (board)",
    },
    {
      name: "a parenthesis naming two terms joined by “et”",
      english: "holding means a share in a guild owned through an agent or a trustee; (titre véritable et détention effective)",
      french: "détention effective Part d’une guilde détenue par un mandataire ou un fiduciaire. (holding)",
    },
    {
      name: "a parenthesis longer than sixty characters",
      english: "keeper means the person who keeps the register of a guild; (gardien du registre des titres de propriété de la guilde et de ses membres)",
      french: "gardien du registre des titres de propriété de la guilde et de ses membres Personne qui tient le registre d’une guilde. (keeper)",
    },
    {
      name: "an English parenthesis naming alternatives joined by “or”",
      english: "guild means an association of craftsmen of one trade; (corporation)",
      french: "corporation Association d’artisans d’un même métier. (guild or craft guild)",
    },
  ];
  for (const c of alternativeCases) {
    it(`links ${c.name}`, () => {
      const english = [...DEFINITIONS_EN, c.english, LANTERN_EN, "zither means a flat stringed instrument played with the fingers; (cithare)"];
      const french = [...DEFINITIONS_FR, "cithare Instrument à cordes plat dont on joue avec les doigts. (zither)", LANTERN_FR, c.french];
      const links = alignSegments(segments(english), segments(french), { crossing: true }).links.map(formatLink);
      expect(links).toContain("[2]:[4]");
      expect(links).toContain("[4]:[2]");
    });
  }
});

describe("the counterpart terms a definition closes with (alternatives)", () => {
  const cases: Array<[string, string[]]> = [
    ["board means the persons …; (conseil, conseil de direction ou direction)", ["conseil, conseil de direction ou direction", "conseil", "conseil de direction", "direction"]],
    ["holding means …; (détenteur véritable et détention effective)", ["detenteur veritable et detention effective", "detenteur veritable", "detention effective"]],
    ["conseil Les personnes … (board or board of directors)", ["board or board of directors", "board", "board of directors"]],
    ["the fee set out in paragraph (1)", []],
  ];
  for (const [text, terms] of cases) it(`${JSON.stringify(text)} → ${JSON.stringify(terms)}`, () => expect(closingTerms(text)).toEqual(terms));
});
