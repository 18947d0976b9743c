/**
 * Draws the samples that `npm run bench:terms` measures by hand (issue 12, items 10 and 12), from the pairs of
 * terms-pairs.ts checked as the app checks them:
 * - findings: a fixed-seed draw of each pair's findings, and every finding of the links drawn, each with its pair,
 *   link, the lines of its texts in the corpus files, kind and message;
 * - candidates: the top 50 term candidates of the MLA Act and of the Bank Act (the glossary's terms left out).
 * Each item gets an empty judgement (`real` or `keep`, and `why`) that a person fills in by hand. Run once on
 * the rules measured as "before"; the judged files are committed (tests/fixtures/terminology/).
 *
 *   npx tsx scripts/sample-terms.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { termCandidates } from "../alignments/terms/candidates";
import { computeWorker } from "../app/models/compute.server";
import { pairFindings } from "../app/models/pair-findings.server";
import { BANK_PAIR_KEY } from "./bank-pair";
import { corpusLinesOf } from "./judged-terms";
import { seededShuffle } from "./seeded-shuffle";
import { CANDIDATES_JUDGED, MLA_PAIR_KEY, openTermsPairs, UDHR_PAIR_KEY } from "./terms-pairs";

/** How many findings are drawn from each pair (all of them when it has fewer). */
const QUOTAS: Record<string, number> = { [MLA_PAIR_KEY]: 45, [UDHR_PAIR_KEY]: 15, [BANK_PAIR_KEY]: 60 };
const SEED = 12;

const folder = join(import.meta.dirname, "../tests/fixtures/terminology");
mkdirSync(folder, { recursive: true });
const pairs = openTermsPairs();
try {
  const findings = [];
  for (const [sourceKey, quota] of Object.entries(QUOTAS)) {
    const byLink = new Map(pairs.unitsOf(sourceKey).map((u) => [u.link, u]));
    const payload = await pairFindings(pairs.idOf(sourceKey), pairs.db);
    const all = payload.rows.flatMap((row) => row.findings.map((f) => ({ link: row.link, kind: f.kind, message: f.message })));
    // Findings are drawn, and every finding of a drawn link is judged: "after" is measured on the same links.
    const links = new Set(seededShuffle(all, SEED).slice(0, quota).map((f) => f.link));
    const kept = all.filter((f) => links.has(f.link));
    console.log(`${sourceKey}: ${payload.total} findings; ${quota} drawn, in ${links.size} links holding ${kept.length} findings`);
    for (const f of kept) {
      const unit = byLink.get(f.link)!;
      // The link's texts are named by their lines in the corpus files, never copied (the corpora stay in ../shared).
      const enLines = corpusLinesOf(sourceKey, "en", unit.en);
      const frLines = corpusLinesOf(sourceKey, "fr", unit.fr);
      findings.push({ pair: sourceKey, link: f.link, enLines, frLines, kind: f.kind, message: f.message, before: true, real: null, why: "" });
    }
  }
  writeFileSync(join(folder, "findings-sample.json"), `${JSON.stringify(findings, null, 1)}\n`);
  const known = pairs.terms.map((t) => ({ language: t.language, text: t.text }));
  const candidates: Record<string, unknown> = {};
  for (const sourceKey of [MLA_PAIR_KEY, BANK_PAIR_KEY]) {
    const started = performance.now();
    const top = termCandidates(pairs.unitsOf(sourceKey), { top: CANDIDATES_JUDGED, known });
    console.log(`${sourceKey}: ${top.length} candidates in ${(performance.now() - started).toFixed(0)} ms`);
    candidates[sourceKey] = { before: top.map((c) => `${c.fr} ↔ ${c.en}`), judged: top.map((c) => ({ candidate: `${c.fr} ↔ ${c.en}`, keep: null, why: "" })) };
  }
  writeFileSync(join(folder, "candidates-judged.json"), `${JSON.stringify(candidates, null, 1)}\n`);
  await computeWorker().close();
} finally {
  pairs.close();
}
