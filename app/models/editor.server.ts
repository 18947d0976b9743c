import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import type { Alignment, AlignSegment } from "../../alignments/align/aligner";
import type { LexiconEntry } from "../../alignments/align/lexicon";
import { alignmentProblems, type LinkSides } from "../../alignments/align/links";
import {
  carryForward,
  confirmedLinks,
  EditRefused,
  eventsAfter,
  renumberRanges,
  windowShift,
  type EditableLink,
  type HistoryStep,
  type LaterEvent,
  type SegmentRenumbering,
  type Side,
} from "../../alignments/align/operations";
import { operationWindow, segmentsRead } from "../../alignments/align/edit-operations";
import { applyCleanTextEdit, cleanTextEdit, cleanTextOfSegments, keepsCleanText, placeSegments } from "../../alignments/text/segment-edits";
import { getDb, type Db } from "../../db/client.server";
import { documents, edits, links, pairs, segments, type EditRow, type SegmentChange, type StoredLink, type StoredSegment } from "../../db/schema";
import { stampsForRange } from "./link-stamps.server";
import {
  describeEdit,
  HISTORY_SHOWN,
  isLinkOperation,
  isSegmentOperation,
  kindLetters,
  textsPatchOf,
  segmentReplacement,
  type SegmentOperation,
  type TextsPatch,
  MAX_USER_NAME,
  type HistoryEntry,
  type LinkHistoryEntry,
  runOperation,
  type EditOperation,
  type EditResult,
  type LinkOperation,
  type LinkPatch,
  type LinkTuple,
  type OperationName,
  type PairTexts,
} from "../utils/edits";
import { linkTuples, shownConfidence } from "./editor-data.server";
import { CHUNK, documentInfo, readSegments, toEditable, toStored, type Tx } from "./pairs.server";

/**
 * The alignment editor's writes. Every change (an operation on the links, an undo, a redo, a realignment of
 * the unconfirmed links) is one transaction: it checks the version the person saw, replaces the range of links
 * that changed, bumps the pair's version and writes a history row holding that range before and after, which
 * is what undo and redo put back.
 */

export const STALE =
  "This pair changed since you loaded it: reload the page to see the other changes. Your last change was not saved.";
export const REALIGNING = "Tandem is realigning the unconfirmed links of this pair: edits wait until it is done (a few seconds).";
const GONE = "This pair does not exist any more; it may have been deleted.";
const NOT_READY = "This pair is not aligned yet: its links can be edited once the alignment is done.";

/** A refusal the route turns into a response with this status and message; nothing was written. */
export class EditError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 422,
    message: string,
  ) {
    super(message);
    this.name = "EditError";
  }
}

/** The name recorded with a change: trimmed, single-spaced, required. */
export function checkUserName(user: string): string {
  const name = user.replace(/\s+/g, " ").trim();
  if (name === "") throw new EditError(400, "Give your name before editing: Tandem records it with each change.");
  if (name.length > MAX_USER_NAME) throw new EditError(400, `Your name is too long for the history (at most ${MAX_USER_NAME} characters).`);
  return name;
}

// ---------------------------------------------------------------------------------------------------
// Links as stored, as edited and on the wire

const linkColumns = {
  enStart: links.enStart,
  enCount: links.enCount,
  frStart: links.frStart,
  frCount: links.frCount,
  status: links.status,
  confidence: links.confidence,
};

export function loadLinks(db: Db | Tx, pairId: number, from = 0, to = Number.MAX_SAFE_INTEGER): StoredLink[] {
  return db
    .select(linkColumns)
    .from(links)
    .where(and(eq(links.pairId, pairId), gte(links.position, from), lt(links.position, to)))
    .orderBy(asc(links.position))
    .all();
}

const range = (start: number, count: number) => Array.from({ length: count }, (_, k) => start + k);

const sameRow = (a: StoredLink, b: StoredLink) =>
  a.enStart === b.enStart &&
  a.enCount === b.enCount &&
  a.frStart === b.frStart &&
  a.frCount === b.frCount &&
  a.status === b.status &&
  a.confidence === b.confidence;

/** A link for the browser; `edited` is true for every row a change wrote (all of a patch's). */
export function toTuple(row: StoredLink, edited = true): LinkTuple {
  return [row.enStart, row.enCount, row.frStart, row.frCount, row.status === "confirmed" ? 1 : 0, shownConfidence(row.confidence), edited ? 1 : 0];
}

/** A change to the range of links at `position` as the page applies it (the links after it move by `shift`, if any). */
function linkPatch(position: number, before: readonly StoredLink[], after: readonly StoredLink[], shift?: LinkPatch["shift"]): LinkPatch {
  return { position, removed: before.length, links: after.map((row) => toTuple(row)), ...(shift ? { shift } : {}) };
}

/** The smallest range [position, position + before.length) whose replacement by `after` turns `old` into `next`. */
export function difference(old: StoredLink[], next: StoredLink[]): { position: number; before: StoredLink[]; after: StoredLink[] } {
  let start = 0;
  while (start < old.length && start < next.length && sameRow(old[start], next[start])) start++;
  let end = 0;
  while (end < old.length - start && end < next.length - start && sameRow(old[old.length - 1 - end], next[next.length - 1 - end])) end++;
  return { position: start, before: old.slice(start, old.length - end), after: next.slice(start, next.length - end) };
}

/**
 * Replaces the links at [position, position + removed) by `rows`, moving the links after them. Positions are
 * unique per pair, so the move goes through negative numbers (SQLite checks the index row by row).
 */
function writeRange(tx: Tx, pairId: number, position: number, removed: number, rows: StoredLink[], user: string, madeBy: string | null): void {
  const now = new Date();
  const stamps = stampsForRange(tx, pairId, position, removed, rows, user, madeBy, now);
  tx.delete(links)
    .where(and(eq(links.pairId, pairId), gte(links.position, position), lt(links.position, position + removed)))
    .run();
  const delta = rows.length - removed;
  if (delta !== 0) {
    tx.update(links)
      .set({ position: sql`-(${links.position} + ${delta}) - 1` })
      .where(and(eq(links.pairId, pairId), gte(links.position, position + removed)))
      .run();
    tx.update(links)
      .set({ position: sql`-${links.position} - 1` })
      .where(and(eq(links.pairId, pairId), lt(links.position, 0)))
      .run();
  }
  const values = rows.map((row, k) => ({ pairId, position: position + k, ...row, edited: true, ...stamps[k] }));
  for (let i = 0; i < values.length; i += CHUNK) tx.insert(links).values(values.slice(i, i + CHUNK)).run();
}

// ---------------------------------------------------------------------------------------------------
// History

const parseArgs = (row: Pick<EditRow, "args">) => JSON.parse(row.args) as Record<string, unknown>;
const labelOf = (row: Pick<EditRow, "operation" | "args">) => describeEdit(row.operation, parseArgs(row));

/** The top of the undo stack (the newest change done) or of the redo stack (the oldest undone: the last one undone). */
function stackTop(pairId: number, which: "undo" | "redo") {
  return {
    where: and(eq(edits.pairId, pairId), eq(edits.state, which === "undo" ? "done" : "undone")),
    order: which === "undo" ? desc(edits.id) : asc(edits.id),
  };
}

/**
 * What every answer to the editor carries besides the change: what undo would take back and redo would make again,
 * in words (null when nothing), and the latest history.
 */
function stacksAndHistory(db: Db | Tx, pairId: number): Pick<EditResult, "undo" | "redo" | "history"> {
  const label = (which: "undo" | "redo") => {
    const top = stackTop(pairId, which);
    const row = db.select({ operation: edits.operation, args: edits.args }).from(edits).where(top.where).orderBy(top.order).limit(1).get();
    return row ? labelOf(row) : null;
  };
  return { undo: label("undo"), redo: label("redo"), history: pairHistory(pairId, HISTORY_SHOWN, db) };
}

/** The latest changes to a pair's links, newest first. */
export function pairHistory(pairId: number, limit = HISTORY_SHOWN, db: Db | Tx = getDb()): HistoryEntry[] {
  return db
    .select({
      id: edits.id,
      operation: edits.operation,
      args: edits.args,
      user: edits.user,
      createdAt: edits.createdAt,
      versionAfter: edits.versionAfter,
      state: edits.state,
    })
    .from(edits)
    .where(eq(edits.pairId, pairId))
    .orderBy(desc(edits.id))
    .limit(limit)
    .all()
    .map((row) => ({
      id: row.id,
      label: labelOf(row),
      user: row.user,
      at: row.createdAt.toISOString(),
      operation: row.operation,
      versionAfter: row.versionAfter,
      undone: row.state === "undone",
    }));
}

/** A side's segments as a set of positions in some numbering. */
type Positions = Set<number>;

const hits = (start: number, count: number, set: Positions) => {
  for (let i = start; i < start + count; i++) if (set.has(i)) return true;
  return false;
};

/** The positions a set held before a segment change, given those after it (a merged or split segment maps to what it came from). */
function beforeSegmentChange(set: Positions, change: Pick<SegmentChange, "position" | "before" | "after">): Positions {
  const { position } = change;
  const a = change.after.length;
  const b = change.before.length;
  const out: Positions = new Set();
  for (const i of set) {
    if (i < position) out.add(i);
    else if (i < position + a) for (let k = 0; k < b; k++) out.add(position + k);
    else out.add(i - a + b);
  }
  return out;
}

/**
 * The changes in a pair's history that touched a link's segments, newest first: who, when, what, and the links
 * (and texts) those segments were in before and after. The link is named by its segments in the current
 * numbering; going back through a segment split or merge maps them to the numbering of the time. The walk stops
 * at a new alignment of the whole pair (a version with no history row), before which the links were others.
 */
export function linkHistory(
  pairId: number,
  link: Pick<StoredLink, "enStart" | "enCount" | "frStart" | "frCount">,
  limit = 50,
  db: Db = getDb(),
): LinkHistoryEntry[] | null {
  return db.transaction((tx) => {
    const pair = tx.select({ version: pairs.version, en: pairs.enDocumentId }).from(pairs).where(eq(pairs.id, pairId)).get();
    if (!pair) return null;
    let en: Positions = new Set(range(link.enStart, link.enCount));
    let fr: Positions = new Set(range(link.frStart, link.frCount));
    const touching = (rows: StoredLink[]) => rows.filter((r) => hits(r.enStart, r.enCount, en) || hits(r.frStart, r.frCount, fr));
    const out: LinkHistoryEntry[] = [];
    let expected = pair.version;
    let below = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const rows = tx
        .select()
        .from(edits)
        .where(and(eq(edits.pairId, pairId), lt(edits.id, below)))
        .orderBy(desc(edits.id))
        .limit(100)
        .all();
      if (rows.length === 0) return out;
      for (const row of rows) {
        below = row.id;
        if (row.versionAfter !== expected) return out;
        expected = row.versionBefore;
        const after = touching(JSON.parse(row.after) as StoredLink[]);
        const segment = row.segment ? (JSON.parse(row.segment) as SegmentChange) : null;
        const side: Side | null = segment ? (segment.document === pair.en ? "en" : "fr") : null;
        const textHit = segment !== null && hits(segment.position, segment.after.length, side === "en" ? en : fr);
        if (segment) {
          if (side === "en") en = beforeSegmentChange(en, segment);
          else fr = beforeSegmentChange(fr, segment);
        }
        if (after.length === 0 && !textHit) continue;
        out.push({
          id: row.id,
          label: labelOf(row),
          user: row.user,
          at: row.createdAt.toISOString(),
          undone: row.state === "undone",
          before: touching(JSON.parse(row.before) as StoredLink[]),
          after,
          texts: segment && textHit ? { side: side!, before: segment.before.map((x) => x.text), after: segment.after.map((x) => x.text) } : null,
        });
        if (out.length >= limit) return out;
      }
    }
  });
}

export interface Change {
  operation: OperationName;
  args: Record<string, unknown>;
  position: number;
  before: StoredLink[];
  after: StoredLink[];
  /** After a segment split or merge: every link after the range moves its `side` segments by `delta`. */
  shift?: { side: Side; delta: number };
  /** The change to a document's segments that moved these links, recorded with them. */
  segment?: SegmentChange;
  target?: number;
  /** An ordinary change goes on the undo stack and clears the redo stack; undo and redo move along them. */
  state: "done" | null;
}

/** Writes a change, its history row and the pair's new version; returns the new version. */
export function commit(tx: Tx, pairId: number, version: number, user: string, change: Change): number {
  const shift = change.shift;
  if (shift && shift.delta !== 0) {
    // Before the range is rewritten, while the positions after it are still the old ones.
    const column = shift.side === "en" ? links.enStart : links.frStart;
    tx.update(links)
      .set(shift.side === "en" ? { enStart: sql`${column} + ${shift.delta}` } : { frStart: sql`${column} + ${shift.delta}` })
      .where(and(eq(links.pairId, pairId), gte(links.position, change.position + change.before.length)))
      .run();
  }
  // A realignment's new links are the aligner's; the reviewer's own changes are theirs.
  writeRange(tx, pairId, change.position, change.before.length, change.after, user, change.operation === "realign" ? null : user);
  if (change.state === "done") {
    tx.update(edits)
      .set({ state: "dropped" })
      .where(and(eq(edits.pairId, pairId), eq(edits.state, "undone")))
      .run();
  }
  const now = new Date();
  tx.insert(edits)
    .values({
      pairId,
      versionBefore: version,
      versionAfter: version + 1,
      operation: change.operation,
      args: JSON.stringify(change.args),
      position: change.position,
      before: JSON.stringify(change.before),
      after: JSON.stringify(change.after),
      target: change.target ?? null,
      segment: change.segment ? JSON.stringify(change.segment) : null,
      state: change.state,
      user,
      createdAt: now,
    })
    .run();
  tx.update(pairs)
    .set({ version: version + 1, linkCount: sql`${pairs.linkCount} + ${change.after.length - change.before.length}`, updatedAt: now })
    .where(eq(pairs.id, pairId))
    .run();
  return version + 1;
}

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

function readStoredSegments(db: Db | Tx, documentId: number, from: number, to: number): StoredSegment[] {
  return db
    .select(segmentColumns)
    .from(segments)
    .where(and(eq(segments.documentId, documentId), gte(segments.position, from), lt(segments.position, to)))
    .orderBy(asc(segments.position))
    .all()
    .map((row) => ({ ...row, noteRefs: JSON.parse(row.noteRefs) as StoredSegment["noteRefs"] }));
}

const sameSegment = (a: StoredSegment, b: StoredSegment) =>
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
    .select({ id: pairs.id, title: pairs.title, version: pairs.version, status: pairs.status, realign: pairs.realignVersion, en: pairs.enDocumentId })
    .from(pairs)
    .where(or(eq(pairs.enDocumentId, documentId), eq(pairs.frDocumentId, documentId)))
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
  const start = side === "en" ? links.enStart : links.frStart;
  const count = side === "en" ? links.enCount : links.frCount;
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

const textsPatch = (change: SegmentChange): TextsPatch => textsPatchOf(change.side, change.position, change.before.length, change.after);

/**
 * Applies a change to a document's segments (and its clean text, `clean` as in writeSegments) and fixes the links
 * of every pair that uses it. The pair it was made from (`origin`) records `own` (its operation, arguments and
 * place on its undo stack; its links are moved as `ownLinks` says, or by `relink`); every other pair records the
 * same operation as a note naming the origin, its links moved by `relink`. Their undo stacks stay: an undo or
 * redo there follows the renumbering recorded in these notes (`carryForward`).
 */
function applySegmentChange(
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

function segmentEdit(tx: Tx, pair: EditedPair, user: string, op: SegmentOperation): EditResult {
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

/** A recorded segment change as the links see it. */
function renumberingOf(change: SegmentChange, sideOf: (document: number) => Side): SegmentRenumbering {
  return { side: sideOf(change.document), position: change.position, removed: change.before.length, added: change.after.length };
}

/**
 * What happened to a pair's segments after a change in its history (`eventsAfter`), and whether some segment was
 * split or merged since: then the change's recorded link positions may no longer hold.
 */
function eventsSince(tx: Tx, pairId: number, changeId: number, sideOf: (document: number) => Side): { events: LaterEvent[]; renumbered: boolean } {
  const rows = tx
    .select({ id: edits.id, operation: edits.operation, target: edits.target, state: edits.state, segment: edits.segment })
    .from(edits)
    .where(and(eq(edits.pairId, pairId), gt(edits.id, changeId), or(isNotNull(edits.segment), eq(edits.target, changeId))))
    .orderBy(asc(edits.id))
    .all();
  const steps: HistoryStep[] = rows.map((row) => {
    const renumbering = row.segment ? renumberingOf(JSON.parse(row.segment) as SegmentChange, sideOf) : null;
    if ((row.operation === "undo" || row.operation === "redo") && row.target !== null) return { kind: row.operation, of: row.target, renumbering };
    // A change of this pair's own has a place on its stack; a note of another pair's change has none.
    return row.state !== null ? { kind: "change", id: row.id, renumbering } : { kind: "note", renumbering };
  });
  const events = eventsAfter(steps, changeId);
  return { events, renumbered: events.some((event) => typeof event !== "string") };
}

/**
 * Where a run of links is in a pair now, found by its first link's segments (each segment is in one link only);
 * null when no link holds them as recorded. An empty run is nowhere in particular: it stays at `fallback`.
 */
function locate(tx: Tx, pairId: number, run: StoredLink[], fallback: number): number | null {
  const first = run[0];
  if (!first) return fallback;
  const [start, count, value, length] =
    first.enCount > 0 ? [links.enStart, links.enCount, first.enStart, first.enCount] : [links.frStart, links.frCount, first.frStart, first.frCount];
  const row = tx
    .select({ position: links.position })
    .from(links)
    .where(and(eq(links.pairId, pairId), eq(start, value), eq(count, length)))
    .get();
  return row ? row.position : null;
}

// ---------------------------------------------------------------------------------------------------
// Editing

export type { EditResult, HistoryEntry };

/** A change a page had not seen when it made an edit, as the history recorded it. */
interface Unseen {
  position: number;
  before: StoredLink[];
  after: StoredLink[];
  segment: SegmentChange | null;
}

/** A page further behind than this reloads rather than catching up. */
const MAX_UNSEEN = 100;

/**
 * The changes made to a pair since `from`, in order, when the history holds every one of them up to `to` (a new
 * alignment of the whole pair leaves no row: then null, as when there are too many).
 */
function changesSince(tx: Tx, pairId: number, from: number, to: number): Unseen[] | null {
  if (to - from > MAX_UNSEEN) return null;
  const rows = tx
    .select({ versionBefore: edits.versionBefore, versionAfter: edits.versionAfter, position: edits.position, before: edits.before, after: edits.after, segment: edits.segment })
    .from(edits)
    .where(and(eq(edits.pairId, pairId), gt(edits.versionAfter, from), ne(edits.operation, "rename")))
    .orderBy(asc(edits.id))
    .all();
  let version = from;
  for (const row of rows) {
    if (row.versionBefore !== version) return null;
    version = row.versionAfter;
  }
  if (version !== to) return null;
  return rows.map((row) => ({
    position: row.position,
    before: JSON.parse(row.before) as StoredLink[],
    after: JSON.parse(row.after) as StoredLink[],
    segment: row.segment ? (JSON.parse(row.segment) as SegmentChange) : null,
  }));
}

/**
 * The pair an edit made at `expectedVersion` applies to. A page that had not seen the latest changes is refused as
 * stale (409), unless `catchUp` (a link operation, which may still apply: see applyEdit) and the history holds
 * what it missed: then `unseen` lists it.
 */
function editablePair(tx: Tx, pairId: number, expectedVersion: number, catchUp = false) {
  const pair = tx
    .select({
      version: pairs.version,
      status: pairs.status,
      realignVersion: pairs.realignVersion,
      title: pairs.title,
      en: pairs.enDocumentId,
      fr: pairs.frDocumentId,
    })
    .from(pairs)
    .where(eq(pairs.id, pairId))
    .get();
  if (!pair) throw new EditError(404, GONE);
  if (pair.status !== "ready") throw new EditError(409, NOT_READY);
  let unseen: Unseen[] | null = null;
  if (pair.version !== expectedVersion) {
    unseen = catchUp && expectedVersion < pair.version ? changesSince(tx, pairId, expectedVersion, pair.version) : null;
    if (!unseen) throw new EditError(409, STALE);
  }
  if (pair.realignVersion !== null) throw new EditError(409, REALIGNING);
  return { pair: { id: pairId, version: pair.version, title: pair.title, en: pair.en, fr: pair.fr }, unseen };
}

/** The pair an edit applies to, as editablePair read it. */
type EditedPair = ReturnType<typeof editablePair>["pair"];

/** What a page that missed some changes needs to show them: each as the patches a saved change answers with. */
function unseenPatches(unseen: Unseen[]): NonNullable<EditResult["unseen"]> {
  return unseen.map((change) => ({
    patch: linkPatch(
      change.position,
      change.before,
      change.after,
      change.segment ? { side: change.segment.side, delta: change.segment.after.length - change.segment.before.length } : undefined,
    ),
    texts: change.segment ? textsPatch(change.segment) : null,
  }));
}

function stackTarget(tx: Tx, pairId: number, which: "undo" | "redo"): EditRow | undefined {
  const top = stackTop(pairId, which);
  return tx.select().from(edits).where(top.where).orderBy(top.order).limit(1).get();
}

/**
 * Applies one operation to a pair made at `expectedVersion`, by `user`, in one transaction. Refuses (EditError,
 * nothing written) a pair being realigned (409), an operation the links do not allow (422, the operation's reason),
 * undo or redo with nothing to undo or redo (422), and a pair that moved on since (409, STALE), except for an
 * operation on links that no change since touched (nor put links among): it cannot conflict, so it is made on
 * the same links where they are now, and the answer brings the page the changes it missed (`unseen`).
 */
export function applyEdit(pairId: number, expectedVersion: number, operation: EditOperation, user: string, db: Db = getDb()): EditResult {
  const name = checkUserName(user);
  return db.transaction((tx) => {
    const { pair, unseen } = editablePair(tx, pairId, expectedVersion, isLinkOperation(operation));
    const { version } = pair;
    let change: Change;
    if (operation.name === "undo" || operation.name === "redo") {
      const undo = operation.name === "undo";
      const target = stackTarget(tx, pairId, operation.name);
      if (!target) throw new EditError(422, undo ? "There is nothing to undo." : "There is nothing to redo.");
      const sideOf = (document: number): Side => (document === pair.en ? "en" : "fr");
      const recorded = target.segment ? (JSON.parse(target.segment) as RecordedSegmentChange) : null;
      // Segments split or merged since (here or from another pair on the same document) renumbered what it recorded.
      const later = eventsSince(tx, pairId, target.id, sideOf);
      let carried: ReturnType<typeof carryForward>;
      try {
        carried = carryForward(
          { before: JSON.parse(target.before) as StoredLink[], after: JSON.parse(target.after) as StoredLink[], own: recorded ? renumberingOf(recorded, sideOf) : null },
          later.events,
        );
      } catch (error) {
        if (!(error instanceof EditRefused)) throw error;
        throw new EditError(409, `The segments are no longer as “${labelOf(target)}” left them (someone changed them since), so Tandem cannot ${operation.name} it.`);
      }
      const [from, to] = undo ? [carried.after, carried.before] : [carried.before, carried.after];
      const position = later.renumbered ? locate(tx, pairId, from, target.position) : target.position;
      const current = position === null ? [] : loadLinks(tx, pairId, position, position + from.length);
      if (position === null || current.length !== from.length || current.some((row, k) => !sameRow(row, from[k]))) {
        throw new EditError(409, `The links are no longer as “${labelOf(target)}” left them, so Tandem cannot ${operation.name} it.`);
      }
      tx.update(edits)
        .set({ state: undo ? "undone" : "done" })
        .where(eq(edits.id, target.id))
        .run();
      const own = { operation: operation.name, args: { label: labelOf(target) }, target: target.id, state: null };
      if (recorded) {
        const at = carried.own!.position;
        const segmentsFrom = undo ? recorded.after : recorded.before;
        const now = readStoredSegments(tx, recorded.document, at, at + segmentsFrom.length);
        if (now.length !== segmentsFrom.length || now.some((seg, k) => !sameSegment(seg, segmentsFrom[k]))) {
          throw new EditError(409, `The segments are no longer as “${labelOf(target)}” left them (someone changed them since), so Tandem cannot ${operation.name} it.`);
        }
        const change: SegmentChange = { document: recorded.document, side: recorded.side, position: at, before: now, after: undo ? recorded.before : recorded.after };
        const clean = recorded.clean ? (undo ? { before: recorded.clean.after, after: recorded.clean.before } : recorded.clean) : null;
        const shift = { side: recorded.side, delta: change.after.length - change.before.length };
        const done = applySegmentChange(tx, pair, name, change, clean, own, { position, before: from, after: to, shift });
        return {
          version: done.version,
          changed: true,
          patch: linkPatch(position, from, to, shift),
          texts: textsPatch(done.change),
          ...stacksAndHistory(tx, pairId),
        };
      }
      change = { ...own, position, before: from, after: to };
    } else if (isSegmentOperation(operation)) {
      return segmentEdit(tx, pair, name, operation);
    } else {
      if (unseen) {
        const [start, end] = operationWindow(operation);
        const shift = windowShift(start, end, unseen.map((change) => ({ position: change.position, removed: change.before.length, added: change.after.length })));
        if (shift === null) throw new EditError(409, STALE);
        operation = { ...operation, link: operation.link + shift };
      }
      const [from, to] = operationWindow(operation);
      const old = loadLinks(tx, pairId, from, to);
      let next: EditableLink[];
      try {
        next = runOperation(old.map(toEditable), { ...operation, link: operation.link - from });
      } catch (error) {
        if (!(error instanceof EditRefused)) throw error;
        try {
          runOperation(loadLinks(tx, pairId).map(toEditable), operation);
        } catch (exact) {
          if (exact instanceof EditRefused) throw new EditError(422, exact.message);
          throw exact;
        }
        throw new EditError(422, error.message);
      }
      const diff = difference(old, toStored(next, old[0]?.enStart ?? 0, old[0]?.frStart ?? 0));
      if (diff.before.length === 0 && diff.after.length === 0) {
        return {
          version,
          changed: false,
          patch: null,
          texts: null,
          ...(unseen ? { unseen: unseenPatches(unseen) } : {}),
          ...stacksAndHistory(tx, pairId),
        };
      }
      const { name: op, ...args } = operation;
      change = { operation: op, args, ...diff, position: from + diff.position, state: "done" };
    }
    const next = commit(tx, pairId, version, name, change);
    return {
      version: next,
      changed: true,
      patch: linkPatch(change.position, change.before, change.after),
      texts: null,
      ...(unseen ? { unseen: unseenPatches(unseen) } : {}),
      ...stacksAndHistory(tx, pairId),
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Reading, for the editor

export interface RealignState {
  /** Waiting or running. */
  pending: boolean;
  progress: number;
  user: string | null;
  error: string | null;
}

/** Everything the editor needs but the texts: the version, every link, undo and redo, history, realignment. */
export function getEditor(pairId: number, db: Db = getDb()) {
  return db.transaction((tx) => {
    const pair = tx
      .select({
        version: pairs.version,
        realignVersion: pairs.realignVersion,
        realignProgress: pairs.realignProgress,
        realignUser: pairs.realignUser,
        realignError: pairs.realignError,
      })
      .from(pairs)
      .where(eq(pairs.id, pairId))
      .get();
    if (!pair) return null;
    const realign: RealignState = {
      pending: pair.realignVersion !== null,
      progress: pair.realignProgress,
      user: pair.realignUser,
      error: pair.realignError,
    };
    return { version: pair.version, links: linkTuples(tx, pairId), ...stacksAndHistory(tx, pairId), realign };
  });
}

export type EditorData = NonNullable<ReturnType<typeof getEditor>>;


export function pairTexts(
  pairId: number,
  window: { enFrom: number; enTo: number; frFrom: number; frTo: number } | null = null,
  db: Db = getDb(),
): PairTexts | null {
  const pair = db.select({ en: pairs.enDocumentId, fr: pairs.frDocumentId }).from(pairs).where(eq(pairs.id, pairId)).get();
  if (!pair) return null;
  const read = (documentId: number, from: number, to: number) => {
    const rows = db
      .select({ text: segments.text, kind: segments.kind })
      .from(segments)
      .where(and(eq(segments.documentId, documentId), gte(segments.position, from), lt(segments.position, to)))
      .orderBy(asc(segments.position))
      .all();
    return { texts: rows.map((r) => r.text), kinds: kindLetters(rows) };
  };
  const w = window ?? { enFrom: 0, enTo: Number.MAX_SAFE_INTEGER, frFrom: 0, frTo: Number.MAX_SAFE_INTEGER };
  const en = read(pair.en, w.enFrom, w.enTo);
  const fr = read(pair.fr, w.frFrom, w.frTo);
  return { enFrom: w.enFrom, frFrom: w.frFrom, en: en.texts, fr: fr.texts, enKinds: en.kinds, frKinds: fr.kinds };
}

// ---------------------------------------------------------------------------------------------------
// Realigning the unconfirmed links

/**
 * Asks for a realignment of the unconfirmed links of a pair seen at `expectedVersion`: the confirmed links stay
 * where they are and the aligner redoes the stretches between them. The caller hands the pair to the queue;
 * the links change only when the result is stored, in one transaction.
 */
export function requestRealignment(pairId: number, expectedVersion: number, user: string, db: Db = getDb()): void {
  const name = checkUserName(user);
  db.transaction((tx) => {
    editablePair(tx, pairId, expectedVersion);
    tx.update(pairs)
      .set({ realignVersion: expectedVersion, realignUser: name, realignProgress: 0, realignError: null, updatedAt: new Date() })
      .where(eq(pairs.id, pairId))
      .run();
  });
}

export interface RealignmentInput {
  pairId: number;
  en: AlignSegment[];
  fr: AlignSegment[];
  lexicon: LexiconEntry[];
  fixed: LinkSides[];
}

/**
 * Claims an asked-for realignment for `holder` (the server's lease id): a compare-and-set on job_holder in one
 * statement; false if none is asked for or another process has claimed it.
 */
export function claimRealignment(pairId: number, db: Db | Tx, holder = "this process"): boolean {
  return (
    db
      .update(pairs)
      .set({ jobHolder: holder })
      .where(and(eq(pairs.id, pairId), isNotNull(pairs.realignVersion), isNull(pairs.jobHolder)))
      .run().changes > 0
  );
}

/**
 * What the aligner needs to realign a pair: its segments, its dictionary and the confirmed links, read together; null
 * if the pair is gone. Edits and segment changes are refused while a realignment is asked for, so they stay as read.
 */
export function realignmentInput(pairId: number, db: Db | Tx): RealignmentInput | null {
  const read = (tx: Db | Tx) => {
    const pair = tx.select({ en: pairs.enDocumentId, fr: pairs.frDocumentId, lexicon: pairs.lexicon }).from(pairs).where(eq(pairs.id, pairId)).get();
    if (!pair) return null;
    const fixed = confirmedLinks(loadLinks(tx, pairId).map(toEditable));
    const { en, fr } = readSegments(tx, pair.en, pair.fr);
    return { pairId, en, fr, lexicon: pair.lexicon ? (JSON.parse(pair.lexicon) as LexiconEntry[]) : [], fixed };
  };
  // One snapshot: the links and segments of the same moment (a savepoint inside a caller's transaction).
  return db.transaction((tx) => read(tx));
}

/** Claims an asked-for realignment and reads what the aligner needs, in one transaction; null if there is none to run. */
export function beginRealignment(pairId: number, db: Db = getDb(), holder = "this process"): RealignmentInput | null {
  return db.transaction((tx) => (claimRealignment(pairId, tx, holder) ? realignmentInput(pairId, tx) : null), { behavior: "immediate" });
}

export function recordRealignProgress(pairId: number, fraction: number, db: Db = getDb()): void {
  db.update(pairs)
    .set({ realignProgress: Math.max(0, Math.min(1, fraction)) })
    .where(and(eq(pairs.id, pairId), isNotNull(pairs.realignVersion)))
    .run();
}

/** Ends a realignment without a result: the links stay as they were, and the pair says why. */
export function failRealignment(pairId: number, message: string, db: Db = getDb()): void {
  db.update(pairs)
    .set({ realignVersion: null, realignUser: null, realignProgress: 0, realignError: message, jobHolder: null, updatedAt: new Date() })
    .where(eq(pairs.id, pairId))
    .run();
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
