import type { TextLanguage } from "../languages";

/** What a paragraph is in the document's structure; every segment inherits its paragraph's kind. */
export type BlockKind = "heading" | "body" | "item" | "note";

/** A footnote call taken out of the running text; `offset` points into the text that carried it. */
export interface NoteRef {
  label: string;
  offset: number;
}

/** A paragraph of the cleaned document, in reading order (body first, then notes). */
export interface Paragraph {
  kind: BlockKind;
  /** The paragraph's text as stored in the clean text (a note keeps its number: "3 Les articles..."). */
  text: string;
  /** Footnote number or mark for the first paragraph of a note; list items and headings have none. */
  label?: string;
  /** 1-based line of the source where the paragraph starts. */
  line: number;
  noteRefs: NoteRef[];
  /** A signature or list entry that is one segment whatever its punctuation. */
  oneSegment?: boolean;
}

/** What import took out of the reader's text, so that nothing is lost silently. */
export type RemovalKind =
  | "page-stamp"
  | "page-number"
  | "link-list"
  | "markup"
  | "note-call"
  | "control-character"
  | "line-end-hyphen";

export interface Removal {
  kind: RemovalKind;
  /** 1-based source line. */
  line: number;
  /** The exact characters removed. */
  text: string;
  /** A few words for the user: why it went. */
  reason: string;
}

/** Where import re-joined text that page breaks or wrapping had split. */
export interface Repair {
  kind: "page-break-join" | "wrap-join" | "note-continued";
  line: number;
  /** The end of the text before the join and the start of the text after it, for display. */
  before: string;
  after: string;
}

export interface Segment {
  text: string;
  kind: BlockKind;
  /** 0-based index into the document's paragraphs. */
  paragraph: number;
  /** Offsets into the clean text: cleanText.slice(start, end) === text. */
  start: number;
  end: number;
  noteRefs: NoteRef[];
}

export interface CleanDocument {
  paragraphs: Paragraph[];
  removed: Removal[];
  repairs: Repair[];
}

export interface ProcessedDocument extends CleanDocument {
  language: TextLanguage;
  /** Paragraphs joined by blank lines: body in reading order, then the notes. */
  cleanText: string;
  segments: Segment[];
}
