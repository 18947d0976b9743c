import { EditRefused } from "../errors";
import type { LinkSides } from "./links";

/**
 * The editor's operations on an alignment, as pure functions: links in, links out. Every operation keeps
 * the alignment valid (every segment in exactly one link, no crossing, no empty link) or refuses with an
 * `EditRefused` that says why in words a translator understands. Indices are 0-based link positions.
 */

export type LinkStatus = "automatic" | "confirmed";

export interface EditableLink extends LinkSides {
  status: LinkStatus;
  confidence: number;
}

export type Side = "en" | "fr";

// Re-exported for the modules that still name it here (the editor component); it lives in ../errors.
export { EditRefused };

const isEmpty = (link: LinkSides) => link.en.length === 0 && link.fr.length === 0;

function at(links: readonly EditableLink[], k: number): EditableLink {
  const link = links[k];
  if (!link) throw new EditRefused(`There is no link ${k + 1}.`);
  return link;
}

/**
 * The confidence of a link a person made: reshaped in the editor, or paired by a translator in a memory. The
 * aligner's own stay below it (its largest, with full evidence, is 0.998), so the editor shows "by a person"
 * for such a link rather than a figure that would read as the aligner's certainty.
 */
export const PERSON_CONFIDENCE = 1;

export const madeByPerson = (link: Pick<EditableLink, "confidence">) => link.confidence >= PERSON_CONFIDENCE;

/**
 * A link whose segments a person changed (split, merged or corrected a segment in it): its status stays, but the
 * aligner's confidence was about other text and no longer applies (decision 29).
 */
export const withPersonsSegments = <L extends { confidence: number }>(link: L): L => ({ ...link, confidence: PERSON_CONFIDENCE });

/** A link a person reshaped: no longer the aligner's guess, not yet confirmed. */
function edited(link: LinkSides): EditableLink {
  return { en: [...link.en], fr: [...link.fr], status: "automatic", confidence: PERSON_CONFIDENCE };
}

function replace(links: readonly EditableLink[], from: number, count: number, inserted: EditableLink[]): EditableLink[] {
  return [...links.slice(0, from), ...inserted.filter((l) => !isEmpty(l)), ...links.slice(from + count)];
}

/** Moves the first segment of link k on one side up into the previous link (the boundary moves down). */
export function shiftUp(links: readonly EditableLink[], k: number, side: Side): EditableLink[] {
  const link = at(links, k);
  if (k === 0) throw new EditRefused("The first link has no link above it.");
  if (link[side].length === 0) throw new EditRefused(`Link ${k + 1} has no ${side === "en" ? "English" : "French"} segment to move up.`);
  const above = at(links, k - 1);
  const moved = link[side][0];
  const newAbove = edited({ ...above, [side]: [...above[side], moved] } as LinkSides);
  const newLink = edited({ ...link, [side]: link[side].slice(1) } as LinkSides);
  return replace(links, k - 1, 2, [newAbove, newLink]);
}

/** Moves the last segment of link k on one side down into the next link. */
export function shiftDown(links: readonly EditableLink[], k: number, side: Side): EditableLink[] {
  const link = at(links, k);
  if (k === links.length - 1) throw new EditRefused("The last link has no link below it.");
  if (link[side].length === 0) throw new EditRefused(`Link ${k + 1} has no ${side === "en" ? "English" : "French"} segment to move down.`);
  const below = at(links, k + 1);
  const moved = link[side][link[side].length - 1];
  const newLink = edited({ ...link, [side]: link[side].slice(0, -1) } as LinkSides);
  const newBelow = edited({ ...below, [side]: [moved, ...below[side]] } as LinkSides);
  return replace(links, k, 2, [newLink, newBelow]);
}

/** Merges link k with the next one. */
export function mergeWithNext(links: readonly EditableLink[], k: number): EditableLink[] {
  const link = at(links, k);
  if (k === links.length - 1) throw new EditRefused("The last link has nothing below it to merge with.");
  const next = at(links, k + 1);
  return replace(links, k, 2, [edited({ en: [...link.en, ...next.en], fr: [...link.fr, ...next.fr] })]);
}

/**
 * Splits link k in two: the first `sourceCount` English and `targetCount` French segments stay in the first link,
 * the rest go to the second. A count of 0 or all on one side makes a 0-n or n-0 link: that is how an
 * empty counterpart (1-0, 0-1) is inserted.
 */
export function split(links: readonly EditableLink[], k: number, sourceCount: number, targetCount: number): EditableLink[] {
  const link = at(links, k);
  if (sourceCount < 0 || sourceCount > link.en.length || targetCount < 0 || targetCount > link.fr.length) {
    throw new EditRefused(`Link ${k + 1} cannot be split there.`);
  }
  const first = { en: link.en.slice(0, sourceCount), fr: link.fr.slice(0, targetCount) };
  const second = { en: link.en.slice(sourceCount), fr: link.fr.slice(targetCount) };
  if (isEmpty(first) || isEmpty(second)) throw new EditRefused(`Splitting link ${k + 1} there would leave an empty link.`);
  return replace(links, k, 1, [edited(first), edited(second)]);
}

/** Sets a link's status; confirming everything above a row is `confirmThrough`. */
export function setStatus(links: readonly EditableLink[], k: number, status: LinkStatus): EditableLink[] {
  const link = at(links, k);
  return [...links.slice(0, k), { ...link, status }, ...links.slice(k + 1)];
}

export function confirmThrough(links: readonly EditableLink[], k: number): EditableLink[] {
  at(links, k);
  return links.map((link, index) => (index <= k ? { ...link, status: "confirmed" as const } : link));
}

/**
 * Segment `s` of one side was split in two at the caret: every later segment of that side moves up by
 * one, and both halves stay in the link that held the segment.
 */
export function afterSegmentSplit(links: readonly EditableLink[], side: Side, s: number): EditableLink[] {
  let found = false;
  const out = links.map((link) => {
    if (!link[side].some((i) => i >= s)) return link;
    const holds = link[side].includes(s);
    if (holds) found = true;
    const indices = link[side].flatMap((i) => (i === s ? [i, i + 1] : i > s ? [i + 1] : [i]));
    return holds ? withPersonsSegments({ ...link, [side]: indices }) : { ...link, [side]: indices };
  });
  if (!found) throw new EditRefused(`There is no ${side === "en" ? "English" : "French"} segment ${s + 1}.`);
  return out;
}

/**
 * Segments `s` and `s + 1` of one side were merged: the merged segment stays where `s` was, later segments
 * move down by one, and a link left with nothing on either side disappears.
 */
export function afterSegmentMerge(links: readonly EditableLink[], side: Side, s: number): EditableLink[] {
  const holder = links.findIndex((l) => l[side].includes(s));
  const next = links.findIndex((l) => l[side].includes(s + 1));
  if (holder < 0 || next < 0) throw new EditRefused(`There is no ${side === "en" ? "English" : "French"} segment ${s + 2} to merge with.`);
  const out = links.map((link, k) => {
    const indices = link[side].filter((i) => i !== s + 1).map((i) => (i > s + 1 ? i - 1 : i));
    if (k !== holder && indices.length === link[side].length && !link[side].some((i) => i > s)) return link;
    // The link that lost the second half's segment is no longer what was confirmed.
    const status = k === next && next !== holder ? ("automatic" as const) : link.status;
    const changed = { ...link, [side]: indices, status };
    return k === holder || k === next ? withPersonsSegments(changed) : changed;
  });
  return out.filter((link) => !isEmpty(link));
}

/** The confirmed links, to keep fixed when the rest is realigned. */
export function confirmedLinks(links: readonly EditableLink[]): LinkSides[] {
  return links.filter((l) => l.status === "confirmed").map((l) => ({ en: [...l.en], fr: [...l.fr] }));
}

/**
 * A link as ranges of segments (the stored form): `sourceCount` English segments from `sourceStart`, the same in French.
 * A side with no segment starts where it would be: at the first segment of that side after the link.
 */
export interface RangeLink {
  sourceStart: number;
  sourceCount: number;
  targetStart: number;
  targetCount: number;
  status: LinkStatus;
  confidence: number;
}

/**
 * A change to one side's segments as the links see it: segments [position, position + removed) became `added`
 * segments. A split at the caret is 1 → 2, a merge with the next segment 2 → 1, a new text 1 → 1 (no link moves).
 */
export interface SegmentRenumbering {
  side: Side;
  position: number;
  removed: number;
  added: number;
}

/**
 * What a segment split or merge does to any run of links given as ranges: the same as `afterSegmentSplit` and
 * `afterSegmentMerge` do to the whole alignment, link by link, so that a recorded part of an alignment (a change
 * in the history) can follow the renumbering the stored links went through. A new text moves nothing. Every link
 * whose segments changed (split, merged or corrected) takes a person's confidence, as afterSegmentSplit and
 * afterSegmentMerge give it.
 */
export function renumberRanges(list: readonly RangeLink[], change: SegmentRenumbering): RangeLink[] {
  const { side, position: s } = change;
  const startKey = side === "en" ? "sourceStart" : "targetStart";
  const countKey = side === "en" ? "sourceCount" : "targetCount";
  const otherCount = side === "en" ? "targetCount" : "sourceCount";
  const holds = (link: RangeLink, segment: number) => link[countKey] > 0 && link[startKey] <= segment && segment < link[startKey] + link[countKey];
  if (change.removed === 1 && change.added === 1) return list.map((link) => (holds(link, s) ? withPersonsSegments(link) : { ...link }));
  if (change.removed === 1 && change.added === 2) {
    return list.map((link) => {
      const start = link[startKey];
      const count = link[countKey];
      if (count > 0 && start <= s && s < start + count) return withPersonsSegments({ ...link, [countKey]: count + 1 });
      return start > s ? { ...link, [startKey]: start + 1 } : { ...link };
    });
  }
  if (change.removed === 2 && change.added === 1) {
    const out: RangeLink[] = [];
    for (const link of list) {
      const start = link[startKey];
      const count = link[countKey];
      if (count > 0 && start <= s + 1 && s + 1 < start + count) {
        // The link loses segment s + 1 (merged into s). If it did not hold s, it is no longer what was confirmed.
        const next = start === s + 1 ? { ...link, [countKey]: count - 1, status: "automatic" as const } : { ...link, [countKey]: count - 1 };
        if (next[countKey] > 0 || next[otherCount] > 0) out.push(withPersonsSegments(next));
      } else if (holds(link, s)) out.push(withPersonsSegments(link));
      else out.push(start > s + 1 ? { ...link, [startKey]: start - 1 } : { ...link });
    }
    return out;
  }
  throw new EditRefused(`Tandem cannot follow a change of ${change.removed} segments into ${change.added}.`);
}

/** What happened after a recorded change: a change to segments (in the numbering of its time), or the change itself undone or redone. */
export type LaterEvent = SegmentRenumbering | "undone" | "redone";

/**
 * A step of a pair's history, as far as its segment numbering goes: one of its own changes (`id`), an undo or redo of
 * one of them (`of`; the renumbering it made, if any), or a note of a change made from another pair on a shared
 * document.
 */
export type HistoryStep =
  | { kind: "change"; id: number; renumbering: SegmentRenumbering | null }
  | { kind: "undo" | "redo"; of: number; renumbering: SegmentRenumbering | null }
  | { kind: "note"; renumbering: SegmentRenumbering | null };

/**
 * Events that followed a renumbering, seen in the numbering where it was never made: those after its segments move
 * back by what it added. Null when one of them touched the segments it made (then it could not be taken out).
 */
function withoutRenumbering(removed: SegmentRenumbering, later: readonly LaterEvent[]): LaterEvent[] | null {
  let position = removed.position;
  const out: LaterEvent[] = [];
  for (const event of later) {
    if (event === "undone" || event === "redone" || event.side !== removed.side || event.removed === event.added) {
      out.push(event);
    } else if (event.position + event.removed <= position) {
      position += event.added - event.removed;
      out.push(event);
    } else if (event.position >= position + removed.added) {
      out.push({ ...event, position: event.position - removed.added + removed.removed });
    } else return null;
  }
  return out;
}

/**
 * What a pair's segments went through after its change `changeId`, from the history steps that followed it, in
 * order: for `carryForward`. One of the pair's own segment changes and its undo (or an undo and its redo) leave
 * together: an undo here puts the pair's links back exactly as they were, so for them the change never happened,
 * and what came in between is seen in the numbering without it. Notes from other pairs stay: there, an undo is a
 * renumbering like any other. The change itself undone or redone stays, as "undone" and "redone".
 */
export function eventsAfter(steps: readonly HistoryStep[], changeId: number): LaterEvent[] {
  let events: LaterEvent[] = [];
  let keys: Array<string | null> = [];
  for (const step of steps) {
    if (step.kind !== "change" && step.kind !== "note" && step.of === changeId) {
      events.push(step.kind === "undo" ? "undone" : "redone");
      keys.push(null);
      continue;
    }
    const renumbering = step.renumbering;
    // A corrected text (1 → 1) moves no segment but stays: the links holding it take a person's confidence.
    if (!renumbering) continue;
    if (step.kind === "note") {
      events.push(renumbering);
      keys.push(null);
      continue;
    }
    const id = step.kind === "change" ? step.id : step.of;
    const applies = step.kind !== "undo";
    const cancelled = keys.lastIndexOf(`${applies ? "-" : "+"}${id}`);
    if (cancelled >= 0) {
      const rest = withoutRenumbering(events[cancelled] as SegmentRenumbering, events.slice(cancelled + 1));
      if (rest) {
        events = [...events.slice(0, cancelled), ...rest];
        keys = [...keys.slice(0, cancelled), ...keys.slice(cancelled + 1)];
        continue;
      }
    }
    events.push(renumbering);
    keys.push(`${applies ? "+" : "-"}${id}`);
  }
  return events;
}

/**
 * A recorded change (a range of links before and after it, and its own renumbering if it changed segments) brought
 * into today's segment numbering, through everything that renumbered segments since, in order: so that it can be
 * undone or redone after segments were split or merged, also from another pair on the same document. `before` is
 * in the numbering where the change is not applied, `after` where it is; its own range of segments moves with the
 * changes before it. Refuses (EditRefused) when a later change touched the segments this one changed: what it
 * made is no longer there.
 */
export function carryForward(
  change: { before: readonly RangeLink[]; after: readonly RangeLink[]; own: SegmentRenumbering | null },
  later: readonly LaterEvent[],
): { before: RangeLink[]; after: RangeLink[]; own: SegmentRenumbering | null } {
  let before = change.before.map((link) => ({ ...link }));
  let after = change.after.map((link) => ({ ...link }));
  let own = change.own;
  let applied = true;
  for (const event of later) {
    if (event === "undone" || event === "redone") {
      applied = event === "redone";
      continue;
    }
    // A corrected text moves no segment: its link only takes a person's confidence, in both numberings.
    const correction = event.removed === event.added;
    // The event as each numbering sees it: they differ only after the change's own range.
    let whereApplied = event;
    let whereNot = event;
    if (own && own.side === event.side) {
      const length = applied ? own.added : own.removed;
      if (event.position + event.removed <= own.position) {
        own = { ...own, position: own.position + event.added - event.removed };
      } else if (event.position >= own.position + length) {
        const shift = own.added - own.removed;
        if (applied) whereNot = { ...event, position: event.position - shift };
        else whereApplied = { ...event, position: event.position + shift };
      } else if (correction) {
        // A text corrected among the segments this change made: the other numbering has its first segment there
        // (undoing or redoing the change is refused anyway: its segments are no longer as it left them).
        if (applied) whereNot = { ...event, position: own.position };
        else whereApplied = { ...event, position: own.position };
      } else {
        throw new EditRefused("The segments this change made were changed since.");
      }
    }
    after = renumberRanges(after, whereApplied);
    before = renumberRanges(before, whereNot);
  }
  return { before, after, own };
}

/** Whether any of the segments [start, start + count) is in `set`. */
export function rangeHits(start: number, count: number, set: ReadonlySet<number>): boolean {
  for (let i = start; i < start + count; i++) if (set.has(i)) return true;
  return false;
}

/**
 * The positions a set of one side's segments held before a change to that side's segments, given those after it:
 * a merged or split segment maps to every segment it came from, later ones move back. The walk back through a
 * pair's history (a link's own history) uses it to follow the link's segments into the numbering of each time.
 */
export function beforeSegmentChange(set: ReadonlySet<number>, change: Pick<SegmentRenumbering, "position" | "removed" | "added">): Set<number> {
  const { position, added, removed } = change;
  const out = new Set<number>();
  for (const i of set) {
    if (i < position) out.add(i);
    else if (i < position + added) for (let k = 0; k < removed; k++) out.add(position + k);
    else out.add(i - added + removed);
  }
  return out;
}

/** A change to a run of links, as the history records it: `removed` links at `position` became `added` links. */
export interface LinkRangeChange {
  position: number;
  removed: number;
  added: number;
}

/**
 * How far the links [from, to) moved through later changes, in order: an edit made on a page that had not seen
 * those changes can still be made, on the same links, when none of the changes touched them (or put links among
 * them). Null when one did: the edit might no longer mean what its author saw.
 */
export function windowShift(from: number, to: number, changes: readonly LinkRangeChange[]): number | null {
  let shift = 0;
  for (const change of changes) {
    const start = from + shift;
    const end = to + shift;
    if (end <= change.position) continue;
    if (start < change.position + change.removed) return null;
    shift += change.added - change.removed;
  }
  return shift;
}
