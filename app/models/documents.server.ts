import { asc, eq, getTableColumns, or, sql } from "drizzle-orm";
import type { Language, TextLanguage } from "../../alignments/languages";
import { presegment } from "../../alignments/text/given-segments";
import { processDocument } from "../../alignments/text/pipeline";
import { titleFromHeadings } from "../../alignments/text/title";
import type { BlockKind, NoteRef, ProcessedDocument } from "../../alignments/text/types";
import { getDb, type Db } from "../../db/client.server";
import { insertEach } from "../../db/insert-each";
import { documents, pairs, paragraphs, removals, repairs, seedLog, segments } from "../../db/schema";
import { MAX_TITLE } from "../utils/limits";
import { UserError } from "../utils/refusal";

export type Origin = "seed" | "demo" | "import";

/** A text with nothing to import: the form shows the message beside the text (422), nothing was written. */
export class ImportError extends UserError {
  constructor(message: string) {
    super(422, message, "text");
  }
}

/**
 * A document that is part of a pair cannot be deleted or re-segmented: the pair's links point at its
 * segments (pairs reference documents with ON DELETE RESTRICT). The message names the pairs.
 */
export class DocumentInUseError extends UserError {
  constructor(
    readonly pairs: Array<{ id: number; title: string }>,
    readonly action: "delete" | "re-segment",
  ) {
    const names = pairs.map((p) => `“${p.title}”`).join(", ");
    super(
      409,
      pairs.length === 1
        ? `This document is in the pair ${names}, whose links point at its segments, so Tandem cannot ${action} it: delete the pair first.`
        : `This document is in ${pairs.length} pairs: ${names}. Their links point at its segments, so Tandem cannot ${action} it: delete those pairs first.`,
    );
  }
}

export function refuseIfPaired(db: Db | Tx, id: number, action: "delete" | "re-segment"): void {
  const paired = db
    .select({ id: pairs.id, title: pairs.title })
    .from(pairs)
    .where(or(eq(pairs.sourceDocumentId, id), eq(pairs.targetDocumentId, id)))
    .orderBy(asc(pairs.id))
    .all();
  if (paired.length > 0) throw new DocumentInUseError(paired, action);
}

export interface ImportInput {
  /** Empty: the document's first heading names it (titleFromHeadings), else `fallbackTitle`. */
  title: string;
  /** The title of a document given none whose start has no heading: its file's name or its first line. */
  fallbackTitle?: string;
  raw: string;
  language: TextLanguage;
  origin: Origin;
  sourceName?: string | null;
  /** Stable key of a seed or demo document: recorded in seed_log in the same transaction. */
  sourceKey?: string | null;
  description?: string | null;
  encoding?: string | null;
  encodingNote?: string | null;
  detectedLanguage?: string | null;
  detectionConfidence?: number | null;
  /**
   * The text is already one segment per line (parallel corpora): keep its lines as they are instead of
   * cleaning and sentence-splitting. `kinds[i]` may give the kind of source line i (default "body").
   */
  presegmented?: boolean | { kinds?: Array<BlockKind | undefined>; cleanUp?: boolean };
  /** Why the text was cut as it was, when Tandem chose (the import report shows it); null when a person chose. */
  segmentationNote?: string | null;
}

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * A document's rows, made from its processed form before the write's transaction begins (decision 0017): inside
 * it, insertStructure only sets their document id and writes them.
 */
export interface DocumentRows {
  paragraphs: Array<typeof paragraphs.$inferInsert>;
  segments: Array<typeof segments.$inferInsert>;
  removals: Array<typeof removals.$inferInsert>;
  repairs: Array<typeof repairs.$inferInsert>;
}

export function documentRows(doc: ProcessedDocument): DocumentRows {
  const documentId = 0; // set by insertStructure
  return {
    paragraphs: doc.paragraphs.map((p, position) => ({ documentId, position, kind: p.kind, label: p.label ?? null, line: p.line, oneSegment: p.oneSegment ?? false })),
    segments: doc.segments.map((s, position) => ({
      documentId,
      position,
      paragraph: s.paragraph,
      kind: s.kind,
      text: s.text,
      start: s.start,
      end: s.end,
      noteRefs: JSON.stringify(s.noteRefs),
    })),
    removals: doc.removed.map((r, position) => ({ documentId, position, ...r })),
    repairs: doc.repairs.map((r, position) => ({ documentId, position, ...r })),
  };
}

/** Writes a document's paragraphs, segments, removals and repairs (inside the caller's transaction). */
function insertStructure(tx: Tx, documentId: number, rows: DocumentRows): void {
  for (const list of [rows.paragraphs, rows.segments, rows.removals, rows.repairs]) for (const row of list) row.documentId = documentId;
  insertEach(tx, paragraphs, rows.paragraphs);
  insertEach(tx, segments, rows.segments);
  insertEach(tx, removals, rows.removals);
  insertEach(tx, repairs, rows.repairs);
}

function buildDocument(input: Pick<ImportInput, "raw" | "language" | "presegmented">): ProcessedDocument {
  if (input.presegmented) {
    const { kinds, cleanUp } = typeof input.presegmented === "object" ? input.presegmented : { kinds: undefined, cleanUp: undefined };
    return presegment(input.raw, input.language, kinds, cleanUp);
  }
  return processDocument(input.raw, input.language);
}

/** Cleans and segments a text, then stores the document and everything import found, in one transaction. */
export function importDocument(input: ImportInput, db: Db = getDb()): { id: number; segmentCount: number } {
  if (!input.raw.trim()) throw new ImportError("There is no text to import.");
  const doc = buildDocument(input);
  if (doc.segments.length === 0) {
    throw new ImportError("Nothing is left of this text once page numbers and markup are removed: there is nothing to import.");
  }
  const rows = documentRows(doc);
  const title = input.title.trim() || titleFromHeadings(doc.paragraphs, MAX_TITLE) || input.fallbackTitle?.trim() || "Untitled";
  return db.transaction((tx) => insertDocument(tx, { ...input, title }, doc, rows), { behavior: "immediate" });
}

/**
 * Stores a document already cut into segments, inside the caller's transaction (an import that writes more than
 * one); `rows` made beforehand keep that transaction short.
 */
export function insertDocument(tx: Tx, input: ImportInput, doc: ProcessedDocument, rows = documentRows(doc)): { id: number; segmentCount: number } {
  const [row] = tx
    .insert(documents)
    .values({
      title: input.title,
      language: input.language,
      origin: input.origin,
      description: input.description ?? null,
      sourceName: input.sourceName ?? null,
      sourceKey: input.sourceKey ?? null,
      segmentation: input.presegmented ? "lines" : "pipeline",
      segmentationNote: input.segmentationNote ?? null,
      rawText: input.raw,
      cleanText: doc.cleanText,
      encoding: input.encoding ?? null,
      encodingNote: input.encodingNote ?? null,
      detectedLanguage: input.detectedLanguage ?? null,
      detectionConfidence: input.detectionConfidence ?? null,
      segmentCount: doc.segments.length,
    })
    .returning({ id: documents.id })
    .all();
  insertStructure(tx, row.id, rows);
  if (input.sourceKey) tx.insert(seedLog).values({ sourceKey: input.sourceKey }).onConflictDoNothing().run();
  return { id: row.id, segmentCount: doc.segments.length };
}

export function listDocuments(db: Db = getDb()) {
  return db
    .select({
      id: documents.id,
      title: documents.title,
      language: documents.language,
      origin: documents.origin,
      sourceName: documents.sourceName,
      segmentCount: documents.segmentCount,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .orderBy(asc(documents.id))
    .all();
}

export type DocumentSummary = ReturnType<typeof listDocuments>[number];

/** A document with its paragraphs, segments (note calls parsed), removals and repairs; null if there is none. */
// The document page shows the segments: the raw and clean texts they come from (1.5 MB each for the Bank Act) stay in the database.
const { rawText: _raw, cleanText: _clean, ...DETAIL_COLUMNS } = getTableColumns(documents);

export function getDocument(id: number, db: Db = getDb()) {
  const document = db.select(DETAIL_COLUMNS).from(documents).where(eq(documents.id, id)).get();
  if (!document) return null;
  return {
    ...document,
    paragraphs: db
      .select({ position: paragraphs.position, kind: paragraphs.kind, label: paragraphs.label, line: paragraphs.line })
      .from(paragraphs)
      .where(eq(paragraphs.documentId, id))
      .orderBy(asc(paragraphs.position))
      .all(),
    segments: db
      .select({
        position: segments.position,
        paragraph: segments.paragraph,
        kind: segments.kind,
        text: segments.text,
        noteRefs: segments.noteRefs,
      })
      .from(segments)
      .where(eq(segments.documentId, id))
      .orderBy(asc(segments.position))
      .all()
      .map((s) => ({ ...s, noteRefs: JSON.parse(s.noteRefs) as NoteRef[] })),
    removals: db
      .select({ kind: removals.kind, line: removals.line, text: removals.text, reason: removals.reason })
      .from(removals)
      .where(eq(removals.documentId, id))
      .orderBy(asc(removals.position))
      .all(),
    repairs: db
      .select({ kind: repairs.kind, line: repairs.line, before: repairs.before, after: repairs.after })
      .from(repairs)
      .where(eq(repairs.documentId, id))
      .orderBy(asc(repairs.position))
      .all(),
  };
}

export type DocumentDetail = NonNullable<ReturnType<typeof getDocument>>;

/** Sets a document's language and segments it again for that language, in one transaction. */
export function changeDocumentLanguage(id: number, language: Language, db: Db = getDb()): boolean {
  const document = db
    .select({ rawText: documents.rawText, segmentation: documents.segmentation })
    .from(documents)
    .where(eq(documents.id, id))
    .get();
  if (!document) return false;
  refuseIfPaired(db, id, "re-segment");
  // Cut again before the transaction; "lines": one segment per line whatever the language, only the label changes.
  const doc = document.segmentation === "lines" ? null : processDocument(document.rawText, language);
  const rows = doc && { cleanText: doc.cleanText, rows: documentRows(doc) };
  return db.transaction(
    (tx) => {
      if (!tx.select({ id: documents.id }).from(documents).where(eq(documents.id, id)).get()) return false;
      refuseIfPaired(tx, id, "re-segment");
      if (rows) replaceStructure(tx, id, rows.rows);
      tx.update(documents)
        .set(rows ? { language, cleanText: rows.cleanText, segmentCount: rows.rows.segments.length, updatedAt: new Date() } : { language, updatedAt: new Date() })
        .where(eq(documents.id, id))
        .run();
      return true;
    },
    { behavior: "immediate" },
  );
}

/** Replaces a document's paragraphs, segments, removals and repairs (inside the caller's transaction). */
export function replaceStructure(tx: Tx, id: number, rows: DocumentRows): void {
  tx.delete(paragraphs).where(eq(paragraphs.documentId, id)).run();
  tx.delete(segments).where(eq(segments.documentId, id)).run();
  tx.delete(removals).where(eq(removals.documentId, id)).run();
  tx.delete(repairs).where(eq(repairs.documentId, id)).run();
  insertStructure(tx, id, rows);
}

/** Deletes a document and everything import stored with it; throws DocumentInUseError if it is in a pair. */
export function deleteDocument(id: number, db: Db = getDb()): boolean {
  return db.transaction((tx) => {
    refuseIfPaired(tx, id, "delete");
    return tx.delete(documents).where(eq(documents.id, id)).run().changes > 0;
  });
}

export function countDocuments(db: Db = getDb()): number {
  return db.select({ n: sql<number>`count(*)` }).from(documents).get()?.n ?? 0;
}
