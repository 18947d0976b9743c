import { describe, expect, it } from "vitest";
import { concordance, contextKey, sortByContext } from "./concordance";
import { wordsOf } from "./words";

const units = [
  { link: 0, en: "Requests for mutual legal assistance.", fr: "Les demandes d'entraide judiciaire." },
  { link: 1, en: "Nothing here.", fr: "Rien ici, pas même une entraide." },
  { link: 2, en: "Mutual legal assistance, again.", fr: "L’entraide judiciaire, encore, et les entraides judiciaires." },
];

describe("concordance", () => {
  it("lists every occurrence in context with the other side of its link", () => {
    expect(concordance(units, "entraide judiciaire", "fr").lines).toEqual([
      { link: 0, left: "Les demandes d'", match: "entraide judiciaire", right: ".", counterpart: "Requests for mutual legal assistance." },
      { link: 2, left: "L’", match: "entraide judiciaire", right: ", encore, et les entraides judiciaires.", counterpart: "Mutual legal assistance, again." },
      { link: 2, left: "L’entraide judiciaire, encore, et les ", match: "entraides judiciaires", right: ".", counterpart: "Mutual legal assistance, again." },
    ]);
  });

  it("matches exactly when asked", () => {
    expect(concordance(units, "entraides", "fr", { match: "exact" }).lines.map((l) => l.link)).toEqual([2]);
  });

  it("cuts a context at a whole inline code, never between its two halves", () => {
    // Each code is one character of two UTF-16 units; a cut 10 units before the match would fall inside one.
    const fr = `a\u{F0002}bbbbbbbb entraide cccccccc\u{F0003}d`;
    const [line] = concordance([{ link: 0, en: "x", fr }], "entraide", "fr", { width: 10 }).lines;
    expect(line.left).toBe("…\u{F0002}bbbbbbbb ");
    expect(line.right).toBe(" cccccccc\u{F0003}…");
  });

  it("cuts long contexts", () => {
    const {
      lines: [line],
    } = concordance([{ link: 5, en: "x", fr: `${"a ".repeat(50)}entraide${" b".repeat(50)}` }], "entraide", "fr", { width: 10 });
    expect(line.left).toBe("…a a a a a ");
    expect(line.right).toBe(" b b b b b…");
  });

  it("counts every occurrence and cuts out only the first `limit` in context", () => {
    const found = concordance(units, "entraide", "fr", { limit: 2 });
    expect(found.total).toBe(4);
    expect(found.lines.map((l) => [l.link, l.match])).toEqual([
      [0, "entraide"],
      [1, "entraide"],
    ]);
    expect(concordance(units, "entraide", "fr", { limit: 0 })).toEqual({ lines: [], total: 4 });
    expect(concordance(units, "absent", "fr")).toEqual({ lines: [], total: 0 });
  });
});

describe("sorting by context", () => {
  const hitOf = (text: string, word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
  it.each([
    { text: "la banque centrale du pays", sort: "1R", key: ["centrale", "du", "pays"] },
    { text: "la banque centrale du pays", sort: "2R", key: ["du", "pays"] },
    { text: "la banque centrale du pays", sort: "3R", key: ["pays"] },
    { text: "la banque", sort: "1R", key: [""] },
    { text: "Selon l’État, la Banque d’Angleterre", sort: "1L", key: ["la", "etat", "l"] },
    { text: "Selon l’État, la Banque d’Angleterre", sort: "2L", key: ["etat", "l", "selon"] },
    { text: "Selon l’État, la Banque d’Angleterre", sort: "1R", key: ["d", "angleterre"] },
    { text: "banque", sort: "1L", key: [""] },
    { text: "la banque centrale", sort: "document", key: [""] },
  ] as const)("$sort of “$text”", ({ text, sort, key }) => {
    const hit = hitOf(text, /banque/i.exec(text)![0]);
    expect(contextKey(wordsOf(text, "fr"), hit, sort).split("\u0000")).toEqual(key);
  });

  it("orders by the first word, then the next ones; a context that ends first comes first; ties keep the documents' order", () => {
    const texts = ["une banque de données", "la banque centrale", "Banque.", "la banque de France", "la banque centrale européenne", "la Banque centrale"];
    const items = texts.map((text, k) => ({ k, key: contextKey(wordsOf(text, "fr"), { start: text.search(/banque/i), end: text.search(/banque/i) + 6 }, "1R") }));
    expect(sortByContext(items).map((i) => texts[i.k])).toEqual([
      "Banque.",
      "la banque centrale",
      "la Banque centrale",
      "la banque centrale européenne",
      "une banque de données",
      "la banque de France",
    ]);
  });
});
