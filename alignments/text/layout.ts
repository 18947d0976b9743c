import { opensSignatureList, SIGNATURE_OPENING } from "./signatures";
import type { BlockKind, CleanDocument, NoteRef, Paragraph, Removal, Repair } from "./types";

/**
 * Turns text extracted from PDFs, web pages or markdown into clean paragraphs.
 *
 * It removes page furniture (page stamps, lone page numbers, the link lists PDF extractors append),
 * moves footnotes out of the running text into notes kept after the body, re-joins what page breaks and
 * hard wrapping split, and strips markdown markup. Everything it takes out is reported in `removed`,
 * everything it re-joins in `repairs`; the words themselves are never changed.
 */

interface Line {
  no: number; // 1-based source line
  text: string; // without trailing white space
  indented: boolean;
  blank: boolean;
}

// A private-use pair carries footnote calls through joins and markup removal; it never reaches storage.
const CALL_OPEN = "\uE000";
const CALL_CLOSE = "\uE001";
const CALL_PATTERN = /\uE000([^\uE001]*)\uE001/g;

const PAGE_STAMP = [
  /^\s*\d{1,4}\s*\/\s*\d{1,4}\s+[A-Z]{1,3}\.?\s?\d{2}-\d{4,6}\s*$/, // 2/5 V.20-04090
  /^\s*[A-Z]{1,3}\.?\s?\d{2}-\d{4,6}\s+\d{1,4}\s*\/\s*\d{1,4}\s*$/, // V.20-04090 3/5
  /^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$/, // - 2 -
  /^\s*(page|p\.)\s*\d{1,4}(\s*(of|sur|de|\/)\s*\d{1,4})?\s*$/i, // Page 2 of 5
];
const LONE_NUMBER = /^\s*\d{1,4}\s*$/;
const URL_ONLY = /^\s*(https?:\/\/|www\.)\S+\s*$/i;
const FOOTNOTE_START = /^\s?(\d{1,3}|\*{1,3}|[†‡])\s+(?=\S)/;
const LIST_MARKER = /^\s*([-*•–]\s+|\(?\d{1,3}[.)]\s+|\(?[a-z]\)\s+|#{1,6}\s)/;
const TERMINAL = /[.!?…»”")\]]$/;
const SENTENCE_END = /[.!?…]["»”’)\]]*$/;

/** The source's lines, control and invisible characters taken out (reported), tabs and runs of spaces made one space. */
export function splitLines(raw: string): { lines: Line[]; removed: Removal[]; pageBreaks: Set<number> } {
  const removed: Removal[] = [];
  const pageBreaks = new Set<number>();
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines: Line[] = [];
  text.split("\n").forEach((source, index) => {
    const no = index + 1;
    if (source.includes("\f")) pageBreaks.add(no);
    let clean = source.replace(/\f/g, "");
    const controls = clean.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F\u00AD\u200B-\u200D\u2060\uFEFF\uE000\uE001]/g);
    if (controls) {
      clean = clean.replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F\u00AD\u200B-\u200D\u2060\uFEFF\uE000\uE001]/g, "");
      removed.push({
        kind: "control-character",
        line: no,
        text: controls.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`).join(" "),
        reason: "invisible control or formatting character",
      });
    }
    clean = clean.replace(/\t/g, " ").replace(/[ ]{2,}/g, " ").trimEnd();
    lines.push({ no, text: clean, indented: /^\s/.test(clean), blank: clean.trim() === "" });
  });
  return { lines, removed, pageBreaks };
}

/**
 * Running heads and feet: a line at the top or foot of a page (a form feed opens each page of an extracted
 * PDF) whose text, figures aside, comes back at a page edge on at least two pages and on four pages in ten,
 * and that is no sentence. The top of the first page keeps its copy: what heads the later pages is often the
 * first page's own title.
 */
function findRunningHeads(lines: Line[], pageBreaks: Set<number>): Map<number, number> {
  const starts = [0, ...lines.flatMap((l, i) => (i > 0 && pageBreaks.has(l.no) ? [i] : []))];
  if (starts.length < 2) return new Map();
  const key = (i: number) => lines[i].text.trim().replace(/\d+/g, "#").replace(/\s+/g, " ").toLowerCase();
  const edges = starts.map((start, page) => {
    const end = page + 1 < starts.length ? starts[page + 1] : lines.length;
    const content: number[] = [];
    for (let i = start; i < end; i++) if (!lines[i].blank) content.push(i);
    return { top: content.slice(0, 2), foot: content.slice(-2) };
  });
  const pagesWith = new Map<string, Set<number>>();
  edges.forEach(({ top, foot }, page) => {
    for (const i of new Set([...top, ...foot])) {
      const k = key(i);
      // A running head is short and is no sentence.
      if (k.length > 120 || !/\p{L}/u.test(k) || /[.!?…:;,]$/.test(k)) continue;
      pagesWith.set(k, (pagesWith.get(k) ?? new Set()).add(page));
    }
  });
  const heads = new Map<number, number>();
  edges.forEach(({ top, foot }, page) => {
    for (const i of page === 0 ? foot.filter((f) => !top.includes(f)) : new Set([...top, ...foot])) {
      const count = pagesWith.get(key(i))?.size ?? 0;
      if (count >= 2 && count >= 0.4 * starts.length) heads.set(i, count);
    }
  });
  return heads;
}

/** Marks page furniture: stamps, running heads, lone page numbers and blocks that hold nothing but URLs. */
function findFurniture(lines: Line[], removed: Removal[], pageBreaks: Set<number>): Set<number> {
  const furniture = new Set<number>();
  const blankAt = (i: number) => i < 0 || i >= lines.length || lines[i].blank;
  const runningHeads = findRunningHeads(lines, pageBreaks);
  lines.forEach((line, i) => {
    if (line.blank) return;
    if (runningHeads.has(i) && !PAGE_STAMP.some((p) => p.test(line.text))) {
      furniture.add(i);
      removed.push({
        kind: "page-stamp",
        line: line.no,
        text: line.text.trim(),
        reason: `running head or foot, repeated on ${runningHeads.get(i)} pages`,
      });
    } else if (PAGE_STAMP.some((p) => p.test(line.text))) {
      furniture.add(i);
      removed.push({ kind: "page-stamp", line: line.no, text: line.text.trim(), reason: "page header or footer" });
    } else if (LONE_NUMBER.test(line.text) && blankAt(i - 1) && blankAt(i + 1)) {
      furniture.add(i);
      removed.push({ kind: "page-number", line: line.no, text: line.text.trim(), reason: "page number" });
    }
  });
  for (let i = 0; i < lines.length; ) {
    if (lines[i].blank || furniture.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !lines[j].blank) j++;
    const block = lines.slice(i, j);
    let p = i - 1;
    while (p >= 0 && lines[p].blank) p--;
    const previous = p >= 0 ? lines[p] : undefined;
    if (block.every((l) => URL_ONLY.test(l.text)) && !(previous && /\S+:\/\/\S*$|-$/.test(previous.text))) {
      for (let k = i; k < j; k++) {
        furniture.add(k);
        removed.push({
          kind: "link-list",
          line: lines[k].no,
          text: lines[k].text.trim(),
          reason: "link target listed apart from the text (PDF extraction)",
        });
      }
    }
    i = j;
  }
  return furniture;
}

interface EmphasisRun {
  at: number;
  length: number;
  paired: boolean;
  closing: boolean;
}

/** Pairs markdown emphasis runs (*, **, ***); unpaired closing-looking asterisks may be note calls. */
function emphasisRuns(text: string): EmphasisRun[] {
  const runs: EmphasisRun[] = [];
  const pattern = /\*{1,3}/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    const before = m.index > 0 ? text[m.index - 1] : " ";
    const after = m.index + m[0].length < text.length ? text[m.index + m[0].length] : " ";
    runs.push({ at: m.index, length: m[0].length, paired: false, closing: !/\s/.test(before) });
    const run = runs[runs.length - 1];
    const canOpen = !/\s/.test(after) && (/[\s([{«"'“\-–—/]/.test(before) || m.index === 0);
    if (run.closing) {
      for (let k = runs.length - 2; k >= 0; k--) {
        const opener = runs[k];
        if (!opener.paired && !opener.closing && opener.length === run.length) {
          opener.paired = true;
          run.paired = true;
          break;
        }
      }
      if (!run.paired && canOpen) run.closing = false;
    } else if (!canOpen) {
      run.closing = false;
    }
  }
  return runs;
}

interface Call {
  line: number; // index into lines
  column: number;
  label: string;
  length: number;
}

/** Footnote calls in the text and the lines that start footnotes, accepted only in matching order. */
function findFootnotes(lines: Line[], furniture: Set<number>): { calls: Call[]; starts: Map<number, string> } {
  const candidates: Call[] = [];
  const startCandidates: { line: number; label: string }[] = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i].blank || furniture.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !lines[j].blank) j++;
    // Asterisks are paired over the whole block: emphasis may span wrapped lines.
    const offsets: number[] = [];
    let joined = "";
    for (let k = i; k < j; k++) {
      offsets.push(joined.length);
      joined += lines[k].text + "\n";
    }
    const lineOf = (at: number) => {
      let k = offsets.length - 1;
      while (k > 0 && offsets[k] > at) k--;
      return k;
    };
    for (const run of emphasisRuns(joined)) {
      const after = joined[run.at + run.length] ?? "\n";
      if (!run.paired && run.closing && /\s/.test(after)) {
        const k = lineOf(run.at);
        candidates.push({ line: i + k, column: run.at - offsets[k], label: "*".repeat(run.length), length: run.length });
      }
    }
    for (let k = i; k < j; k++) {
      const text = lines[k].text;
      const start = FOOTNOTE_START.exec(text);
      if (start) startCandidates.push({ line: k, label: start[1] });
      const numeric = /(\d{1,3})(?=\s|$)/g;
      let m: RegExpExecArray | null;
      while ((m = numeric.exec(text)) !== null) {
        if (m.index === 0) continue;
        const before = text[m.index - 1];
        const twoBefore = m.index > 1 ? text[m.index - 2] : " ";
        if (/[\d/\-]/.test(before)) continue;
        const callable =
          /[\p{Ll}»"”’\])]/u.test(before) || (/[.,;:!?]/.test(before) && /[\p{Ll}»"”’)\]\s]/u.test(twoBefore));
        if (!callable) continue;
        if (m.index === (start ? start[0].length - start[0].trimStart().length : -1)) continue;
        candidates.push({ line: k, column: m.index, label: m[1], length: m[1].length });
      }
    }
    i = j;
  }
  const calls: Call[] = [];
  const starts = new Map<number, string>();
  const before = (a: Call, line: number) => a.line < line;
  // Numbered notes: 1, 2, 3 ... each call must come before its note, in order.
  let lastCall: Call | null = null;
  let lastStart = -1;
  for (let label = 1; ; label++) {
    const call = candidates.find(
      (c) =>
        c.label === String(label) &&
        (!lastCall || c.line > lastCall.line || (c.line === lastCall.line && c.column > lastCall.column)),
    );
    if (!call) break;
    const start = startCandidates.find((s) => s.label === String(label) && s.line > lastStart && before(call, s.line));
    if (!start) break;
    calls.push(call);
    starts.set(start.line, start.label);
    lastCall = call;
    lastStart = start.line;
  }
  // Symbol notes: *, **, †, each on its own.
  for (const symbol of ["*", "**", "***", "†", "‡"]) {
    const call = candidates.find((c) => c.label === symbol);
    if (!call) continue;
    const start = startCandidates.find((s) => s.label === symbol && s.line > call.line && !starts.has(s.line));
    if (!start) continue;
    calls.push(call);
    starts.set(start.line, start.label);
  }
  return { calls, starts };
}

type Role = { kind: "body" } | { kind: "note"; note: number; paragraph: number };

interface NoteDraft {
  label: string;
  paragraphs: number[][]; // line indices
}

// "eQuality", "iPhone": a lower-case first letter alone does not make a continuation.
const startsLower = (text: string) => /^\s*\p{Ll}[\p{Ll}'’\-]*(?=[\s,.;:!?)]|$)/u.test(text);
const startsUpper = (text: string) => /^\s*\p{Lu}/u.test(text);

function isUnfinished(text: string): boolean {
  return !SENTENCE_END.test(text.trim().replace(CALL_PATTERN, ""));
}

/** Decides, line by line, what is running text and what belongs to a footnote. */
function assignRoles(
  lines: Line[],
  furniture: Set<number>,
  starts: Map<number, string>,
  repairs: Repair[],
): { roles: (Role | null)[]; notes: NoteDraft[]; zoneEnds: Set<number> } {
  const roles: (Role | null)[] = lines.map(() => null);
  const notes: NoteDraft[] = [];
  const zoneEnds = new Set<number>(); // body lines that follow a note zone: a page break lies before them
  const content = (i: number) => !lines[i].blank && !furniture.has(i);
  const blockEnds: number[] = new Array(lines.length);
  for (let i = lines.length - 1; i >= 0; i--) {
    blockEnds[i] = lines[i].blank ? i : i + 1 < lines.length && !lines[i + 1].blank ? blockEnds[i + 1] : i + 1;
  }
  const blockEnd = (i: number) => blockEnds[i];
  const nextContent = (i: number) => {
    let j = i;
    while (j < lines.length && !content(j)) j++;
    return j < lines.length ? j : -1;
  };
  let current: NoteDraft | null = null;
  let lastBody = -1;
  let lastContent = -1;
  for (let i = 0; i < lines.length; lastContent = content(i) ? i : lastContent, i++) {
    if (!content(i)) continue;
    const line = lines[i];
    const sameBlock = i > 0 && !lines[i - 1].blank && !furniture.has(i - 1);
    if (starts.has(i)) {
      current = { label: starts.get(i)!, paragraphs: [[i]] };
      notes.push(current);
      roles[i] = { kind: "note", note: notes.length - 1, paragraph: 0 };
      continue;
    }
    if (current && roles[i - 1]?.kind === "note" && sameBlock && !line.indented) {
      current.paragraphs[current.paragraphs.length - 1].push(i);
      roles[i] = { kind: "note", note: notes.length - 1, paragraph: current.paragraphs.length - 1 };
      continue;
    }
    const end = blockEnd(i);
    const blockStart = !sameBlock;
    const previousWasNote = lastContent >= 0 && roles[lastContent]?.kind === "note";
    if (current && blockStart && previousWasNote && lastBody >= 0 && isUnfinished(lines[lastBody].text)) {
      // After a note, a paragraph in capitals that is followed by the lower-case rest of the interrupted
      // body is the note's second paragraph, not running text.
      const after = nextContent(end);
      if (startsUpper(line.text) && after >= 0 && startsLower(lines[after].text) && !starts.has(after)) {
        current.paragraphs.push([]);
        for (let k = i; k < end; k++) {
          current.paragraphs[current.paragraphs.length - 1].push(k);
          roles[k] = { kind: "note", note: notes.length - 1, paragraph: current.paragraphs.length - 1 };
        }
        repairs.push({ kind: "note-continued", line: line.no, before: `note ${current.label}`, after: line.text.slice(0, 40) });
        i = end - 1;
        continue;
      }
    }
    if (current && blockStart && startsLower(line.text) && isUnfinished(lineTextOfNote(lines, current))) {
      // The rest of a note carried over from the previous page sits just above the next note.
      let next = -1;
      for (let k = i + 1; k < end; k++) if (starts.has(k)) next = k;
      if (next > 0) {
        const paragraph = current.paragraphs[current.paragraphs.length - 1];
        for (let k = i; k < next; k++) {
          paragraph.push(k);
          roles[k] = { kind: "note", note: notes.length - 1, paragraph: current.paragraphs.length - 1 };
        }
        repairs.push({
          kind: "note-continued",
          line: line.no,
          before: `note ${current.label}`,
          after: line.text.slice(0, 40),
        });
        i = next - 1;
        continue;
      }
    }
    roles[i] = { kind: "body" };
    if (previousWasNote) zoneEnds.add(i);
    lastBody = i;
  }
  return { roles, notes, zoneEnds };
}

function lineTextOfNote(lines: Line[], note: NoteDraft): string {
  const paragraph = note.paragraphs[note.paragraphs.length - 1];
  return lines[paragraph[paragraph.length - 1]].text;
}

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
type Joiner = (before: string, after: string, line: number) => string;

/**
 * A line-end hyphen is either a typesetter's break inside a word ("preserva-" + "tion") or the hyphen of a
 * compound ("non-" + "governmental"). The document itself decides first: the word written whole elsewhere,
 * or the compound written with its hyphen elsewhere. Without that, a known compound prefix, or a half that
 * is a word of the document on its own ("time-" + "consuming", "follow-" + "up"), keeps the hyphen; any other
 * break is a typesetter's, and the hyphen goes (reported). Capitals after the hyphen always keep it.
 */
function makeJoiner(lines: Line[], removed: Removal[]): Joiner {
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

/** For each line break of a block, whether a paired emphasis span is open across it. */
function breaksInsideEmphasis(lines: string[]): boolean[] {
  const joined = lines.join("\n");
  const runs = emphasisRuns(joined).filter((r) => r.paired);
  const inside: boolean[] = [];
  let offset = 0;
  let depth = 0;
  let next = 0;
  for (let k = 0; k < lines.length - 1; k++) {
    offset += lines[k].length; // the break after line k sits at this offset
    while (next < runs.length && runs[next].at < offset) depth += runs[next++].closing ? -1 : 1;
    inside.push(depth > 0);
    offset += 1;
  }
  return inside;
}

interface Draft {
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
function estimateWrapWidth(lines: Line[], roles: (Role | null)[]): number | null {
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

interface Marked {
  text: string;
  removed: Removal[];
}

/** Strips markdown markup from a paragraph, reporting each kind of mark it took out. */
function stripMarkup(text: string, line: number): Marked & { kind: BlockKind | null } {
  const removed: Removal[] = [];
  let kind: BlockKind | null = null;
  let t = text;
  const heading = /^(#{1,6})\s+/.exec(t);
  if (heading) {
    kind = "heading";
    t = t.slice(heading[0].length);
    removed.push({ kind: "markup", line, text: heading[1], reason: "markdown heading mark" });
  } else {
    const intertitle = /^[-–]\s+(.*\S)\s+[-–]$/.exec(t);
    if (intertitle) {
      kind = "heading";
      removed.push({ kind: "markup", line, text: "- … -", reason: "dashes framing an intertitle" });
      t = intertitle[1];
    } else {
      const bullet = /^([-*•–])\s+/.exec(t);
      if (bullet) {
        kind = "item";
        t = t.slice(bullet[0].length);
        removed.push({ kind: "markup", line, text: bullet[1], reason: "list bullet" });
      }
    }
  }
  t = t.replace(/\[([^\]\n]+)\]\(([^)\s]*)\)/g, (_all, label: string, target: string) => {
    removed.push({ kind: "markup", line, text: `(${target})`, reason: `link target of "${label.slice(0, 40)}"` });
    return label;
  });
  t = t.replace(/(\d)\^\{?(\p{L}{1,4})\}?/gu, (all, digit: string, letters: string) => {
    removed.push({ kind: "markup", line, text: all.slice(1), reason: "superscript mark" });
    return digit + letters;
  });
  const runs = emphasisRuns(t).filter((r) => r.paired);
  if (runs.length > 0) {
    let out = "";
    let from = 0;
    for (const run of runs) {
      out += t.slice(from, run.at);
      from = run.at + run.length;
    }
    out += t.slice(from);
    removed.push({
      kind: "markup",
      line,
      text: runs.map((r) => "*".repeat(r.length)).join(" "),
      reason: "emphasis marks",
    });
    t = out;
  }
  return { text: t.replace(/[ ]{2,}/g, " ").trim(), removed, kind };
}

function isHeadingLike(text: string, first: boolean): boolean {
  const plain = text.replace(CALL_PATTERN, "").trim();
  const words = plain.split(/\s+/).length;
  if (first && plain.length <= 250 && !/[.!?;,:…]$/.test(plain) && /^[\p{Lu}\p{N}\p{Lo}]/u.test(plain)) return true;
  if (plain.length > 150 || words > 20) return false;
  if (/:$/.test(plain)) return words <= 8;
  if (/[.!?;,…]$/.test(plain)) return false;
  return /^[\p{Lu}\p{N}\p{Lo}«"“]/u.test(plain);
}

/** Cleans a whole document: paragraphs in reading order, then notes; what was removed and re-joined. */
export function cleanLayout(raw: string): CleanDocument {
  const { lines, removed, pageBreaks } = splitLines(raw);
  const repairs: Repair[] = [];
  const furniture = findFurniture(lines, removed, pageBreaks);
  const { calls, starts } = findFootnotes(lines, furniture);

  // Note calls become markers that survive joining; the call digits leave the running text.
  const callsByLine = new Map<number, Call[]>();
  for (const call of calls) callsByLine.set(call.line, [...(callsByLine.get(call.line) ?? []), call]);
  for (const [index, lineCalls] of callsByLine) {
    let text = lines[index].text;
    for (const call of [...lineCalls].sort((a, b) => b.column - a.column)) {
      text = text.slice(0, call.column) + CALL_OPEN + call.label + CALL_CLOSE + text.slice(call.column + call.length);
      removed.push({
        kind: "note-call",
        line: lines[index].no,
        text: call.label,
        reason: `call of note ${call.label}, kept as a link to the note`,
      });
    }
    lines[index] = { ...lines[index], text };
  }

  const { roles, notes, zoneEnds } = assignRoles(lines, furniture, starts, repairs);
  const joinWrapped = makeJoiner(lines, removed);
  const wrapWidth = estimateWrapWidth(lines, roles);
  const signatureLine = lines.find(
    (l, i) => roles[i]?.kind === "body" && SIGNATURE_OPENING.test(l.text) && opensSignatureList(lines.slice(i + 1, i + 400).map((next) => next.text)),
  );
  const signatureFrom = signatureLine ? signatureLine.no : Number.POSITIVE_INFINITY;

  // Body blocks: runs of body lines with nothing but body between them.
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

  // Re-join paragraphs that a page break or a stray blank line cut in the middle of a sentence.
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

  const paragraphs: Paragraph[] = [];
  joined.forEach((draft, index) => {
    const line = draft.lines[0].no;
    const marked = stripMarkup(draft.text, line);
    removed.push(...marked.removed);
    let kind: BlockKind = marked.kind ?? "body";
    const text = marked.text;
    const inSignatures = draft.lines[0].no > signatureFrom;
    let oneSegment = false;
    if (kind === "body") {
      if (/^\(?(\d{1,3}|[a-z])[.)]\s+\S/.test(text)) kind = "item";
      else if (inSignatures && isHeadingLike(text, false) && /:$/.test(text)) kind = "heading";
      else if (inSignatures && !/^\(/.test(text)) {
        kind = "item";
        oneSegment = true;
      } else if (isHeadingLike(text, index === 0)) kind = "heading";
    } else if (kind === "item" && inSignatures) oneSegment = true;
    const paragraph = withCalls(kind, text, line);
    if (oneSegment) paragraph.oneSegment = true;
    paragraphs.push(paragraph);
  });

  for (const note of notes) {
    note.paragraphs.forEach((lineIndices, k) => {
      if (lineIndices.length === 0) return;
      let text = lines[lineIndices[0]].text.trim();
      for (const index of lineIndices.slice(1)) text = joinWrapped(text, lines[index].text, lines[index].no);
      const marked = stripMarkup(text, lines[lineIndices[0]].no);
      removed.push(...marked.removed.filter((r) => r.reason !== "list bullet"));
      const noteText = marked.kind === "item" ? text.replace(/\s{2,}/g, " ") : marked.text;
      const paragraph = withCalls("note", noteText, lines[lineIndices[0]].no);
      if (k === 0) paragraph.label = note.label;
      paragraphs.push(paragraph);
    });
  }
  removed.sort((a, b) => a.line - b.line);
  repairs.sort((a, b) => a.line - b.line);
  return { paragraphs, removed, repairs };
}

function withCalls(kind: BlockKind, text: string, line: number): Paragraph {
  const noteRefs: NoteRef[] = [];
  let out = "";
  let from = 0;
  for (const m of text.matchAll(CALL_PATTERN)) {
    out += text.slice(from, m.index);
    noteRefs.push({ label: m[1], offset: out.length });
    from = m.index! + m[0].length;
  }
  out += text.slice(from);
  return { kind, text: out, line, noteRefs };
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
