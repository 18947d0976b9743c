/**
 * A link's text on one side is its segments joined by one space: the checks and the searches read it so, and
 * what they find there is shown in the segments it came from.
 */

/** A link's text on one side: its segments joined by one space (empty for a side without segments). */
export const linkText = (texts: readonly string[], start: number, count: number): string => texts.slice(start, start + count).join(" ");

/** A piece of a span of a joined text that lies in one segment, with offsets in that segment's text. */
export interface SegmentPiece {
  /** The segment's position in `texts`. */
  segment: number;
  start: number;
  end: number;
  /** Which of the spans it is a piece of. */
  span: number;
}

/**
 * Spans of the joined text of segments `first` … `first + count - 1` (linkText) as pieces in those segments, segment by
 * segment, each segment's pieces in the spans' order; a span over a segment boundary gives a piece on each side (the
 * joining space is in neither), and an empty piece is left out.
 */
export function piecesInSegments(texts: readonly string[], first: number, count: number, spans: ReadonlyArray<{ start: number; end: number }>): SegmentPiece[] {
  const out: SegmentPiece[] = [];
  if (spans.length === 0) return out;
  let offset = 0;
  for (let segment = first; segment < first + count; segment++) {
    const end = offset + texts[segment].length;
    spans.forEach((span, k) => {
      const from = Math.max(span.start, offset);
      const to = Math.min(span.end, end);
      if (from < to) out.push({ segment, start: from - offset, end: to - offset, span: k });
    });
    offset = end + 1;
  }
  return out;
}
