/** Markdown emphasis runs: markup to strip, a reason to keep wrapped lines together, and not note calls. */

export interface EmphasisRun {
  at: number;
  length: number;
  paired: boolean;
  closing: boolean;
}

/** Pairs markdown emphasis runs (*, **, ***); unpaired closing-looking asterisks may be note calls. */
export function emphasisRuns(text: string): EmphasisRun[] {
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

/** For each line break of a block, whether a paired emphasis span is open across it. */
export function breaksInsideEmphasis(lines: string[]): boolean[] {
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
