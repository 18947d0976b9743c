import { describe, expect, it } from "vitest";
import { candidateEvidence } from "./candidate-evidence";
import type { Unit } from "./checks";

const UNITS = new Map<number, Unit>(
  [
    { link: 0, en: "Requests for mutual legal assistance.", fr: "Les demandes d’entraide judiciaire." },
    { link: 4, en: "The Minister may refuse mutual legal assistance requests.", fr: "Le ministre peut refuser les entraides judiciaires." },
    { link: 7, en: `${"Long words before it ".repeat(30)}mutual legal assistance.`, fr: "L'entraide judiciaire." },
  ].map((u) => [u.link, u]),
);
const CANDIDATE = { fr: "entraide judiciaire", en: "mutual legal assistance" };
const marked = (text: string, hits: ReadonlyArray<{ start: number; end: number }>) => hits.map((h) => text.slice(h.start, h.end));

/** A candidate's links as evidence: which links, and what is marked on each side. */
const CASES: ReadonlyArray<{ name: string; links: number[]; count: number; shown: number[]; fr: string[][] }> = [
  { name: "its first links, each side's term marked, inflected forms too", links: [0, 4], count: 3, shown: [0, 4], fr: [["entraide judiciaire"], ["entraides judiciaires"]] },
  { name: "no more than asked", links: [0, 4, 7], count: 2, shown: [0, 4], fr: [["entraide judiciaire"], ["entraides judiciaires"]] },
  { name: "a link not among the units is left out", links: [3, 4], count: 3, shown: [4], fr: [["entraides judiciaires"]] },
];

describe("a term candidate's evidence", () => {
  it.each(CASES)("$name", ({ links, count, shown, fr }) => {
    const evidence = candidateEvidence({ ...CANDIDATE, links }, UNITS, count);
    expect(evidence.map((e) => e.link)).toEqual(shown);
    expect(evidence.map((e) => marked(e.fr, e.frHits))).toEqual(fr);
    expect(evidence.every((e) => marked(e.en, e.enHits).every((t) => t.toLowerCase() === "mutual legal assistance"))).toBe(true);
    expect(evidence.flatMap((e) => [...e.enHits, ...e.frHits]).every((h) => h.status === "candidate")).toBe(true);
  });

  it("cuts a long side around the term, the mark following the cut", () => {
    const [evidence] = candidateEvidence({ ...CANDIDATE, links: [7] }, UNITS, 1);
    expect(evidence.en.startsWith("…")).toBe(true);
    expect(marked(evidence.en, evidence.enHits)).toEqual(["mutual legal assistance"]);
  });
});
