/** Long texts shown around what matters in them (the terminology pages, the concordance's other side, candidates' evidence). */

import { wholeCharacterCut } from "../../alignments/text/inline-codes";

export type Mark = { start: number; end: number; status: string };

/** A long text cut to about `max` characters around its first mark, at spaces, with "…" where it was cut. */
export function excerpt(text: string, marks: readonly Mark[], max = 320): { text: string; marks: Mark[] } {
  if (text.length <= max) return { text, marks: [...marks] };
  const center = marks.length > 0 ? (marks[0].start + marks[0].end) / 2 : 0;
  let to = Math.min(text.length, Math.max(0, Math.round(center - max / 2)) + max);
  let from = Math.max(0, to - max);
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space >= 0 && space < from + 30 && (marks.length === 0 || space < marks[0].start)) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > to - 30 && (marks.length === 0 || space >= marks[0].end)) to = space;
  }
  // Never between the two halves of an inline code (or any character outside the BMP).
  from = wholeCharacterCut(text, from, -1);
  to = wholeCharacterCut(text, to, 1);
  const before = from > 0 ? "…" : "";
  const shift = before.length - from;
  return {
    text: `${before}${text.slice(from, to)}${to < text.length ? "…" : ""}`,
    marks: marks.filter((m) => m.start >= from && m.end <= to).map((m) => ({ ...m, start: m.start + shift, end: m.end + shift })),
  };
}
