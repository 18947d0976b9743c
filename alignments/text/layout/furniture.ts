import type { Removal } from "../types";
import { contentBlocks, type Line } from "./source-lines";

/** Layout pass: page furniture (page stamps, running heads and feet, lone page numbers, appended link lists), reported and left out. */

const PAGE_STAMP = [
  /^\s*\d{1,4}\s*\/\s*\d{1,4}\s+[A-Z]{1,3}\.?\s?\d{2}-\d{4,6}\s*$/, // 2/5 V.20-04090
  /^\s*[A-Z]{1,3}\.?\s?\d{2}-\d{4,6}\s+\d{1,4}\s*\/\s*\d{1,4}\s*$/, // V.20-04090 3/5
  /^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$/, // - 2 -
  /^\s*(page|p\.)\s*\d{1,4}(\s*(of|sur|de|\/)\s*\d{1,4})?\s*$/i, // Page 2 of 5
];
const LONE_NUMBER = /^\s*\d{1,4}\s*$/;
const URL_ONLY = /^\s*(https?:\/\/|www\.)\S+\s*$/i;

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
export function findFurniture(lines: Line[], removed: Removal[], pageBreaks: Set<number>): Set<number> {
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
  for (const [i, j] of contentBlocks(lines, furniture)) {
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
  }
  return furniture;
}
