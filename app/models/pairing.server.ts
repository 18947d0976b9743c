import { and, asc, eq, lt } from "drizzle-orm";
import { documentSymbols } from "../../alignments/text/symbols";
import { getDb, type Db } from "../../db/client.server";
import { segments } from "../../db/schema";
import { pairableDocuments } from "./pairs.server";

/** A document's opening segments, where a UN document carries its symbol (masthead, first page). */
const OPENING_SEGMENTS = 8;

/**
 * The documents the pair form offers, each with the document symbols of its opening segments, which the form's
 * proposal of a counterpart compares (alignments/pairing/counterpart.ts). One indexed read of a few segments per
 * document; the texts themselves stay in the database.
 */
export function pairingDocuments(db: Db = getDb()) {
  return pairableDocuments(db).map((document) => {
    const texts = db
      .select({ text: segments.text })
      .from(segments)
      .where(and(eq(segments.documentId, document.id), lt(segments.position, OPENING_SEGMENTS)))
      .orderBy(asc(segments.position))
      .all();
    return { ...document, symbols: documentSymbols(texts.map((s) => s.text).join("\n")) };
  });
}
