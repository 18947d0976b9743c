import { asc, eq } from "drizzle-orm";
import type { Language, TextLanguage } from "../../alignments/languages";
import { lineLayout, segmentLines, type Segmentation } from "../../alignments/text/lines";
import { processDocument } from "../../alignments/text/pipeline";
import { getDb, type Db } from "../../db/client.server";
import { correctedSegmentCount } from "../../alignments/text/corrections";
import { documents, segments } from "../../db/schema";
import { documentRows, refuseIfPaired, replaceStructure } from "./documents.server";

/**
 * How a document is cut into segments (decision 0021): into sentences by the pipeline, or one segment per line for
 * a text that came already cut. The import form's default, "auto", reads the lines of a plain text and says why
 * it chose; a person's choice, on the form or later on the document page, is taken as it is.
 */

export type SegmentationChoice = "auto" | Segmentation;

export interface ResolvedSegmentation {
  segmentation: Segmentation;
  /** Why Tandem chose, for the import report; null when a person chose. */
  note: string | null;
}

/**
 * What a choice comes to for a text. `prose`: the text was read from a PDF, a Word file or a web page, whose lines
 * are the reader's, not an author's cut: "auto" sends them to the pipeline (item 2 of issue 12 keeps a statute's
 * structure there).
 */
export function resolveSegmentation(choice: SegmentationChoice, text: string, language: TextLanguage, prose: boolean): ResolvedSegmentation {
  if (choice !== "auto") return { segmentation: choice, note: null };
  if (prose) return { segmentation: "pipeline", note: "This text was cut into sentences: a PDF, a Word file or a web page is read as prose." };
  const layout = lineLayout(text, language);
  return { segmentation: layout.presegmented ? "lines" : "pipeline", note: layout.reason };
}

/** A re-segmentation not made: the document's segments hold this many corrections, and the person has not let them go. */
export interface CorrectionsKept {
  corrections: number;
}

const cut = (rawText: string, language: TextLanguage, segmentation: Segmentation) =>
  segmentation === "lines" ? segmentLines(rawText, language) : processDocument(rawText, language);

/**
 * Cuts a document again from its original text, into sentences or one segment per line, in one transaction.
 * Refused with DocumentInUseError while the document is in a pair (the pair's links point at its segments);
 * false if there is no such document. The cut starts from the imported text, so the corrections a pair's editor
 * made to the segments (kept after the pair was deleted) would go: unless `discardCorrections`, a document that
 * holds some is left as it is and their count returned, for the page to ask.
 */
export function resegmentDocument(id: number, segmentation: Segmentation, db: Db = getDb(), options: { discardCorrections?: boolean } = {}): boolean | CorrectionsKept {
  const document = db
    .select({ rawText: documents.rawText, language: documents.language, segmentation: documents.segmentation, cleanText: documents.cleanText })
    .from(documents)
    .where(eq(documents.id, id))
    .get();
  if (!document) return false;
  refuseIfPaired(db, id, "re-segment");
  // Cut before the transaction, so that it only writes.
  const doc = cut(document.rawText, document.language, segmentation);
  const rows = documentRows(doc);
  const corrections = options.discardCorrections ? 0 : correctionsOf(db, id, document);
  if (corrections > 0) return { corrections };
  return db.transaction(
    (tx) => {
      const now = tx.select({ cleanText: documents.cleanText }).from(documents).where(eq(documents.id, id)).get();
      if (!now) return false;
      refuseIfPaired(tx, id, "re-segment");
      // Corrected since it was counted (a pair made, edited and deleted meanwhile): asked again.
      if (!options.discardCorrections && now.cleanText !== document.cleanText) return { corrections: Math.max(1, correctionsOf(tx, id, document)) };
      replaceStructure(tx, id, rows);
      tx.update(documents)
        .set({ segmentation, segmentationNote: null, cleanText: doc.cleanText, segmentCount: doc.segments.length, updatedAt: new Date() })
        .where(eq(documents.id, id))
        .run();
      return true;
    },
    { behavior: "immediate" },
  );
}

/** The document's segments that a fresh cut of its imported text, made the way it is cut now, would not give back. */
function correctionsOf(db: Pick<Db, "select">, id: number, document: { rawText: string; language: TextLanguage; segmentation: string }): number {
  const current = db.select({ text: segments.text }).from(segments).where(eq(segments.documentId, id)).orderBy(asc(segments.position)).all();
  const fresh = cut(document.rawText, document.language, document.segmentation === "lines" ? "lines" : "pipeline");
  return correctedSegmentCount(
    current.map((s) => s.text),
    fresh.segments.map((s) => s.text),
  );
}
