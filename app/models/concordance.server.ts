/**
 * What the concordance's page and its file share on the server's thread: the choices (documents and ready pairs,
 * rows without their texts) and the check of a question's document and pair before the compute worker runs it.
 */
import { asc } from "drizzle-orm";
import { isLanguage, type Language } from "../../alignments/languages";
import { getDb, type Db } from "../../db/client.server";
import { documents } from "../../db/schema";
import type { ConcordanceQuery } from "../terminology/concordance-query";
import { readyPairs, type ReadyPair } from "./corpus-read.server";

export interface DocumentChoice {
  id: number;
  title: string;
  language: Language;
}

export interface ConcordanceScope {
  documents: DocumentChoice[];
  pairs: ReadyPair[];
  /** The sides searched: the chosen document's, else those asked. */
  languages: Language[];
}

/** The documents and pairs a question may name, and the sides it searches; a Response (404, 400) for a bad choice. */
export function concordanceScope(query: ConcordanceQuery, db: Db = getDb()): ConcordanceScope {
  // The concordance reads English and French (its matching is theirs): a document in another language is not offered.
  const choices = db
    .select({ id: documents.id, title: documents.title, language: documents.language })
    .from(documents)
    .orderBy(asc(documents.id))
    .all()
    .filter((d): d is DocumentChoice => isLanguage(d.language));
  const pairs = readyPairs(db);
  const pair = query.pair === undefined ? undefined : pairs.find((p) => p.id === query.pair);
  if (query.pair !== undefined && !pair) throw refusal(404, "There is no aligned pair with this number.");
  const doc = query.doc === undefined ? undefined : choices.find((d) => d.id === query.doc);
  if (query.doc !== undefined && !doc) throw refusal(404, "There is no document with this number.");
  if (doc && pair && pair.en !== doc.id && pair.fr !== doc.id) {
    throw refusal(400, "The document chosen is not one of the pair chosen: choose every document, or one of the pair's two.");
  }
  const languages: Language[] = doc ? [doc.language] : query.lang === "both" ? ["fr", "en"] : [query.lang];
  return { documents: choices, pairs, languages };
}

function refusal(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
