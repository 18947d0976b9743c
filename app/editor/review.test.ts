import { describe, expect, it } from "vitest";
import type { EditableLink } from "../../alignments/align/operations";
import { foldForSearch } from "../../alignments/text/fold";
import { defaultSplit, filterLinks, nextToCheck, NO_FILTERS, summarize } from "./review";

const link = (en: number[], fr: number[], confidence = 0.9, status: EditableLink["status"] = "automatic"): EditableLink => ({ en, fr, confidence, status });
const LINKS = [link([0], [0], 0.95, "confirmed"), link([1, 2], [1], 0.3), link([3], [2]), link([4], [], 0.2), link([5], [3], 0.9, "confirmed")];
const TEXTS = { en: ["Title", "Whereas", "recognition", "The State’s duty", "Note", "End"], fr: ["Titre", "Considérant", "Le devoir de l’État", "Fin"] };
const textOf = (side: "en" | "fr", s: number) => foldForSearch(TEXTS[side][s] ?? "");

describe("review helpers", () => {
  it("summarizes types, confirmed links and low-confidence links left", () => {
    expect(summarize(LINKS)).toMatchObject({ total: 5, low: 2, confirmed: 2, lowLeft: 2 });
    // The share of the text reviewed counts segments: two confirmed 1-1 links hold 4 of the 10 (2 of the 5 links).
    expect(summarize(LINKS).reviewedShare).toBeCloseTo(0.4);
    expect(summarize([link([0, 1, 2], [0, 1], 0.9, "confirmed"), link([3], [2])]).reviewedShare).toBeCloseTo(5 / 7);
    expect(summarize([]).reviewedShare).toBe(0);
    expect(summarize(LINKS).types.map((t) => `${t.type}:${t.count}`)).toEqual(["1-1:3", "1-0:1", "2-1:1"]);
  });

  it("filters unconfirmed, low-confidence and non-1-1 links, and text on either side without accents", () => {
    expect(filterLinks(LINKS, { ...NO_FILTERS, unconfirmed: true }, textOf)).toEqual([1, 2, 3]);
    expect(filterLinks(LINKS, { ...NO_FILTERS, low: true }, textOf)).toEqual([1, 3]);
    expect(filterLinks(LINKS, { ...NO_FILTERS, other: true }, textOf)).toEqual([1, 3]);
    expect(filterLinks(LINKS, { ...NO_FILTERS, query: "l'etat" }, textOf)).toEqual([2]);
    expect(filterLinks(LINKS, { ...NO_FILTERS, query: "STATE’S" }, textOf)).toEqual([2]);
    expect(filterLinks(LINKS, { ...NO_FILTERS, unconfirmed: true, query: "titre" }, textOf)).toEqual([]);
    const edited = LINKS.map((l, k) => ({ ...l, edited: k === 1 || k === 4 }));
    expect(filterLinks(edited, { ...NO_FILTERS, edited: true }, textOf)).toEqual([1, 4]);
    expect(filterLinks(edited, { ...NO_FILTERS, edited: true, unconfirmed: true }, textOf)).toEqual([1]);
    expect(filterLinks(LINKS, { ...NO_FILTERS, edited: true }, textOf)).toEqual([]);
  });

  it("filters links with terminology findings, with the others", () => {
    const withFindings = (l: EditableLink) => l.en[0] === 1 || l.en[0] === 5;
    expect(filterLinks(LINKS, { ...NO_FILTERS, findings: true }, textOf, withFindings)).toEqual([1, 4]);
    expect(filterLinks(LINKS, { ...NO_FILTERS, findings: true, unconfirmed: true }, textOf, withFindings)).toEqual([1]);
    expect(filterLinks(LINKS, { ...NO_FILTERS, findings: true }, textOf)).toEqual([]);
    expect(filterLinks(LINKS, NO_FILTERS, textOf, withFindings)).toEqual([0, 1, 2, 3, 4]);
  });

  it("finds the next link to check: low and unconfirmed first, then any unconfirmed, wrapping round", () => {
    const all = [0, 1, 2, 3, 4];
    expect(nextToCheck(LINKS, all, 0)).toBe(1);
    expect(nextToCheck(LINKS, all, 1)).toBe(3);
    expect(nextToCheck(LINKS, all, 3)).toBe(1);
    const noneLow = LINKS.map((l) => ({ ...l, confidence: 0.9 }));
    expect(nextToCheck(noneLow, all, 2)).toBe(3);
    expect(nextToCheck(LINKS.map((l) => ({ ...l, status: "confirmed" as const })), all, 0)).toBe(-1);
  });

  it("proposes a split that leaves no empty link", () => {
    expect(defaultSplit(link([0], [0]))).toEqual({ sourceCount: 1, targetCount: 0 });
    expect(defaultSplit(link([0, 1], [0]))).toEqual({ sourceCount: 1, targetCount: 1 });
    expect(defaultSplit(link([0], [0, 1]))).toEqual({ sourceCount: 1, targetCount: 1 });
    expect(defaultSplit(link([0, 1, 2], [0, 1]))).toEqual({ sourceCount: 2, targetCount: 1 });
    expect(defaultSplit(link([], [0, 1]))).toEqual({ sourceCount: 0, targetCount: 1 });
  });
});
