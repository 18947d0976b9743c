import { describe, expect, it } from "vitest";
import type { Language } from "../languages";
import { nounPhraseShape } from "./noun-phrases";

/** A phrase in its sentence, as candidates ask: [language, sentence, phrase, is it a term's shape]. */
const CASES: Array<[Language, string, string, boolean]> = [
  ["en", "A warrant may be executed in the manner provided for by the Criminal Code.", "manner provided", false],
  ["en", "A request for mutual legal assistance is sent to the Minister.", "mutual legal assistance", true],
  ["en", "The International Criminal Court may make a request.", "International Criminal Court", true],
  ["en", "The bank shall keep its registered office in Canada.", "registered office", true],
  ["en", "The judge considers it desirable to make an order.", "considers it desirable", false],
  ["en", "The Minister may refuse the request.", "Minister may refuse", false],
  ["fr", "La Cour pénale internationale peut présenter une demande.", "pénale internationale", false],
  ["fr", "La Cour pénale internationale peut présenter une demande.", "Cour pénale internationale", true],
  ["fr", "Une demande d’entraide juridique est présentée au ministre.", "entraide juridique", true],
  ["fr", "Le renforcement des capacités est essentiel.", "renforcement des capacités", true],
  ["fr", "La demande peut être refusée par le ministre.", "peut être refusée", false],
  ["fr", "Le juge estime indiquées les modalités de l’ordonnance.", "estime indiquées", false],
];

describe("noun phrases: the shape of a term", () => {
  it.each(CASES)("%s: “%s” → “%s” is %s", (language, text, phrase, expected) => {
    const start = text.indexOf(phrase);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(nounPhraseShape(language, text, start, start + phrase.length)).toBe(expected);
  });
});
