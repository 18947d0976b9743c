import { describe, expect, it } from "vitest";
import { alignmentProblems, formatLink, parseLinks } from "./links";
import {
  afterSegmentMerge,
  afterSegmentSplit,
  confirmedLinks,
  confirmThrough,
  EditRefused,
  mergeWithNext,
  setStatus,
  shiftDown,
  shiftUp,
  split,
  type EditableLink,
} from "./operations";

/** Links from the `[0]:[0]` format, all automatic; confirmed ones marked with a trailing "!". */
function links(text: string): EditableLink[] {
  return text.split("\n").map((line) => {
    const [link] = parseLinks(line.replace("!", ""));
    return { ...link, status: line.endsWith("!") ? "confirmed" : "automatic", confidence: 0.9 };
  });
}
const show = (ls: EditableLink[]) => ls.map((l) => formatLink(l) + (l.status === "confirmed" ? "!" : ""));

const START = "[0]:[0]\n[1,2]:[1]\n[3]:[2,3]\n[4]:[]\n[]:[4]";

describe("link operations", () => {
  it.each([
    { name: "shift an English segment up", run: (l: EditableLink[]) => shiftUp(l, 1, "en"), result: ["[0,1]:[0]", "[2]:[1]", "[3]:[2,3]", "[4]:[]", "[]:[4]"] },
    { name: "shift a French segment up", run: (l: EditableLink[]) => shiftUp(l, 2, "fr"), result: ["[0]:[0]", "[1,2]:[1,2]", "[3]:[3]", "[4]:[]", "[]:[4]"] },
    { name: "shift the last English segment down", run: (l: EditableLink[]) => shiftDown(l, 1, "en"), result: ["[0]:[0]", "[1]:[1]", "[2,3]:[2,3]", "[4]:[]", "[]:[4]"] },
    { name: "shift down empties a side into a 0-1 link", run: (l: EditableLink[]) => shiftDown(l, 0, "en"), result: ["[]:[0]", "[0,1,2]:[1]", "[3]:[2,3]", "[4]:[]", "[]:[4]"] },
    { name: "shift up removes a link left empty", run: (l: EditableLink[]) => shiftUp(l, 4, "fr"), result: ["[0]:[0]", "[1,2]:[1]", "[3]:[2,3]", "[4]:[4]"] },
    { name: "merge with the next link", run: (l: EditableLink[]) => mergeWithNext(l, 3), result: ["[0]:[0]", "[1,2]:[1]", "[3]:[2,3]", "[4]:[4]"] },
    { name: "split a 2-1 into 1-1 and 1-0", run: (l: EditableLink[]) => split(l, 1, 1, 1), result: ["[0]:[0]", "[1]:[1]", "[2]:[]", "[3]:[2,3]", "[4]:[]", "[]:[4]"] },
    { name: "split a 1-2 into 1-1 and 0-1 (insert an empty counterpart)", run: (l: EditableLink[]) => split(l, 2, 1, 1), result: ["[0]:[0]", "[1,2]:[1]", "[3]:[2]", "[]:[3]", "[4]:[]", "[]:[4]"] },
    { name: "split an English segment at the caret", run: (l: EditableLink[]) => afterSegmentSplit(l, "en", 1), result: ["[0]:[0]", "[1,2,3]:[1]", "[4]:[2,3]", "[5]:[]", "[]:[4]"] },
    { name: "merge two French segments of one link", run: (l: EditableLink[]) => afterSegmentMerge(l, "fr", 2), result: ["[0]:[0]", "[1,2]:[1]", "[3]:[2]", "[4]:[]", "[]:[3]"] },
    { name: "merge two French segments across links", run: (l: EditableLink[]) => afterSegmentMerge(l, "fr", 3), result: ["[0]:[0]", "[1,2]:[1]", "[3]:[2,3]", "[4]:[]"] },
  ])("$name", ({ run, result }) => {
    const start = links(START);
    const after = run(start);
    expect(show(after)).toEqual(result);
    const n = after.reduce((sum, l) => sum + l.en.length, 0);
    const m = after.reduce((sum, l) => sum + l.fr.length, 0);
    expect(alignmentProblems(after, n, m)).toEqual([]);
    expect(show(start)).toEqual(show(links(START))); // the input is never changed
  });

  it.each([
    { name: "shifting up from the first link", run: (l: EditableLink[]) => shiftUp(l, 0, "en"), message: /first link/ },
    { name: "shifting down from the last link", run: (l: EditableLink[]) => shiftDown(l, 4, "fr"), message: /last link/ },
    { name: "shifting a side that is empty", run: (l: EditableLink[]) => shiftUp(l, 4, "en"), message: /no English segment/ },
    { name: "merging the last link", run: (l: EditableLink[]) => mergeWithNext(l, 4), message: /last link/ },
    { name: "a split that leaves an empty link", run: (l: EditableLink[]) => split(l, 0, 0, 0), message: /empty link/ },
    { name: "a split outside the link", run: (l: EditableLink[]) => split(l, 0, 2, 0), message: /cannot be split/ },
    { name: "a link that does not exist", run: (l: EditableLink[]) => setStatus(l, 9, "confirmed"), message: /no link 10/ },
    { name: "merging a segment with one that does not exist", run: (l: EditableLink[]) => afterSegmentMerge(l, "fr", 4), message: /no French segment 6/ },
  ])("refuses $name with a reason", ({ run, message }) => {
    expect(() => run(links(START))).toThrow(EditRefused);
    expect(() => run(links(START))).toThrow(message);
  });

  it("confirms one link, everything above a row, and unconfirms", () => {
    const confirmed = setStatus(links(START), 2, "confirmed");
    expect(show(confirmed)[2]).toBe("[3]:[2,3]!");
    expect(show(confirmThrough(links(START), 2))).toEqual(["[0]:[0]!", "[1,2]:[1]!", "[3]:[2,3]!", "[4]:[]", "[]:[4]"]);
    expect(show(setStatus(confirmed, 2, "automatic"))[2]).toBe("[3]:[2,3]");
  });

  it("un-confirms a reshaped link and keeps confirmations elsewhere", () => {
    const start = links("[0]:[0]!\n[1,2]:[1]!\n[3]:[2]!");
    expect(show(shiftDown(start, 1, "en"))).toEqual(["[0]:[0]!", "[1]:[1]", "[2,3]:[2]"]);
  });

  it("lists the confirmed links to keep fixed when the rest is realigned", () => {
    expect(confirmedLinks(links("[0]:[0]!\n[1,2]:[1]\n[3]:[2,3]!"))).toEqual([
      { en: [0], fr: [0] },
      { en: [3], fr: [2, 3] },
    ]);
  });
});
