import type { CleanDocument, Repair } from "./types";
import { assignRoles, findFootnotes, markNoteCalls } from "./layout/footnotes";
import { findFurniture } from "./layout/furniture";
import { bodyDrafts, estimateWrapWidth, joinAcrossBreaks, makeJoiner } from "./layout/joins";
import { bodyParagraphs, noteParagraphs } from "./layout/paragraphs";
import { splitLines } from "./layout/source-lines";
import { opensSignatureList, SIGNATURE_OPENING } from "./signatures";

/**
 * Turns text extracted from PDFs, web pages or markdown into clean paragraphs.
 *
 * It removes page furniture (page stamps, lone page numbers, the link lists PDF extractors append),
 * moves footnotes out of the running text into notes kept after the body, re-joins what page breaks and
 * hard wrapping split, and strips markdown markup. Everything it takes out is reported in `removed`,
 * everything it re-joins in `repairs`; the words themselves are never changed.
 *
 * One pass per file in layout/: source-lines (the lines, invisible characters out), furniture (page stamps,
 * running heads, page numbers, link lists), footnotes (calls, notes and what belongs to them), joins (wrapped
 * lines and page breaks), markup (markdown marks) and paragraphs (their kinds, and the notes after the body).
 */

/** Cleans a whole document: paragraphs in reading order, then notes; what was removed and re-joined. */
export function cleanLayout(raw: string): CleanDocument {
  const { lines, removed, pageBreaks } = splitLines(raw);
  const repairs: Repair[] = [];
  const furniture = findFurniture(lines, removed, pageBreaks);
  const { calls, starts } = findFootnotes(lines, furniture);
  markNoteCalls(lines, calls, removed);

  const { roles, notes, zoneEnds } = assignRoles(lines, furniture, starts, repairs);
  const joinWrapped = makeJoiner(lines, removed);
  const wrapWidth = estimateWrapWidth(lines, roles);
  const signatureLine = lines.find(
    (l, i) => roles[i]?.kind === "body" && SIGNATURE_OPENING.test(l.text) && opensSignatureList(lines.slice(i + 1, i + 400).map((next) => next.text)),
  );
  const signatureFrom = signatureLine ? signatureLine.no : Number.POSITIVE_INFINITY;

  const drafts = bodyDrafts(lines, roles, zoneEnds, pageBreaks, wrapWidth, signatureFrom, joinWrapped);
  const joined = joinAcrossBreaks(drafts, wrapWidth, signatureFrom, joinWrapped, repairs);
  const paragraphs = bodyParagraphs(joined, signatureFrom, removed);
  paragraphs.push(...noteParagraphs(notes, lines, joinWrapped, removed));
  removed.sort((a, b) => a.line - b.line);
  repairs.sort((a, b) => a.line - b.line);
  return { paragraphs, removed, repairs };
}
