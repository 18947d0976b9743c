import { splitAtCodes } from "../text/inline-codes";
import { isolatedCode, type InlineCodes } from "./tmx-codes";

/**
 * Numbers of a unit's paired codes when the unit holds two segments that came from two memory units (decision 23):
 * each brought its own `<bpt i="1">`…`<ept i="1">`, and the merged `<seg>` then has two of each, which a CAT tool
 * pairs the wrong way. TMX wants `i` unique within a `<seg>` (it pairs a `bpt` with its `ept`) and `x` unique within
 * a `<seg>` (it matches a code of one language with the same code of the other). A unit whose codes' numbers are
 * already unique is written exactly as before (the byte-for-byte round trip of a memory's unmerged units); one that
 * repeats a number has its numbers given again, in order, so that each pair stays matched.
 */

/** Each code of a side's text, in order: its markup (undefined for a code character the document does not name). */
type Markups = Array<string | undefined>;

/** The markup written for each code of each side, in order; null when the unit's numbers are unique already. */
export function renumberedCodes(
  source: string,
  target: string,
  codes: { source?: InlineCodes; target?: InlineCodes } | undefined,
): { source: Markups; target: Markups } | null {
  if (codes === undefined) return null;
  const sides = { source: markupsOf(source, codes.source), target: markupsOf(target, codes.target) };
  const repeatsI = repeats(sides.source, "i", PAIRED_TAG) || repeats(sides.target, "i", PAIRED_TAG);
  const repeatsX = repeats(sides.source, "x", ANY_TAG) || repeats(sides.target, "x", ANY_TAG);
  if (!repeatsI && !repeatsX) return null;
  let result = { source: pairedByOrder(sides.source), target: pairedByOrder(sides.target) };
  if (repeatsX) result = correspondencesNumbered(result);
  return result;
}

const PAIRED_TAG = /^<(bpt|ept)\b/;
const ANY_TAG = /^<[A-Za-z]/;

function markupsOf(text: string, codes: InlineCodes | undefined): Markups {
  return splitAtCodes(text).flatMap((piece, k) => (k % 2 === 1 ? [codes?.[piece]] : []));
}

/** The start tag of a code's markup: only there are its own `i` and `x` (a `<sub>` inside may hold other codes). */
const startTag = (markup: string): string => /^<[^>]*>/.exec(markup)?.[0] ?? "";

function attribute(markup: string, name: "i" | "x"): string | null {
  const found = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(startTag(markup));
  return found ? (found[1] ?? found[2]) : null;
}

function withAttribute(markup: string, name: "i" | "x", value: string): string {
  const tag = startTag(markup);
  const retagged = tag.replace(new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`), `$1"${value}"`);
  return retagged + markup.slice(tag.length);
}

/** Whether two codes of the side (of the kind `tag` says) carry the same value of `name`; only a bpt and its ept may share one. */
function repeats(markups: Markups, name: "i" | "x", tag: RegExp): boolean {
  const seen = new Map<string, Set<string>>();
  for (const markup of markups) {
    if (markup === undefined || !tag.test(markup)) continue;
    const value = attribute(markup, name);
    if (value === null) continue;
    const element = name === "i" ? /^<(\w+)/.exec(markup)![1] : "any";
    const elements = seen.get(value) ?? new Set<string>();
    if (elements.has(element)) return true;
    elements.add(element);
    seen.set(value, elements);
  }
  return false;
}

/**
 * A side's codes with each `bpt` paired to the next `ept` of the same `i` that follows it (the innermost open one),
 * the pairs numbered 1, 2, … in the order they open; a `bpt` or `ept` left without its partner becomes the isolated
 * `<it>` TMX has for it, as a split writes it.
 */
function pairedByOrder(markups: Markups): Markups {
  const partner = new Map<number, number>();
  const open = new Map<string, number[]>();
  markups.forEach((markup, k) => {
    const tag = markup === undefined ? null : PAIRED_TAG.exec(markup)?.[1];
    const i = tag ? attribute(markup!, "i") : null;
    if (!tag || i === null) return;
    const stack = open.get(i) ?? [];
    if (tag === "bpt") open.set(i, [...stack, k]);
    else if (stack.length > 0) {
      const begin = stack[stack.length - 1];
      open.set(i, stack.slice(0, -1));
      partner.set(begin, k).set(k, begin);
    }
  });
  const numbers = new Map<number, string>();
  return markups.map((markup, k) => {
    const tag = markup === undefined ? null : PAIRED_TAG.exec(markup)?.[1];
    if (!tag || attribute(markup!, "i") === null) return markup;
    const other = partner.get(k);
    if (other === undefined) return isolatedCode(markup!, tag === "bpt" ? "begin" : "end");
    if (tag === "bpt") numbers.set(k, String(numbers.size + 1));
    return withAttribute(markup!, "i", numbers.get(tag === "bpt" ? k : other)!);
  });
}

/**
 * Each code's `x` given again, the same on both sides: the n-th code of a side holding `x="1"` matches the n-th
 * code of the other side holding `x="1"` (merged segments keep their order in both languages).
 */
function correspondencesNumbered(sides: { source: Markups; target: Markups }): { source: Markups; target: Markups } {
  const numbers = new Map<string, string>();
  const renumber = (markups: Markups): Markups => {
    const seen = new Map<string, number>();
    return markups.map((markup) => {
      const x = markup === undefined ? null : attribute(markup, "x");
      if (x === null) return markup;
      const n = (seen.get(x) ?? 0) + 1;
      seen.set(x, n);
      const key = `${x}\u0000${n}`;
      if (!numbers.has(key)) numbers.set(key, String(numbers.size + 1));
      return withAttribute(markup!, "x", numbers.get(key)!);
    });
  };
  return { source: renumber(sides.source), target: renumber(sides.target) };
}
