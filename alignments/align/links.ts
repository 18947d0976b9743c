/**
 * Links between two segmented documents: each link holds 0-based segment indices of the English (source)
 * and French (target) documents. A valid alignment puts every segment of both documents in exactly one
 * link, links do not cross, and no link is empty on both sides.
 */

export interface LinkSides {
  en: number[];
  fr: number[];
}

/** "[1,2]:[3]" as vecalign and bertalign write it (0-based, English first). */
export function formatLink(link: LinkSides): string {
  return `[${link.en.join(",")}]:[${link.fr.join(",")}]`;
}

export function parseLink(line: string): LinkSides {
  const match = /^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$/.exec(line);
  if (!match) throw new Error(`not a link: ${JSON.stringify(line)} (expected e.g. [1,2]:[3])`);
  const side = (s: string) => (s.trim() === "" ? [] : s.split(",").map((n) => Number.parseInt(n.trim(), 10)));
  return { en: side(match[1]), fr: side(match[2]) };
}

export function parseLinks(text: string): LinkSides[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map(parseLink);
}

/** "1-1", "2-1", "0-1": English count first, as the issue and most tools name link types (of indices or of texts). */
export function linkType(link: { en: readonly unknown[]; fr: readonly unknown[] }): string {
  return `${link.en.length}-${link.fr.length}`;
}

/** Problems that make `links` not a monotone, complete alignment of n English and m French segments. */
export function alignmentProblems(links: LinkSides[], n: number, m: number): string[] {
  const problems: string[] = [];
  let nextEn = 0;
  let nextFr = 0;
  links.forEach((link, k) => {
    if (link.en.length === 0 && link.fr.length === 0) problems.push(`link ${k} is empty on both sides`);
    for (const i of link.en) {
      if (i !== nextEn) problems.push(`link ${k}: English segment ${i} where ${nextEn} was expected`);
      nextEn = i + 1;
    }
    for (const j of link.fr) {
      if (j !== nextFr) problems.push(`link ${k}: French segment ${j} where ${nextFr} was expected`);
      nextFr = j + 1;
    }
  });
  if (nextEn !== n) problems.push(`English segments ${nextEn}..${n - 1} are in no link`);
  if (nextFr !== m) problems.push(`French segments ${nextFr}..${m - 1} are in no link`);
  return problems;
}
