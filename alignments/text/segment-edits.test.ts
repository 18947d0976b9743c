import { describe, expect, it } from "vitest";
import { EditRefused } from "../align/operations";
import { processDocument } from "./pipeline";
import {
  applyCleanTextEdit,
  cleanSegmentText,
  cleanTextEdit,
  cleanTextOfSegments,
  editSegment,
  keepsCleanText,
  MAX_SEGMENT_LENGTH,
  mergeSegments,
  placeSegments,
  splitSegment,
  type EditableSegment,
} from "./segment-edits";

const seg = (text: string, more: Partial<EditableSegment> = {}): EditableSegment => ({
  text,
  kind: "body",
  paragraph: 3,
  start: 100,
  end: 100 + text.length,
  noteRefs: [],
  ...more,
});

describe("splitting a segment at the caret", () => {
  it.each([
    { name: "at a space: the space goes", text: "Art. 12 applies. It also covers banks.", caret: 16, first: "Art. 12 applies.", second: "It also covers banks." },
    { name: "just after the space", text: "Art. 12 applies. It also covers banks.", caret: 17, first: "Art. 12 applies.", second: "It also covers banks." },
    { name: "inside a word: both parts kept whole", text: "Lesbanques", caret: 3, first: "Les", second: "banques" },
    { name: "several spaces and a no-break space", text: "Voici :\u00a0 la suite", caret: 8, first: "Voici :", second: "la suite" },
  ])("$name", ({ text, caret, first, second }) => {
    const [a, b] = splitSegment(seg(text), caret);
    expect([a.text, b.text]).toEqual([first, second]);
    // The halves keep their spans of the imported clean text.
    expect(a.start).toBe(100);
    expect(b.end).toBe(100 + text.length);
    expect(text.slice(a.start - 100, a.end - 100)).toBe(first);
    expect(text.slice(b.start - 100, b.end - 100)).toBe(second);
    expect([a.paragraph, b.paragraph, a.kind, b.kind]).toEqual([3, 3, "body", "body"]);
  });

  it.each([
    { name: "at the start", text: "Une phrase.", caret: 0 },
    { name: "at the end", text: "Une phrase.", caret: 11 },
    { name: "outside the text", text: "Une phrase.", caret: 40 },
    { name: "in the spaces before the text", text: "  Une phrase.", caret: 1 },
    { name: "in the spaces after the text", text: "Une phrase.  ", caret: 12 },
    { name: "not a whole number", text: "Une phrase.", caret: 2.5 },
  ])("refuses a caret $name", ({ text, caret }) => {
    expect(() => splitSegment(seg(text), caret)).toThrow(EditRefused);
    expect(() => splitSegment(seg(text), caret)).toThrow(/Put the caret inside the text/);
  });

  it("gives each half its note calls, counted from its own start", () => {
    const [a, b] = splitSegment(seg("Premier point. Second point.", { noteRefs: [{ label: "1", offset: 14 }, { label: "2", offset: 28 }] }), 14);
    expect(a.noteRefs).toEqual([{ label: "1", offset: 14 }]);
    expect(b.noteRefs).toEqual([{ label: "2", offset: 13 }]);
  });
});

describe("merging a segment with the next one", () => {
  it.each([
    { name: "one space between", first: "Art.", second: "12 applies.", text: "Art. 12 applies." },
    { name: "spaces at the join collapse to one", first: "Voir l’art. ", second: "  12.", text: "Voir l’art. 12." },
  ])("$name", ({ first, second, text }) => {
    const merged = mergeSegments(seg(first), seg(second, { paragraph: 4, start: 200, end: 200 + second.length }));
    expect(merged.text).toBe(text);
    expect(merged).toMatchObject({ paragraph: 3, kind: "body", start: 100, end: 200 + second.length });
  });

  it("moves the second segment's note calls after the first text", () => {
    const merged = mergeSegments(seg("Un.", { noteRefs: [{ label: "1", offset: 3 }] }), seg(" Deux.", { noteRefs: [{ label: "2", offset: 6 }] }));
    expect(merged.text).toBe("Un. Deux.");
    expect(merged.noteRefs).toEqual([
      { label: "1", offset: 3 },
      { label: "2", offset: 9 },
    ]);
  });

  it.each([
    { name: "a note with the text", first: seg("Fin du texte."), second: seg("1 Voir la loi.", { kind: "note" }), message: /note cannot be merged/ },
    { name: "into a text too long for a segment", first: seg("a".repeat(MAX_SEGMENT_LENGTH - 5)), second: seg("b".repeat(10)), message: /too long/ },
  ])("refuses to merge $name", ({ first, second, message }) => {
    expect(() => mergeSegments(first, second)).toThrow(EditRefused);
    expect(() => mergeSegments(first, second)).toThrow(message);
  });

  it("merges two notes, or a heading with the body", () => {
    expect(mergeSegments(seg("1 Voir", { kind: "note" }), seg("la loi.", { kind: "note" })).text).toBe("1 Voir la loi.");
    expect(mergeSegments(seg("Partie I", { kind: "heading" }), seg("Définitions")).kind).toBe("heading");
  });
});

describe("editing a segment's text", () => {
  it.each([
    { name: "a typo", typed: "La banque doit tenir un registre.", text: "La banque doit tenir un registre." },
    { name: "line breaks become spaces, ends trimmed", typed: "  La banque\n  doit tenir\r\nun registre. ", text: "La banque doit tenir un registre." },
    { name: "no-break spaces inside stay", typed: "Quoi\u00a0? Voici\u202f!", text: "Quoi\u00a0? Voici\u202f!" },
  ])("$name", ({ typed, text }) => {
    expect(cleanSegmentText(typed)).toBe(text);
    expect(editSegment(seg("La bnaque doit tenir un registre."), typed)).toMatchObject({ text, paragraph: 3, start: 100 });
  });

  it.each([
    { name: "empty", typed: "", message: /cannot be empty/ },
    { name: "blank", typed: " \n\t ", message: /cannot be empty/ },
    { name: "too long", typed: "x".repeat(MAX_SEGMENT_LENGTH + 1), message: /too long/ },
  ])("refuses a text that is $name", ({ typed, message }) => {
    expect(() => editSegment(seg("Un texte."), typed)).toThrow(EditRefused);
    expect(() => editSegment(seg("Un texte."), typed)).toThrow(message);
  });

  // A memory's inline codes (decision 23): one character each, shown as chips; they may move, not go or come.
  it.each([
    { name: "moves a code", typed: "\u{F0000}\u{F0001}Article 5\u{F0002} et le." },
    { name: "corrects the text around the codes", typed: "\u{F0001}L’article 5\u{F0002} et le \u{F0000} prochain." },
  ])("keeps every inline code when it $name", ({ typed }) => {
    expect(editSegment(seg("\u{F0001}Article 5\u{F0002} et le\u{F0000}."), typed).text).toBe(typed);
  });

  it.each([
    { name: "drops a code", typed: "\u{F0001}Article 5\u{F0002} et le .", message: /lost one of the segment's inline codes/ },
    { name: "drops two", typed: "Article 5 et le \u{F0000}.", message: /lost 2 of the segment's inline codes/ },
    { name: "brings in a code", typed: "\u{F0001}Article 5\u{F0002} et le\u{F0000}\u{F0009}.", message: /holds an inline code the segment did not have/ },
  ])("refuses a correction that $name", ({ typed, message }) => {
    expect(() => editSegment(seg("\u{F0001}Article 5\u{F0002} et le\u{F0000}."), typed)).toThrow(message);
  });

  it("never splits a code (or any character beyond the BMP) in half: the caret goes after it", () => {
    const text = "Le \u{F0000} entre en vigueur.";
    const [a, b] = splitSegment(seg(text), 4);
    expect([a.text, b.text]).toEqual(["Le \u{F0000}", "entre en vigueur."]);
  });

  it("keeps note calls inside the new text", () => {
    expect(editSegment(seg("Un texte long.", { noteRefs: [{ label: "1", offset: 14 }] }), "Court.").noteRefs).toEqual([{ label: "1", offset: 6 }]);
  });
});

describe("the clean text follows the segments", () => {
  const document = processDocument(
    "Article 1. The Minister may help. The request is written.\n\nArticle 2. Le ministre peut aider.\n\nA short heading\n\nThe court may order the production of a record.",
    "en",
  );
  const agrees = (clean: string, list: readonly EditableSegment[]) => list.every((s) => clean.slice(s.start, s.end) === s.text);

  /** One change made as the editor's server makes it: the segments replaced, the clean text edited, the later offsets moved. */
  function change(clean: string, list: EditableSegment[], position: number, removed: number, after: EditableSegment[]) {
    const before = list.slice(position, position + removed);
    const { edit, segments } = cleanTextEdit(clean, before, after);
    const shift = edit.after.length - edit.before.length;
    const next = applyCleanTextEdit(clean, edit)!;
    const rest = list.slice(position + removed).map((s) => ({ ...s, start: s.start + shift, end: s.end + shift }));
    return { clean: next, list: [...list.slice(0, position), ...segments, ...rest], edit, before };
  }

  it("keeps every segment at its offsets through splits, merges (across paragraphs too) and new texts, and undoes them exactly", () => {
    expect(agrees(document.cleanText, document.segments)).toBe(true);
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let clean = document.cleanText;
    let list = document.segments.map((s) => ({ ...s }));
    const history: Array<{ clean: string; list: EditableSegment[] }> = [];
    for (let step = 0; step < 200; step++) {
      const k = Math.floor(random() * list.length);
      const which = random();
      let after: EditableSegment[];
      let removed = 1;
      try {
        if (which < 0.35) after = splitSegment(list[k], 1 + Math.floor(random() * (list[k].text.length - 1)));
        else if (which < 0.7 && k + 1 < list.length) {
          after = [mergeSegments(list[k], list[k + 1])];
          removed = 2;
        } else after = [editSegment(list[k], random() < 0.5 ? `${list[k].text} (bis)` : "Short.")];
      } catch (error) {
        expect(error).toBeInstanceOf(EditRefused);
        continue;
      }
      const done = change(clean, list, k, removed, after);
      expect(agrees(done.clean, done.list)).toBe(true);
      // Undo: the recorded segments put back at the same place, the recorded edit made backwards.
      const undone = applyCleanTextEdit(done.clean, { start: done.edit.start, before: done.edit.after, after: done.edit.before });
      expect(undone).toBe(clean);
      expect(placeSegments(done.before, done.list[k].start)).toEqual(done.before);
      history.push({ clean, list });
      clean = done.clean;
      list = done.list;
    }
    expect(history.length).toBeGreaterThan(100);
    expect(clean).not.toBe(document.cleanText);
  });

  it("keeps the spaces at a split, and joins a merge with one space, also over a paragraph break", () => {
    const [first, second] = [document.segments[2], document.segments[3]];
    expect(first.paragraph).not.toBe(second.paragraph);
    const merged = cleanTextEdit(document.cleanText, [first, second], [mergeSegments(first, second)]);
    expect(merged.edit).toEqual({ start: first.start, before: `${first.text}\n\n${second.text}`, after: `${first.text} ${second.text}` });
    const record = document.segments.find((s) => s.text.includes(" the production"))!;
    const halves = splitSegment(record, record.text.indexOf(" the") + 1);
    const split = cleanTextEdit(document.cleanText, [record], halves);
    expect(split.edit.after).toBe(split.edit.before);
    expect(split.segments.map((s) => document.cleanText.slice(s.start, s.end))).toEqual(halves.map((s) => s.text));
    // Put back (undo of a merge), the recorded halves are joined as they were.
    expect(applyCleanTextEdit(`x${merged.edit.after}`, { start: 1, before: merged.edit.after, after: merged.edit.before })).toBe(`x${first.text}\n\n${second.text}`);
    expect(applyCleanTextEdit(document.cleanText, { start: 0, before: "Nothing like it", after: "" })).toBeNull();
  });

  it("knows a split at the caret leaves the clean text as it is, without reading it", () => {
    const segment = document.segments[1];
    expect(keepsCleanText([segment], splitSegment(segment, 4))).toBe(true);
    const { edit } = cleanTextEdit(document.cleanText, [segment], splitSegment(segment, 4));
    expect(edit.after).toBe(edit.before);
    expect(keepsCleanText([segment, document.segments[2]], [mergeSegments(segment, document.segments[2])])).toBe(false);
    expect(keepsCleanText([segment], [editSegment(segment, "Other words.")])).toBe(false);
    // A segment no longer at its span (a text corrected before the clean text followed): it cannot tell.
    const astray = { ...segment, text: "The Minister helps." };
    expect(keepsCleanText([astray], splitSegment(astray, 4))).toBe(false);
  });

  it("mends a clean text that did not follow earlier corrections", () => {
    const list = document.segments.map((s) => ({ ...s }));
    expect(cleanTextOfSegments(document.cleanText, list)).toBeNull();
    // As corrections used to leave it: a new text on the old span, a merge on the span of both.
    list[1] = { ...list[1], text: "The Minister can help." };
    list.splice(3, 2, { ...list[3], text: `${list[3].text} ${list[4].text}`, end: list[4].end });
    const mended = cleanTextOfSegments(document.cleanText, list)!;
    expect(agrees(mended.clean, mended.segments)).toBe(true);
    expect(mended.clean.startsWith("Article 1. The Minister can help. The request is written.\n\n")).toBe(true);
    expect(mended.clean.endsWith("Article 2. Le ministre peut aider.\n\nA short heading\n\nThe court may order the production of a record.")).toBe(true);
    // Spans out of order: written afresh, paragraphs apart.
    const shuffled = [list[2], list[1]].map((s) => ({ ...s }));
    const fresh = cleanTextOfSegments(document.cleanText, shuffled)!;
    expect(fresh.clean).toBe(`${list[2].text} ${list[1].text}`);
    expect(agrees(fresh.clean, fresh.segments)).toBe(true);
  });
});
