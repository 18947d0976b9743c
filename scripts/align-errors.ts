/**
 * Where the aligner's errors are: for each gold pair of ../shared/corpora, strict recall per gold link shape (how many
 * 2-1 links of the gold Tandem found exactly) and strict precision per shape of Tandem's own links, beside the same
 * figures for the peers' outputs kept with the corpus. A diagnostic: prints figures, asserts nothing.
 *
 *   npx tsx scripts/align-errors.ts [--only bible-zhen] [--peer vecalign] [--no-learn] [--no-dictionary] [--freedict]
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { alignSegments } from "../alignments/align/aligner";
import { parseLinks, type LinkSides } from "../alignments/align/links";
import { dictionaryFor } from "./align-dictionaries";
import { allGoldPairs, corporaRoot, turnedRound } from "./corpora";

const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : null);
const only = valueOf("--only");
const peer = valueOf("--peer");

const shapeOf = (link: LinkSides) => `${link.en.length}-${link.fr.length}`;
const keyOf = (link: LinkSides) => `${link.en.join(",")}:${link.fr.join(",")}`;

/** Per shape: how many links of `links` have it, and how many of those `other` holds exactly. */
function byShape(links: readonly LinkSides[], other: readonly LinkSides[]): Map<string, { count: number; exact: number }> {
  const exact = new Set(other.map(keyOf));
  const out = new Map<string, { count: number; exact: number }>();
  for (const link of links) {
    if (link.en.length === 0 && link.fr.length === 0) continue;
    const row = out.get(shapeOf(link)) ?? { count: 0, exact: 0 };
    row.count++;
    if (exact.has(keyOf(link))) row.exact++;
    out.set(shapeOf(link), row);
  }
  return out;
}

const print = (title: string, rows: Map<string, { count: number; exact: number }>) => {
  const sorted = [...rows].sort((a, b) => b[1].count - a[1].count);
  console.log(`  ${title}: ${sorted.map(([shape, r]) => `${shape} ${r.exact}/${r.count}`).join("  ")}`);
};

for (const pair of allGoldPairs().filter((p) => !only || p.corpus === only)) {
  const lexicon = await dictionaryFor(pair.languages, { none: args.includes("--no-dictionary"), freedict: args.includes("--freedict") });
  const { links } = alignSegments(
    pair.first.map((text) => ({ text })),
    pair.second.map((text) => ({ text })),
    { languages: pair.languages, lexicon, learn: !args.includes("--no-learn") },
  );
  console.log(`${pair.corpus}/${pair.name} (${pair.first.length}×${pair.second.length})`);
  print("gold shapes, found exactly by Tandem", byShape(pair.gold, links));
  print("Tandem's shapes, right", byShape(links, pair.gold));
  const peerFile = peer ? join(corporaRoot(), pair.corpus, "peers", `${pair.name}.${peer}.links`) : null;
  if (peerFile && existsSync(peerFile)) {
    const raw = parseLinks(readFileSync(peerFile, "utf8"));
    const theirs = pair.turned ? turnedRound(raw) : raw;
    print(`gold shapes, found exactly by ${peer}`, byShape(pair.gold, theirs));
    print(`${peer}'s shapes, right`, byShape(theirs, pair.gold));
  }
}
