import { describe, expect, it } from "vitest";
import { foldForms, formsByConcept } from "./surface-forms";

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

describe("the forms each concept was found in", () => {
  it("counts each form per concept, across texts, in the order found", () => {
    const texts = ["L'entraide judiciaire et les droits de l'homme.", "Les entraides judiciaires, l'entraide judiciaire."];
    const at = (k: number, form: string, concept: number, from = 0) => {
      const start = texts[k].indexOf(form, from);
      return { concept, start, end: start + form.length };
    };
    const forms = formsByConcept(texts, [
      [at(0, "entraide judiciaire", 1), at(0, "droits de l'homme", 2)],
      [at(1, "entraides judiciaires", 1), at(1, "entraide judiciaire", 1, 27)],
    ]);
    expect([...forms.keys()]).toEqual([1, 2]);
    expect([...forms.get(1)!]).toEqual([["entraide judiciaire", 2], ["entraides judiciaires", 1]]);
    expect([...forms.get(2)!]).toEqual([["droits de l'homme", 1]]);
  });

  it("finds nothing in texts without hits", () => {
    expect(formsByConcept(["Rien."], [[]]).size).toBe(0);
  });
});
