/**
 * Terminology benchmark: precision and recall of the checks on the hand-written cases (true findings and
 * traps), their precision on real findings of the demo pairs and the Bank Act judged by hand (before and after
 * the rules of issue 12), the time to check the Bank Act pair against the starter glossary, the top term
 * candidates of the Canadian MLA Act and the share of the top 50 a terminologist would keep (judged by hand), and the variation inside the French seeds; then the app's terminology model on the
 * pairs as the app stores them (a temporary database): the Bank Act pair's check as the editor asks for it,
 * cold, kept and after edits, its renderings and candidates, the server's responsiveness while they are found
 * (a light request's latency, with the work on the main thread as before and in the compute worker as now), the
 * variation over the French documents cold, kept and after an edit, and the MLA Act's candidates against the
 * starter glossary. Prints figures; asserts nothing.
 *
 *   npm run bench:terms
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { alignSegments } from "../alignments/align/aligner";
import { termCandidates } from "../alignments/terms/candidates";
import { nounPhraseShape } from "../alignments/terms/noun-phrases";
import { checkUnits, hitsOf, unitsOf, variation } from "../alignments/terms/checks";
import { parseGlossaryCsv, termsOfEntries } from "../alignments/formats/glossary-csv";
import { goldPairs } from "./corpora";
import { applyEdit } from "../app/models/editor.server";
import { compute, computeWorker } from "../app/models/compute.server";
import { documentVariation } from "../app/models/corpus-queries.server";
import { glossarySnapshot } from "../app/models/glossary-snapshot.server";
import { checkPair, forgetChecks } from "../app/models/pair-check.server";
import { pairFindings } from "../app/models/pair-findings.server";
import { pairUnits } from "../app/models/pair-units.server";
import { pairRenderings } from "../app/models/renderings.server";
import { pairCandidates } from "../app/models/term-candidates.server";
import { getEditor } from "../app/models/editor-read.server";
import { pairs as pairsTable } from "../db/schema";
import { BANK_PAIR_KEY, ensureBankPair } from "./bank-pair";
import { printCandidatesKept, printFindingsPrecision } from "./judged-terms";
import { printFreshPrecision } from "./judged-terms-fresh";
import { MLA_PAIR_KEY, openTermsPairs } from "./terms-pairs";
import { latencyDuring } from "./light-requests";
import { demoDatabase } from "./demo-database";
import { median } from "./stats";
import { printCheckCases, printStemmingComparison } from "./stemming-compare";


// 1. The checks on the cases
printCheckCases();

const starter = termsOfEntries(parseGlossaryCsv(readFileSync(join(import.meta.dirname, "../db/glossary/starter.csv"), "utf8")).entries);

// 1b. The findings' precision on real findings of the demo pairs and the Bank Act, judged by hand
printFindingsPrecision(starter);
printFreshPrecision(starter);

// 2. Checking the Bank Act pair against the starter glossary
const pairs = goldPairs();
const bank = pairs.find((p) => p.corpus === "canada-bank-act");
let bankUnits: ReturnType<typeof unitsOf> | null = null;
if (bank) {
  const { links } = alignSegments(bank.en.map((text) => ({ text })), bank.fr.map((text) => ({ text })));
  const units = (bankUnits = unitsOf(links, bank.en, bank.fr));
  const times: number[] = [];
  let findings = 0;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    findings = checkUnits(units, starter).length;
    times.push(performance.now() - started);
  }
  const hits = hitsOf(units, starter);
  const termHits = hits.reduce((n, h) => n + h.en.length + h.fr.length, 0);
  console.log(`\nBank Act pair (${units.length} links with both sides) against the starter glossary (${starter.length} terms):`);
  console.log(`  check: median ${median(times).toFixed(0)} ms over 5 runs (${times.map((t) => t.toFixed(0)).join(", ")}); ${termHits} term hits, ${findings} findings`);
  const started = performance.now();
  const candidates = termCandidates(units, { top: 5, termShape: nounPhraseShape });
  console.log(`  term candidates: ${(performance.now() - started).toFixed(0)} ms; top 5: ${candidates.map((c) => `${c.fr} ↔ ${c.en}`).join("; ")}`);
}

// 2b. Per-language matching: the tricky cases, and the measures above with the port's stemmers (decision 0037)
printStemmingComparison(starter, bankUnits);

// 3. Term candidates on the Canadian MLA Act
const mla = pairs.find((p) => p.corpus === "canada-mla-act");
if (mla) {
  const { links } = alignSegments(mla.en.map((text) => ({ text })), mla.fr.map((text) => ({ text })));
  const started = performance.now();
  const candidates = termCandidates(unitsOf(links, mla.en, mla.fr), { top: 15, termShape: nounPhraseShape });
  console.log(`\nTerm candidates, Canadian MLA Act aligned by Tandem (${(performance.now() - started).toFixed(0)} ms), top 15:`);
  candidates.forEach((c, k) => console.log(`  ${String(k + 1).padStart(2)}. ${c.fr} ↔ ${c.en}   Dice ${c.dice.toFixed(2)}, together in ${c.together} links`));
  const rank = candidates.findIndex((c) => /entraide juridique/i.test(c.fr) && /mutual legal assistance/i.test(c.en));
  console.log(`  “entraide juridique” ↔ “mutual legal assistance”: ${rank >= 0 ? `rank ${rank + 1}` : "not in the top 15"}`);
}

// 3b. The share of the top 50 term candidates a terminologist would keep, MLA Act and Bank Act, judged by hand
const judgedPairs = openTermsPairs();
try {
  printCandidatesKept(judgedPairs, [MLA_PAIR_KEY, BANK_PAIR_KEY]);
} finally {
  judgedPairs.close();
}

// 4. Variation inside the French seeds
const corpus = join(import.meta.dirname, "../db/corpus");
const seeds = readdirSync(corpus)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => ({ id: f.slice(0, 3), language: "fr" as const, text: readFileSync(join(corpus, f), "utf8") }));
console.log(`\nVariation inside the ${seeds.length} French seeds (starter glossary):`);
for (const v of variation(seeds, starter)) {
  console.log(`  ${v.terms.map((t) => `“${t.text}” ×${t.total} (${Object.keys(t.byDocument).join(", ")})`).join("  vs  ")}`);
}

// 5. The app's model: the pairs as the app stores them, in a temporary database
const demo = demoDatabase("tandem-bench-terms-");
try {
  const { db } = demo;
  const time = async (run: () => unknown, runs = 5) => {
    const times: number[] = [];
    for (let k = 0; k < runs; k++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    return times;
  };
  const show = (times: number[]) => `median ${median(times).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(", ")})`;
  const latency = (heavy: () => Promise<unknown>) => latencyDuring(db, heavy);
  const showLatency = (runs: Array<{ ms: number; latencies: number[] }>) => {
    const all = runs.flatMap((r) => r.latencies);
    return `work ${show(runs.map((r) => r.ms))}; ${all.length} light requests meanwhile: latency median ${median(all).toFixed(0)} ms, max ${Math.max(...all).toFixed(0)} ms`;
  };
  let bankId: number | null = null;
  try {
    bankId = ensureBankPair(db);
  } catch {
    console.log("\nThe Bank Act is not in the shared corpora: the app's model is measured on the MLA Act only.");
  }
  if (bankId !== null) {
    const links = getEditor(bankId, db)!.links.length;
    console.log(`\nThe app's terminology model, Bank Act pair (${links.toLocaleString("en-US")} links, starter glossary), as the editor asks for it:`);
    // The compute worker is started once here: its start (about half a second) comes once per server, not per request.
    await computeWorker().run("candidates", { units: [], options: {} });
    const cold = await time(async () => {
      forgetChecks(db);
      await pairFindings(bankId!, db);
    });
    const load = await time(() => {
      forgetChecks(db);
      pairUnits(bankId!, db);
    });
    console.log(`  first check (texts and links read, every link checked in the compute worker, payload made): ${show(cold)}; of which reading and hashing the links: ${show(load)}`);
    const payload = await pairFindings(bankId, db);
    console.log(`  ${payload.total} findings in ${payload.rows.filter((r) => r.findings.length > 0).length} links; the editor's payload ${(JSON.stringify(payload).length / 1024).toFixed(0)} kB`);
    console.log(`  kept (same version and glossary): ${show(await time(() => pairFindings(bankId!, db)))}`);
    let version = getEditor(bankId, db)!.version;
    const confirm = await time(async () => {
      version = applyEdit({ pairId: bankId!, version, operation: { name: "confirm", link: 0 }, user: "bench" }, db).version;
      version = applyEdit({ pairId: bankId!, version, operation: { name: "unconfirm", link: 0 }, user: "bench" }, db).version;
      await pairFindings(bankId!, db);
    });
    console.log(`  after an edit that changes no text (new version: links re-read, no link checked again): ${show(confirm)} (${(await checkPair(bankId, db)).checked} links checked)`);
    const merge = await time(async () => {
      version = applyEdit({ pairId: bankId!, version, operation: { name: "merge", link: 5 }, user: "bench" }, db).version;
      await pairFindings(bankId!, db);
      version = applyEdit({ pairId: bankId!, version, operation: { name: "undo" }, user: "bench" }, db).version;
    });
    console.log(`  after a merge and its undo (the merged link checked, on the main thread): ${show(merge)}, edits included`);
    const renderings: number[] = [];
    for (let k = 0; k < 3; k++) {
      forgetChecks(db);
      await checkPair(bankId, db);
      const started = performance.now();
      await pairRenderings(bankId, db);
      renderings.push(performance.now() - started);
    }
    console.log(`  renderings of the French terms (${(await pairRenderings(bankId, db)).length} entries found in the French), after the check, in the compute worker: ${show(renderings)}`);
    const candidates = await time(async () => {
      forgetChecks(db);
      await pairCandidates(bankId!, db);
    }, 3);
    console.log(`  term candidates (the glossary's terms left out; texts read included), in the compute worker: ${show(candidates)}`);

    console.log("  the server's responsiveness meanwhile (3 runs each):");
    const terms = glossarySnapshot(db).terms;
    const known = terms.map((t) => ({ language: t.language, text: t.text }));
    const runs = async (heavy: () => Promise<unknown>) => {
      const out = [];
      for (let k = 0; k < 3; k++) {
        forgetChecks(db);
        out.push(await latency(heavy));
      }
      return out;
    };
    const onMain = (kind: "check" | "candidates") => async () => {
      const { units } = pairUnits(bankId!, db);
      if (kind === "check") await compute("check", { units, terms }, { inline: true });
      else await compute("candidates", { units, options: { top: 40, known } }, { inline: true });
    };
    console.log(`    term candidates on the main thread (as before): ${showLatency(await runs(onMain("candidates")))}`);
    console.log(`    term candidates in the compute worker (now):    ${showLatency(await runs(() => pairCandidates(bankId!, db)))}`);
    console.log(`    first check on the main thread (as before):     ${showLatency(await runs(onMain("check")))}`);
    console.log(`    first check in the compute worker (now):        ${showLatency(await runs(() => pairFindings(bankId!, db)))}`);

    // The matching is kept in the compute worker: a fresh worker (started before the clock runs) has none.
    const variationCold: number[] = [];
    for (let k = 0; k < 3; k++) {
      await computeWorker().close();
      await computeWorker().run("check", { units: [], terms: [] });
      const started = performance.now();
      await documentVariation("fr", null, db);
      variationCold.push(performance.now() - started);
    }
    const variationKept = await time(() => documentVariation("fr", null, db));
    // A French segment of the Bank Act (targetStart of a link), corrected and the correction undone.
    const segment = getEditor(bankId, db)!.links[40][2];
    const edited = await time(async () => {
      version = applyEdit({ pairId: bankId!, version, operation: { name: "edit-segment", side: "fr", segment, text: `Texte corrigé ${version}.` }, user: "bench" }, db).version;
      await documentVariation("fr", null, db);
      version = applyEdit({ pairId: bankId!, version, operation: { name: "undo" }, user: "bench" }, db).version;
    }, 3);
    const variationResult = await documentVariation("fr", null, db);
    console.log(
      `  variation over the ${variationResult.documents.length} French documents with findings (the Bank Act among them; ${variationResult.concepts.length} concepts): cold ${show(variationCold)}; kept ${show(variationKept)}; after a French segment's edit and its undo ${show(edited)}, edits included`,
    );
  }
  const mla = db.select({ id: pairsTable.id }).from(pairsTable).where(eq(pairsTable.sourceKey, "pair:demo:canada-mla-act")).get();
  if (mla) {
    const times = await time(async () => {
      forgetChecks(db);
      await pairCandidates(mla.id, db);
    });
    const { candidates } = await pairCandidates(mla.id, db);
    const rank = (fr: RegExp, en: RegExp) => candidates.findIndex((c) => fr.test(c.fr) && en.test(c.en)) + 1;
    const long = rank(/^entraide juridique en matière criminelle$/i, /^mutual legal assistance in criminal matters$/i);
    const short = rank(/^entraide juridique$/i, /^mutual legal assistance$/i);
    console.log(`\nTerm candidates page, MLA Act demo pair (starter glossary's terms left out), in the compute worker: ${show(times)}; ${candidates.length} shown`);
    console.log(`  “entraide juridique en matière criminelle ↔ mutual legal assistance in criminal matters”: ${long > 0 ? `rank ${long}` : "not shown"}`);
    console.log(`  “entraide juridique ↔ mutual legal assistance”: ${short > 0 ? `rank ${short}` : "not shown (both are starter glossary terms, so left out)"}`);
    const all = termCandidates(pairUnits(mla.id, db).units, { top: 100, termShape: nounPhraseShape });
    const bare = all.findIndex((c) => /^entraide juridique$/i.test(c.fr) && /^mutual legal assistance$/i.test(c.en)) + 1;
    console.log(`  without leaving the glossary's terms out, the short form: ${bare > 0 ? `rank ${bare}` : "not in the top 100 (a piece of the long form, seen as often, gives way to it)"}`);
    console.log(`  top 10: ${candidates.slice(0, 10).map((c, k) => `${k + 1}. ${c.fr} ↔ ${c.en}`).join("; ")}`);
  }
  await computeWorker().close();
  db.$client.close();
} finally {
  demo.remove();
}
