import { describe, expect, it } from "vitest";
import type { Language } from "../languages";
import { compileTerms, findTerms, hitParts, type MatchMode, type Term, type TermStatus } from "./match";
import { englishStem, frenchStem } from "./words";

let nextId = 1;
const term = (concept: number, language: Language, text: string, match: MatchMode = "inflected", status: TermStatus = "preferred"): Term => ({
  id: nextId++,
  concept,
  language,
  text,
  status,
  match,
});

const GLOSSARY: Term[] = [
  term(1, "fr", "entraide judiciaire"),
  term(1, "en", "mutual legal assistance"),
  term(2, "en", "legal assistance"),
  term(3, "fr", "preuve électronique"),
  term(3, "en", "electronic evidence"),
  term(4, "en", "capacity-building"),
  term(4, "fr", "renforcement des capacités"),
  term(5, "en", "east"),
  term(6, "en", "State Party"),
  term(7, "fr", "droits de l'homme"),
  term(8, "fr", "fournisseur d'accès à Internet"),
  term(9, "en", "ICT", "exact"),
  term(10, "fr", "Convention de Budapest", "exact"),
  term(11, "fr", "autorité centrale"),
  term(12, "fr", "cyberespace"),
];

const found = (language: Language, text: string) =>
  findTerms(compileTerms(GLOSSARY, language), text).map((hit) => `${hit.concept}:${text.slice(hit.start, hit.end)}`);

describe("terms in running text", () => {
  it.each([
    // French: elision, plural and feminine forms, accents and case, apostrophe variants
    { language: "fr", text: "Les demandes d'entraide judiciaire sont transmises.", hits: ["1:entraide judiciaire"] },
    { language: "fr", text: "L’entraide judiciaire est accordée.", hits: ["1:entraide judiciaire"] },
    { language: "fr", text: "en matière d'entraides judiciaires", hits: ["1:entraides judiciaires"] },
    { language: "fr", text: "les preuves électroniques recueillies", hits: ["3:preuves électroniques"] },
    { language: "fr", text: "LES PREUVES ELECTRONIQUES", hits: ["3:PREUVES ELECTRONIQUES"] },
    { language: "fr", text: "le respect des droits de l’homme", hits: ["7:droits de l’homme"] },
    { language: "fr", text: "les fournisseurs d’accès à Internet", hits: ["8:fournisseurs d’accès à Internet"] },
    { language: "fr", text: "les autorités centrales désignées", hits: ["11:autorités centrales"] },
    { language: "fr", text: "le renforcement des capacités techniques", hits: ["4:renforcement des capacités"] },
    // English: plural and possessive forms, hyphenation, case
    { language: "en", text: "requests for mutual legal assistance", hits: ["1:mutual legal assistance"] },
    { language: "en", text: "Electronic Evidence and electronic evidences", hits: ["3:Electronic Evidence", "3:electronic evidences"] },
    { language: "en", text: "capacity building and capacity-building", hits: ["4:capacity building", "4:capacity-building"] },
    { language: "en", text: "each State Party's central authority and all States Parties", hits: ["6:State Party's", "6:States Parties"] },
    // whole words only, and the longer term wins over the shorter one inside it
    { language: "en", text: "Easter in the east", hits: ["5:east"] },
    { language: "en", text: "legal assistance, not mutual legal assistance", hits: ["2:legal assistance", "1:mutual legal assistance"] },
    // exact terms: only case may differ
    { language: "en", text: "ICT and ict, not ICTs", hits: ["9:ICT", "9:ict"] },
    { language: "fr", text: "la Convention de Budapest, les conventions de Budapest", hits: ["10:Convention de Budapest"] },
    // nothing where nothing is
    { language: "fr", text: "Le cyberespacement n'est pas un mot.", hits: [] },
    { language: "fr", text: "", hits: [] },
  ] as Array<{ language: Language; text: string; hits: string[] }>)("$language: $text", ({ language, text, hits }) => {
    expect(found(language, text)).toEqual(hits);
  });

  it("reports character offsets into the original text", () => {
    const text = "Voir l'entraide judiciaire.";
    const [hit] = findTerms(compileTerms(GLOSSARY, "fr"), text);
    expect(text.slice(hit.start, hit.end)).toBe("entraide judiciaire");
    expect(hit.start).toBe(7);
  });
});

const LOOSE: Term[] = [
  term(20, "fr", "droits de l'homme", "gapped"),
  term(20, "en", "human rights", "gapped"),
  term(21, "en", "search and seizure", "unordered"),
  term(22, "fr", "preuve électronique", "gapped"),
  term(23, "fr", "droits fondamentaux"),
  term(24, "fr", "cyberespace", "gapped"),
  term(25, "en", "traffic data", "unordered"),
];

/** Each hit as its concept and the words matched, joined by "+" when other words came between them. */
const foundLoose = (language: Language, text: string) =>
  findTerms(compileTerms(LOOSE, language), text).map((hit) => `${hit.concept}:${hitParts(hit).map((p) => text.slice(p.start, p.end)).join("+")}`);

describe("terms whose words may be interrupted or reordered", () => {
  it.each([
    // gapped: in order, with up to two other words among the term's
    { language: "fr", text: "les droits fondamentaux de l'homme", hits: ["20:droits+de+l+homme"] },
    { language: "fr", text: "les droits de l’homme", hits: ["20:droits de l’homme"] },
    { language: "fr", text: "les droits fondamentaux universels de l'homme", hits: ["20:droits+de+l+homme"] },
    // three words between are too many
    { language: "fr", text: "les droits naturels et imprescriptibles de l'homme", hits: [] },
    { language: "en", text: "fundamental human rights", hits: ["20:human rights"] },
    { language: "en", text: "human and civil rights", hits: ["20:human+rights"] },
    { language: "en", text: "rights of the human", hits: [] },
    { language: "fr", text: "des preuves purement électroniques", hits: ["22:preuves+électroniques"] },
    // only words that may be adjectives fill a gap: not a verb, a word that opens a clause, nor punctuation
    { language: "en", text: "every human being has rights", hits: [] },
    { language: "en", text: "every human whose rights were denied", hits: [] },
    { language: "en", text: "to every human being, rights and freedoms", hits: [] },
    { language: "fr", text: "la preuve est électronique", hits: [] },
    { language: "fr", text: "la preuve qu'électronique", hits: [] },
    { language: "fr", text: "les droits reconnus de l'homme", hits: ["20:droits+de+l+homme"] },
    // the term with more words wins over a shorter one inside its stretch ("droits fondamentaux" above); alone, it is found
    { language: "fr", text: "droits fondamentaux", hits: ["23:droits fondamentaux"] },
    // a one-word term has nothing to interrupt: it matches as an inflected one
    { language: "fr", text: "le cyberespace et les cyberespaces", hits: ["24:cyberespace", "24:cyberespaces"] },
    // unordered: any order within the term's words plus two
    { language: "en", text: "powers of seizure and search", hits: ["21:seizure and search"] },
    { language: "en", text: "search and seizure", hits: ["21:search and seizure"] },
    { language: "en", text: "data on the traffic", hits: ["25:data+traffic"] },
    { language: "en", text: "a search that, much later, led to a seizure", hits: [] },
  ] as Array<{ language: Language; text: string; hits: string[] }>)("$language: $text", ({ language, text, hits }) => {
    expect(foundLoose(language, text)).toEqual(hits);
  });

  it("keeps the old behaviour for the existing match values", () => {
    // "droits de l'homme" (inflected, concept 7) is not found with a word inside it.
    expect(found("fr", "les droits fondamentaux de l'homme")).toEqual([]);
    expect(found("fr", "les droits de l'homme")).toEqual(["7:droits de l'homme"]);
  });

  it("gives the stretch from the first word matched to the last, and the words matched", () => {
    const text = "Les droits fondamentaux de l'homme.";
    const [hit] = findTerms(compileTerms(LOOSE, "fr"), text);
    expect(text.slice(hit.start, hit.end)).toBe("droits fondamentaux de l'homme");
    expect(hit.parts?.map((p) => text.slice(p.start, p.end))).toEqual(["droits", "de", "l", "homme"]);
  });
});

describe("stems", () => {
  it.each([
    ["judiciaires", "judiciair"],
    ["judiciaire", "judiciair"],
    ["électroniques", "électroniqu"],
    ["internationaux", "international"],
    ["international", "international"],
    ["données", "donné"],
    ["donnée", "donné"],
    ["états", "état"],
    ["mot", "mot"],
  ])("French %s → %s", (word, stem) => {
    expect(frenchStem(word)).toBe(stem);
  });

  it.each([
    ["parties", "party"],
    ["party", "party"],
    ["states", "state"],
    ["processes", "process"],
    ["process", "process"],
    ["analysis", "analysis"],
    ["status", "status"],
    ["isps", "isp"],
  ])("English %s → %s", (word, stem) => {
    expect(englishStem(word)).toBe(stem);
  });
});
