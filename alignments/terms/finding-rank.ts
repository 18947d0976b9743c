import type { NumberCheck } from "./number-check";

/**
 * How likely a finding is to be a real problem, as a score from 0 to 1 and a level a reviewer reads, so the
 * likeliest come first. The scores order the kinds by what they usually mean in aligned legal and UN texts
 * (measured on the hand-judged sample of `npm run bench:terms`, decision 25): a link whose texts share nothing is
 * most often a wrong link; a forbidden term is a rule broken; a figure (an amount, a date, a period) on one side
 * only is usually a real omission, a changed figure more so; a cross-reference one side leaves out is often
 * drafting; a term counted a different number of times is mostly a pronoun or a repetition.
 */
export type FindingLevel = "likely" | "possible" | "doubtful";

export const LEVEL_LABELS: Record<FindingLevel, string> = { likely: "likely real", possible: "worth a look", doubtful: "probably fine" };

const LIKELY = 0.7;
const POSSIBLE = 0.45;

export const levelOf = (score: number): FindingLevel => (score >= LIKELY ? "likely" : score >= POSSIBLE ? "possible" : "doubtful");

export const BASE_SCORES = {
  misaligned: 0.9,
  forbidden: 0.85,
  // A memory's tag lost or added on one side breaks the segment in the CAT tool that made it (decision 23).
  codes: 0.8,
  deprecated: 0.6,
  "missing-en": 0.55,
  "missing-fr": 0.55,
  count: 0.35,
} as const;

/** A numbers finding's score: a figure changed or missing weighs more than a cross-reference left out. */
export function numbersScore(check: NumberCheck): number {
  const figures = (numbers: string[]) => numbers.filter((n) => !check.inReferences.includes(n)).length;
  const frFigures = figures(check.onlyFrench);
  const enFigures = figures(check.onlyEnglish);
  if (frFigures > 0 && enFigures > 0) return 0.8; // one figure for another: 2004 against 2005
  if (check.onlyFrench.length > 0 && check.onlyEnglish.length > 0) return 0.7; // a reference for another: 12(3) against 13, § 3
  if (frFigures + enFigures > 0) return 0.65;
  return 0.4;
}

/** Links whose texts share little (below this share of supported words) may be wrong: their findings weigh more. */
export const WEAK_SUPPORT = 0.25;
export const WEAK_SUPPORT_BONUS = 0.1;

export const rounded = (score: number) => Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
