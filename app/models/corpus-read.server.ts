/**
 * Reading the corpus as the terminology sees it: the ready pairs, a pair's links with their texts, a document's
 * segment texts (the glossary's terms are glossary-snapshot.server.ts's). The server's thread uses these for one pair
 * at a time (pair-units.server.ts); the compute worker uses them for the searches over the whole corpus
 * (concordance-search, term-evidence and variation .server.ts), through a read-only connection of its own (readOnlyDatabase), so that no
 * request makes the server's thread read every text of the corpus.
 */
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { getDb, openDatabase, type Db } from "../../db/client.server";
import type { Language } from "../../alignments/languages";
import { linkText } from "../../alignments/text/joined-segments";
import { documents, links, pairs, segments } from "../../db/schema";

// ---------------------------------------------------------------------------------------------------
// Pairs, links and segments

export interface ReadyPair {
  id: number;
  title: string;
  linkCount: number;
  en: number;
  fr: number;
}

/** The ready pairs, for the pages' choices (and their documents, for reading them). */
export function readyPairs(db: Db = getDb()): ReadyPair[] {
  return db
    .select({ id: pairs.id, title: pairs.title, linkCount: pairs.linkCount, en: pairs.sourceDocumentId, fr: pairs.targetDocumentId })
    .from(pairs)
    .where(eq(pairs.status, "ready"))
    .orderBy(asc(pairs.id))
    .all();
}

export function segmentTexts(db: Db, documentId: number): string[] {
  return db
    .select({ text: segments.text })
    .from(segments)
    .where(eq(segments.documentId, documentId))
    .orderBy(asc(segments.position))
    .all()
    .map((r) => r.text);
}

/** A pair's segment texts and links, in one read transaction: the texts and the links of the same version. */
export function readPairLinks(db: Db, pair: { id: number; en: number; fr: number }) {
  return db.transaction(() => ({
    en: segmentTexts(db, pair.en),
    fr: segmentTexts(db, pair.fr),
    rows: db
      .select({ position: links.position, sourceStart: links.sourceStart, sourceCount: links.sourceCount, targetStart: links.targetStart, targetCount: links.targetCount })
      .from(links)
      .where(eq(links.pairId, pair.id))
      .orderBy(asc(links.position))
      .all(),
  }));
}


/** Every link of every ready pair, one side or two, with its texts, pair by pair. */
export function* readyLinks(db: Db): Generator<{ pair: ReadyPair; position: number; en: string; fr: string }> {
  for (const pair of readyPairs(db)) {
    const { en, fr, rows } = readPairLinks(db, pair);
    for (const row of rows) yield { pair, position: row.position, en: linkText(en, row.sourceStart, row.sourceCount), fr: linkText(fr, row.targetStart, row.targetCount) };
  }
}

// ---------------------------------------------------------------------------------------------------
// Documents, paired or not (the concordance)

/** A document a search reads, with the ready pair its segments are read in (null when no ready pair holds it). */
export interface SearchableDocument {
  id: number;
  title: string;
  language: Language;
  pairId: number | null;
  pairTitle: string | null;
}

/**
 * The documents of one language (all, one, or one ready pair's), in the library's order, each with the ready
 * pair whose links give its counterparts: the pair asked for, else the oldest ready pair holding it.
 */
export function searchableDocuments(db: Db, language: Language, filter: { documentId?: number; pairId?: number } = {}): SearchableDocument[] {
  const ready = readyPairs(db).filter((p) => filter.pairId === undefined || p.id === filter.pairId);
  const pairOf = new Map<number, ReadyPair>();
  for (const pair of ready) if (!pairOf.has(pair[language])) pairOf.set(pair[language], pair);
  return db
    .select({ id: documents.id, title: documents.title, language: documents.language })
    .from(documents)
    .where(eq(documents.language, language))
    .orderBy(asc(documents.id))
    .all()
    .filter((d) => (filter.documentId === undefined || d.id === filter.documentId) && (filter.pairId === undefined || pairOf.has(d.id)))
    .map((d) => ({ ...d, language, pairId: pairOf.get(d.id)?.id ?? null, pairTitle: pairOf.get(d.id)?.title ?? null }));
}

/** A segment as the concordance reads it: its link in the document's pair, and that link's other side. */
export interface SearchSegment {
  segment: number;
  text: string;
  /** The link's position in the pair; null when the document is in no ready pair. */
  link: number | null;
  /** The link's other side (its segments joined); null without a pair, or in a link with one side only. Made when asked. */
  counterpart: () => string | null;
}

const none = () => null;

/** A document's segments in order, each with its link and counterpart in the document's ready pair. */
export function* documentSegments(db: Db, doc: SearchableDocument): Generator<SearchSegment> {
  if (doc.pairId === null) {
    let segment = 0;
    for (const text of segmentTexts(db, doc.id)) yield { segment: segment++, text, link: null, counterpart: none };
    return;
  }
  const pair = db.select({ id: pairs.id, en: pairs.sourceDocumentId, fr: pairs.targetDocumentId }).from(pairs).where(eq(pairs.id, doc.pairId)).get();
  if (!pair) return;
  const read = readPairLinks(db, pair);
  const own = doc.language === "fr" ? read.fr : read.en;
  const other = doc.language === "fr" ? read.en : read.fr;
  // Each segment's link, so that the segments come in the document's order whatever the links' order.
  const linkOf: Array<(typeof read.rows)[number] | undefined> = new Array(own.length);
  for (const row of read.rows) {
    const [start, count] = doc.language === "fr" ? [row.targetStart, row.targetCount] : [row.sourceStart, row.sourceCount];
    for (let k = start; k < start + count; k++) linkOf[k] = row;
  }
  for (let k = 0; k < own.length; k++) {
    const row = linkOf[k];
    if (!row) {
      yield { segment: k, text: own[k], link: null, counterpart: none };
      continue;
    }
    const [start, count] = doc.language === "fr" ? [row.sourceStart, row.sourceCount] : [row.targetStart, row.targetCount];
    yield { segment: k, text: own[k], link: row.position, counterpart: count === 0 ? none : () => linkText(other, start, count) };
  }
}

// ---------------------------------------------------------------------------------------------------
// The database file, as another thread opens it

/** The file of an open database, for another thread to open: null for one in memory. */
export function databaseFile(db: Db): string | null {
  const name = db.$client.name;
  return name && name !== ":memory:" ? path.resolve(name) : null;
}

/** Connections kept open by this thread (the compute worker's), by file; the oldest is closed beyond a few. */
const readOnlyConnections = new Map<string, Db>();
const KEEP_CONNECTIONS = 3;

/**
 * A read-only connection to a database file (the application's, opened by the server with WAL): what the
 * compute worker reads the corpus through. It never writes, migrates or locks the file for writing.
 */
export function readOnlyDatabase(file: string): Db {
  const kept = readOnlyConnections.get(file);
  if (kept?.$client.open) {
    readOnlyConnections.delete(file);
    readOnlyConnections.set(file, kept);
    return kept;
  }
  const db = openDatabase(file, { readOnly: true });
  readOnlyConnections.set(file, db);
  while (readOnlyConnections.size > KEEP_CONNECTIONS) {
    const [oldest, connection] = readOnlyConnections.entries().next().value as [string, Db];
    readOnlyConnections.delete(oldest);
    connection.$client.close();
  }
  return db;
}
