/**
 * The editor's operations, each declared once: the fields a request carries, the links it reads (its window), what
 * it does and how the history describes it. The browser runs them on what it shows, the server on what is stored;
 * the route's form schema, the model's window and the history's words all come from here. Fields are plain
 * descriptions (the core has no validator library): app/editor/edit-requests.ts turns them into the form schema.
 */
import { EditRefused } from "../errors";
import { editSegment, mergeSegments, splitSegment, type EditableSegment } from "../text/segment-edits";
import { afterSegmentMerge, afterSegmentSplit, confirmThrough, mergeWithNext, setStatus, shiftDown, shiftUp, split, withPersonsSegments, type EditableLink, type Side } from "./operations";

/**
 * What a field holds: a 0-based position (of a link, a segment or a caret; a count of segments), a side, or the new
 * text of a segment (at most twice a segment's longest, so that a text over it is refused by the segment rules).
 */
export type FieldKind = "position" | "side" | "segment-text";

interface FieldValue {
  position: number;
  side: Side;
  "segment-text": string;
}

/** An operation's fields, in the order a form's problems are reported. */
type Fields = Readonly<Record<string, FieldKind>>;

/** The arguments an operation with these fields takes. */
export type ArgsOf<F extends Fields> = { -readonly [K in keyof F]: FieldValue[F[K]] };

interface LinkOperationSpec<F extends Fields> {
  kind: "link";
  fields: F;
  /**
   * The links [from, to) the operation reads. Running it on that window, with positions counted from its start,
   * gives the same result as on the whole list; only a refusal's wording may differ (it names positions), so a
   * refused operation is run again on the whole list.
   */
  window(args: ArgsOf<F>): [number, number];
  run(links: readonly EditableLink[], args: ArgsOf<F>): EditableLink[];
  describe(args: ArgsOf<F>): string;
}

interface SegmentOperationSpec<F extends Fields> {
  kind: "segment";
  fields: F;
  /** How many segments from `segment` on the operation reads (a merge takes the next one too). */
  reads: number;
  /** The links after the operation: both halves of a split stay in their link; a merge may empty one. */
  links(links: readonly EditableLink[], args: ArgsOf<F>): EditableLink[];
  /** The segment(s) put in place of the first `removed` of those read (`read(k)`: the k-th read, null when none). */
  replace(args: ArgsOf<F>, read: (k: number) => EditableSegment | null, name: string): { removed: number; segments: EditableSegment[] };
  describe(args: ArgsOf<F>): string;
}

interface HistoryOperationSpec {
  kind: "history";
  fields: Readonly<Record<string, never>>;
  /** `label`: the words of the change undone or redone, as recorded. */
  describe(args: Record<string, never>, label: string | null): string;
}

const linkOperation = <const F extends Fields>(spec: Omit<LinkOperationSpec<F>, "kind">): LinkOperationSpec<F> => ({ kind: "link", ...spec });
const segmentOperation = <const F extends Fields>(spec: Omit<SegmentOperationSpec<F>, "kind">): SegmentOperationSpec<F> => ({ kind: "segment", ...spec });

export const sideName = (side: Side) => (side === "en" ? "English" : "French");

export const EDIT_OPERATIONS = {
  "shift-up": linkOperation({
    fields: { link: "position", side: "side" },
    window: ({ link }) => [Math.max(0, link - 1), link + 1],
    run: (links, { link, side }) => shiftUp(links, link, side),
    describe: ({ link, side }) => `Moved the first ${sideName(side)} segment of link ${link + 1} up`,
  }),
  "shift-down": linkOperation({
    fields: { link: "position", side: "side" },
    window: ({ link }) => [link, link + 2],
    run: (links, { link, side }) => shiftDown(links, link, side),
    describe: ({ link, side }) => `Moved the last ${sideName(side)} segment of link ${link + 1} down`,
  }),
  merge: linkOperation({
    fields: { link: "position" },
    window: ({ link }) => [link, link + 2],
    run: (links, { link }) => mergeWithNext(links, link),
    describe: ({ link }) => `Merged links ${link + 1} and ${link + 2}`,
  }),
  split: linkOperation({
    fields: { link: "position", sourceCount: "position", targetCount: "position" },
    window: ({ link }) => [link, link + 1],
    run: (links, { link, sourceCount, targetCount }) => split(links, link, sourceCount, targetCount),
    describe: ({ link }) => `Split link ${link + 1}`,
  }),
  confirm: linkOperation({
    fields: { link: "position" },
    window: ({ link }) => [link, link + 1],
    run: (links, { link }) => setStatus(links, link, "confirmed"),
    describe: ({ link }) => `Confirmed link ${link + 1}`,
  }),
  unconfirm: linkOperation({
    fields: { link: "position" },
    window: ({ link }) => [link, link + 1],
    run: (links, { link }) => setStatus(links, link, "automatic"),
    describe: ({ link }) => `Unconfirmed link ${link + 1}`,
  }),
  "confirm-through": linkOperation({
    fields: { link: "position" },
    window: ({ link }) => [0, link + 1],
    run: (links, { link }) => confirmThrough(links, link),
    describe: ({ link }) => `Confirmed links 1–${link + 1}`,
  }),
  "edit-segment": segmentOperation({
    fields: { side: "side", segment: "position", text: "segment-text" },
    reads: 1,
    // The link holding the corrected segment is no longer what the aligner scored (renumberRanges does the same).
    links: (links, { side, segment }) => links.map((link) => (link[side].includes(segment) ? withPersonsSegments(link) : link)),
    replace: ({ text }, read) => ({ removed: 1, segments: [editSegment(read(0)!, text)] }),
    describe: ({ side, segment }) => `Corrected the text of ${sideName(side)} segment ${segment + 1}`,
  }),
  "split-segment": segmentOperation({
    fields: { side: "side", segment: "position", caret: "position" },
    reads: 1,
    links: (links, { side, segment }) => afterSegmentSplit(links, side, segment),
    replace: ({ caret }, read) => ({ removed: 1, segments: splitSegment(read(0)!, caret) }),
    describe: ({ side, segment }) => `Split ${sideName(side)} segment ${segment + 1} in two`,
  }),
  "merge-segments": segmentOperation({
    fields: { side: "side", segment: "position" },
    reads: 2,
    links: (links, { side, segment }) => afterSegmentMerge(links, side, segment),
    replace: ({ side }, read, name) => {
      const next = read(1);
      if (!next) throw new EditRefused(`${name} is the last ${sideName(side)} segment: there is no segment after it to merge with.`);
      return { removed: 2, segments: [mergeSegments(read(0)!, next)] };
    },
    describe: ({ side, segment }) => `Merged ${sideName(side)} segments ${segment + 1} and ${segment + 2}`,
  }),
  undo: { kind: "history", fields: {}, describe: (_, label) => `Undid: ${label ?? "a change"}` } satisfies HistoryOperationSpec,
  redo: { kind: "history", fields: {}, describe: (_, label) => `Redid: ${label ?? "a change"}` } satisfies HistoryOperationSpec,
};

type Specs = typeof EDIT_OPERATIONS;
export type EditOperationName = keyof Specs;
type OperationOf<N extends EditOperationName> = { name: N } & ArgsOf<Specs[N]["fields"]>;
type OperationsOfKind<K> = { [N in EditOperationName]: Specs[N]["kind"] extends K ? OperationOf<N> : never }[EditOperationName];

/** Operations on the links; `link` is a 0-based position (shown 1-based). */
export type LinkOperation = OperationsOfKind<"link">;
/**
 * Operations on the segments of one side's document; `segment` is a 0-based position in it. The document may be in
 * other pairs too: the server fixes their links as well.
 */
export type SegmentOperation = OperationsOfKind<"segment">;
export type EditOperation = OperationsOfKind<"link" | "segment" | "history">;

const namesOfKind = (kind: string) => (Object.keys(EDIT_OPERATIONS) as EditOperationName[]).filter((name) => EDIT_OPERATIONS[name].kind === kind);
export const EDIT_OPERATION_NAMES = Object.keys(EDIT_OPERATIONS) as EditOperationName[];
export const LINK_OPERATIONS = namesOfKind("link") as LinkOperation["name"][];
export const SEGMENT_OPERATIONS = namesOfKind("segment") as SegmentOperation["name"][];

export const isEditOperationName = (name: string): name is EditOperationName => Object.hasOwn(EDIT_OPERATIONS, name);
export const isSegmentOperation = (op: EditOperation): op is SegmentOperation => EDIT_OPERATIONS[op.name].kind === "segment";
export const isLinkOperation = (op: EditOperation): op is LinkOperation => EDIT_OPERATIONS[op.name].kind === "link";

// TypeScript cannot tie an operation's name to its own spec's argument type through the table, so the specs are
// read through these views; each is only ever given an operation of its own name.
const linkSpec = (op: LinkOperation) => EDIT_OPERATIONS[op.name] as unknown as LinkOperationSpec<Fields>;
const segmentSpec = (op: SegmentOperation) => EDIT_OPERATIONS[op.name] as unknown as SegmentOperationSpec<Fields>;
const argsOf = (op: EditOperation) => op as unknown as ArgsOf<Fields>;

/** The links [from, to) a link operation reads (see LinkOperationSpec.window). */
export const operationWindow = (op: LinkOperation): [number, number] => linkSpec(op).window(argsOf(op));

/** Runs a link operation on links (never changed); throws EditRefused with a reason a translator understands. */
export const runOperation = (links: readonly EditableLink[], op: LinkOperation): EditableLink[] => linkSpec(op).run(links, argsOf(op));

/** The links after a segment operation: both halves of a split stay in their link; a merge may empty one. */
export const runSegmentOperation = (links: readonly EditableLink[], op: SegmentOperation): EditableLink[] => segmentSpec(op).links(links, argsOf(op));

/** How many segments from `op.segment` on a segment operation reads. */
export const segmentsRead = (op: SegmentOperation): number => segmentSpec(op).reads;

/**
 * The segment(s) a segment operation puts in place of segments [segment, segment + removed) of its side, given
 * a way to read a segment (null when there is none). Throws EditRefused with the reason.
 */
export function segmentReplacement(op: SegmentOperation, read: (position: number) => EditableSegment | null): { removed: number; segments: EditableSegment[] } {
  const name = `${sideName(op.side)} segment ${op.segment + 1}`;
  if (!read(op.segment)) throw new EditRefused(`There is no ${name}.`);
  return segmentSpec(op).replace(argsOf(op), (k) => read(op.segment + k), name);
}

/**
 * The arguments of an operation as a history row recorded them (JSON, from any version of Tandem): a field that is
 * missing or of another type reads as position -1 (shown as 0), side English, empty text.
 */
function recordedArgs(fields: Fields, recorded: Record<string, unknown>): ArgsOf<Fields> {
  const args: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(fields)) {
    const value = recorded[field];
    if (kind === "position") args[field] = typeof value === "number" ? value : -1;
    else if (kind === "side") args[field] = value === "fr" ? "fr" : "en";
    else args[field] = typeof value === "string" ? value : "";
  }
  return args as ArgsOf<Fields>;
}

/**
 * What an operation did, in a few words, from its recorded arguments. A segment change made from another pair on
 * the same document, and an undo or redo of one, name that pair (`from`).
 */
export function describeOperation(name: EditOperationName, recorded: Record<string, unknown>): string {
  const spec = EDIT_OPERATIONS[name];
  if (spec.kind === "link") return (spec as unknown as LinkOperationSpec<Fields>).describe(recordedArgs(spec.fields, recorded));
  const what =
    spec.kind === "segment"
      ? (spec as unknown as SegmentOperationSpec<Fields>).describe(recordedArgs(spec.fields, recorded))
      : spec.describe({}, typeof recorded.label === "string" ? recorded.label : null);
  return typeof recorded.from === "string" ? `${what} (in the pair “${recorded.from}”)` : what;
}

/**
 * An operation from its name and arguments already checked against its fields (the route's form schema): reads
 * exactly the declared fields, so nothing else a form carried reaches the model. Throws EditRefused for a field
 * that is not what its kind says (a schema out of step with these declarations).
 */
export function operationFrom(name: EditOperationName, args: Record<string, unknown>): EditOperation {
  const operation: Record<string, unknown> = { name };
  for (const [field, kind] of Object.entries(EDIT_OPERATIONS[name].fields as Fields)) {
    const value = args[field];
    const fits = kind === "position" ? Number.isSafeInteger(value) && (value as number) >= 0 : kind === "side" ? value === "en" || value === "fr" : typeof value === "string";
    if (!fits) throw new EditRefused(`Tandem did not understand this request.`);
    operation[field] = value;
  }
  return operation as EditOperation;
}
