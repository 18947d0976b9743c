/**
 * The editor's operations as the browser and the server both see them. The browser applies an operation at
 * once to what it shows (the same pure functions as the server), the server applies it again to what is
 * stored and answers with the authoritative change: a patch that replaces a range of links.
 */
import {
  confirmThrough,
  mergeWithNext,
  setStatus,
  shiftDown,
  shiftUp,
  split,
  type EditableLink,
  type Side,
} from "../../alignments/align/operations";

export type { EditableLink, Side };

/**
 * Segment texts of a pair's two documents, from the given positions on: `en[k]` is English segment
 * `enFrom + k`. Kinds are one letter a segment: h(eading), b(ody), i(tem), n(ote). The server sends them
 * (`pairTexts`) and the editor shows them.
 */
export interface PairTexts {
  enFrom: number;
  frFrom: number;
  en: string[];
  fr: string[];
  enKinds: string;
  frKinds: string;
}

/** Operations on the links; `link` is a 0-based position (shown 1-based). */
export type LinkOperation =
  | { name: "shift-up" | "shift-down"; link: number; side: Side }
  | { name: "merge"; link: number }
  | { name: "split"; link: number; enCount: number; frCount: number }
  | { name: "confirm" | "unconfirm" | "confirm-through"; link: number };

export type EditOperation = LinkOperation | { name: "undo" } | { name: "redo" };
export type OperationName = EditOperation["name"] | "realign";

export const LINK_OPERATIONS = ["shift-up", "shift-down", "merge", "split", "confirm", "unconfirm", "confirm-through"] as const;

/** Runs a link operation on links (never changed); throws EditRefused with a reason a translator understands. */
export function runOperation(links: readonly EditableLink[], op: LinkOperation): EditableLink[] {
  switch (op.name) {
    case "shift-up":
      return shiftUp(links, op.link, op.side);
    case "shift-down":
      return shiftDown(links, op.link, op.side);
    case "merge":
      return mergeWithNext(links, op.link);
    case "split":
      return split(links, op.link, op.enCount, op.frCount);
    case "confirm":
      return setStatus(links, op.link, "confirmed");
    case "unconfirm":
      return setStatus(links, op.link, "automatic");
    case "confirm-through":
      return confirmThrough(links, op.link);
  }
}

const sideName = (side: Side) => (side === "en" ? "English" : "French");

/** What a change did, in a few words, for the history and the undo button. */
export function describeEdit(name: OperationName, args: Record<string, unknown>): string {
  const n = typeof args.link === "number" ? args.link + 1 : 0;
  const side = args.side === "fr" ? "fr" : "en";
  switch (name) {
    case "shift-up":
      return `Moved the first ${sideName(side)} segment of link ${n} up`;
    case "shift-down":
      return `Moved the last ${sideName(side)} segment of link ${n} down`;
    case "merge":
      return `Merged links ${n} and ${n + 1}`;
    case "split":
      return `Split link ${n}`;
    case "confirm":
      return `Confirmed link ${n}`;
    case "unconfirm":
      return `Unconfirmed link ${n}`;
    case "confirm-through":
      return `Confirmed links 1–${n}`;
    case "realign":
      return "Realigned the unconfirmed links";
    case "undo":
      return `Undid: ${typeof args.label === "string" ? args.label : "a change"}`;
    case "redo":
      return `Redid: ${typeof args.label === "string" ? args.label : "a change"}`;
  }
}

/**
 * A link on the wire: [enStart, enCount, frStart, frCount, confirmed (0|1), confidence (3 decimals)]. A side
 * with no segment still has a start (where it would be), so a link list can be turned back into rows.
 */
export type LinkTuple = [number, number, number, number, 0 | 1, number];

export interface LinkPatch {
  /** The first position replaced. */
  position: number;
  /** How many links were replaced. */
  removed: number;
  links: LinkTuple[];
}

const range = (start: number, count: number) => Array.from({ length: count }, (_, k) => start + k);

export function fromTuple(t: LinkTuple): EditableLink {
  return { en: range(t[0], t[1]), fr: range(t[2], t[3]), status: t[4] === 1 ? "confirmed" : "automatic", confidence: t[5] };
}

/** Applies a server patch to a list of links (a new list; the old one is not changed). */
export function applyPatch(links: readonly EditableLink[], patch: LinkPatch): EditableLink[] {
  return [...links.slice(0, patch.position), ...patch.links.map(fromTuple), ...links.slice(patch.position + patch.removed)];
}

/** Whether two links are the same (sides, status and shown confidence). */
export function sameLink(a: EditableLink, b: EditableLink): boolean {
  return (
    a.status === b.status &&
    Math.abs(a.confidence - b.confidence) < 0.0005 &&
    a.en.length === b.en.length &&
    a.fr.length === b.fr.length &&
    a.en.every((x, i) => x === b.en[i]) &&
    a.fr.every((x, i) => x === b.fr[i])
  );
}

/** The user's name, as the editor asks for it and the history records it. */
export const MAX_USER_NAME = 60;
export const USER_COOKIE = "tandem_user";

/** One change in a pair's history, as the editor lists it. */
export interface HistoryEntry {
  id: number;
  label: string;
  user: string;
  /** ISO 8601. */
  at: string;
  operation: OperationName;
  versionAfter: number;
  /** Undone changes stay listed, marked. */
  undone: boolean;
}

/** What the server answers to an edit, an undo or a redo. */
export interface EditResult {
  version: number;
  /** False when the operation changed nothing (a link confirmed twice): no version, no history row. */
  changed: boolean;
  patch: LinkPatch | null;
  /** What undo and redo would take back or make again, in words; null when there is nothing. */
  undo: string | null;
  redo: string | null;
  history: HistoryEntry[];
}

export type EditAnswer = ({ ok: true } & EditResult) | { ok: false; message: string; conflict: boolean };
