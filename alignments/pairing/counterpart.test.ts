import { describe, expect, it } from "vitest";
import { compareDocuments, proposeCounterpart, rankCounterparts } from "./counterpart";
import { COUNTERPART_CASES, LIBRARY_ENGLISH, LIBRARY_FRENCH } from "./counterpart.cases";

describe("the likely counterpart of a document", () => {
  it.each(COUNTERPART_CASES)("$name", ({ chosen, candidates, proposed, reason }) => {
    const proposal = proposeCounterpart(chosen, candidates);
    expect(proposal?.id ?? null).toBe(proposed);
    for (const words of reason ?? []) expect(proposal?.reason).toContain(words);
  });

  it("ranks every candidate, the chosen document itself left out", () => {
    const ranked = rankCounterparts(LIBRARY_ENGLISH[0], [...LIBRARY_FRENCH, LIBRARY_ENGLISH[0]]);
    expect(ranked).toHaveLength(LIBRARY_FRENCH.length);
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
  });

  it("matches each title word once", () => {
    const { evidence } = compareDocuments({ id: 1, title: "Mutual assistance", segmentCount: 1 }, { id: 2, title: "Entraide", segmentCount: 1 });
    expect(evidence.words).toEqual([["mutual", "entraide"]]);
  });

  it("says why in a sentence", () => {
    expect(proposeCounterpart(LIBRARY_ENGLISH[1], LIBRARY_FRENCH)?.reason).toBe(
      "Title words in common: universal ↔ universelle, declaration ↔ déclaration, human ↔ homme, rights ↔ droits; 92 and 91 segments.",
    );
  });
});
