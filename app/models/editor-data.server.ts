import { asc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "../../db/client.server";
import { links } from "../../db/schema";
import { KIND_LETTER, type LinkTuple, type PairTexts } from "../editor/edits";
import type { Tx } from "./pairs.server";

/**
 * What the editor of a large pair reads on every page load, made without an object per row: its links as tuples
 * and its texts as JSON made by SQLite. Each was read before as one object per row, then copied into the answer:
 * for the Bank Act pair (11.4k links, 23k segments) some 13 MB of short-lived memory per page or data request and
 * 30 MB per texts request, which twenty requests at once turned into hundreds of MB of heap (npm run bench:load).
 */

/** A confidence as the browser gets it: three decimals are all it shows. */
export const shownConfidence = (confidence: number) => Math.round(confidence * 1000) / 1000;

/** Every link of a pair as the browser gets it (editor.server's toTuple), read as rows of values that are the tuples. */
export function linkTuples(db: Db | Tx, pairId: number): LinkTuple[] {
  const rows = db
    .select({
      sourceStart: links.sourceStart,
      sourceCount: links.sourceCount,
      targetStart: links.targetStart,
      targetCount: links.targetCount,
      confirmed: sql<0 | 1>`${links.status} = 'confirmed'`,
      confidence: links.confidence,
      edited: sql<0 | 1>`${links.edited} <> 0`,
    })
    .from(links)
    .where(eq(links.pairId, pairId))
    .orderBy(asc(links.position))
    .values() as LinkTuple[];
  for (const row of rows) row[5] = shownConfidence(row[5]);
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// The texts of a large pair (`/pairs/:id/texts`): every segment of its two documents, as the JSON of PairTexts.
// SQLite writes each side's JSON array and hands it over as UTF-8 bytes; the answer goes out in pieces of at most
// PIECE bytes, views of those bytes. No string of the whole answer is made in JavaScript.

/** The size of the pieces the answer is sent in. */
export const PIECE = 64 * 1024;

/** The kind letters of PairTexts (KIND_LETTER), as SQL over the segments' `kind`; an unknown kind is "b" as in kindLetters. */
const kindLetterSql = `case kind ${Object.entries(KIND_LETTER)
  .map(([kind, letter]) => `when '${kind}' then '${letter}'`)
  .join(" ")} else 'b' end`;

const SIDE_SQL = `select cast(json_group_array(text order by position) as blob) as texts,
  coalesce(group_concat(${kindLetterSql}, '' order by position), '') as kinds
  from segments where document_id = ?`;

interface Side {
  /** The JSON array of the side's texts in order, UTF-8. */
  texts: Uint8Array;
  kinds: string;
}

/**
 * The JSON of `pairTexts(pairId)` (every segment of both sides) as UTF-8 pieces, read in one transaction so both
 * sides are of the same moment; null when the pair does not exist.
 */
export function pairTextsJson(pairId: number, db: Db = getDb()): Uint8Array[] | null {
  const sqlite = db.$client;
  const sides = sqlite.transaction(() => {
    const pair = sqlite.prepare("select source_document_id as en, target_document_id as fr from pairs where id = ?").get(pairId) as { en: number; fr: number } | undefined;
    if (!pair) return null;
    const side = sqlite.prepare(SIDE_SQL);
    return { en: side.get(pair.en) as Side, fr: side.get(pair.fr) as Side };
  })();
  if (!sides) return null;
  const text = (s: string) => Buffer.from(s, "utf8");
  const head = { enFrom: 0, frFrom: 0 } satisfies Partial<PairTexts>;
  return [
    text(`${JSON.stringify(head).slice(0, -1)},"en":`),
    sides.en.texts,
    text(`,"fr":`),
    sides.fr.texts,
    text(`,"enKinds":${JSON.stringify(sides.en.kinds)},"frKinds":${JSON.stringify(sides.fr.kinds)}}`),
  ];
}

/** Byte pieces as a stream of views of at most `size` bytes, one per pull (nothing is copied). */
export function pieceStream(parts: readonly Uint8Array[], size = PIECE): ReadableStream<Uint8Array> {
  let part = 0;
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        while (part < parts.length && offset >= parts[part].byteLength) {
          part++;
          offset = 0;
        }
        if (part >= parts.length) return controller.close();
        const piece = parts[part].subarray(offset, offset + size);
        offset += piece.byteLength;
        controller.enqueue(piece);
      },
    },
    { highWaterMark: 0 },
  );
}

/** The texts answer of a pair, streamed; null when the pair does not exist. */
export function pairTextsResponse(pairId: number, db: Db = getDb()): Response | null {
  const parts = pairTextsJson(pairId, db);
  if (!parts) return null;
  const length = parts.reduce((n, p) => n + p.byteLength, 0);
  return new Response(pieceStream(parts), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Length": String(length) },
  });
}
