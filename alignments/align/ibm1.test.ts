import { describe, expect, it } from "vitest";
import { trainModel1 } from "./ibm1";

/**
 * Sentence pairs built from six subjects, six verbs and six objects: every word is met in varied company
 * (and in a sixth of the sentences, under the fifth above which the model leaves a word to the lexicon).
 */
const SUBJECTS = [["court", "tribunal"], ["minister", "ministre"], ["judge", "juge"], ["applicant", "demandeur"], ["officer", "agent"], ["state", "état"]];
const VERBS = [["refuses", "refuse"], ["sends", "transmet"], ["orders", "ordonne"], ["receives", "reçoit"], ["signs", "signe"], ["examines", "examine"]];
const OBJECTS = [["seizure", "saisie"], ["request", "demande"], ["warrant", "mandat"], ["evidence", "preuve"], ["record", "document"], ["report", "rapport"]];
const PAIRS: Array<[string, string]> = SUBJECTS.flatMap(([se, sf]) =>
  VERBS.flatMap(([ve, vf]) => OBJECTS.map(([oe, of]): [string, string] => [`the ${se} ${ve} the ${oe}`, `le ${sf} ${vf} la ${of}`])),
);
const split = (pairs: Array<[string, string]>) => pairs.map(([en, fr]) => [en.split(" "), fr.split(" ")] as [string[], string[]]);
const has = (entries: Array<{ en: string; fr: string }>, en: string, fr: string) => entries.some((e) => e.en === en && e.fr === fr);

describe("IBM Model 1", () => {
  const entries = trainModel1(split(PAIRS));

  it.each([
    ["court", "tribunal"],
    ["minister", "ministre"],
    ["judge", "juge"],
    ["seizure", "saisie"],
    ["request", "demande"],
    ["refuses", "refuse"],
    ["receives", "reçoit"],
  ])("learns %s ↔ %s", (en, fr) => {
    expect(has(entries, en, fr)).toBe(true);
  });

  it("does not pair words that only share sentences by accident", () => {
    expect(has(entries, "court", "saisie")).toBe(false);
    expect(has(entries, "judge", "ministre")).toBe(false);
    expect(entries.length).toBe(SUBJECTS.length + VERBS.length + OBJECTS.length);
  });

  it("learns nothing from nothing", () => {
    expect(trainModel1([])).toEqual([]);
  });

  it("is deterministic", () => {
    expect(trainModel1(split(PAIRS))).toEqual(trainModel1(split(PAIRS)));
  });
});
