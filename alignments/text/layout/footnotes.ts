import type { Removal, Repair } from "../types";
import { emphasisRuns } from "./emphasis";
import { CALL_CLOSE, CALL_OPEN, FOOTNOTE_START, isUnfinished, startsLower, startsUpper } from "./patterns";
import { contentBlocks, type Line } from "./source-lines";

/** Layout pass: footnote calls and the notes they call, and which lines are running text and which belong to a note. */

export interface Call {
  line: number; // index into lines
  column: number;
  label: string;
  length: number;
}

/** Footnote calls in the text and the lines that start footnotes, accepted only in matching order. */
export function findFootnotes(lines: Line[], furniture: Set<number>): { calls: Call[]; starts: Map<number, string> } {
  const candidates: Call[] = [];
  const startCandidates: { line: number; label: string }[] = [];
  for (const [i, j] of contentBlocks(lines, furniture)) {
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

/** Note calls become markers that survive joining (patterns.ts: CALL_OPEN, CALL_CLOSE); the call digits leave the running text. */
export function markNoteCalls(lines: Line[], calls: Call[], removed: Removal[]): void {
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
}

export type Role = { kind: "body" } | { kind: "note"; note: number; paragraph: number };

export interface NoteDraft {
  label: string;
  paragraphs: number[][]; // line indices
}

/** Decides, line by line, what is running text and what belongs to a footnote. */
export function assignRoles(
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
