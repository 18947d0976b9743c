/**
 * The editor's operations as the browser and the server both see them. The browser applies an operation at
 * once to what it shows (the same pure functions as the server), the server applies it again to what is
 * stored and answers with the authoritative change: a patch that replaces a range of links.
 */
import type { EditableLink, Side } from "../../alignments/align/operations";
import { describeOperation, type EditOperation } from "../../alignments/align/edit-operations";
import type { BlockKind } from "../../alignments/text/types";
import { isolated } from "../utils/bidi";
import type { StoredLink } from "../../db/schema";

export type { EditableLink, Side };
// The operations themselves are declared once, in the core; the browser and the server both run them from there.
export {
  isLinkOperation,
  isSegmentOperation,
  LINK_OPERATIONS,
  runOperation,
  runSegmentOperation,
  SEGMENT_OPERATIONS,
  segmentReplacement,
  type EditOperation,
  type LinkOperation,
  type SegmentOperation,
} from "../../alignments/align/edit-operations";

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

/** "rename": a pair renamed, in its history but changing no link (app/models/renames.server.ts). */
export type OperationName = EditOperation["name"] | "realign" | "rename";

/** What a change did, in a few words, for the history and the undo button. */
export function describeEdit(name: OperationName, args: Record<string, unknown>): string {
  if (name === "realign") return "Realigned the unconfirmed links";
  if (name === "rename") return `Renamed the pair “${isolated(String(args.before ?? ""))}” to “${isolated(String(args.after ?? ""))}”`;
  return describeOperation(name, args);
}

/**
 * A link on the wire: [sourceStart, sourceCount, targetStart, targetCount, confirmed (0|1), confidence (3 decimals), edited (0|1)].
 * A side with no segment still has a start (where it would be), so a link list can be turned back into rows.
 * Edited: some change in the pair's history wrote this link.
 */
export type LinkTuple = [number, number, number, number, 0 | 1, number, 0 | 1];

/** A link as the editor holds it: `edited` when a change in the history wrote it (or one on its way to the server). */
export type ShownLink = EditableLink & { edited?: boolean };

export interface LinkPatch {
  /** The first position replaced. */
  position: number;
  /** How many links were replaced. */
  removed: number;
  links: LinkTuple[];
  /** After a segment split or merge: the links after the replaced ones move their `side` segments by `delta`. */
  shift?: { side: Side; delta: number };
}

/** Segment texts that changed: `texts` (and their kind letters) replace [position, position + removed) of one side. */
export interface TextsPatch {
  side: Side;
  position: number;
  removed: number;
  texts: string[];
  kinds: string;
}

const range = (start: number, count: number) => Array.from({ length: count }, (_, k) => start + k);

export function fromTuple(t: LinkTuple): ShownLink {
  return { en: range(t[0], t[1]), fr: range(t[2], t[3]), status: t[4] === 1 ? "confirmed" : "automatic", confidence: t[5], edited: t[6] === 1 };
}

/** Applies a server patch to a list of links (a new list; the old one is not changed). */
export function applyPatch(links: readonly EditableLink[], patch: LinkPatch): EditableLink[] {
  let rest = links.slice(patch.position + patch.removed);
  const shift = patch.shift;
  if (shift && shift.delta !== 0) rest = rest.map((link) => ({ ...link, [shift.side]: link[shift.side].map((s) => s + shift.delta) }));
  return [...links.slice(0, patch.position), ...patch.links.map(fromTuple), ...rest];
}

/** Applies a texts patch; texts not loaded (a large pair's, outside the window) are left as they are. */
export function applyTextsPatch(texts: PairTexts, patch: TextsPatch): PairTexts {
  const from = patch.side === "en" ? texts.enFrom : texts.frFrom;
  const list = patch.side === "en" ? texts.en : texts.fr;
  const kinds = patch.side === "en" ? texts.enKinds : texts.frKinds;
  const k = patch.position - from;
  if (k < 0 || k > list.length) return texts;
  const nextList = [...list.slice(0, k), ...patch.texts, ...list.slice(k + patch.removed)];
  const nextKinds = kinds.slice(0, k) + patch.kinds + kinds.slice(k + patch.removed);
  return patch.side === "en" ? { ...texts, en: nextList, enKinds: nextKinds } : { ...texts, fr: nextList, frKinds: nextKinds };
}

export const KIND_LETTER: Record<string, string> = { heading: "h", body: "b", item: "i", note: "n" };
/** The kind a letter of PairTexts' kinds stands for. */
export const KIND_NAME: Record<string, BlockKind> = { h: "heading", b: "body", i: "item", n: "note" };

/** The kind letters of a list of segments, as PairTexts holds them. */
export const kindLetters = (list: readonly { kind: string }[]) => list.map((segment) => KIND_LETTER[segment.kind] ?? "b").join("");

/** The texts patch that puts `segments` in place of one side's segments [position, position + removed). */
export function textsPatchOf(side: Side, position: number, removed: number, segments: readonly { text: string; kind: string }[]): TextsPatch {
  return { side, position, removed, texts: segments.map((segment) => segment.text), kinds: kindLetters(segments) };
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

/** How many of a pair's latest changes the editor lists. */
export const HISTORY_SHOWN = 50;

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

/** A link's range of segments and its state, as a change recorded it. */
export type RecordedLink = StoredLink;

/**
 * One change that touched a link's segments: the links they were in before and after it (segment numbers of
 * the time), and for a change to the text, the texts before and after.
 */
export interface LinkHistoryEntry {
  id: number;
  label: string;
  user: string;
  /** ISO 8601. */
  at: string;
  undone: boolean;
  before: RecordedLink[];
  after: RecordedLink[];
  texts: { side: Side; before: string[]; after: string[] } | null;
}

const numbers = (start: number, count: number) =>
  count === 0 ? "none" : count === 1 ? String(start + 1) : count === 2 ? `${start + 1}, ${start + 2}` : `${start + 1}–${start + count}`;

/** "English 4, 5 ↔ French 4 · confirmed" for a recorded link (1-based segment numbers). */
export function describeRecordedLink(link: RecordedLink): string {
  return `English ${numbers(link.sourceStart, link.sourceCount)} ↔ French ${numbers(link.targetStart, link.targetCount)} · ${link.status}${link.status === "automatic" ? ` ${Math.round(link.confidence * 100)}%` : ""}`;
}

/** What the server answers to an edit, an undo or a redo. */
export interface EditResult {
  version: number;
  /** False when the operation changed nothing (a link confirmed twice): no version, no history row. */
  changed: boolean;
  patch: LinkPatch | null;
  /** The segment texts a segment operation (or its undo or redo) changed. */
  texts: TextsPatch | null;
  /** What undo and redo would take back or make again, in words; null when there is nothing. */
  undo: string | null;
  redo: string | null;
  history: HistoryEntry[];
  /**
   * The changes made by others since the version the edit named, in order, when the page had not seen them but the
   * edit could not conflict with them: the page applies them before `patch`.
   */
  unseen?: Array<{ patch: LinkPatch; texts: TextsPatch | null }>;
}

/** `busy`: the server answered 503, the database was locked by another change; nothing was written (busy-retry.ts). */
export type EditAnswer = ({ ok: true } & EditResult) | { ok: false; message: string; conflict: boolean; busy?: boolean };
