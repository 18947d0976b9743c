import { inArray } from "drizzle-orm";
import type { InlineCodes } from "../../alignments/formats/tmx-codes";
import { getDb, type Db } from "../../db/client.server";
import { documents, pairs } from "../../db/schema";

/** What the code characters of each document stand for (decision 23), by document id; documents without codes are left out. */
export function documentCodes(ids: readonly number[], db: Db = getDb()): Map<number, InlineCodes> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: documents.id, inlineCodes: documents.inlineCodes })
    .from(documents)
    .where(inArray(documents.id, [...ids]))
    .all();
  return new Map(rows.flatMap((row) => (row.inlineCodes ? [[row.id, JSON.parse(row.inlineCodes) as InlineCodes] as const] : [])));
}

/** A pair's codes by side, for the editor's chips. */
export function pairCodes(sourceDocumentId: number, targetDocumentId: number, db: Db = getDb()): { en?: InlineCodes; fr?: InlineCodes } {
  const codes = documentCodes([sourceDocumentId, targetDocumentId], db);
  return { en: codes.get(sourceDocumentId), fr: codes.get(targetDocumentId) };
}

/** Several pairs' codes by side (the glossary's evidence, the concordance's counterparts); pairs without codes left out. */
export function codesOfPairs(pairIds: readonly number[], db: Db = getDb()): Record<number, { en?: InlineCodes; fr?: InlineCodes }> {
  if (pairIds.length === 0) return {};
  const rows = db.select({ id: pairs.id, en: pairs.sourceDocumentId, fr: pairs.targetDocumentId }).from(pairs).where(inArray(pairs.id, [...pairIds])).all();
  const codes = documentCodes(rows.flatMap((row) => [row.en, row.fr]), db);
  return Object.fromEntries(rows.flatMap((row) => (codes.has(row.en) || codes.has(row.fr) ? [[row.id, { en: codes.get(row.en), fr: codes.get(row.fr) }]] : [])));
}

/** Documents' codes as an object a loader can send, by document id. */
export function codesOfDocuments(ids: readonly number[], db: Db = getDb()): Record<number, InlineCodes> {
  return Object.fromEntries(documentCodes(ids, db));
}
