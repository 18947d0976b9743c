import { describe, expect, it } from "vitest";
import { freedictLexicon, freedictTranslations } from "./freedict";

/** Entries as FreeDict's packages write them (English–Spanish, French–English, German–French). */
const cases: Array<[string, string, string, string[]]> = [
  ["one translation", "brain", "brain /brein/\ncerebro\n", ["cerebro"]],
  ["several, comma-separated", "bowl", "bowl /boul/\nfuente, pelvis\n", ["fuente", "pelvis"]],
  ["numbered senses", "box", "box /bɔks/\n1. arca, caja\n2. estuche, jarro, olla\n", ["arca", "caja", "estuche", "jarro", "olla"]],
  ["part of speech and gender left out", "amas", "amas /ama/ <n, fem>\naccumulation, crowd\n", ["accumulation", "crowd"]],
  ["a definition in the headword's language left out", "Afterkind", "Afterkind /ˈaftɐˌkɪnt/ <n, neut>\nbâtard, enfant illégitime\nuneheliches Kind, das nicht aus der Ehe stammt\n", ["bâtard", "enfant illégitime"]],
  ["the next sense's number at the end of a line", "meter", "meter /meːtɐ/ <suffix>\nmètre 2.\nnachgestelltes Wortbildungselement für messende Geräte\n", ["mètre"]],
  ["a parenthesised note left out", "bank", "bank /bæŋk/\nbanque (finance), rive\n", ["banque", "rive"]],
];

describe("FreeDict entries", () => {
  it.each(cases)("%s", (_, headword, body, translations) => expect(freedictTranslations({ headword, body })).toEqual(translations));

  it("gives word pairs with the headword first or second, each once", () => {
    const entries = [
      { headword: "box", body: "box /bɔks/\n1. caja\n2. caja, arca\n" },
      { headword: "human rights", body: "human rights /…/\nderechos humanos\n" },
    ];
    expect(freedictLexicon(entries, true)).toEqual([
      { en: "box", fr: "caja" },
      { en: "box", fr: "arca" },
      { en: "human", fr: "derechos" },
      { en: "rights", fr: "humanos" },
    ]);
    expect(freedictLexicon(entries.slice(0, 1), false)).toEqual([
      { en: "caja", fr: "box" },
      { en: "arca", fr: "box" },
    ]);
  });
});
