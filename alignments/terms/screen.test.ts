import { describe, expect, it } from "vitest";
import type { Term } from "./match";
import { needlesOf, screenedHits, screenedMatcher } from "./screen";

const term = (id: number, language: "fr" | "en", text: string, match: Term["match"] = "inflected"): Term => ({ id, concept: id, language, text, status: "preferred", match });

/** Texts a term's needles let through to the matcher, or spare it; what is let through is matched as the glossary matches. */
const CASES: ReadonlyArray<{ name: string; term: Term; text: string; found: string[] }> = [
  { name: "an inflected French term in its plural", term: term(1, "fr", "entraide judiciaire"), text: "Les demandes d’entraides judiciaires.", found: ["entraides judiciaires"] },
  { name: "-aux against -al: the stem less two letters is inside the word", term: term(2, "fr", "tribunal pénal"), text: "Les tribunaux pénaux internationaux.", found: ["tribunaux pénaux"] },
  { name: "-ies against -y", term: term(3, "en", "party"), text: "The Parties agree.", found: ["Parties"] },
  { name: "accents and case folded", term: term(4, "fr", "État partie"), text: "CHAQUE ETAT PARTIE", found: ["ETAT PARTIE"] },
  { name: "one word of the term missing: not matched at all", term: term(5, "en", "mutual legal assistance"), text: "Mutual assistance.", found: [] },
  { name: "an exact term needs its exact words", term: term(6, "en", "Minister", "exact"), text: "The ministers.", found: [] },
];

describe("terms screened by their needles before matching", () => {
  it.each(CASES)("$name", ({ term, text, found }) => {
    const side = screenedMatcher([term, { ...term, id: 99, language: term.language === "fr" ? "en" : "fr" }], term.language);
    expect(screenedHits(side, text).map((h) => text.slice(h.start, h.end))).toEqual(found);
  });

  it("gives every word of a term a needle", () => {
    expect(needlesOf([term(1, "en", "mutual legal assistance")])[0]).toHaveLength(3);
    expect(needlesOf([term(1, "fr", "Ministre", "exact")])).toEqual([["ministre"]]);
  });

  it("matches nothing without terms of the language, or in an empty text", () => {
    expect(screenedHits(screenedMatcher([term(1, "fr", "entraide")], "en"), "entraide")).toEqual([]);
    expect(screenedHits(screenedMatcher([term(1, "fr", "entraide")], "fr"), "")).toEqual([]);
  });
});
