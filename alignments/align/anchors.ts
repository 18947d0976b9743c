import type { Segmented } from "./features";

/**
 * The path the alignment must stay near: anchors (features found in one segment only on each side of a window),
 * their heaviest increasing chain, refined recursively between anchors, so the work grows linearly.
 */

/**
 * For each English position 0..n, the French position the alignment should pass near, and how far from
 * it to search: close to an anchor a few segments suffice; far from any, up to `maxWidth`.
 */
export function anchorPath(en: Segmented, fr: Segmented, n: number, m: number, maxWidth: number, offDiagonalWeight = 2, corroborate = false): { path: Float64Array; widths: Int32Array } {
  const path = new Float64Array(n + 1);
  // Default: the same share of characters on both sides.
  const enTotal = en.chars.reduce((a, b) => a + b, 0) || 1;
  const frCum = new Float64Array(m + 1);
  for (let j = 0; j < m; j++) frCum[j + 1] = frCum[j] + fr.chars[j];
  const frTotal = frCum[m] || 1;
  let enCum = 0;
  let j = 0;
  for (let i = 0; i <= n; i++) {
    const share = enCum / enTotal;
    while (j < m && frCum[j + 1] / frTotal <= share) j++;
    path[i] = j;
    if (i < n) enCum += en.chars[i];
  }
  let features = 0;
  for (const doc of [en, fr]) for (let k = 0; k < doc.unique.length; k++) features = Math.max(features, doc.unique[k] + 1);
  const scratch: AnchorScratch = {
    offDiagonalWeight,
    corroborate,
    generation: 0,
    enSeen: new Int32Array(features),
    enAt: new Int32Array(features),
    frSeen: new Int32Array(features),
    frAt: new Int32Array(features),
  };
  const chain = localAnchors(en, fr, 0, n, 0, m, 0, scratch);
  const widths = new Int32Array(n + 1);
  const nearest = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  for (const anchor of chain) nearest[anchor.i] = 0;
  for (let i = 1; i <= n; i++) nearest[i] = Math.min(nearest[i], nearest[i - 1] + 1);
  for (let i = n - 1; i >= 0; i--) nearest[i] = Math.min(nearest[i], nearest[i + 1] + 1);
  for (let i = 0; i <= n; i++) widths[i] = Math.min(maxWidth, Math.round(MIN_WIDTH + 2 * nearest[i]));
  if (chain.length === 0) return { path, widths: widths.fill(maxWidth) };
  // Piecewise-linear between anchors, from (0,0) to (n,m).
  const points = [{ i: 0, j: 0 }, ...chain.map((c) => ({ i: c.i + 0.5, j: c.j + 0.5 })), { i: n, j: m }];
  let k = 0;
  for (let i = 0; i <= n; i++) {
    while (k + 1 < points.length - 1 && points[k + 1].i <= i) k++;
    const a = points[k];
    const b = points[k + 1];
    path[i] = b.i === a.i ? a.j : a.j + ((b.j - a.j) * (i - a.i)) / (b.i - a.i);
  }
  return { path, widths };
}

const MIN_WIDTH = 16;

interface Anchor {
  i: number;
  j: number;
  w: number;
}

/**
 * Anchors inside the window en[i0, i1) × fr[j0, j1): pairs of segments sharing features found in no other
 * segment of the window on either side, reduced to their heaviest increasing chain; then the same again
 * between consecutive anchors, where features that repeat in the whole document become unique.
 */
function localAnchors(en: Segmented, fr: Segmented, i0: number, i1: number, j0: number, j1: number, depth: number, scratch: AnchorScratch): Anchor[] {
  if (i1 - i0 < 2 || j1 - j0 < 2 || depth > 40) return [];
  // For each feature: where it occurs in the window on each side, or -1 when it occurs more than once.
  const generation = ++scratch.generation;
  const { enSeen, enAt, frSeen, frAt } = scratch;
  const mark = (doc: Segmented, from: number, to: number, seen: Int32Array, at: Int32Array) => {
    for (let s = from; s < to; s++) {
      for (let k = doc.uniqueStart[s]; k < doc.uniqueStart[s + 1]; k++) {
        const id = doc.unique[k];
        if (seen[id] !== generation) (seen[id] = generation), (at[id] = s);
        else at[id] = -1;
      }
    }
  };
  mark(en, i0, i1, enSeen, enAt);
  mark(fr, j0, j1, frSeen, frAt);
  const shared = new Map<number, number>();
  const width = j1 - j0 + 1;
  for (let s = i0; s < i1; s++) {
    for (let k = en.uniqueStart[s]; k < en.uniqueStart[s + 1]; k++) {
      const id = en.unique[k];
      if (enAt[id] !== s || frSeen[id] !== generation || frAt[id] < 0) continue;
      const key = (s - i0) * width + (frAt[id] - j0);
      shared.set(key, (shared.get(key) ?? 0) + 1);
    }
  }
  // Far from the diagonal of the window, one shared feature is more likely chance than translation.
  const slope = (j1 - j0) / (i1 - i0);
  const candidates: Anchor[] = [];
  for (const [key, w] of shared) {
    const i = i0 + Math.floor(key / width);
    const j = j0 + (key % width);
    if (w >= scratch.offDiagonalWeight || Math.abs(j - j0 - slope * (i - i0)) <= Math.max(10, 0.15 * (j1 - j0))) candidates.push({ i, j, w });
  }
  candidates.sort((a, b) => a.i - b.i || a.j - b.j);
  const chain = heaviestChain(scratch.corroborate ? corroborated(candidates, slope) : candidates);
  if (chain.length === 0) {
    // Nothing is unique in this window (a text that repeats itself): halve it along its diagonal.
    if (i1 - i0 < 16 || j1 - j0 < 16) return [];
    const mid = Math.floor((i0 + i1) / 2);
    const jMid = j0 + Math.round((mid - i0) * slope);
    return [
      ...localAnchors(en, fr, i0, mid, j0, jMid, depth + 1, scratch),
      ...localAnchors(en, fr, mid, i1, jMid, j1, depth + 1, scratch),
    ];
  }
  const result: Anchor[] = [];
  let pi = i0 - 1;
  let pj = j0 - 1;
  for (const anchor of [...chain, { i: i1, j: j1, w: 0 }]) {
    if (anchor.i - pi > 4 && anchor.j - pj > 4) result.push(...localAnchors(en, fr, pi + 1, anchor.i, pj + 1, anchor.j, depth + 1, scratch));
    if (anchor.w > 0) result.push(anchor);
    pi = anchor.i;
    pj = anchor.j;
  }
  return result;
}

/** How many rows away a candidate anchor looks for another that corroborates it. */
const CORROBORATION_REACH = 10;

/**
 * The candidates that another candidate close by corroborates: the two lie on a plausible slope from each other
 * (between 1/2.5 and 2.5 times the window's, give or take two segments). A true anchor has true neighbours, since a
 * translation's words match in most of its sentences; a chance match stands alone, and one alone far off the path drew
 * a chain of them with it (the Bible, zh–en: 538 of bible001's 4,747 gold rows fell outside the band; 11 with this).
 */
function corroborated(candidates: readonly Anchor[], slope: number): Anchor[] {
  const fits = (a: Anchor, b: Anchor) => {
    const di = Math.abs(b.i - a.i);
    const dj = (b.j - a.j) * Math.sign(b.i - a.i);
    return di >= 1 && dj >= 1 && dj <= 2.5 * slope * di + 2 && 2.5 * dj + 2 >= slope * di;
  };
  const kept: Anchor[] = [];
  let first = 0;
  for (let k = 0; k < candidates.length; k++) {
    const candidate = candidates[k];
    while (candidates[first].i < candidate.i - CORROBORATION_REACH) first++;
    for (let q = first; q < candidates.length && candidates[q].i <= candidate.i + CORROBORATION_REACH; q++) {
      if (q !== k && fits(candidate, candidates[q])) {
        kept.push(candidate);
        break;
      }
    }
  }
  return kept;
}

interface AnchorScratch {
  /**
   * Features two segments must share to be an anchor far from the window's diagonal: more than one word pair can
   * give. Within a script a cognate pair shares two (its 4- and 5-letter prefixes); across scripts a dictionary
   * translation brings its word and both prefixes, three, and one such match far off the diagonal led the Bible's
   * path thousands of segments astray (bible003 strict F1 0.47 with 2, 0.68 with 4, first pass).
   */
  offDiagonalWeight: number;
  /**
   * Keep only candidates another corroborates (`corroborated`): across scripts, where one dictionary word makes an
   * anchor. Within one script it moved the Bank Act down (0.9520 → 0.9510) for TransRead's gain (0.9312 → 0.9344).
   */
  corroborate: boolean;
  generation: number;
  enSeen: Int32Array;
  enAt: Int32Array;
  frSeen: Int32Array;
  frAt: Int32Array;
}

/** The heaviest chain of anchors strictly increasing on both sides (sorted by i, then j). */
function heaviestChain(candidates: Anchor[]): Anchor[] {
  // Weighted longest increasing subsequence over j, with a Fenwick tree of best chain weights.
  if (candidates.length === 0) return [];
  // Columns relative to the window's first: the tree is as wide as the window, not the document.
  let minJ = candidates[0].j;
  for (const c of candidates) minJ = Math.min(minJ, c.j);
  const maxJ = candidates.reduce((mx, c) => Math.max(mx, c.j), 0) - minJ + 2;
  const tree = new Float64Array(maxJ + 1);
  const treeArg = new Int32Array(maxJ + 1).fill(-1);
  const best = new Float64Array(candidates.length);
  const previous = new Int32Array(candidates.length).fill(-1);
  const query = (j: number): [number, number] => {
    let value = 0;
    let arg = -1;
    for (let x = j; x > 0; x -= x & -x) if (tree[x] > value) (value = tree[x]), (arg = treeArg[x]);
    return [value, arg];
  };
  const update = (j: number, value: number, arg: number) => {
    for (let x = j; x <= maxJ; x += x & -x) if (value > tree[x]) (tree[x] = value), (treeArg[x] = arg);
  };
  // Candidates of the same i must not chain with each other: process them in a group.
  for (let start = 0; start < candidates.length; ) {
    let end = start;
    while (end < candidates.length && candidates[end].i === candidates[start].i) end++;
    for (let k = start; k < end; k++) {
      const [value, arg] = query(candidates[k].j - minJ); // j' < j (1-based tree index j'+1 <= j)
      best[k] = value + candidates[k].w;
      previous[k] = arg;
    }
    for (let k = start; k < end; k++) update(candidates[k].j - minJ + 1, best[k], k);
    start = end;
  }
  let top = 0;
  for (let k = 1; k < candidates.length; k++) if (best[k] > best[top]) top = k;
  const chain: Anchor[] = [];
  for (let k = top; k >= 0; k = previous[k]) chain.push(candidates[k]);
  return chain.reverse();
}
