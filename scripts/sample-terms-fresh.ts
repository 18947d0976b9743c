/**
 * Draws the second judge's fresh sample (issue 12, items 10 and 12): findings and unflagged links of the same
 * pairs as scripts/sample-terms.ts (MLA Act, UDHR, Bank Act, checked as the app checks them today), with a new
 * seed and no link of the first sample, so the precision it gives is measured out of sample:
 * - findings: about FINDINGS_WANTED in all, drawn across the pairs (DEMO_QUOTAS), every finding of a drawn link kept;
 * - unflagged links: about UNFLAGGED_WANTED links with text on both sides and no finding, drawn the same way, to
 *   estimate what the checks miss.
 * Items name their link's lines in the corpus files (never the text) and carry an empty judgement. The seeds
 * (../shared/seeds) are French only, so no pair can be made of them.
 *
 *   npx tsx scripts/sample-terms-fresh.ts            (refuses to overwrite a judged fixture; --force does)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { computeWorker } from "../app/models/compute.server";
import { pairFindings } from "../app/models/pair-findings.server";
import { pairUnits } from "../app/models/pair-units.server";
import { BANK_PAIR_KEY } from "./bank-pair";
import { corpusLinesOf, FIXTURES } from "./judged-terms";
import { FRESH_FIXTURE, readFreshSample, type FreshSample } from "./judged-terms-fresh";
import { seededShuffle } from "./seeded-shuffle";
import { MLA_PAIR_KEY, openTermsPairs, UDHR_PAIR_KEY } from "./terms-pairs";

const FINDINGS_WANTED = 100;
const UNFLAGGED_WANTED = 60;
const SEED = 2026;
const PAIR_KEYS = [MLA_PAIR_KEY, UDHR_PAIR_KEY, BANK_PAIR_KEY];

/** Draws whole groups in a seeded order until their sizes add up to about `wanted`. */
function drawGroups<T>(groups: ReadonlyMap<number, T[]>, wanted: number, seed: number): number[] {
  const drawn: number[] = [];
  let size = 0;
  for (const link of seededShuffle([...groups.keys()], seed)) {
    if (size >= wanted) break;
    drawn.push(link);
    size += groups.get(link)!.length;
  }
  return drawn.sort((a, b) => a - b);
}

/**
 * How many of each are drawn from the demo pairs (all they have when fewer, as in the first sample); the Bank Act,
 * which has far more, makes up the rest of FINDINGS_WANTED and UNFLAGGED_WANTED.
 */
const DEMO_QUOTAS: Record<string, { findings: number; unflagged: number }> = {
  [MLA_PAIR_KEY]: { findings: 45, unflagged: 20 },
  [UDHR_PAIR_KEY]: { findings: 15, unflagged: 10 },
};

// Drawing again would throw the judgements away.
if (existsSync(FRESH_FIXTURE) && !process.argv.includes("--force")) {
  const judged = readFreshSample().findings.some((f) => f.real !== null);
  if (judged) throw new Error(`${FRESH_FIXTURE} holds judgements: pass --force to draw it again and lose them.`);
}

const firstSample = JSON.parse(readFileSync(`${FIXTURES}/findings-sample.json`, "utf8")) as Array<{ pair: string; link: number }>;
const alreadyJudged = new Set(firstSample.map((f) => `${f.pair}#${f.link}`));

const pairs = openTermsPairs();
try {
  const perPair = [];
  for (const pair of PAIR_KEYS) {
    const { units, ranges } = pairUnits(pairs.idOf(pair), pairs.db);
    // Where each link starts in its documents: a segment's position is its line in the corpus file, give or take cleaned-up lines.
    const startOf = new Map(units.map((u, k) => [u.link, { en: ranges[k].en[0], fr: ranges[k].fr[0] }]));
    const payload = await pairFindings(pairs.idOf(pair), pairs.db);
    const flagged = new Map<number, Array<{ kind: string; message: string }>>();
    for (const row of payload.rows) {
      if (row.findings.length === 0 || alreadyJudged.has(`${pair}#${row.link}`)) continue;
      flagged.set(row.link, row.findings.map((f) => ({ kind: f.kind, message: f.message })));
    }
    const withFindings = new Set(payload.rows.filter((r) => r.findings.length > 0).map((r) => r.link));
    const unflagged = new Map(units.filter((u) => !withFindings.has(u.link) && !alreadyJudged.has(`${pair}#${u.link}`)).map((u) => [u.link, [u]]));
    const findingCount = [...flagged.values()].reduce((n, f) => n + f.length, 0);
    console.log(`${pair}: ${units.length} links with two sides, ${payload.total} findings in ${withFindings.size} links; outside the first sample ${findingCount} findings in ${flagged.size} links, ${unflagged.size} links with none`);
    perPair.push({ pair, units: new Map(units.map((u) => [u.link, u])), startOf, flagged, unflagged, findingCount });
  }
  const sample: FreshSample = { seed: SEED, findings: [], unflagged: [] };
  perPair.forEach((p, k) => {
    const linesOf = (link: number) => {
      const unit = p.units.get(link)!;
      const start = p.startOf.get(link)!;
      return { enLines: corpusLinesOf(p.pair, "en", unit.en, start.en), frLines: corpusLinesOf(p.pair, "fr", unit.fr, start.fr) };
    };
    const quota = DEMO_QUOTAS[p.pair] ?? { findings: FINDINGS_WANTED - sample.findings.length, unflagged: UNFLAGGED_WANTED - sample.unflagged.length };
    const findingLinks = drawGroups(p.flagged, quota.findings, SEED + k);
    for (const link of findingLinks) {
      for (const f of p.flagged.get(link)!) sample.findings.push({ pair: p.pair, link, ...linesOf(link), kind: f.kind, message: f.message, real: null, why: "" });
    }
    const quietLinks = drawGroups(p.unflagged, quota.unflagged, SEED + 100 + k);
    for (const link of quietLinks) sample.unflagged.push({ pair: p.pair, link, ...linesOf(link), problem: null, why: "" });
    console.log(`${p.pair}: drew ${findingLinks.length} links with findings, ${quietLinks.length} links with none`);
  });
  console.log(`${sample.findings.length} findings, ${sample.unflagged.length} unflagged links`);
  writeFileSync(FRESH_FIXTURE, `${JSON.stringify(sample, null, 1)}\n`);
  await computeWorker().close();
} finally {
  pairs.close();
}
