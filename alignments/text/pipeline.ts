import type { TextLanguage } from "../languages";
import { cleanLayout } from "./layout";
import { sentenceSpans } from "./sentences";
import type { ProcessedDocument, Segment } from "./types";

export const PARAGRAPH_SEPARATOR = "\n\n";

/** Cleans a document and cuts it into segments: headings whole, signatures one per line, prose by sentence. */
export function processDocument(raw: string, language: TextLanguage): ProcessedDocument {
  const { paragraphs, removed, repairs } = cleanLayout(raw);
  const segments: Segment[] = [];
  let base = 0;
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) base += PARAGRAPH_SEPARATOR.length;
    // A note's number is part of its text but not of its first sentence.
    const labelLength = paragraph.label ? paragraph.text.indexOf(" ") + 1 : 0;
    const body = paragraph.text.slice(labelLength);
    const spans: Array<[number, number]> =
      paragraph.kind === "heading" || paragraph.oneSegment ? [[0, body.length]] : sentenceSpans(body, language);
    for (const [s, e] of spans) {
      if (e <= s) continue;
      segments.push({
        text: body.slice(s, e),
        kind: paragraph.kind,
        paragraph: index,
        start: base + labelLength + s,
        end: base + labelLength + e,
        noteRefs: paragraph.noteRefs
          .filter((r) => r.offset - labelLength >= s && r.offset - labelLength <= e)
          .map((r) => ({ label: r.label, offset: r.offset - labelLength - s })),
      });
    }
    base += paragraph.text.length;
  });
  const cleanText = paragraphs.map((p) => p.text).join(PARAGRAPH_SEPARATOR);
  return { language, cleanText, paragraphs, segments, removed, repairs };
}
