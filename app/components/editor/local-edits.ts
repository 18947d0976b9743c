/**
 * What the browser makes of a change before the server answers: the same pure operation the server will run, on
 * the links and (for a segment operation) on the texts. The edit queue shows these guesses until the answer comes.
 */
import { type EditableLink } from "../../../alignments/align/operations";
import {
  applyTextsPatch,
  isSegmentOperation,
  KIND_NAME,
  runOperation,
  runSegmentOperation,
  segmentReplacement,
  textsPatchOf,
  type EditOperation,
  type LinkOperation,
  type PairTexts,
  type SegmentOperation,
  type ShownLink,
} from "../../editor/edits";

/** A change on its way to the server, in the order it was made. */
export interface Pending {
  key: number;
  op: EditOperation;
}

/** An operation the browser applies at once (on links, or on segments and links); undo and redo wait for the server. */
export const isLocal = (op: EditOperation): op is LinkOperation | SegmentOperation => op.name !== "undo" && op.name !== "redo";

/**
 * Runs an operation the browser applies at once, marking what it wrote as edited (as the server will): the links
 * it made or changed, or for a segment operation the link holding the segment (the others were only renumbered).
 */
export function runLocal(links: readonly ShownLink[], op: LinkOperation | SegmentOperation): ShownLink[] {
  if (isSegmentOperation(op)) {
    return runSegmentOperation(links, op).map((link) => (link[op.side].includes(op.segment) ? { ...link, edited: true } : link));
  }
  // A link operation keeps the links it did not touch (the same objects): only those between go.
  const next: ShownLink[] = runOperation(links, op);
  let start = 0;
  while (start < next.length && start < links.length && next[start] === links[start]) start++;
  let end = 0;
  while (end < next.length - start && end < links.length - start && next[next.length - 1 - end] === links[links.length - 1 - end]) end++;
  for (let k = start; k < next.length - end; k++) if (next[k] !== links[k]) next[k] = { ...next[k], edited: true };
  return next;
}

/** The texts after a segment operation, as the server will make them; throws EditRefused as it would. */
export function textsAfter(texts: PairTexts, op: SegmentOperation): PairTexts {
  const from = op.side === "en" ? texts.enFrom : texts.frFrom;
  const list = op.side === "en" ? texts.en : texts.fr;
  const kinds = op.side === "en" ? texts.enKinds : texts.frKinds;
  const read = (position: number) => {
    const k = position - from;
    if (k < 0 || k >= list.length) return null;
    // Offsets and note calls do not change what the text becomes; the server keeps them right.
    return { text: list[k], kind: KIND_NAME[kinds[k]] ?? "body", paragraph: 0, start: 0, end: 0, noteRefs: [] };
  };
  const { removed, segments } = segmentReplacement(op, read);
  return applyTextsPatch(texts, textsPatchOf(op.side, op.segment, removed, segments));
}

/**
 * What the server acknowledged, with the changes on their way applied by `step` in order. A change that does not
 * apply is passed over: the server will refuse it too, and its answer rolls everything back.
 */
function replay<T>(acked: T, pending: readonly Pending[], step: (value: T, op: EditOperation) => T): T {
  let value = acked;
  for (const p of pending) {
    try {
      value = step(value, p.op);
    } catch {
      // Refused here, refused there.
    }
  }
  return value;
}

/** The links as the server acknowledged them, with the changes on their way applied. */
export const linksWithPending = (acked: ShownLink[], pending: readonly Pending[]): ShownLink[] =>
  replay(acked, pending, (links, op) => (isLocal(op) ? runLocal(links, op) : links));

/** The texts as the server acknowledged them, with the segment changes on their way applied. */
export const textsWithPending = (acked: PairTexts, pending: readonly Pending[]): PairTexts =>
  replay(acked, pending, (texts, op) => (isSegmentOperation(op) ? textsAfter(texts, op) : texts));

/** A link's identity for its measured height: its segments (it keeps them when links above it change). */
export const keyOf = (link: EditableLink) => `${link.en[0] ?? -1}.${link.en.length}|${link.fr[0] ?? -1}.${link.fr.length}`;
