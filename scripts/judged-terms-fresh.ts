/**
 * The second judge's fresh sample (tests/fixtures/terminology/findings-fresh.json, drawn by
 * scripts/sample-terms-fresh.ts): findings and unflagged links of links the first sample does not hold,
 * judged by a second person who had not read the rules. `npm run bench:terms` prints from it the findings'
 * precision out of sample and the share of unflagged links that hold a real problem.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES, textOf } from "./judged-terms";

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

