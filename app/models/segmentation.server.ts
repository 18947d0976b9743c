import { eq } from "drizzle-orm";
import type { Language } from "../../alignments/languages";
import { lineLayout, segmentLines, type Segmentation } from "../../alignments/text/lines";
import { processDocument } from "../../alignments/text/pipeline";
import { getDb, type Db } from "../../db/client.server";
import { documents } from "../../db/schema";
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
export function resolveSegmentation(choice: SegmentationChoice, text: string, language: Language, prose: boolean): ResolvedSegmentation {
  if (choice !== "auto") return { segmentation: choice, note: null };
  if (prose) return { segmentation: "pipeline", note: "This text was cut into sentences: a PDF, a Word file or a web page is read as prose." };
  const layout = lineLayout(text, language);
  return { segmentation: layout.presegmented ? "lines" : "pipeline", note: layout.reason };
}

/**
 * Cuts a document again from its original text, into sentences or one segment per line, in one transaction.
 * Refused with DocumentInUseError while the document is in a pair (the pair's links point at its segments);
 * false if there is no such document.
 */
export function resegmentDocument(id: number, segmentation: Segmentation, db: Db = getDb()): boolean {
  const document = db.select({ rawText: documents.rawText, language: documents.language }).from(documents).where(eq(documents.id, id)).get();
  if (!document) return false;
  refuseIfPaired(db, id, "re-segment");
  // Cut before the transaction, so that it only writes.
  const doc = segmentation === "lines" ? segmentLines(document.rawText, document.language) : processDocument(document.rawText, document.language);
  const rows = documentRows(doc);
  return db.transaction(
    (tx) => {
      if (!tx.select({ id: documents.id }).from(documents).where(eq(documents.id, id)).get()) return false;
      refuseIfPaired(tx, id, "re-segment");
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
