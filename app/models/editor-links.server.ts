import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { edits, links, pairs, type SegmentChange, type StoredLink } from "../../db/schema";
import { textsPatchOf, type LinkPatch, type LinkTuple, type OperationName, type TextsPatch } from "../editor/edits";
import type { Side } from "../../alignments/align/operations";
import { shownConfidence } from "./editor-data.server";
import { stampsForRange } from "./link-stamps.server";
import { CHUNK, type Tx } from "./pairs.server";

/**
 * A pair's links as stored, as the editor's patches carry them, and the one write of every change: the range of
 * links it replaces, its history row and the pair's new version (commit).
 */

/** A link's shape and state, as the editor and the exports read them. */
export const linkColumns = {
  sourceStart: links.sourceStart,
  sourceCount: links.sourceCount,
  targetStart: links.targetStart,
  targetCount: links.targetCount,
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


export const sameRow = (a: StoredLink, b: StoredLink) =>
  a.sourceStart === b.sourceStart &&
  a.sourceCount === b.sourceCount &&
  a.targetStart === b.targetStart &&
  a.targetCount === b.targetCount &&
  a.status === b.status &&
  a.confidence === b.confidence;

/** A link for the browser; `edited` is true for every row a change wrote (all of a patch's). */
export function toTuple(row: StoredLink, edited = true): LinkTuple {
  return [row.sourceStart, row.sourceCount, row.targetStart, row.targetCount, row.status === "confirmed" ? 1 : 0, shownConfidence(row.confidence), edited ? 1 : 0];
}

/** A change to the range of links at `position` as the page applies it (the links after it move by `shift`, if any). */
export function linkPatch(position: number, before: readonly StoredLink[], after: readonly StoredLink[], shift?: LinkPatch["shift"]): LinkPatch {
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


export const textsPatch = (change: SegmentChange): TextsPatch => textsPatchOf(change.side, change.position, change.before.length, change.after);


/**
 * Where a run of links is in a pair now, found by its first link's segments (each segment is in one link only);
 * null when no link holds them as recorded. An empty run is nowhere in particular: it stays at `fallback`.
 */
export function locate(tx: Tx, pairId: number, run: StoredLink[], fallback: number): number | null {
  const first = run[0];
  if (!first) return fallback;
  const [start, count, value, length] =
    first.sourceCount > 0 ? [links.sourceStart, links.sourceCount, first.sourceStart, first.sourceCount] : [links.targetStart, links.targetCount, first.targetStart, first.targetCount];
  const row = tx
    .select({ position: links.position })
    .from(links)
    .where(and(eq(links.pairId, pairId), eq(start, value), eq(count, length)))
    .get();
  return row ? row.position : null;
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
    const column = shift.side === "en" ? links.sourceStart : links.targetStart;
    tx.update(links)
      .set(shift.side === "en" ? { sourceStart: sql`${column} + ${shift.delta}` } : { targetStart: sql`${column} + ${shift.delta}` })
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

