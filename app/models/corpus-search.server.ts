/**
 * The searches over the whole corpus: the concordance (concordance-search.server.ts), a glossary entry's evidence, the count of links per
 * term for the TBX export, and the variation of terms across documents. Their work grows with the corpus
 * (8–10 s for a concordance over 400k segments), so they run in the compute worker, reading the database
 * through a read-only connection of the worker's own (corpus-read.server.ts); the server's thread only
 * posts the question and waits (corpus-queries.server.ts). Each takes the database it reads as an argument
 * and returns plain data, so a test may also call it directly.
 */
import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { evidenceKey } from "../../alignments/formats/tbx";
import type { Language } from "../../alignments/languages";
import { hitsOf, variation, type Variation } from "../../alignments/terms/checks";
import { compileTerms, findTerms, hitParts, type Matcher, type Term, type TermHit, type TermStatus } from "../../alignments/terms/match";
import { stemOf, wordsOf } from "../../alignments/terms/words";
import { foldAccents } from "../../alignments/text/fold";
import type { Db } from "../../db/client.server";
import { documents, glossaryEntries } from "../../db/schema";
import { glossarySnapshot, linkText, readPairLinks, readyLinks, readyPairs, segmentTexts, termRows } from "./corpus-read.server";

// ---------------------------------------------------------------------------------------------------
// Evidence: the aligned links where a glossary entry's terms occur

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
 * For each term, substrings that every text holding it contains once folded: a cheap test that spares the
 * word-by-word match on most links of a large pair. A stem is its word's folded form less an ending, except
 * for -aux → -al and -ies → -y, whose stems differ in their last two letters at most: the stem less two
 * letters is always inside the folded word. Every word of the term must be there, not just one.
 */
export function needlesOf(terms: readonly Term[]): string[][] {
  return terms.map((term) =>
    wordsOf(term.text, term.language).map((word) => {
      if (term.match === "exact") return foldAccents(word.exact);
      const stem = stemOf(word.exact, term.language);
      return stem.length <= 3 ? stem : stem.slice(0, stem.length - 2);
    }),
  );
}

/** Some terms of one language compiled, with their needles. */
interface ScreenedMatcher {
  matcher: Matcher;
  needles: string[][];
}

function screenedMatcher(terms: readonly Term[], language: Language): ScreenedMatcher {
  const own = terms.filter((t) => t.language === language);
  return { matcher: compileTerms(own, language), needles: needlesOf(own) };
}

/** The terms' hits in a text; a text without every needle of some term is not matched at all. */
function screenedHits(side: ScreenedMatcher, text: string): TermHit[] {
  if (side.needles.length === 0 || text === "") return [];
  const folded = foldAccents(text.toLowerCase());
  return side.needles.some((words) => words.every((n) => folded.includes(n))) ? findTerms(side.matcher, text) : [];
}

/**
 * Every link of every ready pair where one of the entry's terms occurs, on either side, with the hits to
 * highlight (the first `limit` links; all are counted); null when there is no such entry. Only this entry's
 * terms are compiled (another entry's longer term does not hide them), and links are first screened by
 * `needlesOf`.
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
    const units = rows.map((row) => ({ link: row.position, en: linkText(en, row.enStart, row.enCount), fr: linkText(fr, row.frStart, row.frCount) }));
    for (const hits of hitsOf(units, terms)) {
      for (const id of new Set([...hits.en, ...hits.fr].map((hit) => hit.term))) counts.set(id, counts.get(id)! + 1);
    }
  }
  return new Map(terms.map((t) => [evidenceKey(t.key, t.language, t.text), counts.get(t.id)!]));
}

// ---------------------------------------------------------------------------------------------------
// Variation across the documents of one language

export interface VariationDocument {
  id: number;
  title: string;
  origin: string;
  sourceKey: string | null;
}

export interface VariationResult {
  documents: VariationDocument[];
  concepts: Array<{
    concept: number;
    key: string;
    heading: string;
    terms: Array<{ text: string; status: string; total: number; byDocument: Record<number, { count: number; firstSegment: number }> }>;
  }>;
  ms: number;
  /** The matching was kept from an earlier question on the same texts and glossary. */
  reused: boolean;
}

/** The core's variation results kept under a hash of the texts and the glossary (in the worker, while it lives). */
const keptVariation = new Map<string, Variation[]>();
const KEEP_VARIATIONS = 4;

/**
 * Concepts written in more than one way across the documents of one language ("droits de l'homme" and
 * "droits humains"), with each term's count per document and the first segment holding it. Segment by
 * segment, so a corrected text counts as corrected; needs no alignment.
 *
 * The matching (0.3–0.6 s over the French documents when the Bank Act is among them) is kept under a hash
 * of the documents' ids and segment texts and of the glossary's fingerprint: the texts are read at every
 * question (some 40 ms for 12k segments), so any change to a document, by an edit, an import or a deletion,
 * is seen, and nothing else can make the kept result wrong.
 */
export function variationIn(db: Db, question: { language: Language; origins: readonly string[] | null }): VariationResult {
  const started = performance.now();
  const { language, origins } = question;
  const glossary = glossarySnapshot(db);
  const docs = db
    .select({ id: documents.id, title: documents.title, origin: documents.origin, sourceKey: documents.sourceKey })
    .from(documents)
    .where(eq(documents.language, language))
    .orderBy(asc(documents.id))
    .all()
    .filter((d) => origins === null || origins.includes(d.origin));
  const texts: Array<{ id: string; language: Language; text: string }> = [];
  const hash = createHash("sha1").update(`${language}\u0001${glossary.fingerprint}`);
  // One read transaction: every document as it is at one moment.
  db.transaction(() => {
    for (const doc of docs) {
      hash.update(`\u0002${doc.id}`);
      segmentTexts(db, doc.id).forEach((text, position) => {
        hash.update("\u0000").update(text);
        texts.push({ id: `${doc.id}:${position}`, language, text });
      });
    }
  });
  const key = hash.digest("hex");
  const kept = keptVariation.get(key);
  const found = kept ?? variation(texts, glossary.terms);
  keptVariation.delete(key);
  keptVariation.set(key, found);
  while (keptVariation.size > KEEP_VARIATIONS) keptVariation.delete(keptVariation.keys().next().value as string);
  const statusOf = new Map(glossary.terms.map((t) => [t.id, t.status]));
  const concepts = found
    .filter((v) => v.language === language)
    .map((v) => {
      const entry = glossary.entries.get(v.concept);
      return {
        concept: v.concept,
        key: entry?.key ?? "",
        heading: entry?.heading ?? "",
        terms: v.terms.map((t) => {
          const byDocument: Record<number, { count: number; firstSegment: number }> = {};
          for (const [id, count] of Object.entries(t.byDocument)) {
            const [doc, position] = id.split(":").map(Number);
            const cell = byDocument[doc] ?? { count: 0, firstSegment: position };
            cell.count += count;
            cell.firstSegment = Math.min(cell.firstSegment, position);
            byDocument[doc] = cell;
          }
          return { text: t.text, status: statusOf.get(t.term) ?? "preferred", total: t.total, byDocument };
        }),
      };
    })
    .sort((a, b) => b.terms.reduce((n, t) => n + t.total, 0) - a.terms.reduce((n, t) => n + t.total, 0));
  const used = new Set(concepts.flatMap((c) => c.terms.flatMap((t) => Object.keys(t.byDocument).map(Number))));
  return { documents: docs.filter((d) => used.has(d.id)), concepts, ms: Math.round(performance.now() - started), reused: kept !== undefined };
}
