/** The gold-aligned pairs of ../shared/corpora (or TANDEM_CORPORA), read for the benchmarks. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseLinks, type LinkSides } from "../alignments/align/links";

export interface GoldPair {
  corpus: string;
  name: string;
  en: string[];
  fr: string[];
  gold: LinkSides[];
}

/** A gold pair in any two languages: `first` is the file named first in the gold's name (`NAME.en-zh.gold`: English). */
export interface AnyGoldPair {
  corpus: string;
  name: string;
  languages: readonly [string, string];
  first: string[];
  second: string[];
  gold: LinkSides[];
  /**
   * The gold file lists the second language's lines first (its indices fit the files only that way round): its links
   * were turned round to read first-language lines first. Other aligners' outputs kept beside it are in the same order.
   */
  turned: boolean;
}

/** Whether every link's sides are lines of files of n and m lines, and together they name every line of both. */
function fits(links: readonly LinkSides[], n: number, m: number): boolean {
  const first = new Set<number>();
  const second = new Set<number>();
  for (const link of links) {
    for (const i of link.en) if (i >= n) return false;
    for (const j of link.fr) if (j >= m) return false;
    link.en.forEach((i) => first.add(i));
    link.fr.forEach((j) => second.add(j));
  }
  return first.size === n && second.size === m;
}

/** Links with their two sides exchanged. */
export const turnedRound = (links: readonly LinkSides[]): LinkSides[] => links.map((link) => ({ en: link.fr, fr: link.en }));

export function corporaRoot(): string {
  return process.env.TANDEM_CORPORA ?? join(import.meta.dirname, "../../shared/corpora");
}

/** One segment per line, as the corpora store them (a final newline ends the last line). */
export function readLines(path: string): string[] {
  const text = readFileSync(path, "utf8");
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Every gold pair of the corpora, whatever its languages (`NAME.xx`, `NAME.yy`, `NAME.xx-yy[.kind].gold`). */
export function allGoldPairs(root = corporaRoot()): AnyGoldPair[] {
  if (!existsSync(root)) return [];
  const pairs: AnyGoldPair[] = [];
  for (const corpus of readdirSync(root).sort()) {
    const dir = join(root, corpus);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      const match = /^(.*)\.([a-z]{2,3})-([a-z]{2,3})(?:\.[a-z]+)?\.gold$/.exec(file);
      if (!match) continue;
      const [, name, a, b] = match;
      const first = readLines(join(dir, `${name}.${a}`));
      const second = readLines(join(dir, `${name}.${b}`));
      const gold = parseLinks(readFileSync(join(dir, file), "utf8"));
      const turned = !fits(gold, first.length, second.length) && fits(gold, second.length, first.length);
      pairs.push({ corpus, name, languages: [a, b], first, second, gold: turned ? turnedRound(gold) : gold, turned });
    }
  }
  return pairs;
}

/** The English–French gold pairs, English first. */
export function goldPairs(root = corporaRoot()): GoldPair[] {
  return allGoldPairs(root)
    .filter((pair) => pair.languages[0] === "en" && pair.languages[1] === "fr")
    .map(({ corpus, name, first, second, gold }) => ({ corpus, name, en: first, fr: second, gold }));
}
