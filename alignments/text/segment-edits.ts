import { EditRefused } from "../errors";
import { codeDifference } from "./inline-codes";
import { PARAGRAPH_SEPARATOR } from "./pipeline";
import type { Segment } from "./types";

/**
 * A person's corrections to a document's segments, as pure functions: split a segment at the caret, merge
 * it with the next one, replace its text (a typo the PDF brought). Each returns the new segment(s) or refuses
 * with an `EditRefused` that says why. What this does to the links is `afterSegmentSplit` / `afterSegmentMerge`
 * in `align/operations.ts`.
 */

/**
 * A segment as the pipeline made it. Corrections keep the document's clean text with them (`cleanTextEdit`), so
 * that `start`/`end` always point at the segment's text in it.
 */
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
  refuseLostCodes(segment.text, clean);
  return { ...segment, text: clean, noteRefs: segment.noteRefs.map((ref) => ({ ...ref, offset: Math.min(ref.offset, clean.length) })) };
}

/**
 * A memory's inline codes (decision 23) stand in the text as single characters, shown as chips: a correction may
 * move them but neither drop one nor bring a new one, or the memory would go back to its tool broken.
 */
function refuseLostCodes(before: string, after: string): void {
  const { lost, gained } = codeDifference(before, after);
  if (lost.length > 0) {
    throw new EditRefused(
      `The corrected text lost ${lost.length === 1 ? "one of the segment's inline codes" : `${lost.length} of the segment's inline codes`} (the grey chips, tags of the original file). Codes can be moved but not deleted: type around them.`,
    );
  }
  if (gained.length > 0) throw new EditRefused("The corrected text holds an inline code the segment did not have (a grey chip copied from elsewhere). Codes can be moved within their segment, not added.");
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * Splits a segment at `caret` (a UTF-16 offset into its text, as a text field reports it). The spaces around
 * the caret go; each half keeps its part of the note calls and of the offsets into the clean text.
 */
export function splitSegment(segment: EditableSegment, at: number): [EditableSegment, EditableSegment] {
  const { text } = segment;
  // Never between the two halves of a character beyond the BMP (an emoji, an inline code): after it.
  const caret = at > 0 && at < text.length && /[\uD800-\uDBFF]/.test(text[at - 1]) && /[\uDC00-\uDFFF]/.test(text[at]) ? at + 1 : at;
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

/** A change to a document's clean text: the `before` found at `start` became `after`. */
export interface CleanTextEdit {
  start: number;
  before: string;
  after: string;
}

/** Whether a segment is the clean text at its offsets. */
const inPlace = (clean: string, segment: EditableSegment) =>
  segment.start >= 0 && segment.end <= clean.length && segment.start <= segment.end && clean.slice(segment.start, segment.end) === segment.text;

/**
 * How a document's clean text follows a change to its segments, so that every segment stays the clean text at its
 * offsets: the part that `before` (consecutive segments) covers, from the first one's start to the last one's end,
 * is replaced by the texts of `after`. Between two segments of `after` that are still the old clean text at their
 * offsets (the halves of a split) the old spaces stay; other neighbours are joined by a space, or by a blank line
 * when they are in different paragraphs. Returns the edit, and `after` with its offsets in the new clean text.
 */
export function cleanTextEdit(
  clean: string,
  before: readonly EditableSegment[],
  after: readonly EditableSegment[],
): { edit: CleanTextEdit; segments: EditableSegment[] } {
  const start = Math.max(0, Math.min(clean.length, before[0]?.start ?? 0));
  const end = Math.max(start, Math.min(clean.length, before.at(-1)?.end ?? start));
  let text = "";
  const segments = after.map((segment, k) => {
    if (k > 0) {
      const previous = after[k - 1];
      const keep =
        inPlace(clean, previous) && inPlace(clean, segment) && previous.end <= segment.start && previous.start >= start && segment.end <= end;
      text += keep ? clean.slice(previous.end, segment.start) : previous.paragraph === segment.paragraph ? " " : PARAGRAPH_SEPARATOR;
    }
    const placed = { ...segment, start: start + text.length, end: start + text.length + segment.text.length };
    text += segment.text;
    return placed;
  });
  return { edit: { start, before: clean.slice(start, end), after: text }, segments };
}

/**
 * Whether a change leaves the clean text as it is without reading it: a split at the caret, whose halves are spans of
 * the segment's own span with their own texts' lengths (the segment being the clean text at its offsets, so are they,
 * and the spaces at the cut stay between them). The editor then neither reads nor writes a large document's text.
 */
export function keepsCleanText(before: readonly EditableSegment[], after: readonly EditableSegment[]): boolean {
  if (before.length !== 1 || after.length !== 2) return false;
  const [whole] = before;
  const [first, second] = after;
  const exact = (segment: EditableSegment) => segment.end - segment.start === segment.text.length;
  return exact(whole) && exact(first) && exact(second) && first.start === whole.start && second.end === whole.end && first.end <= second.start;
}

/** The clean text with an edit made, or null when the text at its place is no longer what it replaced. */
export function applyCleanTextEdit(clean: string, edit: CleanTextEdit): string | null {
  if (clean.slice(edit.start, edit.start + edit.before.length) !== edit.before) return null;
  return clean.slice(0, edit.start) + edit.after + clean.slice(edit.start + edit.before.length);
}

/** Recorded segments put back at `start` of the clean text: the spacing between them as it was recorded. */
export function placeSegments(list: readonly EditableSegment[], start: number): EditableSegment[] {
  const shift = start - (list[0]?.start ?? start);
  return list.map((segment) => ({ ...segment, start: segment.start + shift, end: segment.end + shift }));
}

/**
 * A clean text that agrees with its segments again, for a document whose segments were corrected before the clean
 * text followed them: each segment's span is replaced by its text (the text between spans kept) while the spans
 * come in order; if they do not, the clean text is written afresh from the segments. Null when it agrees already.
 */
export function cleanTextOfSegments(clean: string, list: readonly EditableSegment[]): { clean: string; segments: EditableSegment[] } | null {
  if (list.every((segment) => inPlace(clean, segment))) return null;
  const ordered = list.every((segment, k) => segment.start <= segment.end && segment.end <= clean.length && (k === 0 || list[k - 1].end <= segment.start));
  let text = "";
  let from = 0;
  const segments = list.map((segment, k) => {
    if (ordered) text += clean.slice(from, segment.start);
    else if (k > 0) text += list[k - 1].paragraph === segment.paragraph ? " " : PARAGRAPH_SEPARATOR;
    const placed = { ...segment, start: text.length, end: text.length + segment.text.length };
    text += segment.text;
    from = segment.end;
    return placed;
  });
  if (ordered) text += clean.slice(from);
  return { clean: text, segments };
}
