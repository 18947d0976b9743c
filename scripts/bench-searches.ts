/**
 * `npm run bench:searches`: the searches over the whole corpus (the concordance, a glossary entry's evidence,
 * the TBX export's counts per term, the variation across documents), each run as before on the server's
 * thread (the concordance as its old code did it; the others are the same functions called on this thread)
 * and as now in the compute worker: its time, and the latency of a light request due every 50 ms
 * meanwhile (the pairs list and the glossary, as a small page's loader reads them), as requests from other
 * people would arrive at the server.
 *
 * On two corpora in a temporary database: the demo corpus with the Bank Act pair (about 25k segments read),
 * then the same with the Bank Act pair copied 16 more times (links copied, same documents: some 400k
 * segments read per search), which stands for a large team corpus (`--small`: the first only). The copies share
 * their documents, and the concordance reads each document once (issue 12), so they add nothing to its work.
 * Loopback only; nothing else is touched.
 */
import { computeWorker } from "../app/models/compute.server";
import { concordanceFileOf, documentVariation, entryEvidence, searchConcordance, termEvidenceCounts } from "../app/models/corpus-queries.server";
import { readyPairs } from "../app/models/corpus-read.server";
import { entryEvidenceIn, termEvidenceCountsIn } from "../app/models/term-evidence.server";
import { variationIn } from "../app/models/variation.server";
import { pairUnits } from "../app/models/pair-units.server";
import { concordance } from "../alignments/terms/concordance";
import type { Db } from "../db/client.server";
import { ensureBankPair } from "./bank-pair";
import { latencyDuring } from "./light-requests";
import { demoDatabase } from "./demo-database";
import { median } from "./stats";

/** Copies a pair (its row and its links, over the same documents) `times` times. */
function copyPair(db: Db, pairId: number, times: number): void {
  const columns = (table: string) => (db.$client.prepare(`pragma table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
  const pairColumns = columns("pairs").filter((c) => c !== "id" && c !== "source_key" && c !== "title");
  const linkColumns = columns("links").filter((c) => c !== "pair_id");
  db.transaction(() => {
    for (let k = 1; k <= times; k++) {
      const { lastInsertRowid } = db.$client
        .prepare(`insert into pairs (title, ${pairColumns.join(", ")}) select title || ' (copy ${k})', ${pairColumns.join(", ")} from pairs where id = ?`)
        .run(pairId);
      db.$client.prepare(`insert into links (pair_id, ${linkColumns.join(", ")}) select ?, ${linkColumns.join(", ")} from links where pair_id = ?`).run(lastInsertRowid, pairId);
    }
  });
}

/**
 * The concordance as it ran before, on the server's thread: each ready pair's units read (pairUnits, which also
 * hashes each link's texts, and keeps four pairs), the core's search, stopped at the 300th line.
 */
function concordanceAsBefore(db: Db, query: string): number {
  let left = 300;
  let shown = 0;
  for (const pair of readyPairs(db)) {
    if (left <= 0) break;
    const { units } = pairUnits(pair.id, db);
    // The core then stopped at the limit: searched here a slice of links at a time, to stop about as early.
    for (let from = 0; from < units.length && left > 0; from += 200) {
      const found = concordance(units.slice(from, from + 200), query, "fr", { limit: left + 1 });
      const lines = Math.min(found.lines.length, left);
      shown += lines;
      left -= lines;
    }
  }
  return shown;
}

/** Segments read by a search over every ready pair. */
function segmentsRead(db: Db): number {
  const count = db.$client.prepare("select count(*) as n from segments where document_id in (?, ?)");
  return readyPairs(db).reduce((n, p) => n + (count.get(p.en, p.fr) as { n: number }).n, 0);
}

const show = (runs: Array<{ ms: number; latencies: number[] }>) => {
  const all = runs.flatMap((r) => r.latencies);
  return `${median(runs.map((r) => r.ms)).toFixed(0)} ms (median of ${runs.length}); a light request meanwhile: median ${median(all).toFixed(0)} ms, max ${Math.max(...all).toFixed(0)} ms`;
};

async function compare(db: Db, name: string, before: () => unknown, now: () => Promise<unknown>, runs = 3): Promise<void> {
  const onThread: Array<{ ms: number; latencies: number[] }> = [];
  const inWorker: Array<{ ms: number; latencies: number[] }> = [];
  for (let k = 0; k < runs; k++) {
    onThread.push(await latencyDuring(db, before));
    inWorker.push(await latencyDuring(db, now));
  }
  console.log(`  ${name}`);
  console.log(`    on the server's thread (before): ${show(onThread)}`);
  console.log(`    in the compute worker (now):     ${show(inWorker)}`);
}

/** A search that has no "before" (new with issue 12): its time in the worker and a light request's latency meanwhile. */
async function measure(db: Db, name: string, now: () => Promise<unknown>, runs = 3): Promise<void> {
  const inWorker: Array<{ ms: number; latencies: number[] }> = [];
  for (let k = 0; k < runs; k++) inWorker.push(await latencyDuring(db, now));
  console.log(`  ${name}`);
  console.log(`    in the compute worker: ${show(inWorker)}`);
}

const demo = demoDatabase("tandem-bench-searches-");
try {
  const { db } = demo;
  const bank = ensureBankPair(db, (line) => console.log(line));
  const row = (query: string) => db.$client.prepare(query).get() as { id: number } | undefined;
  const entry = (row("select entry_id as id from glossary_terms where text = 'entraide judiciaire'") ?? row("select id from glossary_entries limit 1"))!.id;
  // The worker is started before the clock runs: its first start (tsx compiling the core) is not a search's cost.
  await computeWorker().run("check", { units: [], terms: [] });
  // `--small`: the demo corpus and the Bank Act pair only, without the 16 copies (a shorter run on a shared machine).
  for (const copies of process.argv.includes("--small") ? [0] : [0, 16]) {
    if (copies > 0) copyPair(db, bank, copies);
    console.log(`\n${readyPairs(db).length} ready pairs, ${segmentsRead(db).toLocaleString("en-US")} segments read by a search over them:`);
    for (const q of ["entraide juridique", "banque"]) {
      const first = await searchConcordance(q, "fr", {}, db);
      await compare(
        db,
        `concordance of “${q}” in the French (${first.total.toLocaleString("en-US")} occurrences, ${first.shown} shown)`,
        () => concordanceAsBefore(db, q),
        () => searchConcordance(q, "fr", {}, db),
      );
    }
    if (copies === 0) {
      // Issue 12: every document (the seeds in no pair too), sorted by context, and every occurrence as a file.
      const sorted = await searchConcordance("banque", "fr", { sort: "1R" }, db);
      await measure(db, `concordance of “banque” sorted by the word after (1R): ${sorted.total.toLocaleString("en-US")} occurrences in ${sorted.segments.toLocaleString("en-US")} segments, sorted`, () =>
        searchConcordance("banque", "fr", { sort: "1R" }, db),
      );
      const file = await concordanceFileOf({ query: "banque", languages: ["fr"], format: "csv", origin: "http://127.0.0.1" }, {}, db);
      await measure(db, `“banque” as a CSV file: ${file.total.toLocaleString("en-US")} rows, ${((file.file?.length ?? 0) / 1e6).toFixed(1)} M characters`, () =>
        concordanceFileOf({ query: "banque", languages: ["fr"], format: "csv", origin: "http://127.0.0.1" }, {}, db),
      );
    }
    await compare(db, `a glossary entry's evidence (entry ${entry})`, () => entryEvidenceIn(db, { entryId: entry, limit: 100 }), () => entryEvidence(entry, { limit: 100 }, db));
    await compare(db, "the TBX export's count of links per term (starter glossary)", () => termEvidenceCountsIn(db), () => termEvidenceCounts(db), 1);
    await compare(db, "variation over the French documents (kept after the first)", () => variationIn(db, { language: "fr", origins: null }), () => documentVariation("fr", null, db));
  }
  await computeWorker().close();
  db.$client.close();
} finally {
  demo.remove();
}
