import { describe, expect, it } from "vitest";
import { BUILT_IN_LEXICON } from "../align/lexicon";
import type { Language } from "../languages";
import { counterpartFinder, counterpartMarks } from "./counterparts";
import type { Term } from "./match";

const GLOSSARY: Term[] = [
  { id: 1, concept: 1, language: "fr", text: "entraide judiciaire", status: "preferred", match: "inflected" },
  { id: 2, concept: 1, language: "en", text: "mutual legal assistance", status: "preferred", match: "inflected" },
  { id: 3, concept: 1, language: "en", text: "legal assistance", status: "deprecated", match: "inflected" },
  { id: 4, concept: 2, language: "en", text: "central bank", status: "preferred", match: "inflected" },
  { id: 5, concept: 2, language: "fr", text: "banque centrale", status: "preferred", match: "inflected" },
];

/** Each case: a query, the other side of its link, and what is marked there ("text:status"). */
const CASES: Array<{ name: string; query: string; language: Language; counterpart: string; marks: string[] }> = [
  { name: "a glossary term's renderings, by status", query: "entraides judiciaires", language: "fr", counterpart: "Mutual legal assistance and legal assistance.", marks: ["Mutual legal assistance:preferred", "legal assistance:deprecated"] },
  { name: "the word list where the glossary has nothing", query: "banque", language: "fr", counterpart: "The banks and the Bank.", marks: ["banks:lexicon", "Bank:lexicon"] },
  { name: "the glossary wins where both mark the same words", query: "banque centrale", language: "fr", counterpart: "A central bank, and a bank.", marks: ["central bank:preferred", "bank:lexicon"] },
  { name: "grammatical words are left out beside a content word", query: "la banque", language: "fr", counterpart: "The bank of the land.", marks: ["bank:lexicon"] },
  { name: "a grammatical word alone is looked up", query: "de", language: "fr", counterpart: "Part of the Act.", marks: ["of:lexicon"] },
  { name: "English to French", query: "banks", language: "en", counterpart: "Les banques et la banque.", marks: ["banques:lexicon", "banque:lexicon"] },
  { name: "nothing known", query: "zèbre", language: "fr", counterpart: "A zebra.", marks: [] },
];

describe("the counterpart's marks", () => {
  it.each(CASES)("$name", ({ query, language, counterpart, marks }) => {
    const finder = counterpartFinder(query, language, GLOSSARY, BUILT_IN_LEXICON);
    const found = finder ? counterpartMarks(finder, counterpart) : [];
    expect(found.map((m) => `${counterpart.slice(m.start, m.end)}:${m.status}`)).toEqual(marks);
  });
});
