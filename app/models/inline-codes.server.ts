import { inArray } from "drizzle-orm";
import type { InlineCodes } from "../../alignments/formats/tmx-codes";
import { getDb, type Db } from "../../db/client.server";
import { documents } from "../../db/schema";

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
export function pairCodes(enDocumentId: number, frDocumentId: number, db: Db = getDb()): { en?: InlineCodes; fr?: InlineCodes } {
  const codes = documentCodes([enDocumentId, frDocumentId], db);
  return { en: codes.get(enDocumentId), fr: codes.get(frDocumentId) };
}
