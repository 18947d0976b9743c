import { describe, expect, it } from "vitest";
import { EditRefused } from "../errors";
import { describeOperation, EDIT_OPERATION_NAMES, LINK_OPERATIONS, operationFrom, operationWindow, runOperation, type EditOperationName, type LinkOperation } from "./edit-operations";
import type { EditableLink } from "./operations";

const link = (en: number[], fr: number[]): EditableLink => ({ en, fr, status: "automatic", confidence: 0.5 });
const LINKS = [link([0], [0]), link([1, 2], [1]), link([3], [2, 3]), link([4], [4]), link([5], [5])];

describe("an operation run on its window gives what it gives on every link", () => {
  it.each<LinkOperation>([
    { name: "shift-up", link: 2, side: "en" },
    { name: "shift-up", link: 0, side: "fr" },
    { name: "shift-down", link: 1, side: "en" },
    { name: "merge", link: 3 },
    { name: "split", link: 1, sourceCount: 1, targetCount: 1 },
    { name: "confirm", link: 4 },
    { name: "unconfirm", link: 0 },
    { name: "confirm-through", link: 2 },
  ])("%o", (op) => {
    let whole: EditableLink[] | null = null;
    try {
      whole = runOperation(LINKS, op);
    } catch (error) {
      if (!(error instanceof EditRefused)) throw error;
    }
    const [from, to] = operationWindow(op);
    const run = () => runOperation(LINKS.slice(from, to), { ...op, link: op.link - from });
    if (whole === null) return expect(run).toThrow(EditRefused);
    expect([...LINKS.slice(0, from), ...run(), ...LINKS.slice(to)]).toEqual(whole);
  });
});

describe("the history's words, from recorded arguments", () => {
  it.each<[EditOperationName, Record<string, unknown>, string]>([
    ["shift-up", { link: 3, side: "fr" }, "Moved the first French segment of link 4 up"],
    ["shift-down", { link: 0, side: "en" }, "Moved the last English segment of link 1 down"],
    ["merge", { link: 4 }, "Merged links 5 and 6"],
    ["split", { link: 2, sourceCount: 1, targetCount: 0 }, "Split link 3"],
    ["confirm", { link: 0 }, "Confirmed link 1"],
    ["unconfirm", { link: 9 }, "Unconfirmed link 10"],
    ["confirm-through", { link: 6 }, "Confirmed links 1–7"],
    ["edit-segment", { side: "fr", segment: 2 }, "Corrected the text of French segment 3"],
    ["split-segment", { side: "en", segment: 0, caret: 4, from: "Bank Act" }, "Split English segment 1 in two (in the pair “Bank Act”)"],
    ["merge-segments", { side: "en", segment: 5 }, "Merged English segments 6 and 7"],
    ["undo", { label: "Merged links 1 and 2" }, "Undid: Merged links 1 and 2"],
    ["redo", {}, "Redid: a change"],
    // A record from an older Tandem, or damaged: the words still come, with nothing made up.
    ["merge", {}, "Merged links 0 and 1"],
    ["shift-up", { link: "2", side: "de" }, "Moved the first English segment of link 0 up"],
  ])("%s %o", (name, args, words) => {
    expect(describeOperation(name, args)).toBe(words);
  });
});

describe("an operation from a request", () => {
  it("takes the declared fields only", () => {
    expect(operationFrom("split", { link: 2, sourceCount: 1, targetCount: 0, version: 7, extra: "x" })).toEqual({ name: "split", link: 2, sourceCount: 1, targetCount: 0 });
    expect(operationFrom("undo", { version: 3 })).toEqual({ name: "undo" });
  });

  it.each<[EditOperationName, Record<string, unknown>]>([
    ["confirm", {}],
    ["confirm", { link: -1 }],
    ["shift-up", { link: 0, side: "de" }],
    ["edit-segment", { side: "en", segment: 0, text: 5 }],
  ])("refuses %s %o", (name, args) => {
    expect(() => operationFrom(name, args)).toThrow(EditRefused);
  });

  it("knows every operation once", () => {
    expect(new Set(EDIT_OPERATION_NAMES).size).toBe(EDIT_OPERATION_NAMES.length);
    expect(LINK_OPERATIONS).toEqual(["shift-up", "shift-down", "merge", "split", "confirm", "unconfirm", "confirm-through"]);
  });
});
