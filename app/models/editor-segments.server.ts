import { and, asc, eq, gt, gte, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import { segmentsRead } from "../../alignments/align/edit-operations";
import { EditRefused, renumberRanges, type Side } from "../../alignments/align/operations";
import { applyCleanTextEdit, cleanTextEdit, cleanTextOfSegments, keepsCleanText, placeSegments } from "../../alignments/text/segment-edits";
import { getDb, type Db } from "../../db/client.server";
import { documents, edits, links, pairs, segments, type SegmentChange, type StoredSegment } from "../../db/schema";
import { segmentReplacement, type EditResult, type SegmentOperation } from "../editor/edits";
import { stacksAndHistory } from "./editor-history.server";
import { commit, linkPatch, loadLinks, textsPatch, type Change } from "./editor-links.server";
import { EditError } from "./editor-refusals.server";
import type { Tx } from "./pairs.server";

// ---------------------------------------------------------------------------------------------------
// Segments: a change to a document's text is a change to every pair that uses the document

const segmentColumns = {
  text: segments.text,
  kind: segments.kind,
  paragraph: segments.paragraph,
  start: segments.start,
  end: segments.end,
  noteRefs: segments.noteRefs,
};

export function readStoredSegments(db: Db | Tx, documentId: number, from: number, to: number): StoredSegment[] {
  return db
    .select(segmentColumns)
    .from(segments)
    .where(and(eq(segments.documentId, documentId), gte(segments.position, from), lt(segments.position, to)))
    .orderBy(asc(segments.position))
    .all()
    .map((row) => ({ ...row, noteRefs: JSON.parse(row.noteRefs) as StoredSegment["noteRefs"] }));
}

export const sameSegment = (a: StoredSegment, b: StoredSegment) =>
  a.text === b.text && a.kind === b.kind && a.paragraph === b.paragraph && JSON.stringify(a.noteRefs) === JSON.stringify(b.noteRefs);

/**
 * A change to segments as the history records it: with the part of the document's clean text it replaced and what
 * replaced it, so that undo and redo put the clean text back exactly (a merge over a paragraph break joins two
 * paragraphs with a space; its undo puts the break back). Changes recorded before the clean text followed the
 * segments have no `clean`: theirs is worked out from the segments.
 */
export interface RecordedSegmentChange extends SegmentChange {
  /** Two empty strings: the clean text did not change (a split). */
  clean?: { before: string; after: string };
}

/**
 * Replaces the segments [position, position + before.length) of a document by `after`, moves the later ones (their
 * positions, and their offsets into the clean text), and keeps the document's count and clean text with them:
 * every segment stays the clean text at its offsets. `before` are the segments there now (as stored); `clean`, the
 * recorded edit of the clean text to make at the first one's start (undo, redo), else it is worked out from the
 * segments (a new change, or a record whose text is no longer there). Returns the change as made, to record.
 */
function writeSegments(tx: Tx, change: SegmentChange, clean: RecordedSegmentChange["clean"] | null): RecordedSegmentChange {
  const { document, position } = change;
  const removed = change.before.length;
  const start = change.before[0]?.start ?? 0;
  let cleanText: string | null = null;
  let placed: StoredSegment[];
  let edit: { before: string; after: string };
  if (clean ? clean.before === clean.after : keepsCleanText(change.before, change.after)) {
    // The clean text stays as it is (a split, or its undo or redo): the Bank Act's 1.5 MB are neither read nor written.
    placed = clean ? placeSegments(change.after, start) : change.after;
    edit = { before: "", after: "" };
  } else {
    const doc = tx.select({ cleanText: documents.cleanText }).from(documents).where(eq(documents.id, document)).get();
    if (!doc) throw new Error(`document ${document} is gone`);
    cleanText = clean ? applyCleanTextEdit(doc.cleanText, { start, ...clean }) : null;
    if (clean && cleanText !== null) {
      placed = placeSegments(change.after, start);
      edit = clean;
    } else {
      const worked = cleanTextEdit(doc.cleanText, change.before, change.after);
      cleanText = applyCleanTextEdit(doc.cleanText, worked.edit)!;
      placed = worked.segments;
      edit = { before: worked.edit.before, after: worked.edit.after };
    }
  }
  const moved = edit.after.length - edit.before.length;
  tx.delete(segments)
    .where(and(eq(segments.documentId, document), gte(segments.position, position), lt(segments.position, position + removed)))
    .run();
  const delta = change.after.length - removed;
  const later = and(eq(segments.documentId, document), gte(segments.position, position + removed));
  const offsets = { start: sql`${segments.start} + ${moved}`, end: sql`${segments.end} + ${moved}` };
  if (delta !== 0) {
    // Positions are unique per document: the move goes through negative numbers, as for links.
    tx.update(segments)
      .set({ position: sql`-(${segments.position} + ${delta}) - 1`, ...(moved !== 0 ? offsets : {}) })
      .where(later)
      .run();
    tx.update(segments)
      .set({ position: sql`-${segments.position} - 1` })
      .where(and(eq(segments.documentId, document), lt(segments.position, 0)))
      .run();
  } else if (moved !== 0) {
    tx.update(segments).set(offsets).where(later).run();
  }
  if (placed.length > 0) {
    tx.insert(segments)
      .values(placed.map((seg, k) => ({ documentId: document, position: position + k, ...seg, noteRefs: JSON.stringify(seg.noteRefs) })))
      .run();
  }
  tx.update(documents)
    .set({ ...(cleanText !== null ? { cleanText } : {}), segmentCount: sql`${documents.segmentCount} + ${delta}`, updatedAt: new Date() })
    .where(eq(documents.id, document))
    .run();
  return { ...change, after: placed, clean: edit };
}

interface PairUsing {
  id: number;
  title: string;
  version: number;
  side: Side;
}

/**
 * The aligned pairs that use a document, each with the side the document is on. Refuses (409) while one of
 * them is being aligned or realigned: the aligner works on the segments it read, and its result would not fit.
 */
function pairsUsing(tx: Tx, documentId: number): PairUsing[] {
  const rows = tx
    .select({ id: pairs.id, title: pairs.title, version: pairs.version, status: pairs.status, realign: pairs.realignVersion, en: pairs.sourceDocumentId })
    .from(pairs)
    .where(or(eq(pairs.sourceDocumentId, documentId), eq(pairs.targetDocumentId, documentId)))
    .orderBy(asc(pairs.id))
    .all();
  for (const row of rows) {
    if (row.status === "queued" || row.status === "aligning" || row.realign !== null) {
      throw new EditError(
        409,
        `The pair “${row.title}” also uses this document and is being ${row.realign !== null ? "realigned" : "aligned"}: change its segments when that is done (a few seconds).`,
      );
    }
  }
  // A failed pair has no links; it reads the segments again when it is retried.
  return rows.filter((row) => row.status === "ready").map((row) => ({ id: row.id, title: row.title, version: row.version, side: row.en === documentId ? "en" : "fr" }));
}

/**
 * What a change to one side's segments at `s` does to a pair's links (renumberRanges on the links it reads): a split
 * (delta 1) keeps both halves in the link that held the segment, a merge with s + 1 (delta -1) takes s + 1 out of its
 * link into the one holding s, a new text (delta 0) moves nothing but rewrites the link as it was, so that it counts
 * as edited. Returns the range of links that changes shape, in the numbering before; every link after it moves by
 * `delta` on that side.
 */
function relink(tx: Tx, pairId: number, side: Side, s: number, delta: number): Pick<Change, "position" | "before" | "after" | "shift"> {
  const start = side === "en" ? links.sourceStart : links.targetStart;
  const count = side === "en" ? links.sourceCount : links.targetCount;
  const holder = (segment: number) => {
    const row = tx
      .select({ position: links.position })
      .from(links)
      .where(and(eq(links.pairId, pairId), lte(start, segment), gt(sql`${start} + ${count}`, segment)))
      .get();
    if (!row) throw new Error(`pair ${pairId} has no link holding ${side} segment ${s}: its links do not cover its documents`);
    return row.position;
  };
  const first = holder(s);
  const last = delta < 0 ? holder(s + 1) : first;
  const old = loadLinks(tx, pairId, first, last + 1);
  // A split makes two segments of one, a merge one of two, a new text one of one.
  const after = renumberRanges(old, { side, position: s, removed: delta < 0 ? 2 : 1, added: delta > 0 ? 2 : 1 });
  return { position: first, before: old, after, ...(delta !== 0 ? { shift: { side, delta } } : {}) };
}


/** The pair an edit applies to, as the editor's checks read it (editor.server's editablePair). */
export interface EditedPair {
  id: number;
  version: number;
  title: string;
  en: number;
  fr: number;
}


/**
 * Applies a change to a document's segments (and its clean text, `clean` as in writeSegments) and fixes the links
 * of every pair that uses it. The pair it was made from (`origin`) records `own` (its operation, arguments and
 * place on its undo stack; its links are moved as `ownLinks` says, or by `relink`); every other pair records the
 * same operation as a note naming the origin, its links moved by `relink`. Their undo stacks stay: an undo or
 * redo there follows the renumbering recorded in these notes (`carryForward`).
 */
export function applySegmentChange(
  tx: Tx,
  origin: { id: number; title: string; version: number },
  user: string,
  proposed: SegmentChange,
  clean: RecordedSegmentChange["clean"] | null,
  own: Pick<Change, "operation" | "args" | "state" | "target">,
  ownLinks: Pick<Change, "position" | "before" | "after" | "shift"> | null,
): { version: number; links: Pick<Change, "position" | "before" | "after" | "shift">; change: RecordedSegmentChange } {
  const users = pairsUsing(tx, proposed.document);
  const delta = proposed.after.length - proposed.before.length;
  // Every pair's links are read before any is written (relink reads them in the old numbering).
  const moves = users.map((pair) => ({ pair, move: pair.id === origin.id && ownLinks ? ownLinks : relink(tx, pair.id, pair.side, proposed.position, delta) }));
  const change = writeSegments(tx, proposed, clean);
  let version = origin.version;
  let ownMove: Pick<Change, "position" | "before" | "after" | "shift"> | null = null;
  for (const { pair, move } of moves) {
    if (pair.id === origin.id) {
      ownMove = move;
      version = commit(tx, pair.id, origin.version, user, { ...own, ...move, segment: change });
    } else {
      commit(tx, pair.id, pair.version, user, {
        operation: own.operation,
        args: { ...own.args, from: origin.title },
        ...move,
        segment: change,
        state: null,
      });
    }
  }
  if (!ownMove) throw new Error(`pair ${origin.id} does not use document ${change.document}`);
  return { version, links: ownMove, change };
}

export function segmentEdit(tx: Tx, pair: EditedPair, user: string, op: SegmentOperation): EditResult {
  const { id: pairId, version } = pair;
  const documentId = op.side === "en" ? pair.en : pair.fr;
  // The segment and the next one, which a merge takes: what the operation reads, read once.
  const stored = readStoredSegments(tx, documentId, op.segment, op.segment + segmentsRead(op));
  let replacement: ReturnType<typeof segmentReplacement>;
  try {
    replacement = segmentReplacement(op, (position) => stored[position - op.segment] ?? null);
  } catch (error) {
    if (error instanceof EditRefused) throw new EditError(422, error.message);
    throw error;
  }
  const before = stored.slice(0, replacement.removed);
  const after: StoredSegment[] = replacement.segments.map(({ text, kind, paragraph, start, end, noteRefs }) => ({ text, kind, paragraph, start, end, noteRefs }));
  if (before.length === after.length && before.every((seg, k) => sameSegment(seg, after[k]))) {
    return { version, changed: false, patch: null, texts: null, ...stacksAndHistory(tx, pairId) };
  }
  const change: SegmentChange = { document: documentId, side: op.side, position: op.segment, before, after };
  // The new text is in the recorded segments; the arguments say where.
  const { name, ...args } = op;
  if ("text" in args) delete (args as { text?: string }).text;
  const done = applySegmentChange(tx, pair, user, change, null, { operation: name, args, state: "done" }, null);
  return {
    version: done.version,
    changed: true,
    patch: linkPatch(done.links.position, done.links.before, done.links.after, done.links.shift),
    texts: textsPatch(done.change),
    ...stacksAndHistory(tx, pairId),
  };
}

// ---------------------------------------------------------------------------------------------------
// Clean texts corrected before they followed their segments

/**
 * Rewrites the clean text of each document whose segments were corrected before the clean text followed them
 * (segment changes were recorded without their part of the clean text then), so that every segment is again the
 * clean text at its offsets. Only documents named by a recorded segment change are read; one transaction each.
 * Returns the documents mended; a second run mends none. Run at set-up.
 */
export function mendCleanTexts(db: Db = getDb()): number[] {
  const named = db
    .selectDistinct({ document: sql<number>`json_extract(${edits.segment}, '$.document')` })
    .from(edits)
    .where(isNotNull(edits.segment))
    .all()
    .map((row) => Number(row.document));
  const mended: number[] = [];
  for (const document of named) {
    db.transaction((tx) => {
      const doc = tx.select({ cleanText: documents.cleanText }).from(documents).where(eq(documents.id, document)).get();
      if (!doc) return;
      const rows = tx
        .select({ id: segments.id, ...segmentColumns })
        .from(segments)
        .where(eq(segments.documentId, document))
        .orderBy(asc(segments.position))
        .all();
      const fixed = cleanTextOfSegments(
        doc.cleanText,
        rows.map((row) => ({ ...row, noteRefs: [] })),
      );
      if (!fixed) return;
      fixed.segments.forEach((segment, k) => {
        const row = rows[k];
        if (row.start !== segment.start || row.end !== segment.end) {
          tx.update(segments).set({ start: segment.start, end: segment.end }).where(eq(segments.id, row.id)).run();
        }
      });
      tx.update(documents).set({ cleanText: fixed.clean }).where(eq(documents.id, document)).run();
      mended.push(document);
    });
  }
  return mended;
}
