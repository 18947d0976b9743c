/**
 * Terminology findings as the server sends them and the browser shows them (the editor's badges and
 * highlights, the pair's terminology page), and the form that accepts or un-accepts one.
 */
import { z } from "zod";
import type { FindingKind } from "../../alignments/terms/checks";
import type { FindingLevel } from "../../alignments/terms/finding-rank";
import { MAX_USER_NAME } from "../editor/edits";

export type { FindingKind, FindingLevel };
export { LEVEL_LABELS } from "../../alignments/terms/finding-rank";

export const FINDING_KINDS: readonly FindingKind[] = ["misaligned", "missing-en", "missing-fr", "count", "deprecated", "forbidden", "numbers", "codes"];

/** Short names, for badges and headings. */
export const KIND_LABELS: Record<FindingKind, string> = {
  "missing-en": "no English term",
  "missing-fr": "no French term",
  count: "term count",
  deprecated: "deprecated term",
  forbidden: "forbidden term",
  numbers: "numbers",
  codes: "inline codes",
  misaligned: "misaligned?",
};

/** What each kind means, for titles and the terminology page. */
export const KIND_HELP: Record<FindingKind, string> = {
  "missing-en": "The French has a glossary term and the linked English has none of the entry’s English terms.",
  "missing-fr": "The English has a glossary term and the linked French has none of the entry’s French terms.",
  count: "Both sides have the entry’s terms, but not as many times.",
  deprecated: "A term the glossary marks as deprecated.",
  forbidden: "A term the glossary marks as forbidden.",
  numbers: "Figures, number words or legal references that do not correspond across the link (a reference one side says in words, such as “subsection (1)” and “le présent article”, is not counted).",
  codes: "A memory's inline codes (tags of the original file) are not as many in the English as in the French.",
  misaligned: "The two sides share nothing: no figure, no name or cognate, no word of the lexicon or the glossary. The link itself may be wrong.",
};

export interface Acceptance {
  note: string;
  user: string;
  /** ISO date and time. */
  at: string;
}

export interface ShownFinding {
  kind: FindingKind;
  /** The check's key, stable across re-checks of the same link texts. */
  key: string;
  message: string;
  concept: number | null;
  /** How likely the finding is a real problem (0 to 1), and its level: the terminology page lists the likeliest first. */
  score: number;
  level: FindingLevel;
  accepted: Acceptance | null;
}

/** A term found in a segment, with offsets in that segment's text; `text` guards against renumbered segments. */
export interface SegmentHit {
  side: "en" | "fr";
  segment: number;
  start: number;
  end: number;
  text: string;
  status: string;
  concept: number;
}

/** A link with findings or term hits. */
export interface FindingRow {
  /** The link's 0-based position when checked (the row is position + 1). */
  link: number;
  /** The link's segments: first position and count on each side (its identity in the editor). */
  en: [number, number];
  fr: [number, number];
  /** Fingerprint of the link's two texts: with a finding's key, what an acceptance names. */
  unit: string;
  findings: ShownFinding[];
  hits: SegmentHit[];
}

export interface FindingsPayload {
  pairId: number;
  /** The pair's version the check ran on. */
  version: number;
  rows: FindingRow[];
  counts: Record<FindingKind, number>;
  total: number;
  accepted: number;
  /** Acceptances that no finding carries any more (their link's text changed, or the glossary did). */
  stale: number;
  terms: number;
  ms: number;
}

/**
 * Rows with findings, likeliest real first: by their likeliest finding; stable. Accepting a finding does not move its
 * row, so the row a reviewer is working on stays under the pointer.
 */
export function likeliestFirst<R extends { findings: ReadonlyArray<Pick<ShownFinding, "score">> }>(rows: readonly R[]): R[] {
  const rank = (row: R) => Math.max(0, ...row.findings.map((f) => f.score));
  return rows.map((row) => ({ row, rank: rank(row) })).sort((a, b) => b.rank - a.rank).map(({ row }) => row);
}

/** The editor's identity of a row: its segments (a link keeps them when links above it change). */
export const rowKeyOfLink = (link: { en: readonly number[]; fr: readonly number[] }) =>
  `${link.en[0] ?? -1}.${link.en.length}|${link.fr[0] ?? -1}.${link.fr.length}`;
export const rowKeyOfRow = (row: Pick<FindingRow, "en" | "fr">) =>
  `${row.en[1] > 0 ? row.en[0] : -1}.${row.en[1]}|${row.fr[1] > 0 ? row.fr[0] : -1}.${row.fr[1]}`;

/**
 * The editor's `f` and `⇧F`: the next (`direction` 1) or previous (-1) row after `from` among `shown` (the rows
 * the filters let through, in order), wrapping round, whose findings are not all accepted; when every row with
 * findings is accepted, the next with any. -1 when none has findings. `findingsAt` gives a row's findings.
 */
export function nextWithFindings(shown: readonly number[], from: number, direction: 1 | -1, findingsAt: (row: number) => readonly Pick<ShownFinding, "accepted">[] | undefined): number {
  // The rows after `from` in the direction of travel, then round from the other end, `from` itself last.
  let start = 0;
  while (start < shown.length && shown[start] <= from) start++;
  const forward = [...shown.slice(start), ...shown.slice(0, start)];
  const order = direction === 1 ? forward : [...shown.slice(0, start).filter((k) => k !== from).reverse(), ...shown.slice(start).reverse(), ...shown.filter((k) => k === from)];
  const open = order.find((k) => findingsAt(k)?.some((f) => f.accepted === null));
  if (open !== undefined) return open;
  return order.find((k) => (findingsAt(k)?.length ?? 0) > 0) ?? -1;
}

export const MAX_FINDING_NOTE = 1000;

export const FindingAction = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("accept"),
      unit: z.string().regex(/^[0-9a-f]{16}$/, "This finding is not one Tandem knows."),
      key: z.string().min(1).max(500),
      note: z.string().max(MAX_FINDING_NOTE, `Keep the note under ${MAX_FINDING_NOTE} characters.`).default(""),
      user: z.string().max(MAX_USER_NAME * 2).default(""),
    }),
    z.object({
      intent: z.literal("unaccept"),
      unit: z.string().regex(/^[0-9a-f]{16}$/, "This finding is not one Tandem knows."),
      key: z.string().min(1).max(500),
    }),
  ],
  { errorMap: (issue, ctx) => ({ message: issue.code === "invalid_union_discriminator" ? "Tandem did not understand this request." : ctx.defaultError }) },
);
export type FindingActionInput = z.infer<typeof FindingAction>;
