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
 * Then through a production server, ours (server/index.mjs) and remix-serve (for comparison): the download's
 * time at full speed over loopback, and a slow client (--rate KB/s, default 300) reading the whole file while
 * the server's RSS is sampled every 50 ms: its growth over the RSS before the download, at its highest. Each
 * slow run starts a fresh server (--slow-runs, default 3). Options: --port P (default 3420), --no-build,
 * --no-server (in-process figures only).
 *
 * Needs --expose-gc for the live heap (the npm script passes it).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeDb, getDb } from "../db/client.server";
import { ensureBankPair } from "./bank-pair";
import { stopServer, untilServing } from "./production-server";
import { median } from "./stats";
import { flag, option } from "./options";

const RUNS = Math.max(5, Number(option("--runs", "7")) || 7);
const PORT = Number(option("--port", "3420"));
const RATE_KB = Number(option("--rate", "300"));
const SLOW_RUNS = Math.max(1, Number(option("--slow-runs", "3")) || 3);
const ROOT = path.resolve(import.meta.dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "tandem-bench-export-"));
process.env.DATABASE_PATH = path.join(dir, "bench.sqlite");

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
    closeDb();
    if (!flag("--no-server")) await throughServers(pairId, size);
  } finally {
    closeDb();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Through a production server

const SERVERS = {
  "server/index.mjs (ours)": ["server/index.mjs", "build/index.js"],
  "remix-serve": ["node_modules/@remix-run/serve/dist/cli.js", "build/index.js"],
} as const;
type ServerName = keyof typeof SERVERS;

/** The server's resident memory now, from /proc (Linux). */
function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

function startServer(name: ServerName): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...SERVERS[name]], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: "", DATABASE_PATH: process.env.DATABASE_PATH, PORT: String(PORT), HOST: "127.0.0.1", NODE_ENV: "production" },
    stdio: "ignore",
  });
  return untilServing(child, `http://127.0.0.1:${PORT}/favicon.ico`, name);
}

/**
 * Downloads a URL over a connection of its own, reading at most `rate` bytes a second on average (0: as fast
 * as it comes): after each piece, the socket is paused until the bytes read so far are due, so the server's
 * writes meet a full socket as they would for a slow client.
 */
function download(url: string, rate: number, onPiece: () => void = () => {}): Promise<{ bytes: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent: false }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`${url} answered ${response.statusCode}`));
        return;
      }
      let bytes = 0;
      response.on("data", (piece: Buffer) => {
        bytes += piece.length;
        onPiece();
        if (rate <= 0) return;
        const wait = started + (bytes / rate) * 1000 - performance.now();
        if (wait > 0) {
          response.pause();
          setTimeout(() => response.resume(), wait);
        }
      });
      response.on("end", () => resolve({ bytes, ms: performance.now() - started }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

async function throughServers(pairId: number, size: number) {
  if (!flag("--no-build")) {
    const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  const url = `http://127.0.0.1:${PORT}/pairs/export?pair=${pairId}&format=tmx`;
  const rate = RATE_KB * 1024;
  const results: Array<{ name: ServerName; fast: number[]; growth: number[]; slowMs: number[] }> = [];
  for (const name of Object.keys(SERVERS) as ServerName[]) {
    const fast: number[] = [];
    const growth: number[] = [];
    const slowMs: number[] = [];
    let server = await startServer(name);
    try {
      await download(url, 0); // warm-up
      for (let k = 0; k < 5; k++) {
        const { bytes, ms } = await download(url, 0);
        if (bytes !== size) throw new Error(`${name} sent ${bytes} bytes, not ${size}`);
        fast.push(ms);
      }
      for (let k = 0; k < SLOW_RUNS; k++) {
        await stopServer(server);
        server = await startServer(name);
        await download(url, 0); // modules loaded, statements prepared: the baseline is a server that has exported once
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const pid = server.pid!;
        const base = rssOf(pid);
        let peak = base;
        const sample = () => (peak = Math.max(peak, rssOf(pid)));
        const timer = setInterval(sample, 50);
        const { bytes, ms } = await download(url, rate, sample);
        clearInterval(timer);
        sample();
        if (bytes !== size) throw new Error(`${name} sent ${bytes} bytes, not ${size}`);
        growth.push(peak - base);
        slowMs.push(ms);
        process.stdout.write(`  ${name}, slow run ${k + 1}: ${(ms / 1000).toFixed(1)} s, RSS ${mb(base)} → ${mb(peak)} at most\n`);
      }
    } finally {
      await stopServer(server);
    }
    results.push({ name, fast, growth, slowMs });
  }
  console.log(`\nThe same file downloaded from a production server on 127.0.0.1 (${mb(size)}, no compression asked for):`);
  console.log(`  server                        full speed, median of 5   client at ${RATE_KB} KB/s: time   server RSS growth, highest (median of ${SLOW_RUNS}; each run)`);
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(30)}${`${median(r.fast).toFixed(0)} ms`.padEnd(26)}${`${(median(r.slowMs) / 1000).toFixed(1)} s`.padEnd(27)}${mb(median(r.growth))} (${r.growth.map(mb).join(", ")})`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
