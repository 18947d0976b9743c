import { describe, expect, it } from "vitest";
import { alignmentProblems, formatLink, parseLinks } from "./links";
import {
  beforeSegmentChange,
  rangeHits,
  afterSegmentMerge,
  afterSegmentSplit,
  carryForward,
  confirmedLinks,
  confirmThrough,
  EditRefused,
  madeByPerson,
  mergeWithNext,
  PERSON_CONFIDENCE,
  renumberRanges,
  setStatus,
  shiftDown,
  shiftUp,
  split,
  windowShift,
  type EditableLink,
  type LaterEvent,
  type RangeLink,
  type SegmentRenumbering,
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

/** Links as stored ranges; an empty side starts where the next segment of that side is. */
function ranges(list: readonly EditableLink[]): RangeLink[] {
  let en = 0;
  let fr = 0;
  return list.map((link) => {
    const row = { sourceStart: link.en[0] ?? en, sourceCount: link.en.length, targetStart: link.fr[0] ?? fr, targetCount: link.fr.length, status: link.status, confidence: link.confidence };
    en = row.sourceStart + row.sourceCount;
    fr = row.targetStart + row.targetCount;
    return row;
  });
}
const showRanges = (list: readonly RangeLink[]) =>
  list.map((l) => `[${Array.from({ length: l.sourceCount }, (_, k) => l.sourceStart + k)}]:[${Array.from({ length: l.targetCount }, (_, k) => l.targetStart + k)}]${l.status === "confirmed" ? "!" : ""}`);
const split1 = (side: "en" | "fr", position: number): SegmentRenumbering => ({ side, position, removed: 1, added: 2 });
const merge2 = (side: "en" | "fr", position: number): SegmentRenumbering => ({ side, position, removed: 2, added: 1 });

/** A random valid alignment of about n links (some 2-1, 1-0, 0-1), a few confirmed. */
function randomAlignment(random: () => number, n: number): EditableLink[] {
  const out: EditableLink[] = [];
  let en = 0;
  let fr = 0;
  for (let k = 0; k < n; k++) {
    const shape = [[1, 1], [1, 1], [2, 1], [1, 2], [1, 0], [0, 1], [2, 2]][Math.floor(random() * 7)];
    out.push({ en: Array.from({ length: shape[0] }, () => en++), fr: Array.from({ length: shape[1] }, () => fr++), status: random() < 0.3 ? "confirmed" : "automatic", confidence: 0.9 });
  }
  return out;
}

describe("following segment splits and merges in recorded links", () => {
  it.each([
    { name: "split inside a link", change: split1("en", 1), result: ["[0]:[0]", "[1,2,3]:[1]!", "[4]:[2,3]", "[5]:[]", "[]:[4]"] },
    { name: "merge inside a link", change: merge2("fr", 2), result: ["[0]:[0]", "[1,2]:[1]!", "[3]:[2]", "[4]:[]", "[]:[3]"] },
    { name: "merge across links: the emptied link goes", change: merge2("fr", 3), result: ["[0]:[0]", "[1,2]:[1]!", "[3]:[2,3]", "[4]:[]"] },
    { name: "merge across links: the one that lost its first segment is unconfirmed", change: merge2("en", 0), result: ["[0]:[0]", "[1]:[1]", "[2]:[2,3]", "[3]:[]", "[]:[4]"] },
  ])("$name, as on the whole alignment", ({ change, result }) => {
    const start = links(START.replace("[1,2]:[1]", "[1,2]:[1]!"));
    expect(showRanges(renumberRanges(ranges(start), change))).toEqual(result);
  });

  it("gives, on any run of links, what the whole alignment's renumbering gives there (random alignments)", () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 300; trial++) {
      const whole = randomAlignment(random, 12);
      const side = random() < 0.5 ? "en" : "fr";
      const count = whole.reduce((n, l) => n + l[side].length, 0);
      const isSplit = random() < 0.5;
      const s = Math.floor(random() * (isSplit ? count : count - 1));
      const expected = ranges(isSplit ? afterSegmentSplit(whole, side, s) : afterSegmentMerge(whole, side, s));
      expect(renumberRanges(ranges(whole), isSplit ? split1(side, s) : merge2(side, s))).toEqual(expected);
      // Any cut of the alignment into two runs renumbers into the two runs of the result.
      const cut = Math.floor(random() * (whole.length + 1));
      const parts = [ranges(whole).slice(0, cut), ranges(whole).slice(cut)].map((part) => renumberRanges(part, isSplit ? split1(side, s) : merge2(side, s)));
      expect([...parts[0], ...parts[1]]).toEqual(expected);
    }
  });

  it("brings a link change forward through later splits and merges, so that undoing it there gives the alignment without it", () => {
    let seed = 5;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let checked = 0;
    for (let trial = 0; trial < 300; trial++) {
      const start = randomAlignment(random, 10);
      const k = Math.floor(random() * (start.length - 1));
      const changed = [mergeWithNext(start, k), confirmThrough(start, k), shiftDown(start, k, start[k].en.length > 0 ? "en" : "fr")][Math.floor(random() * 3)];
      // The recorded change: the smallest differing range.
      let first = 0;
      while (first < start.length && first < changed.length && showRanges(ranges(start))[first] === showRanges(ranges(changed))[first]) first++;
      let end = 0;
      while (end < start.length - first && end < changed.length - first && showRanges(ranges(start)).at(-1 - end) === showRanges(ranges(changed)).at(-1 - end)) end++;
      const before = ranges(start).slice(first, start.length - end);
      const after = ranges(changed).slice(first, changed.length - end);
      // Later: a few segment splits and merges of the whole alignment, the same on the one without the change.
      let now = changed;
      let without = start;
      const later: LaterEvent[] = [];
      for (let i = 0; i < 4; i++) {
        const side = random() < 0.5 ? "en" : "fr";
        const count = now.reduce((n, l) => n + l[side].length, 0);
        if (random() < 0.5) {
          const s = Math.floor(random() * count);
          now = afterSegmentSplit(now, side, s);
          without = afterSegmentSplit(without, side, s);
          later.push(split1(side, s));
        } else if (count > 1) {
          const s = Math.floor(random() * (count - 1));
          now = afterSegmentMerge(now, side, s);
          without = afterSegmentMerge(without, side, s);
          later.push(merge2(side, s));
        }
      }
      const carried = carryForward({ before, after, own: null }, later);
      const current = ranges(now);
      if (carried.after.length === 0) continue;
      const at = current.findIndex((l) => showRanges([l])[0] === showRanges([carried.after[0]])[0]);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(showRanges(current.slice(at, at + carried.after.length))).toEqual(showRanges(carried.after));
      const undone = [...current.slice(0, at), ...carried.before, ...current.slice(at + carried.after.length)];
      expect(showRanges(undone)).toEqual(showRanges(ranges(without)));
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });

  it("moves a segment change's own range with the changes before it, and maps those after it into both numberings", () => {
    // Recorded: English segment 2 split (links [1,2]:[1] → [1,2,3]:[1]).
    const recorded = { before: ranges(links("[1,2]:[1]")), after: [{ sourceStart: 1, sourceCount: 3, targetStart: 1, targetCount: 1, status: "automatic" as const, confidence: 0.9 }], own: split1("en", 2) };
    // Later, English 0 split (before it) and English 6 merged with 7 (after it, in the split's numbering).
    const carried = carryForward(recorded, [split1("en", 0), merge2("en", 6)]);
    expect(carried.own).toEqual(split1("en", 3));
    expect(showRanges(carried.after)).toEqual(["[2,3,4]:[1]"]);
    expect(showRanges(carried.before)).toEqual(["[2,3]:[1]"]);
    // Undone, then English 5 split in the numbering without it (after it), then redone.
    const again = carryForward(recorded, ["undone", split1("en", 5), "redone"]);
    expect(again.own).toEqual(split1("en", 2));
    expect(showRanges(again.after)).toEqual(["[1,2,3]:[1]"]);
    // A later change to the segments it made cannot be followed.
    expect(() => carryForward(recorded, [merge2("en", 3)])).toThrow(EditRefused);
    expect(() => carryForward(recorded, [merge2("en", 1)])).toThrow(EditRefused);
    expect(() => carryForward(recorded, ["undone", split1("en", 2)])).toThrow(EditRefused);
    // The other side moves freely.
    expect(showRanges(carryForward(recorded, [split1("fr", 0)]).after)).toEqual(["[1,2,3]:[2]"]);
  });
});

describe("an edit made on a page that had not seen the latest changes", () => {
  it.each([
    { name: "a change below the links: nothing moves", window: [2, 3], changes: [{ position: 5, removed: 2, added: 1 }], shift: 0 },
    { name: "a change right below: nothing moves", window: [2, 4], changes: [{ position: 4, removed: 1, added: 1 }], shift: 0 },
    { name: "a merge above: the links move up one", window: [6, 7], changes: [{ position: 1, removed: 2, added: 1 }], shift: -1 },
    { name: "a split right above: they move down one", window: [6, 8], changes: [{ position: 5, removed: 1, added: 2 }], shift: 1 },
    { name: "several, each in the numbering the one before left", window: [6, 7], changes: [{ position: 1, removed: 2, added: 1 }, { position: 2, removed: 1, added: 3 }, { position: 8, removed: 4, added: 0 }], shift: 1 },
    { name: "a change of the link itself", window: [6, 7], changes: [{ position: 6, removed: 1, added: 1 }], shift: null },
    { name: "a merge of the link above with it", window: [6, 7], changes: [{ position: 5, removed: 2, added: 1 }], shift: null },
    { name: "links put between the two a shift reads", window: [5, 7], changes: [{ position: 6, removed: 0, added: 1 }], shift: null },
    { name: "a change that reaches them once an earlier one moved them", window: [6, 7], changes: [{ position: 0, removed: 1, added: 3 }, { position: 8, removed: 1, added: 1 }], shift: null },
  ])("$name", ({ window, changes, shift }) => {
    expect(windowShift(window[0], window[1], changes)).toBe(shift);
  });
});

describe("links a person made", () => {
  it.each([
    { name: "a shift reshapes the two links it moves a segment between", run: (l: EditableLink[]) => shiftUp(l, 1, "en"), people: [0, 1] },
    { name: "a merge makes one link of two", run: (l: EditableLink[]) => mergeWithNext(l, 0), people: [0] },
    { name: "a split makes two links of one", run: (l: EditableLink[]) => split(l, 1, 1, 1), people: [1, 2] },
    { name: "a confirmation keeps the aligner's confidence", run: (l: EditableLink[]) => setStatus(l, 2, "confirmed"), people: [] },
  ])("$name", ({ run, people }) => {
    const after = run(links(START));
    expect(after.flatMap((link, k) => (madeByPerson(link) ? [k] : []))).toEqual(people);
    expect(people.every((k) => after[k].confidence === PERSON_CONFIDENCE)).toBe(true);
  });
});

describe("a link's segments followed back through a segment change", () => {
  const change = (position: number, removed: number, added: number) => ({ position, removed, added });
  it.each<[string, number[], ReturnType<typeof change>, number[]]>([
    ["before the change: unmoved", [1, 2], change(5, 1, 2), [1, 2]],
    ["both halves of a split: the one segment they came from", [5, 6], change(5, 1, 2), [5]],
    ["one half of a split: the segment it came from", [6], change(5, 1, 2), [5]],
    ["after a split: one back", [8], change(5, 1, 2), [7]],
    ["a merged segment: both it came from", [3], change(3, 2, 1), [3, 4]],
    ["after a merge: one on", [4, 5], change(3, 2, 1), [5, 6]],
    ["a corrected text: itself", [3], change(3, 1, 1), [3]],
  ])("%s", (_, after, segmentChange, before) => {
    expect([...beforeSegmentChange(new Set(after), segmentChange)].sort((a, b) => a - b)).toEqual(before);
  });

  it.each<[number, number, number[], boolean]>([
    [0, 2, [1], true],
    [0, 2, [2], false],
    [3, 0, [3], false],
  ])("segments %i (%i of them) hit %o: %s", (start, count, set, hit) => {
    expect(rangeHits(start, count, new Set(set))).toBe(hit);
  });
});
