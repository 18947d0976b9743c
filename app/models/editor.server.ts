import { and, asc, desc, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { Alignment, AlignSegment } from "../../alignments/align/aligner";
import type { LexiconEntry } from "../../alignments/align/lexicon";
import { alignmentProblems, type LinkSides } from "../../alignments/align/links";
import { EditRefused, type EditableLink } from "../../alignments/align/operations";
import { getDb, type Db } from "../../db/client.server";
import { edits, links, pairs, segments, type EditRow, type StoredLink } from "../../db/schema";
import {
  describeEdit,
  MAX_USER_NAME,
  type HistoryEntry,
  runOperation,
  type EditOperation,
  type EditResult,
  type LinkOperation,
  type LinkPatch,
  type LinkTuple,
  type OperationName,
  type PairTexts,
} from "../utils/edits";
import { CHUNK, documentInfo, readSegments, type Tx } from "./pairs.server";

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

function loadLinks(db: Db | Tx, pairId: number, from = 0, to = Number.MAX_SAFE_INTEGER): StoredLink[] {
  return db
    .select(linkColumns)
    .from(links)
    .where(and(eq(links.pairId, pairId), gte(links.position, from), lt(links.position, to)))
    .orderBy(asc(links.position))
    .all();
}

/**
 * The links an operation reads: the link and its neighbour (shifts, merge), the link alone (split, status) or
 * every link up to it (confirm-through). Running the operation on that window, with positions counted from its
 * start, gives the same result as on the whole list; only a refusal's wording may differ (it names positions),
 * so a refused operation is run again on the whole list.
 */
function operationWindow(op: LinkOperation): [number, number] {
  const k = op.link;
  switch (op.name) {
    case "shift-up":
      return [Math.max(0, k - 1), k + 1];
    case "shift-down":
    case "merge":
      return [k, k + 2];
    case "split":
    case "confirm":
    case "unconfirm":
      return [k, k + 1];
    case "confirm-through":
      return [0, k + 1];
  }
}

const range = (start: number, count: number) => Array.from({ length: count }, (_, k) => start + k);

function toEditable(row: StoredLink): EditableLink {
  return { en: range(row.enStart, row.enCount), fr: range(row.frStart, row.frCount), status: row.status, confidence: row.confidence };
}

/** Rows for links that follow a link ending at (enNext, frNext): an empty side starts where it would be. */
function toStored(list: readonly Pick<EditableLink, "en" | "fr" | "confidence" | "status">[], enNext: number, frNext: number): StoredLink[] {
  return list.map((link) => {
    const row: StoredLink = {
      enStart: link.en.length > 0 ? link.en[0] : enNext,
      enCount: link.en.length,
      frStart: link.fr.length > 0 ? link.fr[0] : frNext,
      frCount: link.fr.length,
      status: link.status,
      confidence: link.confidence,
    };
    enNext = row.enStart + row.enCount;
    frNext = row.frStart + row.frCount;
    return row;
  });
}

const sameRow = (a: StoredLink, b: StoredLink) =>
  a.enStart === b.enStart &&
  a.enCount === b.enCount &&
  a.frStart === b.frStart &&
  a.frCount === b.frCount &&
  a.status === b.status &&
  a.confidence === b.confidence;

export function toTuple(row: StoredLink): LinkTuple {
  return [row.enStart, row.enCount, row.frStart, row.frCount, row.status === "confirmed" ? 1 : 0, Math.round(row.confidence * 1000) / 1000];
}

/** The smallest range [position, position + before.length) whose replacement by `after` turns `old` into `next`. */
function difference(old: StoredLink[], next: StoredLink[]): { position: number; before: StoredLink[]; after: StoredLink[] } {
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
function writeRange(tx: Tx, pairId: number, position: number, removed: number, rows: StoredLink[]): void {
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
  const now = new Date();
  const values = rows.map((row, k) => ({ pairId, position: position + k, ...row, createdAt: now, updatedAt: now }));
  for (let i = 0; i < values.length; i += CHUNK) tx.insert(links).values(values.slice(i, i + CHUNK)).run();
}

// ---------------------------------------------------------------------------------------------------
// History

const parseArgs = (row: Pick<EditRow, "args">) => JSON.parse(row.args) as Record<string, unknown>;
const labelOf = (row: Pick<EditRow, "operation" | "args">) => describeEdit(row.operation, parseArgs(row));

/** The change undo would take back and the one redo would make again, with what they did. */
function undoRedo(db: Db | Tx, pairId: number) {
  const columns = { id: edits.id, operation: edits.operation, args: edits.args };
  const undo = db
    .select(columns)
    .from(edits)
    .where(and(eq(edits.pairId, pairId), eq(edits.state, "done")))
    .orderBy(desc(edits.id))
    .limit(1)
    .get();
  const redo = db
    .select(columns)
    .from(edits)
    .where(and(eq(edits.pairId, pairId), eq(edits.state, "undone")))
    .orderBy(asc(edits.id))
    .limit(1)
    .get();
  return { undo: undo ? labelOf(undo) : null, redo: redo ? labelOf(redo) : null };
}

/** The latest changes to a pair's links, newest first. */
export function pairHistory(pairId: number, limit = 50, db: Db | Tx = getDb()): HistoryEntry[] {
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

interface Change {
  operation: OperationName;
  args: Record<string, unknown>;
  position: number;
  before: StoredLink[];
  after: StoredLink[];
  target?: number;
  /** An ordinary change goes on the undo stack and clears the redo stack; undo and redo move along them. */
  state: "done" | null;
}

/** Writes a change, its history row and the pair's new version; returns the new version. */
function commit(tx: Tx, pairId: number, version: number, user: string, change: Change): number {
  writeRange(tx, pairId, change.position, change.before.length, change.after);
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
// Editing

export type { EditResult, HistoryEntry };

function editablePair(tx: Tx, pairId: number, expectedVersion: number) {
  const pair = tx
    .select({ version: pairs.version, status: pairs.status, realignVersion: pairs.realignVersion })
    .from(pairs)
    .where(eq(pairs.id, pairId))
    .get();
  if (!pair) throw new EditError(404, GONE);
  if (pair.status !== "ready") throw new EditError(409, NOT_READY);
  if (pair.version !== expectedVersion) throw new EditError(409, STALE);
  if (pair.realignVersion !== null) throw new EditError(409, REALIGNING);
  return pair;
}

function stackTarget(tx: Tx, pairId: number, which: "undo" | "redo"): EditRow | undefined {
  return tx
    .select()
    .from(edits)
    .where(and(eq(edits.pairId, pairId), eq(edits.state, which === "undo" ? "done" : "undone")))
    .orderBy(which === "undo" ? desc(edits.id) : asc(edits.id))
    .limit(1)
    .get();
}

/**
 * Applies one operation to a pair made at `expectedVersion`, by `user`, in one transaction. Refuses (EditError,
 * nothing written) a pair that moved on since (409, STALE), one being realigned (409), an operation the links
 * do not allow (422, the operation's reason), undo or redo with nothing to undo or redo (422).
 */
export function applyEdit(pairId: number, expectedVersion: number, operation: EditOperation, user: string, db: Db = getDb()): EditResult {
  const name = checkUserName(user);
  return db.transaction((tx) => {
    const { version } = editablePair(tx, pairId, expectedVersion);
    let change: Change;
    if (operation.name === "undo" || operation.name === "redo") {
      const undo = operation.name === "undo";
      const target = stackTarget(tx, pairId, operation.name);
      if (!target) throw new EditError(422, undo ? "There is nothing to undo." : "There is nothing to redo.");
      const before = JSON.parse(target.before) as StoredLink[];
      const after = JSON.parse(target.after) as StoredLink[];
      const [from, to] = undo ? [after, before] : [before, after];
      const current = tx
        .select(linkColumns)
        .from(links)
        .where(and(eq(links.pairId, pairId), gte(links.position, target.position), lt(links.position, target.position + from.length)))
        .orderBy(asc(links.position))
        .all();
      if (current.length !== from.length || current.some((row, k) => !sameRow(row, from[k]))) {
        throw new EditError(409, `The links are no longer as “${labelOf(target)}” left them, so Tandem cannot ${operation.name} it.`);
      }
      tx.update(edits)
        .set({ state: undo ? "undone" : "done" })
        .where(eq(edits.id, target.id))
        .run();
      change = { operation: operation.name, args: { label: labelOf(target) }, position: target.position, before: from, after: to, target: target.id, state: null };
    } else {
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
        return { version, changed: false, patch: null, ...undoRedo(tx, pairId), history: pairHistory(pairId, 50, tx) };
      }
      const { name: op, ...args } = operation;
      change = { operation: op, args, ...diff, position: from + diff.position, state: "done" };
    }
    const next = commit(tx, pairId, version, name, change);
    return {
      version: next,
      changed: true,
      patch: { position: change.position, removed: change.before.length, links: change.after.map(toTuple) },
      ...undoRedo(tx, pairId),
      history: pairHistory(pairId, 50, tx),
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
    return { version: pair.version, links: loadLinks(tx, pairId).map(toTuple), ...undoRedo(tx, pairId), history: pairHistory(pairId, 50, tx), realign };
  });
}

export type EditorData = NonNullable<ReturnType<typeof getEditor>>;

const KIND_LETTER: Record<string, string> = { heading: "h", body: "b", item: "i", note: "n" };

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
    return { texts: rows.map((r) => r.text), kinds: rows.map((r) => KIND_LETTER[r.kind] ?? "b").join("") };
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

/** What the aligner needs to realign a pair: its segments, its dictionary and the confirmed links. Null if none is asked for. */
export function beginRealignment(pairId: number, db: Db = getDb()): RealignmentInput | null {
  return db.transaction((tx) => {
    const pair = tx
      .select({ realignVersion: pairs.realignVersion, en: pairs.enDocumentId, fr: pairs.frDocumentId, lexicon: pairs.lexicon })
      .from(pairs)
      .where(eq(pairs.id, pairId))
      .get();
    if (!pair || pair.realignVersion === null) return null;
    const fixed = loadLinks(tx, pairId)
      .filter((row) => row.status === "confirmed")
      .map((row) => ({ en: range(row.enStart, row.enCount), fr: range(row.frStart, row.frCount) }));
    const { en, fr } = readSegments(tx, pair.en, pair.fr);
    return { pairId, en, fr, lexicon: pair.lexicon ? (JSON.parse(pair.lexicon) as LexiconEntry[]) : [], fixed };
  });
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
    .set({ realignVersion: null, realignUser: null, realignProgress: 0, realignError: message, updatedAt: new Date() })
    .where(eq(pairs.id, pairId))
    .run();
}

/**
 * Stores a realignment: the unconfirmed links are replaced by the aligner's, the confirmed ones kept as they
 * were, in one transaction recorded in the history (so it can be undone). Returns false (nothing written but
 * the reason) when the pair is gone, no realignment was asked for, or the pair changed meanwhile.
 */
export function storeRealignment(pairId: number, alignment: Alignment, db: Db = getDb()): boolean {
  return db.transaction((tx) => {
    const pair = tx
      .select({
        version: pairs.version,
        realignVersion: pairs.realignVersion,
        realignUser: pairs.realignUser,
        en: pairs.enDocumentId,
        fr: pairs.frDocumentId,
      })
      .from(pairs)
      .where(eq(pairs.id, pairId))
      .get();
    if (!pair || pair.realignVersion === null) return false;
    const clear = { realignVersion: null, realignUser: null, realignProgress: 0 };
    if (pair.version !== pair.realignVersion) {
      tx.update(pairs)
        .set({ ...clear, realignError: "The pair changed while it was being realigned, so nothing was replaced. Realign again." })
        .where(eq(pairs.id, pairId))
        .run();
      return false;
    }
    const n = documentInfo(tx, pair.en)?.segmentCount ?? 0;
    const m = documentInfo(tx, pair.fr)?.segmentCount ?? 0;
    const problems = alignmentProblems(alignment.links, n, m);
    if (problems.length > 0) throw new Error(`the aligner's links do not cover both documents exactly once (${problems.slice(0, 2).join("; ")})`);
    const old = loadLinks(tx, pairId);
    const confirmed = new Map(old.filter((r) => r.status === "confirmed").map((r) => [`${r.enStart}:${r.enCount}:${r.frStart}:${r.frCount}`, r]));
    const next = toStored(
      alignment.links.map((l) => ({ en: l.en, fr: l.fr, confidence: l.confidence, status: "automatic" as const })),
      0,
      0,
    ).map((row) => confirmed.get(`${row.enStart}:${row.enCount}:${row.frStart}:${row.frCount}`) ?? row);
    const kept = next.filter((r) => r.status === "confirmed").length;
    if (kept !== confirmed.size) throw new Error(`the aligner moved ${confirmed.size - kept} confirmed link(s)`);
    const diff = difference(old, next);
    if (diff.before.length > 0 || diff.after.length > 0) {
      commit(tx, pairId, pair.version, pair.realignUser ?? "Tandem", {
        operation: "realign",
        args: { confirmed: confirmed.size },
        ...diff,
        state: "done",
      });
    }
    tx.update(pairs).set({ ...clear, realignError: null }).where(eq(pairs.id, pairId)).run();
    return true;
  });
}
