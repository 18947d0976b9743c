/**
 * The concordance over every document of the library, paired or not, run in the compute worker through its
 * read-only connection (corpus-queries.server.ts posts the question; decision 16). Every occurrence is counted,
 * with the segments holding one; the first `limit` are cut out in context, in the documents' order or sorted by
 * the words around them (1L … 3R). A segment of a document that an aligned pair holds is shown beside the other
 * side of its link, the words rendering the query marked (the glossary's terms, the aligner's word list); a
 * segment of a document in no aligned pair, or in a link with one side only, has no counterpart, and says so.
 */
import { BUILT_IN_LEXICON } from "../../alignments/align/lexicon";
import type { Language } from "../../alignments/languages";
import { contextKey, inContext, sortByContext, type ContextSort } from "../../alignments/terms/concordance";
import { concordanceFile, type ConcordanceFileFormat, type ConcordanceRecord } from "../../alignments/terms/concordance-file";
import { counterpartFinder, counterpartMarks, type CounterpartMark } from "../../alignments/terms/counterparts";
import { compileTerms, findTerms, hitParts, type Matcher, type MatchMode } from "../../alignments/terms/match";
import { holdsNeedles, needlesOf, screenFold } from "../../alignments/terms/screen";
import { wordsOf } from "../../alignments/terms/words";
import { excerpt } from "../../alignments/text/excerpt";
import { linkText, piecesInSegments } from "../../alignments/text/joined-segments";
import type { Db } from "../../db/client.server";
import { documentSegments, searchableDocuments, type SearchableDocument, type SearchSegment } from "./corpus-read.server";
import { glossarySnapshot } from "./glossary-snapshot.server";

/** Lines shown per language at most; the answer still counts every occurrence. */
export const CONCORDANCE_LIMIT = 200;
/**
 * Occurrences a search sorts by context, or writes to a file, at most: each is held in the worker until the end
 * (about 1 KB with its texts), so a word found half a million times is counted and shown in the documents'
 * order, and the page says why it is not sorted or exported.
 */
export const SORTED_LIMIT = 50_000;
/** Characters of context each side on the page, and in a file. */
const PAGE_CONTEXT = 60;
const FILE_CONTEXT = 150;
/** Characters of a counterpart shown around its marks, on the page and in a file. */
const PAGE_COUNTERPART = 280;
const FILE_COUNTERPART = 1000;

export interface ConcordanceQuestion {
  query: string;
  language: Language;
  /** One document only (of `language`). */
  documentId?: number;
  /** The documents of one ready pair, read in that pair. */
  pairId?: number;
  match?: MatchMode;
  sort?: ContextSort;
  limit?: number;
}

export interface ConcordanceDocument extends SearchableDocument {
  /** Occurrences in this document. */
  count: number;
  /** Segments holding one. */
  segments: number;
}

export interface ConcordanceLine {
  document: number;
  /** The row of the document's pair (0-based link position); null in a document no aligned pair holds. */
  link: number | null;
  /** The segment in its document (0-based). */
  segment: number;
  left: string;
  match: string;
  right: string;
  /** The link's other side, cut around its marks; null when there is none (no pair, or a link with one side). */
  counterpart: string | null;
  marks: CounterpartMark[];
}

export interface ConcordanceAnswer {
  /** Occurrences in every document searched, shown or not. */
  total: number;
  /** Segments holding at least one. */
  segments: number;
  /** Lines shown (at most the limit). */
  shown: number;
  /** The order of `lines`: the one asked, or "document" when a context sort was asked of more than SORTED_LIMIT. */
  sort: ContextSort;
  /** A context sort was asked and not done, the occurrences being over SORTED_LIMIT. */
  sortRefused: boolean;
  /** The documents with an occurrence, in the library's order. */
  documents: ConcordanceDocument[];
  lines: ConcordanceLine[];
}

interface Found extends Omit<ConcordanceLine, "counterpart" | "marks"> {
  key: string;
  counterpart: string | null;
}

/** A document's segments in runs: the segments of one link together, in order; a segment in no link alone. */
function* linkRuns(segments: Iterable<SearchSegment>): Generator<SearchSegment[]> {
  let run: SearchSegment[] = [];
  for (const unit of segments) {
    const last = run[run.length - 1];
    if (last && (unit.link === null || unit.link !== last.link || unit.segment !== last.segment + 1)) {
      yield run;
      run = [];
    }
    run.push(unit);
  }
  if (run.length > 0) yield run;
}

interface RunLine extends Omit<Found, "document" | "counterpart"> {
  counterpart: () => string | null;
}

/**
 * The occurrences in one run of segments (a link's on this side), in the order they start. Each segment is searched
 * alone, as a segment is the concordance's unit; when the query has several words and the link several segments, the
 * link's joined text (its segments joined by one space) is searched too, for an occurrence cut by a segment boundary
 * ("mutual legal | assistance"). Such an occurrence counts once; its line is in the segment it starts in, with its
 * context from the joined text; every segment it touches counts among the segments holding one. One that overlaps an
 * occurrence found inside a segment is that one, not another.
 */
function runOccurrences(
  run: readonly SearchSegment[],
  search: { matcher: Matcher; needles: readonly string[]; language: Language; width: number; sort: ContextSort; spans: boolean },
): { lines: RunLine[]; segments: number } {
  const { matcher, needles, language, width, sort } = search;
  const holding = new Set<number>();
  const lines: Array<RunLine & { at: number }> = [];
  const inside: Array<{ start: number; end: number }> = [];
  let offset = 0;
  for (const unit of run) {
    // A segment lacking a word of the query (folded, less its ending) cannot hold it: it is not matched at all.
    if (holdsNeedles(screenFold(unit.text), needles)) {
      const words = wordsOf(unit.text, language);
      for (const hit of findTerms(matcher, unit.text, words)) {
        holding.add(unit.segment);
        inside.push({ start: offset + hit.start, end: offset + hit.end });
        lines.push({ at: offset + hit.start, link: unit.link, segment: unit.segment, ...inContext(unit.text, hit, width), key: contextKey(words, hit, sort), counterpart: unit.counterpart });
      }
    }
    offset += unit.text.length + 1;
  }
  if (search.spans && run.length > 1) {
    const texts = run.map((unit) => unit.text);
    const joined = linkText(texts, 0, texts.length);
    if (holdsNeedles(screenFold(joined), needles)) {
      const words = wordsOf(joined, language);
      for (const hit of findTerms(matcher, joined, words)) {
        const touched = new Set(piecesInSegments(texts, 0, texts.length, hitParts(hit)).map((piece) => piece.segment));
        if (touched.size < 2 || inside.some((other) => other.start < hit.end && hit.start < other.end)) continue;
        const first = run[Math.min(...touched)];
        for (const k of touched) holding.add(run[k].segment);
        lines.push({ at: hit.start, link: first.link, segment: first.segment, ...inContext(joined, hit, width), key: contextKey(words, hit, sort), counterpart: first.counterpart });
      }
    }
  }
  lines.sort((a, b) => a.at - b.at);
  return { lines: lines.map(({ at: _at, ...line }) => line), segments: holding.size };
}

/** The occurrences of a query, counted, the first `limit` (in the asked order) with their whole counterparts. */
function occurrences(db: Db, question: ConcordanceQuestion, width: number) {
  const q = question.query.replace(/\s+/g, " ").trim();
  const { language, sort = "document", match = "inflected" } = question;
  const limit = question.limit ?? CONCORDANCE_LIMIT;
  const found: Found[] = [];
  const documents: ConcordanceDocument[] = [];
  let total = 0;
  let segments = 0;
  const queryWords = wordsOf(q, language).length;
  if (queryWords === 0) return { q, total, segments, sort, sortRefused: false, documents, found };
  const matcher = compileTerms([{ id: 0, concept: 0, language, text: q, status: "preferred", match }], language);
  const [needles] = needlesOf([{ id: 0, concept: 0, language, text: q, status: "preferred", match }]);
  // Sorting needs every occurrence; the documents' order only the first ones.
  const keep = sort === "document" ? limit : Math.max(limit, SORTED_LIMIT);
  for (const doc of searchableDocuments(db, language, question)) {
    let count = 0;
    let holding = 0;
    for (const run of linkRuns(documentSegments(db, doc))) {
      const inRun = runOccurrences(run, { matcher, needles, language, width, sort, spans: queryWords > 1 });
      count += inRun.lines.length;
      holding += inRun.segments;
      for (const line of inRun.lines) {
        if (found.length >= keep) break;
        const { counterpart, ...rest } = line;
        found.push({ document: doc.id, ...rest, counterpart: counterpart() });
      }
    }
    if (count === 0) continue;
    total += count;
    segments += holding;
    documents.push({ ...doc, count, segments: holding });
  }
  const sortRefused = sort !== "document" && total > SORTED_LIMIT;
  if (sort !== "document" && !sortRefused) sortByContext(found);
  return { q, total, segments, sort: sortRefused ? ("document" as const) : sort, sortRefused, documents, found: found.slice(0, limit) };
}

/** What marks the counterparts of a query, from the glossary as it is now and the aligner's word list. */
function finderOf(db: Db, q: string, language: Language) {
  return counterpartFinder(q, language, glossarySnapshot(db).terms, BUILT_IN_LEXICON);
}

/**
 * Every occurrence of a word or term in the documents of one language (every one, one, or a pair's), counted
 * with the segments holding them; the first `limit` in context with their counterparts, marked.
 */
export function concordanceIn(db: Db, question: ConcordanceQuestion): ConcordanceAnswer {
  const { found, q, ...answer } = occurrences(db, question, PAGE_CONTEXT);
  const finder = found.length > 0 ? finderOf(db, q, question.language) : null;
  const lines = found.map(({ key: _key, counterpart, ...line }) => {
    if (counterpart === null) return { ...line, counterpart, marks: [] };
    const cut = excerpt(counterpart, finder ? counterpartMarks(finder, counterpart) : [], PAGE_COUNTERPART);
    return { ...line, counterpart: cut.text, marks: cut.marks as CounterpartMark[] };
  });
  return { ...answer, shown: lines.length, lines };
}

export interface ConcordanceFileQuestion extends Omit<ConcordanceQuestion, "limit" | "language"> {
  languages: Language[];
  format: ConcordanceFileFormat;
  /** The address the links in the file start with (the server's origin). */
  origin: string;
}

/**
 * Every occurrence, in every language asked, as a CSV or TSV file: null (with the count) when they are more
 * than SORTED_LIMIT, the file is then refused rather than cut.
 */
export function concordanceFileIn(db: Db, question: ConcordanceFileQuestion): { total: number; file: string | null } {
  const records: ConcordanceRecord[] = [];
  let total = 0;
  for (const language of question.languages) {
    const { found, q, documents, ...counted } = occurrences(db, { ...question, language, limit: SORTED_LIMIT }, FILE_CONTEXT);
    total += counted.total;
    if (total > SORTED_LIMIT) return { total, file: null };
    const finder = found.length > 0 ? finderOf(db, q, language) : null;
    const byId = new Map(documents.map((d) => [d.id, d]));
    for (const line of found) {
      const doc = byId.get(line.document)!;
      const counterpart = line.counterpart === null ? "" : excerpt(line.counterpart, finder ? counterpartMarks(finder, line.counterpart) : [], FILE_COUNTERPART).text;
      const path = line.link === null ? `/documents/${doc.id}#s${line.segment + 1}` : `/pairs/${doc.pairId}#link-${line.link + 1}`;
      records.push({
        document: doc.title,
        language,
        pair: doc.pairTitle ?? "",
        row: (line.link ?? line.segment) + 1,
        left: line.left,
        hit: line.match,
        right: line.right,
        counterpart,
        link: new URL(path, question.origin).href,
      });
    }
  }
  return { total, file: concordanceFile(records, question.format) };
}
