import { describe, expect, it } from "vitest";
import { foldForms } from "./surface-forms";

const CASES: ReadonlyArray<{ name: string; forms: Array<[string, number]>; folded: Array<{ text: string; count: number }> }> = [
  { name: "forms differing in case are one, written as seen most often", forms: [["Entraide judiciaire", 1], ["entraide judiciaire", 3]], folded: [{ text: "entraide judiciaire", count: 4 }] },
  { name: "the first seen wins a tie", forms: [["État", 2], ["état", 2]], folded: [{ text: "État", count: 4 }] },
  { name: "other forms stay apart, the most frequent first", forms: [["entraide", 1], ["entraides", 5]], folded: [{ text: "entraides", count: 5 }, { text: "entraide", count: 1 }] },
  { name: "nothing found", forms: [], folded: [] },
];

describe("a term's surface forms, counted", () => {
  it.each(CASES)("$name", ({ forms, folded }) => {
    expect(foldForms(new Map(forms))).toEqual(folded);
  });
});
