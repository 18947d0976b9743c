/**
 * The glossary as the checks and searches see it: its terms (an entry is a concept) and a fingerprint that changes
 * whenever a term, its status, match mode or entry changes, under which checks and their results are kept.
 */
import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Term } from "../../alignments/terms/match";
import { getDb, type Db } from "../../db/client.server";
import { glossaryEntries, glossaryTerms } from "../../db/schema";

export interface GlossarySnapshot {
  terms: Term[];
  /** Changes whenever a term, its status, match mode or entry changes. */
  fingerprint: string;
  /** Each entry's key and heading (first French term ↔ first English term). */
  entries: Map<number, { key: string; heading: string }>;
}

/** The glossary's terms as the matching sees them (an entry is a concept), with their entry's key: all, or one entry's. */
export function termRows(db: Db, entryId?: number): Array<Term & { key: string }> {
  return db
    .select({ id: glossaryTerms.id, concept: glossaryTerms.entryId, language: glossaryTerms.language, text: glossaryTerms.text, status: glossaryTerms.status, match: glossaryTerms.match, key: glossaryEntries.key })
    .from(glossaryTerms)
    .innerJoin(glossaryEntries, eq(glossaryEntries.id, glossaryTerms.entryId))
    .where(entryId === undefined ? undefined : eq(glossaryTerms.entryId, entryId))
    .orderBy(asc(glossaryTerms.entryId), asc(glossaryTerms.position))
    .all();
}

export function glossarySnapshot(db: Db = getDb()): GlossarySnapshot {
  const rows = termRows(db);
  const hash = createHash("sha1");
  const terms: Term[] = [];
  const firsts = new Map<number, { key: string; fr?: string; en?: string }>();
  for (const { key, ...term } of rows) {
    terms.push(term);
    hash.update(`${term.id}\u0001${term.concept}\u0001${term.language}\u0001${term.text}\u0001${term.status}\u0001${term.match}\u0002`);
    const first = firsts.get(term.concept) ?? { key };
    first[term.language] ??= term.text;
    firsts.set(term.concept, first);
  }
  const entries = new Map([...firsts].map(([id, f]) => [id, { key: f.key, heading: [f.fr, f.en].filter(Boolean).join(" ↔ ") || f.key }]));
  return { terms, fingerprint: hash.digest("hex").slice(0, 16), entries };
}
