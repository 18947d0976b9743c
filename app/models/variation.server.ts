/**
 * The variation of terms across the documents of one language ("droits de l'homme" and "droits humains"), run in the
 * compute worker through its read-only connection (corpus-read.server.ts), asked by corpus-queries.server.ts.
 */
import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Language } from "../../alignments/languages";
import { variation, type Variation } from "../../alignments/terms/checks";
import type { Db } from "../../db/client.server";
import { documents } from "../../db/schema";
import { segmentTexts } from "./corpus-read.server";
import { glossarySnapshot } from "./glossary-snapshot.server";


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
