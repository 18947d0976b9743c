import { and, asc, eq, gte, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import { UserError } from "../utils/refusal";
import { alignSegments, type Alignment, type AlignSegment } from "../../alignments/align/aligner";
import { parseGlossary, parseHunalignDictionary, type LexiconEntry } from "../../alignments/align/lexicon";
import { alignmentProblems } from "../../alignments/align/links";
import { ReadLimitError } from "../../alignments/formats/text-limit";
import type { EditableLink } from "../../alignments/align/operations";
import { CsvError } from "../../alignments/formats/csv";
import { isLanguage, TEXT_LANGUAGE_NAMES, type TextLanguage } from "../../alignments/languages";
import { decodeText } from "../../alignments/text/decode";
import { getDb, type Db } from "../../db/client.server";
import { documents, edits, links, pairs, seedLog, segments, type StoredLink } from "../../db/schema";
import { clipTitle, formatCount, MAX_LEXICON_PAIRS } from "../utils/limits";
import { LOW_CONFIDENCE, LOW_SUPPORT } from "../editor/thresholds";

export { LOW_CONFIDENCE, LOW_SUPPORT };

export type PairStatus = "queued" | "aligning" | "ready" | "failed";
type Field = "en" | "fr" | "title" | "lexicon";

/** A user-facing refusal: the route shows the message on the form; nothing was written. */
export class PairError extends UserError {
  declare readonly status: 400 | 404 | 413 | 422;
  declare readonly field: Field;
  constructor(status: 400 | 404 | 413 | 422, field: Field, message: string) {
    super(status, message, field);
  }
}

/** Raised when the aligner's answer cannot be stored; the pair is marked failed with this message. */
export class AlignmentRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AlignmentRejected";
  }
}

export const CHUNK = 400;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

// ---------------------------------------------------------------------------------------------------
// Dictionaries

export interface Lexicon {
  name: string;
  format: "hunalign" | "glossary";
  entries: LexiconEntry[];
}

/**
 * Reads an uploaded dictionary: a hunalign .dic ("french @ english" per line) or a glossary (CSV or TSV,
 * English then French). The format is recognised from the lines, whatever the file's extension.
 */
export function readLexicon(name: string, bytes: Uint8Array): Lexicon {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new PairError(422, "lexicon", `${name}: ${decoded.message}`);
  const lines = decoded.text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines.length === 0) throw new PairError(422, "lexicon", `${name} is empty: leave the dictionary out, or choose a file with entries.`);
  const hunalign = lines.filter((line) => line.includes(" @ ")).length >= lines.length / 2;
  let entries: LexiconEntry[];
  try {
    entries = hunalign ? parseHunalignDictionary(decoded.text, MAX_LEXICON_PAIRS) : parseGlossary(decoded.text, MAX_LEXICON_PAIRS);
  } catch (error) {
    if (error instanceof CsvError) throw new PairError(422, "lexicon", `${name}: ${error.message} Nothing was created.`);
    if (!(error instanceof ReadLimitError)) throw error;
    throw new PairError(
      413,
      "lexicon",
      `${name} gives more than ${formatCount(MAX_LEXICON_PAIRS)} word pairs (each word of an entry is paired with each word of its translation); Tandem takes dictionaries of up to ${formatCount(MAX_LEXICON_PAIRS)} word pairs: keep the entries of your texts' field, or split long phrases. Nothing was imported.`,
    );
  }
  if (entries.length === 0) {
    throw new PairError(
      422,
      "lexicon",
      `Tandem found no entries in ${name}. A dictionary has one entry per line: “french @ english” (hunalign’s .dic) or “english,french” (a CSV or TSV glossary).`,
    );
  }
  return { name, format: hunalign ? "hunalign" : "glossary", entries };
}

// ---------------------------------------------------------------------------------------------------
// Creating a pair

export interface PairInput {
  sourceDocumentId: number;
  targetDocumentId: number;
  title?: string;
  lexicon?: Lexicon | null;
  /** Stable key of a demo pair, recorded in seed_log in the same transaction. */
  sourceKey?: string | null;
}

interface DocumentInfo {
  id: number;
  title: string;
  language: TextLanguage;
  segmentCount: number;
}

export function documentInfo(db: Db | Tx, id: number): DocumentInfo | undefined {
  return db
    .select({ id: documents.id, title: documents.title, language: documents.language, segmentCount: documents.segmentCount })
    .from(documents)
    .where(eq(documents.id, id))
    .get();
}

const quoted = (title: string) => `“${title}”`;

/** The two documents of a new pair, or a refusal that says what is wrong and what to do. */
export function checkPairDocuments(sourceDocumentId: number, targetDocumentId: number, db: Db = getDb()): { en: DocumentInfo; fr: DocumentInfo } {
  if (sourceDocumentId === targetDocumentId) {
    throw new PairError(400, "fr", "You chose the same document twice. A pair is an English original and its French translation: choose two documents.");
  }
  const en = documentInfo(db, sourceDocumentId);
  if (!en) throw new PairError(404, "en", "The English document you chose does not exist any more; it may have been deleted. Choose another one.");
  const fr = documentInfo(db, targetDocumentId);
  if (!fr) throw new PairError(404, "fr", "The French document you chose does not exist any more; it may have been deleted. Choose another one.");
  if (en.language === "fr" && fr.language === "en") {
    throw new PairError(
      422,
      "en",
      `${quoted(en.title)} is French and ${quoted(fr.title)} is English: swap them. The English original goes first, the French translation second.`,
    );
  }
  if (!isLanguage(en.language) || !isLanguage(fr.language)) {
    // Any two languages (issue 14): the first document is the source, the second its translation.
    if (en.language !== fr.language) return { en, fr };
    const language = TEXT_LANGUAGE_NAMES[en.language];
    throw new PairError(422, "fr", `Both documents are ${language}. A pair needs an original and its translation in another language. If ${quoted(fr.title)} is in fact in another language, change its language on its document page first.`);
  }
  if (en.language !== "en" || fr.language !== "fr") {
    const language = en.language === "fr" ? "French" : "English";
    const wrong = en.language !== "en" ? en : fr;
    const field: Field = en.language !== "en" ? "en" : "fr";
    const should = field === "en" ? "English" : "French";
    throw new PairError(
      422,
      field,
      `Both documents are ${language}. A pair needs an English original and its French translation. If ${quoted(wrong.title)} is in fact ${should}, change its language on its document page first.`,
    );
  }
  return { en, fr };
}

function defaultTitle(en: DocumentInfo, fr: DocumentInfo): string {
  return clipTitle(`${en.title} ↔ ${fr.title}`);
}

/**
 * Creates a pair, queued for alignment, in one transaction; the caller hands its id to the alignment queue.
 * When a document has no segment the alignment is trivial (every segment alone) and is stored at once, ready.
 */
export function createPair(input: PairInput, db: Db = getDb()): { id: number; queued: boolean } {
  const { en, fr } = checkPairDocuments(input.sourceDocumentId, input.targetDocumentId, db);
  const title = input.title?.trim() || defaultTitle(en, fr);
  const lexicon = input.lexicon ?? null;
  const trivial = en.segmentCount === 0 || fr.segmentCount === 0;
  return db.transaction((tx) => {
    const [row] = tx
      .insert(pairs)
      .values({
        title,
        sourceDocumentId: en.id,
        targetDocumentId: fr.id,
        status: "queued",
        lexiconName: lexicon?.name ?? null,
        lexiconSize: lexicon?.entries.length ?? 0,
        lexicon: lexicon ? JSON.stringify(lexicon.entries) : null,
        sourceKey: input.sourceKey ?? null,
      })
      .returning({ id: pairs.id })
      .all();
    if (input.sourceKey) tx.insert(seedLog).values({ sourceKey: input.sourceKey }).onConflictDoNothing().run();
    if (trivial) {
      const { en: enSegments, fr: frSegments, languages } = readSegments(tx, en.id, fr.id);
      writeAlignment(tx, row.id, alignSegments(enSegments, frSegments, { languages }), enSegments.length, frSegments.length);
    }
    return { id: row.id, queued: !trivial };
  });
}

/** Creates a pair and aligns it on this thread, all in one transaction (demo pairs at set-up). */
export function createAlignedPair(input: PairInput, db: Db = getDb()): { id: number; linkCount: number; ms: number } {
  const { en, fr } = checkPairDocuments(input.sourceDocumentId, input.targetDocumentId, db);
  const { en: enSegments, fr: frSegments, languages } = readSegments(db, en.id, fr.id);
  const started = performance.now();
  const alignment = alignSegments(enSegments, frSegments, { lexicon: input.lexicon?.entries, languages });
  const ms = Math.round(performance.now() - started);
  return db.transaction((tx) => {
    const [row] = tx
      .insert(pairs)
      .values({
        title: input.title?.trim() || defaultTitle(en, fr),
        sourceDocumentId: en.id,
        targetDocumentId: fr.id,
        status: "aligning",
        lexiconName: input.lexicon?.name ?? null,
        lexiconSize: input.lexicon?.entries.length ?? 0,
        lexicon: input.lexicon ? JSON.stringify(input.lexicon.entries) : null,
        sourceKey: input.sourceKey ?? null,
      })
      .returning({ id: pairs.id })
      .all();
    if (input.sourceKey) tx.insert(seedLog).values({ sourceKey: input.sourceKey }).onConflictDoNothing().run();
    writeAlignment(tx, row.id, alignment, enSegments.length, frSegments.length);
    return { id: row.id, linkCount: alignment.links.length, ms };
  });
}

// ---------------------------------------------------------------------------------------------------
// Alignment life cycle: queued → aligning → ready | failed

export function readSegments(
  db: Db | Tx,
  sourceDocumentId: number,
  targetDocumentId: number,
): { en: AlignSegment[]; fr: AlignSegment[]; languages: [TextLanguage, TextLanguage] } {
  const of = (documentId: number): AlignSegment[] =>
    db
      .select({ text: segments.text, kind: segments.kind, paragraph: segments.paragraph })
      .from(segments)
      .where(eq(segments.documentId, documentId))
      .orderBy(asc(segments.position))
      .all();
  const languageOf = (id: number) => db.select({ language: documents.language }).from(documents).where(eq(documents.id, id)).get()?.language ?? "en";
  return { en: of(sourceDocumentId), fr: of(targetDocumentId), languages: [languageOf(sourceDocumentId), languageOf(targetDocumentId)] };
}

/**
 * Links as stored rows, in order: a side with no segment starts where it would be, after the previous link's
 * (the first one follows a link that ended at enNext, frNext).
 */
export function toStored(list: readonly Pick<EditableLink, "en" | "fr" | "confidence" | "status">[], enNext = 0, frNext = 0): StoredLink[] {
  return list.map((link) => {
    const row: StoredLink = {
      sourceStart: link.en.length > 0 ? link.en[0] : enNext,
      sourceCount: link.en.length,
      targetStart: link.fr.length > 0 ? link.fr[0] : frNext,
      targetCount: link.fr.length,
      status: link.status,
      confidence: link.confidence,
    };
    enNext = row.sourceStart + row.sourceCount;
    frNext = row.targetStart + row.targetCount;
    return row;
  });
}

/**
 * The rows of a finished alignment, checked against the documents' segment counts; AlignmentRejected (nothing
 * stored) when it does not cover both documents exactly once. Made before the transaction that writes them.
 */
export function alignmentRows(alignment: Alignment, n: number, m: number): StoredLink[] {
  const problems = alignmentProblems(alignment.links, n, m);
  if (problems.length > 0) {
    throw new AlignmentRejected(
      `The aligner returned an alignment that does not cover both documents exactly once (${problems.slice(0, 2).join("; ")}). Nothing was stored.`,
    );
  }
  return toStored(alignment.links.map((link) => ({ en: link.en, fr: link.fr, confidence: link.confidence, status: "automatic" as const })));
}

/** Inserts every link and marks the pair ready (its job done), inside the caller's transaction. */
export function writeAlignmentRows(tx: Tx, pairId: number, stored: readonly StoredLink[], support: number): void {
  tx.delete(links).where(eq(links.pairId, pairId)).run();
  const rows = stored.map((row, position) => ({ pairId, position, ...row }));
  for (let i = 0; i < rows.length; i += CHUNK) tx.insert(links).values(rows.slice(i, i + CHUNK)).run();
  // A new alignment starts a new history: nothing before it can be undone or redone.
  tx.update(edits)
    .set({ state: "dropped" })
    .where(and(eq(edits.pairId, pairId), inArray(edits.state, ["done", "undone"])))
    .run();
  tx.update(pairs)
    .set({
      status: "ready",
      progress: 1,
      error: null,
      support,
      linkCount: rows.length,
      jobHolder: null,
      version: sql`${pairs.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(pairs.id, pairId))
    .run();
}

function writeAlignment(tx: Tx, pairId: number, alignment: Alignment, n: number, m: number): void {
  writeAlignmentRows(tx, pairId, alignmentRows(alignment, n, m), alignment.support);
}

/** Puts a failed pair back in the queue; false if it is not failed. */
export function retryPair(pairId: number, db: Db = getDb()): boolean {
  return (
    db
      .update(pairs)
      .set({ status: "queued", error: null, progress: 0, updatedAt: new Date() })
      .where(and(eq(pairs.id, pairId), eq(pairs.status, "failed")))
      .run().changes > 0
  );
}

export const REALIGN_INTERRUPTED =
  "The server stopped while it was realigning this pair: the links are as they were. Realign again if you still want to.";

/**
 * After a restart: an alignment that was running when the server stopped left no links (they are written
 * in one transaction with "ready"), so it is simply queued again. Returns every queued pair, oldest first.
 * A realignment of the unconfirmed links that was waiting or running is dropped: it had written nothing,
 * and the pair says so. Only for a database no live server holds (decision 18): the jobs would be that server's.
 */
export function recoverInterruptedPairs(db: Db = getDb()): number[] {
  db.transaction((tx) => {
    tx.update(pairs).set({ status: "queued", progress: 0, jobHolder: null, updatedAt: new Date() }).where(eq(pairs.status, "aligning")).run();
    tx.update(pairs)
      .set({ realignVersion: null, realignUser: null, realignProgress: 0, realignError: REALIGN_INTERRUPTED, jobHolder: null })
      .where(isNotNull(pairs.realignVersion))
      .run();
  });
  return db
    .select({ id: pairs.id })
    .from(pairs)
    .where(eq(pairs.status, "queued"))
    .orderBy(asc(pairs.id))
    .all()
    .map((row) => row.id);
}

export function deletePair(pairId: number, db: Db = getDb()): boolean {
  return db.delete(pairs).where(eq(pairs.id, pairId)).run().changes > 0;
}

// ---------------------------------------------------------------------------------------------------
// Reading

const pairColumns = {
  id: pairs.id,
  title: pairs.title,
  sourceDocumentId: pairs.sourceDocumentId,
  targetDocumentId: pairs.targetDocumentId,
  status: pairs.status,
  progress: pairs.progress,
  error: pairs.error,
  support: pairs.support,
  linkCount: pairs.linkCount,
  lexiconName: pairs.lexiconName,
  lexiconSize: pairs.lexiconSize,
  sourceKey: pairs.sourceKey,
  createdAt: pairs.createdAt,
  updatedAt: pairs.updatedAt,
};

export function listPairs(db: Db = getDb()) {
  const rows = db.select(pairColumns).from(pairs).orderBy(asc(pairs.id)).all();
  const ids = [...new Set(rows.flatMap((p) => [p.sourceDocumentId, p.targetDocumentId]))];
  const docs = new Map(
    (ids.length > 0
      ? db.select({ id: documents.id, title: documents.title, segmentCount: documents.segmentCount }).from(documents).where(inArray(documents.id, ids)).all()
      : []
    ).map((d) => [d.id, d]),
  );
  const low = new Map(
    db
      .select({ pairId: links.pairId, n: sql<number>`count(*)` })
      .from(links)
      .where(lt(links.confidence, LOW_CONFIDENCE))
      .groupBy(links.pairId)
      .all()
      .map((r) => [r.pairId, r.n]),
  );
  return rows.map((p) => ({ ...p, en: docs.get(p.sourceDocumentId)!, fr: docs.get(p.targetDocumentId)!, lowCount: low.get(p.id) ?? 0 }));
}

export type PairSummaryRow = ReturnType<typeof listPairs>[number];

/** Pairs a document belongs to (its page lists them; they block its deletion). */
export function pairsOfDocument(documentId: number, db: Db = getDb()) {
  return db
    .select({ id: pairs.id, title: pairs.title, status: pairs.status })
    .from(pairs)
    .where(or(eq(pairs.sourceDocumentId, documentId), eq(pairs.targetDocumentId, documentId)))
    .orderBy(asc(pairs.id))
    .all();
}

/** The light part of a pair (status and progress), for polling. */
export function getPairStatus(pairId: number, db: Db = getDb()) {
  return db
    .select({ id: pairs.id, status: pairs.status, progress: pairs.progress, error: pairs.error, linkCount: pairs.linkCount })
    .from(pairs)
    .where(eq(pairs.id, pairId))
    .get();
}

/** A pair with its two documents; null if there is no such pair. The links are read by the editor (editor.server.ts). */
export function getPair(pairId: number, db: Db = getDb()) {
  const pair = db.select(pairColumns).from(pairs).where(eq(pairs.id, pairId)).get();
  if (!pair) return null;
  const en = documentInfo(db, pair.sourceDocumentId)!;
  const fr = documentInfo(db, pair.targetDocumentId)!;
  return { pair, en, fr };
}

export type PairDetail = NonNullable<ReturnType<typeof getPair>>;

/** A stored link as the aligner's index lists. */
export function toEditable(row: StoredLink): EditableLink {
  const range = (start: number, count: number) => Array.from({ length: count }, (_, k) => start + k);
  return { en: range(row.sourceStart, row.sourceCount), fr: range(row.targetStart, row.targetCount), status: row.status, confidence: row.confidence };
}

/** Every link of a pair as the aligner's index lists (tests, exports). */
export function pairLinks(pairId: number, db: Db = getDb()): EditableLink[] {
  return db.select().from(links).where(eq(links.pairId, pairId)).orderBy(asc(links.position)).all().map(toEditable);
}

/** Documents that can be paired, English and French, for the form's selects. */
export function pairableDocuments(db: Db = getDb()) {
  return db
    .select({ id: documents.id, title: documents.title, language: documents.language, segmentCount: documents.segmentCount })
    .from(documents)
    .orderBy(asc(documents.id))
    .all();
}
