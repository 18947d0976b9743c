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

export class EditRefused extends Error {}

const isEmpty = (link: LinkSides) => link.en.length === 0 && link.fr.length === 0;

function at(links: readonly EditableLink[], k: number): EditableLink {
  const link = links[k];
  if (!link) throw new EditRefused(`There is no link ${k + 1}.`);
  return link;
}

/** A link a person reshaped: no longer the aligner's guess (confidence 1), not yet confirmed. */
function edited(link: LinkSides): EditableLink {
  return { en: [...link.en], fr: [...link.fr], status: "automatic", confidence: 1 };
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
 * Splits link k in two: the first `enCount` English and `frCount` French segments stay in the first link,
 * the rest go to the second. A count of 0 or all on one side makes a 0-n or n-0 link: that is how an
 * empty counterpart (1-0, 0-1) is inserted.
 */
export function split(links: readonly EditableLink[], k: number, enCount: number, frCount: number): EditableLink[] {
  const link = at(links, k);
  if (enCount < 0 || enCount > link.en.length || frCount < 0 || frCount > link.fr.length) {
    throw new EditRefused(`Link ${k + 1} cannot be split there.`);
  }
  const first = { en: link.en.slice(0, enCount), fr: link.fr.slice(0, frCount) };
  const second = { en: link.en.slice(enCount), fr: link.fr.slice(frCount) };
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
    const indices = link[side].flatMap((i) => (i === s ? ((found = true), [i, i + 1]) : i > s ? [i + 1] : [i]));
    return { ...link, [side]: indices };
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
    if (indices.length === link[side].length && !link[side].some((i) => i > s)) return link;
    // The link that lost the second half's segment is no longer what was confirmed.
    const status = k === next && next !== holder ? ("automatic" as const) : link.status;
    return { ...link, [side]: indices, status };
  });
  return out.filter((link) => !isEmpty(link));
}

/** The confirmed links, to keep fixed when the rest is realigned. */
export function confirmedLinks(links: readonly EditableLink[]): LinkSides[] {
  return links.filter((l) => l.status === "confirmed").map((l) => ({ en: [...l.en], fr: [...l.fr] }));
}
