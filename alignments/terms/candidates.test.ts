import { describe, expect, it } from "vitest";
import type { Unit } from "./checks";
import { termCandidates } from "./candidates";
import { nounPhraseShape } from "./noun-phrases";

/** Links of a made-up statute: two real terms recur, in varied sentences, among words that recur as well. */
const SENTENCES: Array<[string, string]> = [
  ["A request for mutual legal assistance is sent to the central authority.", "Une demande d'entraide judiciaire est adressée à l'autorité centrale."],
  ["The central authority may refuse the request.", "L'autorité centrale peut refuser la demande."],
  ["Mutual legal assistance may be refused on grounds of public order.", "L'entraide judiciaire peut être refusée pour des motifs d'ordre public."],
  ["The Minister informs the central authority.", "Le ministre informe l'autorité centrale."],
  ["Costs of mutual legal assistance are borne by the requesting State.", "Les frais de l'entraide judiciaire sont à la charge de l'État requérant."],
  ["The court may order the seizure of the property.", "Le tribunal peut ordonner la saisie des biens."],
  ["Each central authority keeps a register.", "Chaque autorité centrale tient un registre."],
  ["Requests for mutual legal assistance are made in writing.", "Les demandes d'entraide judiciaire sont faites par écrit."],
  ["The court informs the Minister.", "Le tribunal informe le ministre."],
  ["The Minister may order the seizure.", "Le ministre peut ordonner la saisie."],
];
const units: Unit[] = SENTENCES.map(([en, fr], link) => ({ link, en, fr }));

describe("term candidates", () => {
  const found = termCandidates(units, { minLinks: 3 }).map((c) => `${c.fr} ↔ ${c.en}`);

  it("proposes the recurring phrase pairs, each with its evidence", () => {
    expect(found).toContain("entraide judiciaire ↔ mutual legal assistance");
    expect(found).toContain("autorité centrale ↔ central authority");
    const mla = termCandidates(units, { minLinks: 3 }).find((c) => c.en === "mutual legal assistance");
    expect(mla).toMatchObject({ together: 4, frLinks: 4, enLinks: 4, dice: 1, links: [0, 2, 4, 7] });
  });

  it("gives a phrase one partner, not its pieces", () => {
    expect(found.filter((c) => c.includes("legal assistance"))).toEqual(["entraide judiciaire ↔ mutual legal assistance"]);
    expect(found.some((c) => c.startsWith("judiciaire ↔"))).toBe(false);
  });

  it("leaves out what the glossary already has", () => {
    const rest = termCandidates(units, { minLinks: 3, known: [{ language: "fr", text: "autorités centrales" }] }).map((c) => c.fr);
    expect(rest).not.toContain("autorité centrale");
    expect(rest).toContain("entraide judiciaire");
  });

  it("needs phrases to recur", () => {
    expect(termCandidates(units.slice(0, 2), { minLinks: 3 })).toEqual([]);
  });
});

describe("term candidates of a term's shape", () => {
  /** A phrase pair that recurs but is no term ("manner provided"), and a court whose adjectives recur without it. */
  const drafting: Unit[] = [
    ["The warrant is executed in the manner provided by regulation.", "Le mandat est exécuté de la manière prévue par règlement."],
    ["The evidence is taken in the manner provided in the agreement.", "La preuve est recueillie de la manière prévue dans l’accord."],
    ["The order is served in the manner provided for in section 5.", "L’ordonnance est signifiée de la manière prévue à l’article 5."],
    ["The International Criminal Court may make a request.", "La Cour pénale internationale peut présenter une demande."],
    ["A request of the International Criminal Court is sent to the Minister.", "La demande de la Cour pénale internationale est transmise au ministre."],
    ["The International Criminal Court is named in the schedule.", "La Cour pénale internationale figure à l’annexe."],
    ["An international criminal tribunal named in the schedule is a state or entity.", "Un tribunal pénal international figurant à l’annexe est un État ou entité."],
    ["An international criminal tribunal may make a request.", "Une juridiction pénale internationale peut présenter une demande."],
  ].map(([en, fr], link) => ({ link, en, fr }));
  const pairsOf = (withShape: boolean) => termCandidates(drafting, { minLinks: 3, termShape: withShape ? nounPhraseShape : undefined }).map((c) => `${c.fr} ↔ ${c.en}`);

  it("proposes noun phrases only, and whole ones", () => {
    const found = pairsOf(true);
    expect(found.filter((c) => /manière prévue|manner provided/i.test(c))).toEqual([]);
    expect(found).toContain("Cour pénale internationale ↔ International Criminal Court");
    expect(found.filter((c) => /^pénale internationale/i.test(c))).toEqual([]);
  });

  it("proposes any recurring phrase without a term's shape to check", () => {
    expect(pairsOf(false).some((c) => /manière prévue ↔ manner provided/i.test(c))).toBe(true);
  });
});
