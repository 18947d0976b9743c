import type { Removal, Repair } from "../types";
import { breaksInsideEmphasis } from "./emphasis";
import type { Role } from "./footnotes";
import { CALL_PATTERN, FOOTNOTE_START, LIST_MARKER, startsLower, TERMINAL } from "./patterns";
import type { Line } from "./source-lines";

/** Layout pass: re-joins what hard wrapping and page breaks split (line-end hyphens decided by the document's own words). */

// Prefixes that keep their hyphen in compounds ("non-governmental", "well-established", "sous-comité").
const COMPOUND_PREFIXES = new Set(["non", "self", "cross", "well", "anti", "semi", "quasi", "vice", "ill", "half", "sous", "demi", "mi"]);
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const WORD_JOINER = /[-'’]/;

/** The document's words (lower-cased) and their hyphen- or apostrophe-separated parts, leaving out the halves of words broken at a line end. */
function documentWords(lines: Line[]): { words: Set<string>; parts: Set<string> } {
  const words = new Set<string>();
  const parts = new Set<string>();
  let hyphenatedBefore = false;
  for (const line of lines) {
    if (line.blank) continue;
    const tokens = line.text.toLowerCase().match(WORD) ?? [];
    const endsHyphenated = /\p{L}-$/u.test(line.text);
    for (let k = hyphenatedBefore ? 1 : 0; k < (endsHyphenated ? tokens.length - 1 : tokens.length); k++) {
      words.add(tokens[k]);
      for (const part of tokens[k].split(WORD_JOINER)) parts.add(part);
    }
    hyphenatedBefore = endsHyphenated;
  }
  return { words, parts };
}

/** What follows the last white space of `text`, found from its end. */
function lastTokenOf(text: string): string {
  let k = text.length;
  while (k > 0 && !/\s/.test(text[k - 1])) k--;
  return text.slice(k);
}

/** Joins wrapped lines; `line` is the source line of `after`, for the report. */
export type Joiner = (before: string, after: string, line: number) => string;

/**
 * A line-end hyphen is either a typesetter's break inside a word ("preserva-" + "tion") or the hyphen of a
 * compound ("non-" + "governmental"). The document itself decides first: the word written whole elsewhere,
 * or the compound written with its hyphen elsewhere. Without that, a known compound prefix, or a half that
 * is a word of the document on its own ("time-" + "consuming", "follow-" + "up"), keeps the hyphen; any other
 * break is a typesetter's, and the hyphen goes (reported). Capitals after the hyphen always keep it.
 */
export function makeJoiner(lines: Line[], removed: Removal[]): Joiner {
  // Read only when a line-end hyphen needs deciding: most texts have none, and this walks every word.
  let vocabulary: { words: Set<string>; parts: Set<string> } | null = null;
  const known = () => (vocabulary ??= documentWords(lines));
  return (before, after, line) => {
    const a = before.trimEnd();
    const b = after.trim();
    // `a` is the paragraph so far: only its last token is looked at, so that joining stays linear in its length.
    const lastToken = lastTokenOf(a);
    if (/^(https?:\/\/|www\.)/i.test(lastToken) && /[/\-_.=?&]$/.test(lastToken) && /^\S/.test(b)) return a + b;
    if (/\p{L}-$/u.test(lastToken) && /^\p{L}/u.test(b)) {
      const head = (/([\p{L}\p{N}]+)-$/u.exec(lastToken)?.[1] ?? "").toLowerCase();
      const tail = (/^[\p{L}\p{N}]+/u.exec(b)?.[0] ?? "").toLowerCase();
      const compound = (/([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)-$/u.exec(lastToken)?.[1] ?? head).toLowerCase();
      let keep: boolean;
      if (!/^\p{Ll}/u.test(b)) keep = true;
      else if (known().words.has(compound.replace(/-/g, "") + tail)) keep = false;
      else if (known().words.has(`${compound}-${tail}`)) keep = true;
      // Typesetters leave at least three letters on the next line: "follow-" + "up" is a compound.
      else keep = tail.length <= 2 || COMPOUND_PREFIXES.has(head) || known().parts.has(tail) || (head.length >= 4 && known().parts.has(head));
      if (keep) return a + b;
      removed.push({
        kind: "line-end-hyphen",
        line,
        text: "-",
        reason: `a word broken at a line end: “${head}-${tail}” read as “${head}${tail}”`,
      });
      return a.slice(0, -1) + b;
    }
    return `${a} ${b}`;
  };
}

export interface Draft {
  lines: Line[];
  text: string;
  pageBreakBefore: boolean;
  blankBefore: boolean;
}

/** Splits one block of body lines into paragraphs: wrapped prose is re-joined, lists stay one line each. */
function paragraphsOfBlock(
  block: Line[],
  wrapWidth: number | null,
  signatureFrom: number,
  joinWrapped: Joiner,
): { lines: Line[]; text: string }[] {
  const out: { lines: Line[]; text: string }[] = [];
  const insideEmphasis = block.length > 1 ? breaksInsideEmphasis(block.map((l) => l.text)) : [];
  let current = { lines: [block[0]], text: block[0].text.trim() };
  for (let k = 1; k < block.length; k++) {
    const prev = block[k - 1];
    const line = block[k];
    const inSignatures = line.no > signatureFrom;
    const prevText = prev.text.trim();
    let join: boolean;
    if (LIST_MARKER.test(line.text) || FOOTNOTE_START.test(line.text) && /^\s?\*/.test(line.text)) join = false;
    else if (insideEmphasis[k - 1]) join = true;
    else if (/\p{L}-$/u.test(prevText) && /^\s*\p{L}/u.test(line.text)) join = true;
    else if (/(https?:\/\/|www\.)\S*[/\-_.=?&]$/i.test(prevText)) join = true;
    else if (startsLower(line.text)) join = true;
    else if (inSignatures) join = false;
    else if (line.indented && TERMINAL.test(prevText)) join = false;
    else join = wrapWidth !== null && prev.text.length >= 0.8 * wrapWidth;
    if (join) {
      current.lines.push(line);
      current.text = joinWrapped(current.text, line.text, line.no);
    } else {
      out.push(current);
      current = { lines: [line], text: line.text.trim() };
    }
  }
  out.push(current);
  return out;
}

/** The width at which a hard-wrapped document was wrapped, or null when its lines are not wrapped. */
export function estimateWrapWidth(lines: Line[], roles: (Role | null)[]): number | null {
  const lengths: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (roles[i]?.kind === "body" && roles[i + 1]?.kind === "body" && !lines[i + 1].blank) {
      lengths.push(lines[i].text.length);
    }
  }
  if (lengths.length < 4) return null;
  lengths.sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)];
  // Hard wrapping puts most lines near one margin; a list of long one-line items does not.
  if (width < 40 || width > 160) return null;
  const nearMargin = lengths.filter((l) => l >= 0.7 * width).length;
  return nearMargin >= 0.5 * lengths.length ? width : null;
}

/** Body blocks: runs of body lines with nothing but body between them, each cut into paragraphs. */
export function bodyDrafts(
  lines: Line[],
  roles: (Role | null)[],
  zoneEnds: Set<number>,
  pageBreaks: Set<number>,
  wrapWidth: number | null,
  signatureFrom: number,
  joinWrapped: Joiner,
): Draft[] {
  const drafts: Draft[] = [];
  let block: Line[] = [];
  let pendingBreak = false;
  let pendingBlank = false;
  let blankRun = 0;
  const flush = () => {
    if (block.length === 0) return;
    for (const p of paragraphsOfBlock(block, wrapWidth, signatureFrom, joinWrapped)) {
      drafts.push({ ...p, pageBreakBefore: pendingBreak, blankBefore: pendingBlank });
      pendingBreak = false;
      pendingBlank = false;
    }
    block = [];
  };
  lines.forEach((line, i) => {
    const role = roles[i];
    if (role?.kind === "body") {
      if (zoneEnds.has(i) || pageBreaks.has(line.no)) {
        flush();
        pendingBreak = true;
      } else if (line.indented && block.length > 0 && roles[i - 1]?.kind !== "body") {
        flush();
      }
      if (blankRun >= 3) pendingBreak = true;
      blankRun = 0;
      block.push(line);
      return;
    }
    flush();
    if (line.blank) {
      blankRun++;
      pendingBlank = true;
    } else {
      pendingBreak = true; // furniture or a note zone: a page ends here
      pendingBlank = true;
    }
  });
  flush();
  return drafts;
}

/** Re-joins paragraphs that a page break or a stray blank line cut in the middle of a sentence. */
export function joinAcrossBreaks(
  drafts: Draft[],
  wrapWidth: number | null,
  signatureFrom: number,
  joinWrapped: Joiner,
  repairs: Repair[],
): Draft[] {
  const joined: Draft[] = [];
  for (const draft of drafts) {
    const previous = joined[joined.length - 1];
    if (previous && shouldJoinAcross(previous, draft, wrapWidth, signatureFrom)) {
      repairs.push({
        kind: "page-break-join",
        line: draft.lines[0].no,
        before: previous.text.replace(CALL_PATTERN, "").slice(-40),
        after: draft.text.slice(0, 40),
      });
      previous.text = joinWrapped(previous.text, draft.text, draft.lines[0].no);
      previous.lines.push(...draft.lines);
      continue;
    }
    joined.push({ ...draft, lines: [...draft.lines] });
  }
  return joined;
}

function shouldJoinAcross(previous: Draft, next: Draft, wrapWidth: number | null, signatureFrom: number): boolean {
  if (!startsLower(next.text) || LIST_MARKER.test(next.text)) return false;
  if (next.lines[0].no > signatureFrom) return false;
  const before = previous.text.replace(CALL_PATTERN, "").trimEnd();
  if (/^#{1,6}\s/.test(previous.text)) return false;
  if (/[\p{L}\p{N}]$/u.test(before)) return true;
  const lastLine = previous.lines[previous.lines.length - 1].text;
  return (
    next.pageBreakBefore && /[,;–-]$/.test(before) && wrapWidth !== null && lastLine.length >= 0.8 * wrapWidth
  );
}
