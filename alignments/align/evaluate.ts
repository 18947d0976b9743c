import type { LinkSides } from "./links";

/**
 * Strict and lax precision, recall and F1 of a test alignment against a gold one, with vecalign's
 * convention: precision counts every test link (1-0 and 0-1 included); recall counts the gold links that
 * have both sides; a link is right strictly when a gold link has exactly its two sides, and laxly when its
 * English side overlaps a gold link whose French side overlaps its French side. Links may cross and their sides may
 * be non-contiguous (the Canadian acts' gold has both): a side is a set, compared whatever the order it is listed in.
 */

export interface Counts {
  strictHits: number;
  strictMisses: number;
  laxHits: number;
  laxMisses: number;
}

export interface AlignmentScore {
  precisionStrict: number;
  recallStrict: number;
  f1Strict: number;
  precisionLax: number;
  recallLax: number;
  f1Lax: number;
}

// A link is a set of segments on each side (crossing links may list them in any order): sorted, equal sets give one key.
const sorted = (side: readonly number[]) => [...side].sort((a, b) => a - b).join(",");
const key = (link: LinkSides) => `${sorted(link.en)}:${sorted(link.fr)}`;
const nonEmpty = (links: LinkSides[]) => links.filter((l) => l.en.length > 0 || l.fr.length > 0);
const bothSides = (links: LinkSides[]) => links.filter((l) => l.en.length > 0 && l.fr.length > 0);

/** How many `test` links `reference` confirms, strictly and laxly. */
export function countHits(reference: LinkSides[], test: LinkSides[]): Counts {
  const exact = new Set(nonEmpty(reference).map(key));
  const frOfEn = new Map<number, Set<number>>();
  for (const link of nonEmpty(reference)) {
    for (const i of link.en) {
      const targets = frOfEn.get(i) ?? new Set<number>();
      for (const j of link.fr) targets.add(j);
      frOfEn.set(i, targets);
    }
  }
  const counts: Counts = { strictHits: 0, strictMisses: 0, laxHits: 0, laxMisses: 0 };
  for (const link of new Map(nonEmpty(test).map((l) => [key(l), l])).values()) {
    if (exact.has(key(link))) {
      counts.strictHits++;
      counts.laxHits++;
      continue;
    }
    counts.strictMisses++;
    const overlaps = link.en.some((i) => link.fr.some((j) => frOfEn.get(i)?.has(j)));
    if (overlaps) counts.laxHits++;
    else counts.laxMisses++;
  }
  return counts;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    strictHits: a.strictHits + b.strictHits,
    strictMisses: a.strictMisses + b.strictMisses,
    laxHits: a.laxHits + b.laxHits,
    laxMisses: a.laxMisses + b.laxMisses,
  };
}

export const ZERO_COUNTS: Counts = { strictHits: 0, strictMisses: 0, laxHits: 0, laxMisses: 0 };

/** Precision and recall counts of one document pair, to be summed over a corpus before scoring. */
export function alignmentCounts(gold: LinkSides[], test: LinkSides[]): { precision: Counts; recall: Counts } {
  return { precision: countHits(gold, test), recall: countHits(bothSides(test), bothSides(gold)) };
}

export function scoreCounts(precision: Counts, recall: Counts): AlignmentScore {
  const ratio = (hits: number, misses: number) => (hits + misses === 0 ? 0 : hits / (hits + misses));
  const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
  const precisionStrict = ratio(precision.strictHits, precision.strictMisses);
  const precisionLax = ratio(precision.laxHits, precision.laxMisses);
  const recallStrict = ratio(recall.strictHits, recall.strictMisses);
  const recallLax = ratio(recall.laxHits, recall.laxMisses);
  return {
    precisionStrict,
    recallStrict,
    f1Strict: f1(precisionStrict, recallStrict),
    precisionLax,
    recallLax,
    f1Lax: f1(precisionLax, recallLax),
  };
}

export function scoreAlignment(gold: LinkSides[], test: LinkSides[]): AlignmentScore {
  const { precision, recall } = alignmentCounts(gold, test);
  return scoreCounts(precision, recall);
}
