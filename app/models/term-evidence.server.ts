/**
 * A glossary entry's evidence (the aligned links where its terms occur) and the TBX export's count of links per
 * term, over every ready pair. Their work grows with the corpus, so they run in the compute worker through its
 * read-only connection (corpus-read.server.ts); the server's thread posts the question and waits
 * (corpus-queries.server.ts). Each takes the database it reads and returns plain data, so a test may call it directly.
 */
import { eq } from "drizzle-orm";
import { evidenceKey } from "../../alignments/formats/tbx";
import { hitsOf } from "../../alignments/terms/checks";
import { hitParts, type TermHit, type TermStatus } from "../../alignments/terms/match";
import { screenedHits, screenedMatcher } from "../../alignments/terms/screen";
import { linkText } from "../../alignments/text/joined-segments";
import type { Db } from "../../db/client.server";
import { glossaryEntries } from "../../db/schema";
import { readPairLinks, readyLinks, readyPairs } from "./corpus-read.server";
import { termRows } from "./glossary-snapshot.server";

export interface EvidenceHit {
  start: number;
  end: number;
  status: TermStatus;
}

export interface EvidenceLink {
  /** 0-based position of the link in its pair (the editor's row is position + 1). */
  position: number;
  en: string;
  fr: string;
  enHits: EvidenceHit[];
  frHits: EvidenceHit[];
}

export interface PairEvidence {
  pairId: number;
  title: string;
  /** Links with a hit in this pair; `links` holds the first of them, up to the limit. */
  count: number;
  links: EvidenceLink[];
}

/**
 * Every link of every ready pair where one of the entry's terms occurs, on either side, with the hits to
 * highlight (the first `limit` links; all are counted); null when there is no such entry. Only this entry's
 * terms are compiled (another entry's longer term does not hide them), and links are first screened by
 * `needlesOf` (alignments/terms/screen.ts).
 */
export function entryEvidenceIn(db: Db, question: { entryId: number; limit?: number }): { pairs: PairEvidence[]; total: number } | null {
  const { entryId } = question;
  const terms = termRows(db, entryId);
  if (terms.length === 0) return db.select({ id: glossaryEntries.id }).from(glossaryEntries).where(eq(glossaryEntries.id, entryId)).get() ? { pairs: [], total: 0 } : null;
  const limit = question.limit ?? 100;
  const statusOf = new Map(terms.map((t) => [t.id, t.status]));
  const en = screenedMatcher(terms, "en");
  const fr = screenedMatcher(terms, "fr");
  const marks = (hits: readonly TermHit[]): EvidenceHit[] => hits.flatMap((h) => hitParts(h).map((part) => ({ ...part, status: statusOf.get(h.term)! })));
  let total = 0;
  const found: PairEvidence[] = [];
  for (const link of readyLinks(db)) {
    const enHits = screenedHits(en, link.en);
    const frHits = screenedHits(fr, link.fr);
    if (enHits.length === 0 && frHits.length === 0) continue;
    let evidence = found[found.length - 1];
    if (evidence?.pairId !== link.pair.id) found.push((evidence = { pairId: link.pair.id, title: link.pair.title, count: 0, links: [] }));
    evidence.count++;
    total++;
    if (total <= limit) evidence.links.push({ position: link.position, en: link.en, fr: link.fr, enHits: marks(enHits), frHits: marks(frHits) });
  }
  return { pairs: found, total };
}

/**
 * How many links of the ready pairs each term occurs in (either side), for every term of the glossary at once,
 * matched as the check matches them (the core's hitsOf; screening by needles saves nothing when every term is
 * looked for). Keyed by entry key, language and text (the TBX writer's `evidenceKey`); terms found nowhere are
 * counted 0. Pair by pair, so only one pair's texts are held at a time.
 */
export function termEvidenceCountsIn(db: Db): Map<string, number> {
  const terms = termRows(db);
  const counts = new Map(terms.map((t) => [t.id, 0]));
  for (const pair of readyPairs(db)) {
    const { en, fr, rows } = readPairLinks(db, pair);
    const units = rows.map((row) => ({ link: row.position, en: linkText(en, row.sourceStart, row.sourceCount), fr: linkText(fr, row.targetStart, row.targetCount) }));
    for (const hits of hitsOf(units, terms)) {
      for (const id of new Set([...hits.en, ...hits.fr].map((hit) => hit.term))) counts.set(id, counts.get(id)! + 1);
    }
  }
  return new Map(terms.map((t) => [evidenceKey(t.key, t.language, t.text), counts.get(t.id)!]));
}
