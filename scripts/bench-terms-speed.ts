/**
 * The cost of the terminology check and of the term candidates in the core, alone (decision 25, amended): the Bank
 * Act pair as the app builds it checked against the starter glossary (the compute worker's "check" job: term hits,
 * then findings), and the candidates of the MLA Act and the Bank Act as the app asks for them (noun phrases only,
 * the glossary's terms left out), each in a fresh process's first run (taggers loaded beforehand, not tagged yet)
 * and again. Wall and processor time: on a busy machine the processor time varies less. Prints figures; asserts nothing.
 *
 *   npx tsx scripts/bench-terms-speed.ts
 */
import { termCandidates } from "../alignments/terms/candidates";
import { checkUnits, hitsOf } from "../alignments/terms/checks";
import { nounPhraseShape } from "../alignments/terms/noun-phrases";
import { BANK_PAIR_KEY } from "./bank-pair";
import { MLA_PAIR_KEY, openTermsPairs } from "./terms-pairs";

const app = openTermsPairs();
const [bank, mla, terms] = [app.unitsOf(BANK_PAIR_KEY), app.unitsOf(MLA_PAIR_KEY), app.terms];
app.close();
const known = terms.map((t) => ({ language: t.language, text: t.text }));

const measure = (run: () => unknown) => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  return `${(performance.now() - started).toFixed(0)} ms (processor ${((used.user + used.system) / 1000).toFixed(0)} ms)`;
};
const check = () => checkUnits(bank, terms, hitsOf(bank, terms));
const candidates = (units: typeof bank) => () => termCandidates(units, { top: 40, known, termShape: nounPhraseShape });

console.log(`Bank Act check (${bank.length} links, ${terms.length} terms): first ${measure(check)}; again ${measure(check)}`);
console.log(`MLA Act candidates (${mla.length} links): first ${measure(candidates(mla))}; again (texts tagged) ${measure(candidates(mla))}`);
console.log(`Bank Act candidates: first ${measure(candidates(bank))}; again (texts tagged) ${measure(candidates(bank))}`);
