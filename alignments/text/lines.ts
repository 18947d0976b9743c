import type { Language, TextLanguage } from "../languages";
import { looksLikeHeading } from "./heading";
import { splitLines } from "./layout/source-lines";
import { PARAGRAPH_SEPARATOR } from "./pipeline";
import { sentenceSpans } from "./sentences";
import { isUnspaced, wordsOf } from "./words";
import type { BlockKind, Paragraph, ProcessedDocument, Segment } from "./types";

/**
 * Texts that are already cut, one segment per line: a CAT tool's plain-text export (memoQ, Trados), a
 * researcher's pre-split corpus, the Canadian acts of ../shared/corpora (one structural unit per line). The
 * pipeline would take their lines for wrapped prose and join them (the Bank Act's 11,699 English lines became
 * 7,344 segments, one of 9,782 characters holding several definitions); here each line stays one segment.
 */

/** How a document is cut into segments (the documents table's `segmentation`). */
export type Segmentation = "pipeline" | "lines";

/** What the lines of a text say about how it was cut, and the verdict drawn from it. */
export interface LineLayout {
  /** Lines with text on them. */
  lines: number;
  /** Lines that end a unit: closing punctuation, a heading, or a clause left open on "…, and" / "…; ou". */
  unitEnds: number;
  /** Lines that stop mid-sentence while the next line goes on in lower case: what hard wrapping leaves. */
  wraps: number;
  /** Lines that hold more than one sentence of three words or more: paragraphs, not segments. */
  multiSentence: number;
  /** Blank lines (runs of them) between lines of text: paragraphs set apart, as a text cut by lines is not. */
  blankGaps: number;
  presegmented: boolean;
  /** For the import report: why the text was, or was not, taken as one segment per line. */
  reason: string;
}

/** Fewer lines than this say too little; a text this short is cut the same way either way, so it goes to the pipeline. */
export const MIN_LINES = 5;
/** At least this share of lines must end a unit… */
const MIN_UNIT_ENDS = 0.6;
/** …at most this share may wrap mid-sentence (the Bank Act: 8% in English, where provisions end on "if" or "means" before their paragraphs)… */
const MAX_WRAPS = 0.2;
/** …at most this share may hold several sentences (a paragraph-per-line text; the UDHR's paragraphs: 9%)… */
const MAX_MULTI_SENTENCE = 0.15;
/** …and at most this share of the gaps between lines may be blank lines. */
const MAX_BLANK_GAPS = 0.1;

// Closing punctuation and the quotes that close after it, spaced or not ("…fin. »", tokenised corpora's "…end! '"), also
// before a definition's closing term or a note: "…section 6; (groupe)", "subsidiary[Repealed, 2001, c. 9, s. 35]".
// Chinese and Japanese end a sentence with 。！？ (also ：；), their quotes closing after it (“…。” 「…。」); Arabic asks with ؟
// and separates clauses with ؛.
const CLOSED = /([.!?…:;。！？：；؟؛](\s?["'»”’)\]」』）])*|[.;]\s+\([^()]{1,100}\)|\[[^[\]]{1,120}\])$/;
// A clause the next line's paragraph completes: "…by cheque or other instrument, and", "…de la banque; ou"; a line
// left on a comma, in any script (，、،).
const OPEN_CLAUSE = /[,;]\s+(and|or|et|ou)$|[,，、،]$/;

/** Whether a line holds two sentences of three words or more ("Oh! said Alice." and a tokenised corpus's lone quote are one). */
function holdsSeveralSentences(line: string, language: TextLanguage): boolean {
  // Chinese and Japanese run their words together: the word breaker counts them.
  const wordCount = isUnspaced(language) ? (text: string) => wordsOf(text, language).length : (text: string) => text.match(/\p{L}+/gu)?.length ?? 0;
  let sentences = 0;
  for (const [start, end] of sentenceSpans(line, language)) {
    if (wordCount(line.slice(start, end)) >= 3 && ++sentences > 1) return true;
  }
  return false;
}

/** Whether a line, judged alone, ends a unit of a text cut by lines. */
function endsUnit(line: string): boolean {
  return CLOSED.test(line) || OPEN_CLAUSE.test(line) || looksLikeHeading(line);
}

const startsLowerCase = (line: string) => /^\p{Ll}/u.test(line);
const percent = (part: number, whole: number) => `${Math.round((100 * part) / Math.max(1, whole))}%`;

/** Reads a text's lines and says whether it looks cut one segment per line (most lines end a unit, few wrap). */
export function lineLayout(raw: string, language: TextLanguage): LineLayout {
  const texts: string[] = [];
  let blankGaps = 0;
  let blankBefore = false;
  for (const line of raw.split(/\r\n|\r|\n/)) {
    const text = line.trim();
    if (!text) {
      blankBefore = texts.length > 0;
      continue;
    }
    if (blankBefore) blankGaps++;
    blankBefore = false;
    texts.push(text);
  }
  let unitEnds = 0;
  let wraps = 0;
  let multiSentence = 0;
  texts.forEach((text, k) => {
    const ends = endsUnit(text);
    if (ends) unitEnds++;
    else if (k + 1 < texts.length && startsLowerCase(texts[k + 1])) wraps++;
    if (holdsSeveralSentences(text, language)) multiSentence++;
  });
  const n = texts.length;
  const layout = { lines: n, unitEnds, wraps, multiSentence, blankGaps };
  const counts = `${n.toLocaleString("en-US")} lines: ${percent(unitEnds, n)} end a sentence or a unit, ${percent(wraps, n)} break off mid-sentence, ${percent(multiSentence, n)} hold several sentences`;
  let refusal: string | null = null;
  if (n < MIN_LINES) refusal = `only ${n} line${n === 1 ? "" : "s"} of text`;
  else if (blankGaps > MAX_BLANK_GAPS * (n - 1)) refusal = `blank lines set its paragraphs apart (${counts})`;
  else if (wraps > MAX_WRAPS * n || unitEnds < MIN_UNIT_ENDS * n) refusal = `its lines are wrapped prose (${counts})`;
  else if (multiSentence > MAX_MULTI_SENTENCE * n) refusal = `its lines are paragraphs (${counts})`;
  return refusal === null
    ? { ...layout, presegmented: true, reason: `This text looks cut one segment per line (${counts}).` }
    : { ...layout, presegmented: false, reason: `This text was cut into sentences: ${refusal}.` };
}

export interface LineOptions {
  /** Source line i's kind when it is known (the Canadian acts' keys); body otherwise. */
  kinds?: ReadonlyArray<BlockKind | undefined>;
  /** false: each line exactly as it is, trimmed (the project's own corpora and tests); true by default. */
  cleanUp?: boolean;
}

/**
 * A text cut one segment per line, as the pipeline's document: each line with text is one segment and its own
 * paragraph. The clean-up that fits a line still applies (control and invisible characters out, reported; tabs
 * and runs of spaces made one space); nothing is joined or split. A line's kind is body unless it is given: a
 * line's look is no evidence worth the aligner's trust (guessing headings so cost the Bank Act pair 0.0012 strict
 * F1, decision 0021).
 */
export function segmentLines(raw: string, language: TextLanguage, { kinds = [], cleanUp = true }: LineOptions = {}): ProcessedDocument {
  const { lines, removed } = cleanUp ? splitLines(raw) : { lines: raw.split(/\r\n|\r|\n/).map((text, k) => ({ no: k + 1, text })), removed: [] };
  const paragraphs: Paragraph[] = [];
  const segments: Segment[] = [];
  let cleanText = "";
  lines.forEach((line, index) => {
    const text = line.text.trim();
    if (!text) return;
    if (paragraphs.length > 0) cleanText += PARAGRAPH_SEPARATOR;
    const start = cleanText.length;
    cleanText += text;
    const kind = kinds[index] ?? "body";
    segments.push({ text, kind, paragraph: paragraphs.length, start, end: cleanText.length, noteRefs: [] });
    paragraphs.push({ kind, text, line: line.no, noteRefs: [], oneSegment: true });
  });
  return { language, cleanText, paragraphs, segments, removed, repairs: [] };
}
