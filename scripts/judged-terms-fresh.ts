/**
 * The second judge's fresh sample (tests/fixtures/terminology/findings-fresh.json, drawn by
 * scripts/sample-terms-fresh.ts): findings and unflagged links of links the first sample does not hold,
 * judged by a second person who had not read the rules. `npm run bench:terms` prints from it the findings'
 * precision out of sample and the share of unflagged links that hold a real problem.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkUnits } from "../alignments/terms/checks";
import type { Term } from "../alignments/terms/match";
import { counts, FIXTURES, judgementKey, share, tally, textOf } from "./judged-terms";

export const FRESH_FIXTURE = join(FIXTURES, "findings-fresh.json");

/** What a judge found in a link the checks left alone. */
export const PROBLEMS = ["none", "misaligned", "numbers", "term", "other"] as const;
export type Problem = (typeof PROBLEMS)[number];

type Lines = [number, number] | [];

export interface FreshFinding {
  pair: string;
  /** The link's position in the pair (0-based), as the app numbers it. */
  link: number;
  enLines: Lines;
  frLines: Lines;
  kind: string;
  message: string;
  real: boolean | null;
  /** Judged not real because the text is right and the glossary lacks the form it uses: a glossary to complete, not a text. */
  glossaryGap?: true;
  why: string;
}

export interface FreshUnflagged {
  pair: string;
  link: number;
  enLines: Lines;
  frLines: Lines;
  problem: Problem | null;
  why: string;
}

export interface FreshSample {
  seed: number;
  findings: FreshFinding[];
  unflagged: FreshUnflagged[];
}

export const readFreshSample = (): FreshSample => JSON.parse(readFileSync(FRESH_FIXTURE, "utf8")) as FreshSample;

/** A link's two texts, read back from the corpus files its lines name. */
export const linkTexts = (item: { pair: string; enLines: Lines; frLines: Lines }) => ({
  en: textOf(item.pair, "en", item.enLines),
  fr: textOf(item.pair, "fr", item.frLines),
});

/**
 * Prints the second judge's figures: the precision of today's findings on the fresh sample's links (each matched to
 * its judgement by pair, link, kind and message; one nobody judged is counted apart, never guessed) and the share
 * of the unflagged links that hold a real problem.
 */
export function printFreshPrecision(terms: readonly Term[]): void {
  const sample = readFreshSample();
  const judged = new Map(sample.findings.map((f) => [judgementKey(f), f]));
  const links = new Map<string, FreshFinding>();
  for (const f of sample.findings) links.set(`${f.pair}#${f.link}`, f);
  const found = [...links.values()].flatMap((l) =>
    checkUnits([{ link: l.link, ...linkTexts(l) }], terms).map((f) => ({ key: judgementKey({ pair: l.pair, link: l.link, kind: f.kind, message: f.message }), kind: f.kind, level: f.level })),
  );
  const t = tally(found, judged);
  const foundKeys = new Set(found.map((f) => f.key));
  const gone = sample.findings.filter((f) => !foundKeys.has(judgementKey(f))).length;
  const pairs = [...new Set(sample.findings.map((f) => f.pair))];
  console.log(`
Second judge, fresh sample (out of sample): ${links.size} links of ${pairs.join(", ")} drawn with seed ${sample.seed}, none of the first sample's, judged by a second person before reading the rules`);
  console.log(`  findings: precision ${share(t.real, t.real + t.notReal)} (${t.real} real of ${t.real + t.notReal} findings)${t.unjudged.length > 0 ? `; ${t.unjudged.length} not judged yet` : ""}; real/all by kind: ${counts(t.byKind)}`);
  console.log(`  by level (real/all): ${counts(t.byLevel)}`);
  const gaps = found.filter((f) => judged.get(f.key)?.glossaryGap === true).length;
  if (gaps > 0) console.log(`  of the ${t.notReal} not real, ${gaps} are glossary gaps (the text right, the glossary lacking its form); counted as real, precision would be ${share(t.real + gaps, t.real + t.notReal)}`);
  if (gone > 0) console.log(`  ${gone} of the ${sample.findings.length} findings drawn are no longer found on their links`);
  for (const key of t.unjudged) console.log(`    not judged: ${key}`);
  const quiet = sample.unflagged.map((u) => ({ ...u, flagged: checkUnits([{ link: u.link, ...linkTexts(u) }], terms).length > 0 }));
  const stillQuiet = quiet.filter((u) => !u.flagged);
  const judgedQuiet = stillQuiet.filter((u) => u.problem !== null);
  const missed = judgedQuiet.filter((u) => u.problem !== "none");
  const byProblem = new Map<string, { real: number; all: number }>();
  for (const u of missed) byProblem.set(u.problem!, { real: 0, all: (byProblem.get(u.problem!)?.all ?? 0) + 1 });
  const byPair = [...new Set(sample.unflagged.map((u) => u.pair))].map((pair) => `${pair} ${judgedQuiet.filter((u) => u.pair === pair).length}`).join(", ");
  console.log(
    `  unflagged links (${byPair}): ${missed.length} of ${judgedQuiet.length} hold a real problem the checks miss (${share(missed.length, judgedQuiet.length)})${missed.length > 0 ? `: ${[...byProblem].map(([p, e]) => `${p} ${e.all}`).join(", ")}` : ""}` +
      `${stillQuiet.length > judgedQuiet.length ? `; ${stillQuiet.length - judgedQuiet.length} not judged yet` : ""}${quiet.length > stillQuiet.length ? `; ${quiet.length - stillQuiet.length} now flagged by today's rules, left out` : ""}`,
  );
}
