import { describe, expect, it } from "vitest";
import { concordance } from "./concordance";

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
