import { EditRefused } from "../align/operations";
import type { Segment } from "./types";

/**
 * A person's corrections to a document's segments, as pure functions: split a segment at the caret, merge
 * it with the next one, replace its text (a typo the PDF brought). Each returns the new segment(s) or refuses
 * with an `EditRefused` that says why. What this does to the links is `afterSegmentSplit` / `afterSegmentMerge`
 * in `align/operations.ts`.
 */

/** A segment as the pipeline made it; after corrections, `start`/`end` still point at the span as imported. */
export type EditableSegment = Segment;

/** Longer than any sentence a pipeline makes; a paste of a whole chapter into one segment is a mistake. */
export const MAX_SEGMENT_LENGTH = 20_000;

/**
 * The text a person typed, as a segment holds it: line breaks become spaces (a segment is one run of text) and
 * the ends are trimmed; other spaces are kept, as French puts no-break spaces before « ; : ! ? ».
 */
export function cleanSegmentText(text: string): string {
  const clean = text.replace(/[ \t]*[\r\n]+[ \t]*/g, " ").trim();
  if (clean === "") throw new EditRefused("A segment cannot be empty. To remove a segment, merge it with the next one.");
  if (clean.length > MAX_SEGMENT_LENGTH) {
    throw new EditRefused(`This text is too long for one segment (${clean.length.toLocaleString("en-US")} characters; at most ${MAX_SEGMENT_LENGTH.toLocaleString("en-US")}).`);
  }
  return clean;
}

/** The segment with its text replaced; a note call past the new end moves to the end. */
export function editSegment(segment: EditableSegment, text: string): EditableSegment {
  const clean = cleanSegmentText(text);
  return { ...segment, text: clean, noteRefs: segment.noteRefs.map((ref) => ({ ...ref, offset: Math.min(ref.offset, clean.length) })) };
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * Splits a segment at `caret` (a UTF-16 offset into its text, as a text field reports it). The spaces around
 * the caret go; each half keeps its part of the note calls and of the offsets into the clean text.
 */
export function splitSegment(segment: EditableSegment, caret: number): [EditableSegment, EditableSegment] {
  const { text } = segment;
  if (!Number.isInteger(caret) || caret <= 0 || caret >= text.length) {
    throw new EditRefused("Put the caret inside the text: splitting at its start or end would leave an empty segment.");
  }
  let firstEnd = caret;
  while (firstEnd > 0 && isSpace(text[firstEnd - 1])) firstEnd--;
  let secondStart = caret;
  while (secondStart < text.length && isSpace(text[secondStart])) secondStart++;
  if (firstEnd === 0 || secondStart === text.length) {
    throw new EditRefused("Put the caret inside the text: splitting there would leave an empty segment.");
  }
  // A call right after the first half's last word (offset up to firstEnd) stays with it.
  const first: EditableSegment = {
    ...segment,
    text: text.slice(0, firstEnd),
    end: Math.min(segment.end, segment.start + firstEnd),
    noteRefs: segment.noteRefs.filter((r) => r.offset <= firstEnd),
  };
  const second: EditableSegment = {
    ...segment,
    text: text.slice(secondStart),
    start: Math.min(segment.end, segment.start + secondStart),
    noteRefs: segment.noteRefs.filter((r) => r.offset > firstEnd).map((r) => ({ ...r, offset: Math.max(0, r.offset - secondStart) })),
  };
  return [first, second];
}

/**
 * Merges a segment with the one after it: one space between the two texts. The merged segment keeps the
 * first one's paragraph and kind. A note and the running text around it stay apart.
 */
export function mergeSegments(first: EditableSegment, second: EditableSegment): EditableSegment {
  if ((first.kind === "note") !== (second.kind === "note")) {
    throw new EditRefused("A note cannot be merged with the running text: the notes come after the text.");
  }
  const a = first.text.trimEnd();
  const b = second.text.trimStart();
  const text = `${a} ${b}`;
  if (text.length > MAX_SEGMENT_LENGTH) {
    throw new EditRefused(`The merged segment would be too long (${text.length.toLocaleString("en-US")} characters; at most ${MAX_SEGMENT_LENGTH.toLocaleString("en-US")}).`);
  }
  const shift = a.length + 1 - (second.text.length - b.length);
  return {
    ...first,
    text,
    end: Math.max(first.end, second.end),
    noteRefs: [...first.noteRefs.map((r) => ({ ...r, offset: Math.min(r.offset, a.length) })), ...second.noteRefs.map((r) => ({ ...r, offset: Math.max(a.length + 1, r.offset + shift) }))],
  };
}
