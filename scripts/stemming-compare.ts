/**
 * Per-language matching measured (decision 0037), for `npm run bench:terms`:
 * - the tricky matches of alignments/terms/stemming/stemming.cases.ts, precision and recall per language; for French
 *   and English with the hand rules (used) and with the port's stemmers (@orama/stemmers: Snowball's French, Porter's
 *   English); for Chinese and Japanese by words (the ICU word breaker, used) and by characters (a term found wherever
 *   its characters stand together);
 * - the checks on their hand-written cases, the Bank Act's term hits and findings, and the findings judged by hand,
 *   with the port's French and English stemmers in place of the hand rules (the hand rules' figures are printed by
 *   bench:terms just before).
 */
import { CASE_GLOSSARY, CHECK_CASES } from "../alignments/terms/checks.cases";
import { checkUnits, hitsOf } from "../alignments/terms/checks";
import type { Unit } from "../alignments/terms/units";
import { compileTerms, findTerms, type Term } from "../alignments/terms/match";
import { withStemmers } from "../alignments/terms/stemming";
import { porterEnglishStemmer } from "../alignments/terms/stemming/en";
import { snowballFrenchStemmer } from "../alignments/terms/stemming/fr";
import { MATCH_CASES, type MatchCase } from "../alignments/terms/stemming/stemming.cases";
import { isUnspaced } from "../alignments/text/words";
import { foldForSearch } from "../alignments/text/fold";
import { printFindingsPrecision } from "./judged-terms";
import { printFreshPrecision } from "./judged-terms-fresh";

const PORT = { fr: snowballFrenchStemmer, en: porterEnglishStemmer };

interface Score {
  right: number;
  falseFound: number;
  missed: number;
}

const rate = (part: number, whole: number) => (whole === 0 ? "–" : (part / whole).toFixed(3));
const show = ({ right, falseFound, missed }: Score) =>
  `precision ${rate(right, right + falseFound)}  recall ${rate(right, right + missed)}  (${right} right, ${falseFound} false, ${missed} missed)`;

/** Precision and recall of the checks on their hand-written cases (true findings and traps), with the names of the wrong ones. */
export function checkCasesScore(): Score & { wrong: string[] } {
  const score = { right: 0, falseFound: 0, missed: 0, wrong: [] as string[] };
  for (const c of CHECK_CASES) {
    const found = checkUnits([{ link: 0, en: c.en, fr: c.fr }], CASE_GLOSSARY).map((f) => f.kind);
    const expected = [...c.findings];
    for (const kind of found) {
      const at = expected.indexOf(kind);
      if (at >= 0) (score.right++, expected.splice(at, 1));
      else (score.falseFound++, score.wrong.push(`  false finding (${kind}): ${c.name}`));
    }
    score.missed += expected.length;
    for (const kind of expected) score.wrong.push(`  missed (${kind}): ${c.name}`);
  }
  return score;
}

export function printCheckCases(): void {
  const score = checkCasesScore();
  const traps = CHECK_CASES.filter((c) => c.findings.length === 0).length;
  console.log(`checks on ${CHECK_CASES.length} hand-written cases (${CHECK_CASES.length - traps} with findings, ${traps} traps):`);
  console.log(`  ${show(score)}`);
  for (const line of score.wrong) console.log(line);
}

const byWords = (c: MatchCase) =>
  findTerms(compileTerms([{ id: 1, concept: 1, language: c.language, text: c.term, status: "preferred", match: "inflected" }], c.language), c.text).length > 0;
const byCharacters = (c: MatchCase) => foldForSearch(c.text).includes(foldForSearch(c.term));

function casesScore(cases: readonly MatchCase[], found: (c: MatchCase) => boolean): Score & { wrong: string[] } {
  const score = { right: 0, falseFound: 0, missed: 0, wrong: [] as string[] };
  for (const c of cases) {
    const got = found(c);
    if (got && c.found) score.right++;
    else if (got) (score.falseFound++, score.wrong.push(`“${c.term}” in “${c.text}”`));
    else if (c.found) (score.missed++, score.wrong.push(`“${c.term}” not in “${c.text}”`));
  }
  return score;
}

function printCases(): void {
  const languages = [...new Set(MATCH_CASES.map((c) => c.language))];
  console.log(`\nTricky matches per language (alignments/terms/stemming/stemming.cases.ts, ${MATCH_CASES.length} cases, written for the tests):`);
  for (const language of languages) {
    const cases = MATCH_CASES.filter((c) => c.language === language);
    const used = casesScore(cases, byWords);
    const label = isUnspaced(language) ? "by words (used)" : language === "fr" || language === "en" ? "hand rules (used)" : "Snowball (used)";
    console.log(`  ${language.padEnd(7)} ${cases.length} cases, ${label}: ${show(used)}${used.wrong.length ? `; wrong: ${used.wrong.join(", ")}` : ""}`);
    if (language === "fr" || language === "en") {
      const port = withStemmers({ [language]: PORT[language] }, () => casesScore(cases, byWords));
      console.log(`  ${"".padEnd(7)} ${cases.length} cases, the port's stemmer: ${show(port)}${port.wrong.length ? `; wrong: ${port.wrong.join(", ")}` : ""}`);
    }
    if (isUnspaced(language)) {
      const chars = casesScore(cases, byCharacters);
      console.log(`  ${"".padEnd(7)} ${cases.length} cases, by characters: ${show(chars)}${chars.wrong.length ? `; wrong: ${chars.wrong.join(", ")}` : ""}`);
    }
  }
}

/** The comparison, after bench:terms has printed the same measures with the hand rules. */
export function printStemmingComparison(starter: readonly Term[], bankUnits: readonly Unit[] | null): void {
  printCases();
  console.log("\nThe same measures as above, with the port's French (Snowball) and English (Porter) stemmers in place of the hand rules:");
  withStemmers(PORT, () => {
    printCheckCases();
    if (bankUnits) {
      const hits = hitsOf(bankUnits, starter);
      const termHits = hits.reduce((n, h) => n + h.en.length + h.fr.length, 0);
      console.log(`Bank Act pair against the starter glossary: ${termHits} term hits, ${checkUnits(bankUnits, starter, hits).length} findings`);
    }
    printFindingsPrecision(starter);
    printFreshPrecision(starter);
  });
}
