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

export function goldPairs(root = corporaRoot()): GoldPair[] {
  if (!existsSync(root)) return [];
  const pairs: GoldPair[] = [];
  for (const corpus of readdirSync(root).sort()) {
    const dir = join(root, corpus);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      const match = /^(.*)\.en-fr(?:\.[a-z]+)?\.gold$/.exec(file);
      if (!match) continue;
      const name = match[1];
      pairs.push({
        corpus,
        name,
        en: readLines(join(dir, `${name}.en`)),
        fr: readLines(join(dir, `${name}.fr`)),
        gold: parseLinks(readFileSync(join(dir, file), "utf8")),
      });
    }
  }
  return pairs;
}
