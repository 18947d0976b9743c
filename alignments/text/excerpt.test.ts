import { describe, expect, it } from "vitest";
import { excerpt, type Mark } from "./excerpt";

const words = (n: number) => Array.from({ length: n }, (_, k) => `word${k}`).join(" ");
const mark = (text: string, needle: string): Mark => {
  const start = text.indexOf(needle);
  return { start, end: start + needle.length, status: "preferred" };
};

const LONG = `${words(40)} mutual legal assistance ${words(40)}`;

const CASES: ReadonlyArray<{ name: string; text: string; marks: Mark[]; max?: number; text_: string | RegExp; marked: string[] }> = [
  { name: "a short text stays whole, its marks as they are", text: "The Minister of Justice.", marks: [mark("The Minister of Justice.", "Minister")], text_: "The Minister of Justice.", marked: ["Minister"] },
  { name: "a long text is cut around its first mark, at spaces, with … both ends", text: LONG, marks: [mark(LONG, "mutual legal assistance")], max: 80, text_: /^…word\d+ .* mutual legal assistance .* word\d+…$/, marked: ["mutual legal assistance"] },
  { name: "a long text without marks keeps its beginning", text: LONG, marks: [], max: 60, text_: /^word0 word1 .*…$/, marked: [] },
  { name: "a mark near the end: no … at the end", text: `${words(60)} the end`, marks: [mark(`${words(60)} the end`, "end")], max: 50, text_: /^….* the end$/, marked: ["end"] },
];

describe("a long text cut around what matters in it", () => {
  it.each(CASES)("$name", ({ text, marks, max, text_, marked }) => {
    const cut = excerpt(text, marks, max);
    if (typeof text_ === "string") expect(cut.text).toBe(text_);
    else expect(cut.text).toMatch(text_);
    expect(cut.text.length).toBeLessThanOrEqual((max ?? 320) + 2);
    // The marks follow the text: each still covers the words it marked.
    expect(cut.marks.map((m) => cut.text.slice(m.start, m.end))).toEqual(marked);
  });

  it("leaves out a mark the cut does not keep whole", () => {
    const text = `${words(10)} first ${words(80)} second`;
    const cut = excerpt(text, [mark(text, "first"), mark(text, "second")], 60);
    expect(cut.marks.map((m) => cut.text.slice(m.start, m.end))).toEqual(["first"]);
  });
});
