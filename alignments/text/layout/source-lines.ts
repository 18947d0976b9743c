import type { Removal } from "../types";

/** Layout pass: the source cut into lines, invisible characters taken out (reported). */

/** A line of the source as the layout passes read it. */
export interface Line {
  no: number; // 1-based source line
  text: string; // without trailing white space
  indented: boolean;
  blank: boolean;
}

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
 * The blocks of content: runs of lines between blank lines, as [first, end) indices, skipping lines already
 * marked furniture where a block would start. Read lazily, so a pass may mark furniture as it goes.
 */
export function* contentBlocks(lines: Line[], furniture: ReadonlySet<number>): Generator<[number, number]> {
  for (let i = 0; i < lines.length; ) {
    if (lines[i].blank || furniture.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !lines[j].blank) j++;
    yield [i, j];
    i = j;
  }
}
