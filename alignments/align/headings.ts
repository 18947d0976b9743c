import { looksLikeHeading } from "../text/heading";
import type { AlignedLink, AlignSegment } from "./alignment-types";
import { formatLink, type LinkSides } from "./links";

/**
 * Headings and marginal notes put back with their counterparts, after the programme. Where the French folds an
 * enumeration into one sentence, the provision's English opening is far shorter than its French sentence; the
 * programme then pays for the length by joining the English note (and heading) before it into the provision's link,
 * and leaves the French note alone ("[5224,5225,5226,5227]:[5080]" after "[]:[5078]", "[]:[5079]" in the Bank Act).
 * A note beside a restructured provision is still the note: a short line that reads as a heading matches the other
 * side's, whatever the provision does. Three local repairs, each keeping the alignment monotone and complete:
 *
 * - a link whose two sides both open (or both close) with a heading-like line gives that pair its own link;
 * - a heading-like line left alone on one side next to one left alone on the other: one link;
 * - lines left alone on one side, all heading-like, just before a link whose other side holds a run of as many
 *   heading-like lines with provision text after them: each pairs with its counterpart in order; the lines of that
 *   side before the run are left alone, the text after it keeps the link.
 *
 * Links a person fixed (confirmed links kept by a realignment) are never split, merged or taken from.
 *
 * A repaired link keeps the confidence of the link it came out of (the lower of the two for a merge), so that a person
 * reviewing by confidence still meets it.
 */

type Side = "en" | "fr";
const other = (side: Side): Side => (side === "en" ? "fr" : "en");

export function separateHeadings(
  enSegments: readonly AlignSegment[],
  frSegments: readonly AlignSegment[],
  links: readonly AlignedLink[],
  fixed: readonly LinkSides[] = [],
): AlignedLink[] {
  const kept = new Set(fixed.map(formatLink));
  const isFixed = (link: AlignedLink) => kept.size > 0 && kept.has(formatLink(link));
  const headingEn = enSegments.map((segment) => looksLikeHeading(segment.text));
  const headingFr = frSegments.map((segment) => looksLikeHeading(segment.text));
  const heading = (side: Side, k: number) => (side === "en" ? headingEn[k] : headingFr[k]);
  const lone = (link: AlignedLink, side: Side) => !isFixed(link) && link[side].length === 1 && link[other(side)].length === 0 && heading(side, link[side][0]);
  const out: AlignedLink[] = [];
  for (const link of links) {
    if (isFixed(link)) {
      out.push(link);
      continue;
    }
    for (const piece of peeled(link, heading)) {
      const last = out[out.length - 1];
      if (last && ((lone(piece, "en") && lone(last, "fr")) || (lone(piece, "fr") && lone(last, "en")))) {
        out[out.length - 1] = { en: [...last.en, ...piece.en], fr: [...last.fr, ...piece.fr], confidence: Math.min(last.confidence, piece.confidence) };
        continue;
      }
      out.push(...(swallowed(out, piece, "en", heading, lone) ?? swallowed(out, piece, "fr", heading, lone) ?? [piece]));
    }
  }
  return out;
}

/** A link with its opening and closing heading pairs split off: [H, A]:[H', B] → [H]:[H'], [A]:[B]. */
function peeled(link: AlignedLink, heading: (side: Side, k: number) => boolean): AlignedLink[] {
  const { confidence } = link;
  let en = link.en;
  let fr = link.fr;
  const before: AlignedLink[] = [];
  const after: AlignedLink[] = [];
  const splits = (e: number, f: number) => en.length >= 2 && fr.length >= 2 && heading("en", e) && heading("fr", f);
  // Only a heading against a heading: the rest of each side must stay text, or the pair is no note beside a provision.
  while (splits(en[0], fr[0]) && !heading("en", en[1]) && !heading("fr", fr[1])) {
    before.push({ en: [en[0]], fr: [fr[0]], confidence });
    en = en.slice(1);
    fr = fr.slice(1);
  }
  while (splits(en[en.length - 1], fr[fr.length - 1]) && !heading("en", en[en.length - 2]) && !heading("fr", fr[fr.length - 2])) {
    after.unshift({ en: [en[en.length - 1]], fr: [fr[fr.length - 1]], confidence });
    en = en.slice(0, -1);
    fr = fr.slice(0, -1);
  }
  if (before.length === 0 && after.length === 0) return [link];
  return [...before, { ...link, en, fr }, ...after];
}

/**
 * When `out` ends with lines left alone on the other side, all heading-like, and `link`'s `side` holds a run of as
 * many heading-like lines followed by text: the links that replace `link` (the lone lines are taken out of `out`).
 */
function swallowed(
  out: AlignedLink[],
  link: AlignedLink,
  side: Side,
  heading: (side: Side, k: number) => boolean,
  lone: (link: AlignedLink, side: Side) => boolean,
): AlignedLink[] | null {
  const opposite = other(side);
  let r = 0;
  while (r < out.length && lone(out[out.length - 1 - r], opposite)) r++;
  const lines = link[side];
  if (r === 0 || link[opposite].length === 0 || lines.length <= r) return null;
  for (let p = 0; p + r < lines.length; p++) {
    const run = lines.slice(p, p + r);
    if (!run.every((k) => heading(side, k)) || (p > 0 && heading(side, lines[p - 1])) || heading(side, lines[p + r])) continue;
    const alone = out.splice(out.length - r, r);
    const { confidence } = link;
    const single = (k: number): AlignedLink => (side === "en" ? { en: [k], fr: [], confidence } : { en: [], fr: [k], confidence });
    const paired = run.map((k, q): AlignedLink => {
      const counterpart = alone[q][opposite][0];
      return side === "en" ? { en: [k], fr: [counterpart], confidence } : { en: [counterpart], fr: [k], confidence };
    });
    return [...lines.slice(0, p).map(single), ...paired, { ...link, [side]: lines.slice(p + r) }];
  }
  return null;
}
