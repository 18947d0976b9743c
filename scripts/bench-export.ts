/**
 * `npm run bench:export`: the Bank Act pair (~11.4k links) as a TMX through the app's export path (the
 * /pairs/export route's loader: snapshot, links read in batches, the TMX writer, the byte stream of the
 * Response), read to the end into a sink that only counts bytes. Prints:
 *   - time: the median, over --runs runs (default 7, at least 5) after a warm-up, from the request to the last byte;
 *   - the file's size;
 *   - memory, in runs of their own (collections slow them down): the live heap (heap used plus array buffers,
 *     measured after a forced collection every 8 pieces of 64 KB) above the baseline before the request, at its
 *     highest, and the peak RSS growth. For scale, the same for collecting the file into one string, which is
 *     what the stream avoids.
 *
 * Needs --expose-gc for the live heap (the npm script passes it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeDb, getDb } from "../db/client.server";
import { ensureBankPair } from "./bank-pair";

const args = process.argv.slice(2);
const RUNS = Math.max(5, Number(args[args.indexOf("--runs") + 1] ?? 0) || 7);
const dir = mkdtempSync(path.join(tmpdir(), "tandem-bench-export-"));
process.env.DATABASE_PATH = path.join(dir, "bench.sqlite");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const collect = () => (globalThis as { gc?: () => void }).gc?.();

interface Run {
  ms: number;
  bytes: number;
  /** Highest live heap above the baseline (memory runs only). */
  live: number;
  rss: number;
}

type Mode = "time" | "memory" | "string";

async function measure(pairId: number, mode: Mode): Promise<Run> {
  const { loader } = await import("../app/routes/pairs.export");
  collect();
  collect();
  const used = () => {
    const m = process.memoryUsage();
    return { live: m.heapUsed + m.arrayBuffers, rss: m.rss };
  };
  const base = used();
  let live = 0;
  let rss = 0;
  const sample = () => {
    collect();
    const now = used();
    live = Math.max(live, now.live - base.live);
    rss = Math.max(rss, now.rss - base.rss);
  };
  const started = performance.now();
  const response = (await loader({ request: new Request(`http://bench/pairs/export?pair=${pairId}&format=tmx`), params: {}, context: {} })) as Response;
  if (!response.ok || !response.body) throw new Error(`the export answered ${response.status}: ${await response.text()}`);
  const reader = response.body.getReader();
  let bytes = 0;
  let pieces = 0;
  const kept: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    pieces++;
    if (mode === "string") kept.push(value);
    if (mode !== "time" && pieces % 8 === 0) sample();
  }
  if (mode === "string") {
    const whole = Buffer.concat(kept).toString("utf8");
    sample();
    if (whole.length === 0) throw new Error("empty export");
  }
  const ms = performance.now() - started;
  if (mode !== "time") sample();
  return { ms, bytes, live, rss };
}

async function main() {
  try {
    console.log("Creating the Bank Act pair in a fresh database (import, align on this thread)…");
    const pairId = ensureBankPair(getDb(), (line) => console.log(`  ${line}`));
    if (!(globalThis as { gc?: unknown }).gc) console.log("  (no --expose-gc: baselines are taken without a collection)");
    await measure(pairId, "time"); // warm-up: modules loaded, statements compiled
    const runs: Run[] = [];
    for (let k = 0; k < RUNS; k++) runs.push(await measure(pairId, "time"));
    const memory: Run[] = [];
    for (let k = 0; k < 3; k++) memory.push(await measure(pairId, "memory"));
    const whole: Run[] = [];
    for (let k = 0; k < 3; k++) whole.push(await measure(pairId, "string"));
    const size = runs[0].bytes;
    const times = runs.map((r) => r.ms);
    console.log(`\nBank Act pair as TMX through /pairs/export (${RUNS} timed runs after a warm-up, 3 memory runs):`);
    console.log(`  file size                                   ${mb(size)} (${size.toLocaleString("en-US")} bytes)`);
    console.log(
      `  time to the last byte, median               ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(
        0,
      )})`,
    );
    console.log(`  live heap growth while streaming, highest   ${mb(median(memory.map((r) => r.live)))} (median of 3 runs)`);
    console.log(`  RSS growth while streaming, highest         ${mb(median(memory.map((r) => r.rss)))} (median of 3 runs)`);
    console.log(`For scale, the same export collected into one string:`);
    console.log(`  live heap growth, highest                   ${mb(median(whole.map((r) => r.live)))}`);
    console.log(`  RSS growth, highest                         ${mb(median(whole.map((r) => r.rss)))}`);
  } finally {
    closeDb();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
