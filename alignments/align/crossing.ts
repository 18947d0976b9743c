import { foldForSearch } from "../text/fold";
import type { AlignedLink, AlignSegment } from "./alignment-types";
import { formatLink, type LinkSides } from "./links";

/**
 * Crossing links, after the monotone pass: a bilingual act defines its terms in alphabetical order in each
 * language, so the English "record means … (document)" sits between "offence" and "request" while the French
 * "document Tout support … (record)" opens the French list. No monotone aligner can link them; this pass can.
 *
 * The evidence is the one the drafters give: each entry ends with its counterpart term in parentheses, and the
 * other language's entry starts with that term. An English entry (its head, its items down to the segment that
 * closes with "(terme)") and a French entry (likewise, closing with "(term)") are paired only when both point at
 * each other: the English parenthesis names the French head AND the French parenthesis names the English head.
 * The pairs' items are linked in order (an enumeration of the same length one to one), whatever the monotone pass
 * made of them; the segments this takes out of the monotone links stay linked to what is left of them.
 *
 * Deterministic (no randomness, so nothing to seed) and bounded: an entry spans at most MAX_ENTRY segments and a
 * head is looked for only within SEARCH_WINDOW segments of where the monotone pass put its counterpart.
 */

/**
 * The confidence of a link this pass makes that the monotone pass had not: the share of such links the gold of the
 * Canadian acts confirms (250 of 255, decision 0039).
 */
export const CROSSING_CONFIDENCE = 0.98;
/** The most segments one definition (its head and its items) may span. */
export const MAX_ENTRY = 12;
/** How far from the monotone pass's position a counterpart head is looked for. */
export const SEARCH_WINDOW = 80;

/** The counterpart term an entry closes with: "…; (ministre)" → "ministre". Letters required: "(1)" is no term. */
export function closingTerm(text: string): string | null {
  const match = /\(([^()]{2,60})\)\s*[.;,:]?\s*$/u.exec(text);
  if (!match || !/\p{L}/u.test(match[1])) return null;
  return foldForSearch(match[1]);
}

/** Whether a segment opens with `term` as whole words ("ministre Le ministre…", "juge", "treaty[Repealed…"). */
export function opensWith(text: string, term: string): boolean {
  const folded = foldForSearch(text);
  if (!folded.startsWith(term)) return false;
  const next = folded.charAt(term.length);
  return next === "" || !/[\p{L}\p{N}]/u.test(next);
}

interface Entry {
  head: number;
  /** The segment that closes with the counterpart term (head ≤ close < head + MAX_ENTRY). */
  close: number;
  term: string;
}

/** Where each segment of one side sits on the other, by the monotone links (a segment in a 1-0 link: its neighbours'). */
function projection(links: readonly LinkSides[], count: number, side: "en" | "fr"): Int32Array {
  const other = side === "en" ? "fr" : "en";
  const at = new Int32Array(count).fill(-1);
  let last = 0;
  for (const link of links) {
    if (link[other].length > 0) last = link[other][0];
    for (const x of link[side]) at[x] = last;
  }
  return at;
}

/** Each segment of one side that closes with a counterpart term in parentheses. */
function closings(segments: readonly AlignSegment[]): Array<{ close: number; term: string }> {
  const out: Array<{ close: number; term: string }> = [];
  segments.forEach((segment, k) => {
    const term = closingTerm(segment.text);
    if (term) out.push({ close: k, term });
  });
  return out;
}

/**
 * Entry pairs whose parentheses name each other's heads: [English entry, French entry]. Greedy in English order;
 * an entry overlapping one already taken on either side is skipped.
 */
export function pairedEntries(
  enSegments: readonly AlignSegment[],
  frSegments: readonly AlignSegment[],
  links: readonly LinkSides[],
): Array<[Entry, Entry]> {
  const enAt = projection(links, enSegments.length, "en");
  const frAt = projection(links, frSegments.length, "fr");
  const enClosings = closings(enSegments);
  const frClosings = closings(frSegments);
  const closesEn = new Set(enClosings.map((c) => c.close));
  const closesFr = new Set(frClosings.map((c) => c.close));
  const takenEn = new Set<number>();
  const takenFr = new Set<number>();
  const pairs: Array<[Entry, Entry]> = [];

  // The head of the entry that closes at `close`: the nearest segment above it (no earlier closing in between) opening with `term`.
  const headAbove = (segments: readonly AlignSegment[], closes: Set<number>, close: number, term: string): number => {
    for (let k = close; k >= 0 && close - k < MAX_ENTRY; k--) {
      if (k < close && closes.has(k)) return -1;
      if (opensWith(segments[k].text, term)) return k;
    }
    return -1;
  };

  for (const en of enClosings) {
    const around = enAt[en.close];
    // French entries near where the monotone pass put this one, closing with a term; nearest first.
    const candidates = frClosings
      .filter((fr) => Math.abs(fr.close - around) <= SEARCH_WINDOW)
      .sort((a, b) => Math.abs(a.close - around) - Math.abs(b.close - around) || a.close - b.close);
    for (const fr of candidates) {
      const enHead = headAbove(enSegments, closesEn, en.close, fr.term);
      if (enHead < 0) continue;
      const frHead = headAbove(frSegments, closesFr, fr.close, en.term);
      if (frHead < 0 || Math.abs(frAt[frHead] - enHead) > SEARCH_WINDOW) continue;
      let free = true;
      for (let k = enHead; k <= en.close; k++) if (takenEn.has(k)) free = false;
      for (let k = frHead; k <= fr.close; k++) if (takenFr.has(k)) free = false;
      if (!free) break;
      for (let k = enHead; k <= en.close; k++) takenEn.add(k);
      for (let k = frHead; k <= fr.close; k++) takenFr.add(k);
      pairs.push([
        { head: enHead, close: en.close, term: en.term },
        { head: frHead, close: fr.close, term: fr.term },
      ]);
      break;
    }
  }
  return pairs;
}

const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

/** The links inside one pair of entries: one to one when both list as many items, else head to head and the rest together. */
export function entryLinks(en: Entry, fr: Entry): LinkSides[] {
  const enItems = span(en.head, en.close);
  const frItems = span(fr.head, fr.close);
  if (enItems.length === frItems.length) return enItems.map((i, k) => ({ en: [i], fr: [frItems[k]] }));
  if (enItems.length === 1 || frItems.length === 1) return [{ en: enItems, fr: frItems }];
  return [
    { en: [en.head], fr: [fr.head] },
    { en: enItems.slice(1), fr: frItems.slice(1) },
  ];
}

/**
 * The monotone links with every paired entry relinked across the order. A monotone link that loses segments to an
 * entry keeps the rest (a segment left alone becomes a 1-0 or 0-1 link). Links come out in the monotone order, each
 * entry's links where its English head was.
 */
export function linkAcrossOrder(
  enSegments: readonly AlignSegment[],
  frSegments: readonly AlignSegment[],
  links: readonly AlignedLink[],
  confidence: number,
): AlignedLink[] {
  const pairs = pairedEntries(enSegments, frSegments, links);
  if (pairs.length === 0) return [...links];
  const takenEn = new Map<number, LinkSides[]>();
  const takenFr = new Set<number>();
  for (const [en, fr] of pairs) {
    takenEn.set(en.head, entryLinks(en, fr));
    for (let k = en.head + 1; k <= en.close; k++) takenEn.set(k, []);
    for (let k = fr.head; k <= fr.close; k++) takenFr.add(k);
  }
  // A link the monotone pass had made already keeps its own confidence.
  const before = new Map(links.map((link) => [formatLink(link), link]));
  const made = (link: LinkSides): AlignedLink => before.get(formatLink(link)) ?? { ...link, confidence };
  const out: AlignedLink[] = [];
  for (const link of links) {
    const untouched = link.en.every((i) => !takenEn.has(i)) && link.fr.every((j) => !takenFr.has(j));
    if (untouched) {
      out.push(link);
      continue;
    }
    for (const i of link.en) for (const entryLink of takenEn.get(i) ?? []) out.push(made(entryLink));
    const en = link.en.filter((i) => !takenEn.has(i));
    const fr = link.fr.filter((j) => !takenFr.has(j));
    if (en.length > 0 && fr.length > 0) out.push({ en, fr, confidence: link.confidence });
    else for (const x of en) out.push({ en: [x], fr: [], confidence: link.confidence });
    if (en.length === 0 || fr.length === 0) for (const x of fr) out.push({ en: [], fr: [x], confidence: link.confidence });
  }
  return out;
}

/** Problems that make `links` not a complete alignment whose links may cross: every segment in exactly one link. */
export function coverageProblems(links: readonly LinkSides[], n: number, m: number): string[] {
  const problems: string[] = [];
  const seenEn = new Uint8Array(n);
  const seenFr = new Uint8Array(m);
  links.forEach((link, k) => {
    if (link.en.length === 0 && link.fr.length === 0) problems.push(`link ${k} is empty on both sides`);
    for (const [side, seen, count] of [[link.en, seenEn, n], [link.fr, seenFr, m]] as const) {
      for (const x of side) {
        if (x < 0 || x >= count) problems.push(`link ${k}: segment ${x} is outside the document`);
        else if (seen[x]++ > 0) problems.push(`link ${k}: segment ${x} is in another link too`);
      }
    }
  });
  if (seenEn.includes(0)) problems.push(`English segment ${seenEn.indexOf(0)} is in no link`);
  if (seenFr.includes(0)) problems.push(`French segment ${seenFr.indexOf(0)} is in no link`);
  return problems;
}
