import type { BlockKind, Removal } from "../types";
import { emphasisRuns } from "./emphasis";

/** Layout pass: markdown marks (headings, bullets, links, superscripts, emphasis) taken out and reported. */

interface Marked {
  text: string;
  removed: Removal[];
}

/** Strips markdown markup from a paragraph, reporting each kind of mark it took out. */
export function stripMarkup(text: string, line: number): Marked & { kind: BlockKind | null } {
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
