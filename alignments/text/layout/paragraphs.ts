import type { BlockKind, NoteRef, Paragraph, Removal } from "../types";
import type { NoteDraft } from "./footnotes";
import type { Draft, Joiner } from "./joins";
import { stripMarkup } from "./markup";
import { CALL_PATTERN } from "./patterns";
import type { Line } from "./source-lines";

/** Layout pass: the paragraphs' kinds (heading, item, running text) and the notes' paragraphs after the body. */

/**
 * What ends or continues a sentence at a paragraph's end, so that it is prose and not a heading: Latin punctuation, and
 * Chinese and Japanese 。！？；，、 (with the quotes or brackets that may close after them: “…。”) and Arabic ؟ ؛ ،.
 * Without these every Chinese paragraph read as a heading and was never cut into sentences.
 */
const ENDS_PROSE = /(?:[.!?;,…؟؛،]|[。！？；，、][」』”’）]*)$/u;
const ENDS_IN_COLON = /[:：]$/;

function isHeadingLike(text: string, first: boolean): boolean {
  const plain = text.replace(CALL_PATTERN, "").trim();
  const words = plain.split(/\s+/).length;
  if (first && plain.length <= 250 && !ENDS_PROSE.test(plain) && !ENDS_IN_COLON.test(plain) && /^[\p{Lu}\p{N}\p{Lo}]/u.test(plain)) return true;
  if (plain.length > 150 || words > 20) return false;
  if (ENDS_IN_COLON.test(plain)) return words <= 8;
  if (ENDS_PROSE.test(plain)) return false;
  return /^[\p{Lu}\p{N}\p{Lo}«"“]/u.test(plain);
}

/** The body's paragraphs, markup stripped, each given its kind: heading, list item or running text. */
export function bodyParagraphs(joined: Draft[], signatureFrom: number, removed: Removal[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  joined.forEach((draft, index) => {
    const line = draft.lines[0].no;
    const marked = stripMarkup(draft.text, line);
    removed.push(...marked.removed);
    let kind: BlockKind = marked.kind ?? "body";
    const text = marked.text;
    const inSignatures = draft.lines[0].no > signatureFrom;
    let oneSegment = false;
    if (kind === "body") {
      if (/^\(?(\d{1,3}|[a-z])[.)]\s+\S/.test(text)) kind = "item";
      else if (inSignatures && isHeadingLike(text, false) && /:$/.test(text)) kind = "heading";
      else if (inSignatures && !/^\(/.test(text)) {
        kind = "item";
        oneSegment = true;
      } else if (isHeadingLike(text, index === 0)) kind = "heading";
    } else if (kind === "item" && inSignatures) oneSegment = true;
    const paragraph = withCalls(kind, text, line);
    if (oneSegment) paragraph.oneSegment = true;
    paragraphs.push(paragraph);
  });
  return paragraphs;
}

/** The notes' paragraphs, kept after the body, the first of each labelled with its note's call. */
export function noteParagraphs(notes: NoteDraft[], lines: Line[], joinWrapped: Joiner, removed: Removal[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const note of notes) {
    note.paragraphs.forEach((lineIndices, k) => {
      if (lineIndices.length === 0) return;
      let text = lines[lineIndices[0]].text.trim();
      for (const index of lineIndices.slice(1)) text = joinWrapped(text, lines[index].text, lines[index].no);
      const marked = stripMarkup(text, lines[lineIndices[0]].no);
      removed.push(...marked.removed.filter((r) => r.reason !== "list bullet"));
      const noteText = marked.kind === "item" ? text.replace(/\s{2,}/g, " ") : marked.text;
      const paragraph = withCalls("note", noteText, lines[lineIndices[0]].no);
      if (k === 0) paragraph.label = note.label;
      paragraphs.push(paragraph);
    });
  }
  return paragraphs;
}

function withCalls(kind: BlockKind, text: string, line: number): Paragraph {
  const noteRefs: NoteRef[] = [];
  let out = "";
  let from = 0;
  for (const m of text.matchAll(CALL_PATTERN)) {
    out += text.slice(from, m.index);
    noteRefs.push({ label: m[1], offset: out.length });
    from = m.index! + m[0].length;
  }
  out += text.slice(from);
  return { kind, text: out, line, noteRefs };
}
