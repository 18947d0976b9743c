import { describe, expect, it } from "vitest";
import { alignSegments, confidenceOf, looksLikeHeading, type AlignSegment } from "./aligner";
import { PERSON_CONFIDENCE } from "./operations";
import { alignmentProblems, formatLink } from "./links";

/** A small bitext written for these tests: English originals and French translations, sentence by sentence. */
const PAIRS: Array<[string, string]> = [
  ["Mutual legal assistance in criminal matters", "Entraide juridique en matière pénale"],
  ["The central authority of each State Party shall receive requests for mutual legal assistance.", "L'autorité centrale de chaque État partie reçoit les demandes d'entraide judiciaire."],
  ["Requests shall be made in writing and shall be transmitted without delay.", "Les demandes sont faites par écrit et sont transmises sans délai."],
  ["Each State Party shall designate a point of contact available 24 hours a day, seven days a week.", "Chaque État partie désigne un point de contact joignable 24 heures sur 24, sept jours sur sept."],
  ["The Budapest Convention was opened for signature on 23 November 2001.", "La Convention de Budapest a été ouverte à la signature le 23 novembre 2001."],
  ["Electronic evidence must be preserved quickly.", "Les preuves électroniques doivent être conservées rapidement."],
  ["Internet service providers shall cooperate with the competent authorities.", "Les fournisseurs d'accès à Internet coopèrent avec les autorités compétentes."],
  ["Joint investigation teams may be established by agreement.", "Des équipes d'enquête conjointes peuvent être créées d'un commun accord."],
  ["Capacity-building and technical assistance are essential for developing countries.", "Le renforcement des capacités et l'assistance technique sont essentiels pour les pays en développement."],
  ["The resolution 74/247 of the General Assembly was adopted on 27 December 2019.", "La résolution 74/247 de l'Assemblée générale a été adoptée le 27 décembre 2019."],
  ["Civil society must be consulted at every stage.", "La société civile doit être consultée à chaque étape."],
  ["Money laundering and the financing of terrorism are serious offences.", "Le blanchiment d'argent et le financement du terrorisme sont des infractions graves."],
  ["INTERPOL channels allow rapid police cooperation.", "Les canaux d'INTERPOL permettent une coopération policière rapide."],
  ["The new convention should not duplicate existing instruments.", "La nouvelle convention ne devrait pas faire double emploi avec les instruments existants."],
];

const segments = (texts: string[]): AlignSegment[] => texts.map((text) => ({ text }));
const english = PAIRS.map(([en]) => en);
const french = PAIRS.map(([, fr]) => fr);
const linksOf = (en: AlignSegment[], fr: AlignSegment[], options = {}) =>
  alignSegments(en, fr, options).links.map(formatLink);

describe("sentence alignment", () => {
  it("pairs a parallel text one to one", () => {
    expect(linksOf(segments(english), segments(french))).toEqual(PAIRS.map((_, k) => `[${k}]:[${k}]`));
  });

  it("makes a 2-1 link where the translator joined two sentences", () => {
    const fr = [...french];
    fr.splice(2, 2, `${french[2].replace(/\.$/, "")} ; ${french[3].charAt(0).toLowerCase()}${french[3].slice(1)}`);
    const links = linksOf(segments(english), segments(fr));
    expect(links).toContain("[2,3]:[2]");
    expect(links).toContain("[4]:[3]");
  });

  it("makes a 1-2 link where the translator split a sentence", () => {
    const fr = [...french];
    fr.splice(4, 1, "La Convention de Budapest a été ouverte à la signature.", "C'était le 23 novembre 2001.");
    expect(linksOf(segments(english), segments(fr))).toContain("[4]:[4,5]");
  });

  it("leaves a sentence the translator dropped without a counterpart", () => {
    const fr = french.filter((_, k) => k !== 6);
    const links = linksOf(segments(english), segments(fr));
    expect(links).toContain("[6]:[]");
    expect(links).toContain("[7]:[6]");
  });

  it("leaves a sentence the translator added without a counterpart", () => {
    const fr = [...french];
    fr.splice(5, 0, "Note du traducteur : cette phrase n'existe pas dans l'original anglais, elle est ajoutée ici.");
    expect(linksOf(segments(english), segments(fr))).toContain("[]:[5]");
  });

  it("keeps headings with headings and notes with notes", () => {
    const en: AlignSegment[] = [
      { text: "Protecting victims", kind: "heading", paragraph: 0 },
      { text: english[1], kind: "body", paragraph: 1 },
      { text: english[2], kind: "body", paragraph: 1 },
      { text: "See resolution 74/247.", kind: "note", paragraph: 2 },
    ];
    const fr: AlignSegment[] = [
      { text: "Protéger les victimes", kind: "heading", paragraph: 0 },
      { text: french[1], kind: "body", paragraph: 1 },
      { text: french[2], kind: "body", paragraph: 1 },
      { text: "Voir la résolution 74/247.", kind: "note", paragraph: 2 },
    ];
    expect(linksOf(en, fr)).toEqual(["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]"]);
  });

  it("costs a join of a heading-like line with the line after it, on plain lines", () => {
    const en = ["Schedule III may be amended by order of the Governor in Council.", "Limits on the membership of a federal credit union and on voting", "A union must have five members.", "The bank changes its name.", "Membership shares non-assessable", "Membership shares issued by a federal credit union are non-assessable."];
    const fr = ["L'annexe III peut être modifiée par décret du gouverneur en conseil.", "Membres et vote", "La coopérative de crédit fédérale doit s'assurer d'avoir en tout temps au moins cinq membres, chacun ayant une voix.", "La banque change de dénomination.", "Limite de responsabilité", "L'émission d'une part sociale est libératoire."];
    // Lengths alone favour joining each heading with its body; a high enough cost keeps them apart.
    expect(linksOf(segments(en), segments(fr), { weights: { heading: 0 } })).toContain("[1,2]:[1,2]");
    expect(linksOf(segments(en), segments(fr), { weights: { heading: 20 } })).toEqual(["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]", "[4]:[4]", "[5]:[5]"]);
  });

  it.each([
    { line: "Amending Schedule III", heading: true },
    { line: "Définitions", heading: true },
    { line: "CHAPITRE II", heading: true },
    { line: "12 Powers of the Minister (continued)", heading: true },
    { line: "Schedule III shall be amended accordingly where", heading: true }, // a lead-in line: short, open, capitalised
    { line: "The bank changes its name.", heading: false },
    { line: "Les modifications sont effectuées dans les cas suivants :", heading: false },
    { line: "controls another foreign bank, or", heading: false },
    { line: "« Tu viens ? »", heading: false },
    { line: "", heading: false },
  ])("reads $line as a heading: $heading", ({ line, heading }) => {
    expect(looksLikeHeading(line)).toBe(heading);
  });

  it("realigns only around links a person fixed, keeping them in place", () => {
    // A deliberately odd fixed link: 3 with 4. Everything else is aligned around it.
    const fixed = [{ en: [3], fr: [4] }];
    const links = alignSegments(segments(english), segments(french), { fixed }).links;
    expect(links.map(formatLink)).toContain("[3]:[4]");
    expect(links.find((l) => formatLink(l) === "[3]:[4]")?.confidence).toBe(1);
    expect(links.map(formatLink).slice(0, 3)).toEqual(["[0]:[0]", "[1]:[1]", "[2]:[2]"]);
    expect(links.map(formatLink)).toContain("[9]:[9]");
    expect(alignmentProblems(links, english.length, french.length)).toEqual([]);
  });

  it("gives confident links on a translation and doubtful ones on unrelated text", () => {
    const good = alignSegments(segments(english), segments(french));
    expect(good.support).toBeGreaterThan(0.8);
    const unrelated = [
      "Il était une fois une petite fille que tout le monde aimait bien.",
      "Sa grand-mère lui avait donné un petit chaperon de velours rouge.",
      "Un jour, sa mère lui dit : viens, voici un morceau de galette.",
      "Le loup la rencontra dans le bois et lui demanda où elle allait.",
      "Elle lui répondit qu'elle allait chez sa grand-mère.",
      "Le loup courut plus vite et arriva le premier à la maison.",
      "Il frappa à la porte et entra sans dire un mot.",
      "La petite fille cueillait des fleurs et ne se pressait pas.",
      "Quand elle arriva, la porte était ouverte et la maison silencieuse.",
      "Le chasseur passait par là et entendit un grand bruit.",
      "Il entra et trouva le loup endormi dans le lit.",
      "Tout finit bien pour la petite fille et sa grand-mère.",
    ];
    const bad = alignSegments(segments(english), segments(unrelated));
    expect(bad.support).toBeLessThan(0.35);
    expect(alignmentProblems(bad.links, english.length, unrelated.length)).toEqual([]);
  });

  it("is deterministic", () => {
    expect(linksOf(segments(english), segments(french))).toEqual(linksOf(segments(english), segments(french)));
  });
});

describe("bad input still gives a valid alignment", () => {
  it.each([
    { name: "both documents empty", en: [], fr: [] },
    { name: "an empty English document", en: [], fr: french },
    { name: "an empty French document", en: english, fr: [] },
    { name: "two documents in the same language", en: french, fr: french.slice().reverse() },
    { name: "a summary against the full text", en: english.slice(0, 2), fr: [...french, ...french, ...french] },
    { name: "empty segments", en: ["", ...english, ""], fr: ["", "", ...french] },
  ])("$name", ({ en, fr }) => {
    const { links } = alignSegments(segments(en), segments(fr));
    expect(alignmentProblems(links, en.length, fr.length)).toEqual([]);
    for (const link of links) expect(link.confidence).toBeGreaterThanOrEqual(0);
  });

  it("aligns long documents with every segment in exactly one link", () => {
    // 3,000 segments a side, built from the bitext with numbered sentences so that every one is distinct.
    const n = 3000;
    const en = Array.from({ length: n }, (_, k) => ({ text: `${english[k % english.length]} (${k})` }));
    const fr = Array.from({ length: n }, (_, k) => ({ text: `${french[k % french.length]} (${k})` }));
    const { links } = alignSegments(en, fr);
    expect(alignmentProblems(links, n, n)).toEqual([]);
    const exact = links.filter((l) => l.en.length === 1 && l.fr.length === 1 && l.en[0] === l.fr[0]).length;
    expect(exact / n).toBeGreaterThan(0.99);
  });
});

describe("the aligner's confidence", () => {
  // The editor shows "by a person" for a link at PERSON_CONFIDENCE: the aligner must never reach it.
  it.each([
    { name: "a 1-1 link with all the evidence it could have", evidence: { coverage: 1, length: 0, margin: 1000 }, a: 1, b: 1 },
    { name: "a 2-1 link with all the evidence it could have", evidence: { coverage: 1, length: 0, margin: 1000 }, a: 2, b: 1 },
  ])("stays below a person's: $name", ({ evidence, a, b }) => {
    expect(confidenceOf(evidence, a, b)).toBeLessThan(PERSON_CONFIDENCE);
  });
});
