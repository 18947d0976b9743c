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
 * counterpart is taken only within SEARCH_WINDOW segments of where the monotone pass put it.
 */

/**
 * The confidence of a link this pass makes that the monotone pass had not: the share of such links the gold of the
 * Canadian acts confirms (310 of 315 with the amended pass, decision 0039).
 */
export const CROSSING_CONFIDENCE = 0.98;
/** The most segments one definition (its head and its items) may span. */
export const MAX_ENTRY = 12;
/**
 * How far from the monotone pass's position a counterpart is taken: a definition may move across its whole list (the
 * Bank Act's farthest pair is 134 segments away); the bound keeps a term defined again in another Part's list apart.
 */
export const SEARCH_WINDOW = 400;

/** The longest counterpart term looked for in parentheses (the Bank Act's longest is 74 characters). */
const MAX_TERM = 120;
const CLOSING = new RegExp(`\\(([^()]{2,${MAX_TERM}})\\)\\s*[.;,:]?\\s*$`, "u");
/** Where a parenthesis lists several terms: "(administrateur, conseil d’administration ou conseil)". */
const ALTERNATIVES = /\s*,\s*|\s+(?:or|ou|and|et)\s+/u;

/** The counterpart term an entry closes with: "…; (ministre)" → "ministre". Letters required: "(1)" is no term. */
export function closingTerm(text: string): string | null {
  const match = CLOSING.exec(text);
  if (!match || !/\p{L}/u.test(match[1])) return null;
  return foldForSearch(match[1]);
}

/**
 * Every term the closing parenthesis may name: the whole, then each alternative it lists ("(véritable propriétaire et
 * propriété effective)": the French entry opens with one of them). None when the segment closes with no term.
 */
export function closingTerms(text: string): string[] {
  const whole = closingTerm(text);
  if (whole === null) return [];
  const parts = whole.split(ALTERNATIVES).filter((part) => part !== whole && part.length >= 2 && /\p{L}/u.test(part));
  return [whole, ...new Set(parts)];
}

const opensFolded = (folded: string, term: string) => folded.startsWith(term) && !/[\p{L}\p{N}]/u.test(folded.charAt(term.length));

/** Whether a segment opens with `term` as whole words ("ministre Le ministre…", "juge", "treaty[Repealed…"). */
export function opensWith(text: string, term: string): boolean {
  return opensFolded(foldForSearch(text), term);
}

/** Every start of a folded text that ends at a word's end, up to MAX_TERM characters: the terms it could open with. */
function openings(folded: string): string[] {
  const out: string[] = [];
  const end = Math.min(folded.length, MAX_TERM);
  for (let k = 1; k <= end; k++) if (k === folded.length || !/[\p{L}\p{N}]/u.test(folded.charAt(k))) out.push(folded.slice(0, k));
  return out;
}

interface Entry {
  head: number;
  /** The segment that closes with the counterpart term (head ≤ close < head + MAX_ENTRY). */
  close: number;
  terms: string[];
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

/** One side's segments as the pass reads them: folded once each, and the entries' closing segments. */
class Side {
  private readonly folded: Array<string | undefined>;
  readonly closings: Array<{ close: number; terms: string[] }> = [];
  private readonly closes = new Set<number>();
  constructor(private readonly segments: readonly AlignSegment[]) {
    this.folded = new Array(segments.length);
    segments.forEach((segment, k) => {
      const terms = closingTerms(segment.text);
      if (terms.length === 0) return;
      this.closings.push({ close: k, terms });
      this.closes.add(k);
    });
  }
  text(k: number): string {
    return (this.folded[k] ??= foldForSearch(this.segments[k].text));
  }
  /** The segments that may head the entry closing at `close`, nearest first: none above an earlier closing. */
  *headsAbove(close: number): Generator<number> {
    for (let k = close; k >= 0 && close - k < MAX_ENTRY; k--) {
      if (k < close && this.closes.has(k)) return;
      yield k;
    }
  }
  /** The head of the entry closing at `close`: the nearest segment above it opening with one of `terms`; -1 if none. */
  headAbove(close: number, terms: readonly string[]): number {
    for (const k of this.headsAbove(close)) if (terms.some((term) => opensFolded(this.text(k), term))) return k;
    return -1;
  }
}

/**
 * Entry pairs whose parentheses name each other's heads: [English entry, French entry]. The French entries are
 * indexed by the terms they name, so each English head finds the French entries naming it wherever they are; the
 * nearest to where the monotone pass put the English entry wins. Greedy in English order; an entry overlapping one
 * already taken on either side is skipped.
 */
export function pairedEntries(
  enSegments: readonly AlignSegment[],
  frSegments: readonly AlignSegment[],
  links: readonly LinkSides[],
): Array<[Entry, Entry]> {
  const enAt = projection(links, enSegments.length, "en");
  const frAt = projection(links, frSegments.length, "fr");
  const en = new Side(enSegments);
  const fr = new Side(frSegments);
  const naming = new Map<string, Array<{ close: number; terms: string[] }>>();
  for (const closing of fr.closings) for (const term of closing.terms) naming.set(term, [...(naming.get(term) ?? []), closing]);
  const takenEn = new Set<number>();
  const takenFr = new Set<number>();
  const pairs: Array<[Entry, Entry]> = [];

  for (const enClosing of en.closings) {
    const around = enAt[enClosing.close];
    // French entries naming a head of this English entry: for each, the nearest such head.
    const found = new Map<number, { enHead: number; frHead: number; close: number; terms: string[] }>();
    for (const enHead of en.headsAbove(enClosing.close)) {
      for (const opening of openings(en.text(enHead))) {
        for (const frClosing of naming.get(opening) ?? []) {
          if (found.has(frClosing.close) || Math.abs(frClosing.close - around) > SEARCH_WINDOW) continue;
          const frHead = fr.headAbove(frClosing.close, enClosing.terms);
          if (frHead < 0 || Math.abs(frAt[frHead] - enHead) > SEARCH_WINDOW) continue;
          found.set(frClosing.close, { enHead, frHead, ...frClosing });
        }
      }
    }
    const candidates = [...found.values()].sort((a, b) => Math.abs(a.close - around) - Math.abs(b.close - around) || a.close - b.close);
    for (const c of candidates) {
      let free = true;
      for (let k = c.enHead; k <= enClosing.close; k++) if (takenEn.has(k)) free = false;
      for (let k = c.frHead; k <= c.close; k++) if (takenFr.has(k)) free = false;
      if (!free) break;
      for (let k = c.enHead; k <= enClosing.close; k++) takenEn.add(k);
      for (let k = c.frHead; k <= c.close; k++) takenFr.add(k);
      pairs.push([
        { head: c.enHead, close: enClosing.close, terms: enClosing.terms },
        { head: c.frHead, close: c.close, terms: c.terms },
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
