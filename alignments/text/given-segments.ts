/**
 * The pipeline's document shape for texts whose segments are given rather than found: a translation memory's
 * units one by one, or a text with one segment per line.
 */
import type { TextLanguage } from "../languages";
import { segmentLines } from "./lines";
import { PARAGRAPH_SEPARATOR } from "./pipeline";
import type { BlockKind, Paragraph, ProcessedDocument, Segment } from "./types";

/**
 * Segments given one by one (a translation memory's units): each is its own paragraph, its text kept exactly;
 * `line` is where it starts in the segments joined by line breaks.
 */
export function documentFromSegments(texts: readonly string[], language: TextLanguage): ProcessedDocument {
  const paragraphList: Paragraph[] = [];
  const segmentList: Segment[] = [];
  let cleanText = "";
  let line = 1;
  texts.forEach((text, k) => {
    if (k > 0) cleanText += PARAGRAPH_SEPARATOR;
    const start = cleanText.length;
    cleanText += text;
    segmentList.push({ text, kind: "body", paragraph: k, start, end: cleanText.length, noteRefs: [] });
    paragraphList.push({ kind: "body", text, line, noteRefs: [], oneSegment: true });
    line += 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
  });
  return { language, cleanText, paragraphs: paragraphList, segments: segmentList, removed: [], repairs: [] };
}

/**
 * A text that has one segment per non-empty line (lines.ts): each line as it is, trimmed, unless `cleanUp`
 * (what the import form does with "one segment per line").
 */
export function presegment(raw: string, language: TextLanguage, kinds: Array<BlockKind | undefined> = [], cleanUp = false): ProcessedDocument {
  return segmentLines(raw, language, { kinds, cleanUp });
}
