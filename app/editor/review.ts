/**
 * What the editor shows about a list of links, computed in the browser from the links it holds (so the figures
 * follow every edit at once): counts by type, progress of the review, filters and "the next link to check".
 */
import { linkType } from "../../alignments/align/links";
import type { EditableLink } from "../../alignments/align/operations";
import { foldForSearch } from "../../alignments/text/fold";
import { LOW_CONFIDENCE } from "./thresholds";

export interface TypeCount {
  type: string;
  sourceCount: number;
  targetCount: number;
  count: number;
}

export interface ReviewSummary {
  total: number;
  types: TypeCount[];
  low: number;
  lowShare: number;
  confirmed: number;
  /** Low-confidence links not yet confirmed. */
  lowLeft: number;
  /** The share of the two documents' segments that are in confirmed links: how much of the text is reviewed. */
  reviewedShare: number;
}

export const isLow = (link: EditableLink) => link.confidence < LOW_CONFIDENCE;

export function summarize(links: readonly EditableLink[]): ReviewSummary {
  const types = new Map<string, TypeCount>();
  let low = 0;
  let confirmed = 0;
  let lowLeft = 0;
  let segments = 0;
  let reviewed = 0;
  for (const link of links) {
    const size = link.en.length + link.fr.length;
    segments += size;
    if (link.status === "confirmed") reviewed += size;
    const type = linkType(link);
    const entry = types.get(type) ?? { type, sourceCount: link.en.length, targetCount: link.fr.length, count: 0 };
    entry.count++;
    types.set(type, entry);
    if (isLow(link)) low++;
    if (link.status === "confirmed") confirmed++;
    else if (isLow(link)) lowLeft++;
  }
  const sorted = [...types.values()].sort((a, b) =>
    a.type === "1-1" ? -1 : b.type === "1-1" ? 1 : b.count - a.count || a.type.localeCompare(b.type),
  );
  const total = links.length;
  return { total, types: sorted, low, lowShare: total > 0 ? low / total : 0, confirmed, lowLeft, reviewedShare: segments > 0 ? reviewed / segments : 0 };
}

export interface Filters {
  unconfirmed: boolean;
  low: boolean;
  other: boolean;
  /** Links some change in the history wrote (an edit, undo, redo, realignment, a corrected text). */
  edited: boolean;
  /** Links with terminology findings. */
  findings: boolean;
  /** Words searched in either side (case and accents ignored). */
  query: string;
}

export const NO_FILTERS: Filters = { unconfirmed: false, low: false, other: false, edited: false, findings: false, query: "" };

export const isFiltered = (f: Filters) => f.unconfirmed || f.low || f.other || f.edited || f.findings || f.query.trim() !== "";

/**
 * Positions of the links that pass the filters, in order. `textOf(side, segment)` gives a segment's folded text
 * (undefined while it is not loaded); `hasFindings(link)` says whether a link has terminology findings.
 */
export function filterLinks(
  links: readonly (EditableLink & { edited?: boolean })[],
  filters: Filters,
  textOf: (side: "en" | "fr", segment: number) => string | undefined,
  hasFindings: (link: EditableLink) => boolean = () => false,
): number[] {
  const query = foldForSearch(filters.query);
  const out: number[] = [];
  for (let k = 0; k < links.length; k++) {
    const link = links[k];
    if (filters.unconfirmed && link.status === "confirmed") continue;
    if (filters.low && !isLow(link)) continue;
    if (filters.other && link.en.length === 1 && link.fr.length === 1) continue;
    if (filters.edited && !link.edited) continue;
    if (filters.findings && !hasFindings(link)) continue;
    if (query !== "") {
      const found = link.en.some((s) => textOf("en", s)?.includes(query)) || link.fr.some((s) => textOf("fr", s)?.includes(query));
      if (!found) continue;
    }
    out.push(k);
  }
  return out;
}

/**
 * The next link after `from` (wrapping round) that needs a look: unconfirmed and low-confidence first; when none
 * is left, any unconfirmed one. Only among `candidates` (the filtered positions). -1 when there is none.
 */
export function nextToCheck(links: readonly EditableLink[], candidates: readonly number[], from: number): number {
  const start = lowerBound(candidates, from + 1);
  const order = [...candidates.slice(start), ...candidates.slice(0, start)];
  const low = order.find((k) => links[k].status !== "confirmed" && isLow(links[k]));
  if (low !== undefined) return low;
  return order.find((k) => links[k].status !== "confirmed") ?? -1;
}

/** The first index whose value is >= x in a sorted array (its length if none). */
export function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A split that makes sense for a link: half of each side in the first link, and never an empty link. */
export function defaultSplit(link: EditableLink): { sourceCount: number; targetCount: number } {
  const sourceCount = Math.ceil(link.en.length / 2);
  let targetCount = Math.ceil(link.fr.length / 2);
  if (sourceCount === link.en.length && targetCount === link.fr.length) targetCount = link.fr.length > 1 ? link.fr.length - 1 : 0;
  if (sourceCount === 0 && targetCount === 0) return { sourceCount: 0, targetCount: 1 };
  return { sourceCount, targetCount };
}
