import { eq } from "drizzle-orm";
import { operationWindow } from "../../alignments/align/edit-operations";
import { carryForward, EditRefused, windowShift, type EditableLink, type Side } from "../../alignments/align/operations";
import { getDb, type Db } from "../../db/client.server";
import { edits, pairs, type SegmentChange, type StoredLink } from "../../db/schema";
import { isLinkOperation, isSegmentOperation, runOperation, type EditOperation, type EditResult, type HistoryEntry, type LinkOperation } from "../editor/edits";
import { changesSince, eventsSince, labelOf, renumberingOf, stacksAndHistory, stackTarget, unseenPatches, type Unseen } from "./editor-history.server";
import { commit, difference, linkPatch, loadLinks, locate, sameRow, textsPatch, type Change } from "./editor-links.server";
import { checkUserName, EditError, NOT_READY, PAIR_GONE, STALE, REALIGNING } from "./editor-refusals.server";
import { applySegmentChange, readStoredSegments, sameSegment, segmentEdit, type EditedPair, type RecordedSegmentChange } from "./editor-segments.server";
import { toEditable, toStored, type Tx } from "./pairs.server";

/**
 * The alignment editor's writes. Every change (an operation on the links, an undo, a redo, a realignment of
 * the unconfirmed links) is one transaction: it checks the version the person saw, replaces the range of links
 * that changed, bumps the pair's version and writes a history row holding that range before and after, which
 * is what undo and redo put back. The pieces are in editor-links (the links and the one write of a change),
 * editor-history (the stacks and what happened since a change) and editor-segments (changes to a document's text).
 */

export { checkUserName, EditError, REALIGNING, STALE };
export type { EditResult, HistoryEntry };

/**
 * The pair an edit made at `expectedVersion` applies to. A page that had not seen the latest changes is refused as
 * stale (409), unless `catchUp` (a link operation, which may still apply: see applyEdit) and the history holds
 * what it missed: then `unseen` lists it.
 */
export function editablePair(tx: Tx, pairId: number, expectedVersion: number, catchUp = false) {
  const pair = tx
    .select({
      version: pairs.version,
      status: pairs.status,
      realignVersion: pairs.realignVersion,
      title: pairs.title,
      en: pairs.sourceDocumentId,
      fr: pairs.targetDocumentId,
    })
    .from(pairs)
    .where(eq(pairs.id, pairId))
    .get();
  if (!pair) throw new EditError(404, PAIR_GONE);
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



/**
 * Applies one operation to a pair made at `version`, by `user`, in one transaction. Refuses (EditError,
 * nothing written) a pair being realigned (409), an operation the links do not allow (422, the operation's reason),
 * undo or redo with nothing to undo or redo (422), and a pair that moved on since (409, STALE), except for an
 * operation on links that no change since touched (nor put links among): it cannot conflict, so it is made on
 * the same links where they are now, and the answer brings the page the changes it missed (`unseen`).
 */
export interface EditRequest {
  pairId: number;
  /** The version of the pair the page showed when the edit was made. */
  version: number;
  operation: EditOperation;
  /** The name recorded with the change (checkUserName). */
  user: string;
}

export function applyEdit({ pairId, version: expectedVersion, operation, user }: EditRequest, db: Db = getDb()): EditResult {
  const name = checkUserName(user);
  return db.transaction((tx) => {
    const { pair, unseen } = editablePair(tx, pairId, expectedVersion, isLinkOperation(operation));
    if (operation.name === "undo" || operation.name === "redo") return undoOrRedo(tx, pair, name, operation.name);
    if (isSegmentOperation(operation)) return segmentEdit(tx, pair, name, operation);
    return linkEdit(tx, pair, name, operation, unseen);
  });
}

/** The answer to a change committed to the pair's links (and its history), with what a page behind had missed. */
function committed(tx: Tx, pair: EditedPair, user: string, change: Change, unseen: Unseen[] | null): EditResult {
  const next = commit(tx, pair.id, pair.version, user, change);
  return {
    version: next,
    changed: true,
    patch: linkPatch(change.position, change.before, change.after),
    texts: null,
    ...(unseen ? { unseen: unseenPatches(unseen) } : {}),
    ...stacksAndHistory(tx, pair.id),
  };
}

/**
 * Undoes the newest change done, or redoes the last one undone, carried through the segment splits and merges made
 * since (here or from another pair on the same document); refused (409) when what it made or undid is gone.
 */
function undoOrRedo(tx: Tx, pair: EditedPair, name: string, which: "undo" | "redo"): EditResult {
  const pairId = pair.id;
  const undo = which === "undo";
  const target = stackTarget(tx, pairId, which);
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
    throw new EditError(409, `The segments are no longer as “${labelOf(target)}” left them (someone changed them since), so Tandem cannot ${which} it.`);
  }
  const [from, to] = undo ? [carried.after, carried.before] : [carried.before, carried.after];
  const position = later.renumbered ? locate(tx, pairId, from, target.position) : target.position;
  const current = position === null ? [] : loadLinks(tx, pairId, position, position + from.length);
  if (position === null || current.length !== from.length || current.some((row, k) => !sameRow(row, from[k]))) {
    throw new EditError(409, `The links are no longer as “${labelOf(target)}” left them, so Tandem cannot ${which} it.`);
  }
  tx.update(edits)
    .set({ state: undo ? "undone" : "done" })
    .where(eq(edits.id, target.id))
    .run();
  const own = { operation: which, args: { label: labelOf(target) }, target: target.id, state: null };
  if (!recorded) return committed(tx, pair, name, { ...own, position, before: from, after: to }, null);
  const at = carried.own!.position;
  const segmentsFrom = undo ? recorded.after : recorded.before;
  const now = readStoredSegments(tx, recorded.document, at, at + segmentsFrom.length);
  if (now.length !== segmentsFrom.length || now.some((seg, k) => !sameSegment(seg, segmentsFrom[k]))) {
    throw new EditError(409, `The segments are no longer as “${labelOf(target)}” left them (someone changed them since), so Tandem cannot ${which} it.`);
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

/**
 * An operation on the links, run on the links it reads (its window); made where those links are now when the page
 * had missed changes that did not touch them (`unseen`).
 */
function linkEdit(tx: Tx, pair: EditedPair, name: string, operation: LinkOperation, unseen: Unseen[] | null): EditResult {
  const pairId = pair.id;
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
  const diff = difference(old, toStored(next, old[0]?.sourceStart ?? 0, old[0]?.targetStart ?? 0));
  if (diff.before.length === 0 && diff.after.length === 0) {
    return {
      version: pair.version,
      changed: false,
      patch: null,
      texts: null,
      ...(unseen ? { unseen: unseenPatches(unseen) } : {}),
      ...stacksAndHistory(tx, pairId),
    };
  }
  const { name: op, ...args } = operation;
  return committed(tx, pair, name, { operation: op, args, ...diff, position: from + diff.position, state: "done" }, unseen);
}
