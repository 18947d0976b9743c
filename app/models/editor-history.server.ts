import { and, asc, desc, eq, gt, isNotNull, lt, ne, or } from "drizzle-orm";
import { beforeSegmentChange, eventsAfter, rangeHits, type HistoryStep, type LaterEvent, type SegmentRenumbering, type Side } from "../../alignments/align/operations";
import { getDb, type Db } from "../../db/client.server";
import { edits, pairs, type EditRow, type SegmentChange, type StoredLink } from "../../db/schema";
import { describeEdit, HISTORY_SHOWN, type EditResult, type HistoryEntry, type LinkHistoryEntry } from "../editor/edits";
import { linkPatch, textsPatch } from "./editor-links.server";
import type { Tx } from "./pairs.server";

/**
 * A pair's history as the editor reads it: the undo and redo stacks, the latest changes, a link's own changes, and
 * what happened since a change (to carry an undo or a late edit through the segment changes made after it).
 */

const parseArgs = (row: Pick<EditRow, "args">) => JSON.parse(row.args) as Record<string, unknown>;
export const labelOf = (row: Pick<EditRow, "operation" | "args">) => describeEdit(row.operation, parseArgs(row));

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
export function stacksAndHistory(db: Db | Tx, pairId: number): Pick<EditResult, "undo" | "redo" | "history"> {
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

export function stackTarget(tx: Tx, pairId: number, which: "undo" | "redo"): EditRow | undefined {
  const top = stackTop(pairId, which);
  return tx.select().from(edits).where(top.where).orderBy(top.order).limit(1).get();
}

const range = (start: number, count: number) => Array.from({ length: count }, (_, k) => start + k);

/**
 * The changes in a pair's history that touched a link's segments, newest first: who, when, what, and the links
 * (and texts) those segments were in before and after. The link is named by its segments in the current
 * numbering; going back through a segment split or merge maps them to the numbering of the time. The walk stops
 * at a new alignment of the whole pair (a version with no history row), before which the links were others.
 */
export function linkHistory(
  pairId: number,
  link: Pick<StoredLink, "sourceStart" | "sourceCount" | "targetStart" | "targetCount">,
  limit = 50,
  db: Db = getDb(),
): LinkHistoryEntry[] | null {
  return db.transaction((tx) => {
    const pair = tx.select({ version: pairs.version, en: pairs.sourceDocumentId }).from(pairs).where(eq(pairs.id, pairId)).get();
    if (!pair) return null;
    let en: Set<number> = new Set(range(link.sourceStart, link.sourceCount));
    let fr: Set<number> = new Set(range(link.targetStart, link.targetCount));
    const touching = (rows: StoredLink[]) => rows.filter((r) => rangeHits(r.sourceStart, r.sourceCount, en) || rangeHits(r.targetStart, r.targetCount, fr));
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
        const textHit = segment !== null && rangeHits(segment.position, segment.after.length, side === "en" ? en : fr);
        if (segment) {
          const renumbering = { position: segment.position, removed: segment.before.length, added: segment.after.length };
          if (side === "en") en = beforeSegmentChange(en, renumbering);
          else fr = beforeSegmentChange(fr, renumbering);
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


/** A recorded segment change as the links see it. */
export function renumberingOf(change: SegmentChange, sideOf: (document: number) => Side): SegmentRenumbering {
  return { side: sideOf(change.document), position: change.position, removed: change.before.length, added: change.after.length };
}

/**
 * What happened to a pair's segments after a change in its history (`eventsAfter`), and whether some segment was
 * split or merged since: then the change's recorded link positions may no longer hold.
 */
export function eventsSince(tx: Tx, pairId: number, changeId: number, sideOf: (document: number) => Side): { events: LaterEvent[]; renumbered: boolean } {
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


/** A change a page had not seen when it made an edit, as the history recorded it. */
export interface Unseen {
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
export function changesSince(tx: Tx, pairId: number, from: number, to: number): Unseen[] | null {
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

/** What a page that missed some changes needs to show them: each as the patches a saved change answers with. */
export function unseenPatches(unseen: Unseen[]): NonNullable<EditResult["unseen"]> {
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

