/**
 * `npm run bench:load`: the production server (server/index.mjs, in its own process, on a free port of 127.0.0.1)
 * under bursts of requests from this process, with and without a large import running meanwhile. Prints figures,
 * asserts nothing. Loopback only; each burst has a time cap.
 *
 * The database is the demo corpus (seeds, starter glossary, demo pairs) and the Canada Bank Act pair (~11.4k
 * links), made in a temporary folder through the app's models (scripts/bank-pair.ts), or a copy of --db PATH.
 * Targets: the Bank Act pair's page as a document (HTML) and as its data request (?_data=), its texts
 * (/pairs/ID/texts), its TMX export, and the concordance of a common word (--word, default "bank"). For each,
 * --requests requests (default 200), --concurrency at a time (default 20), asking for compression as a browser
 * does (--encoding, default "gzip, deflate, br, zstd"; "none" for none); then it prints the latency p50, p99 and
 * max (request to last byte), errors (not 2xx, or failed), and the server's memory: RSS before, at its highest
 * (VmRSS every 20 ms) and after a quiet pause (--pause seconds, default 30: V8 gives back a heap grown by a burst
 * some 30 s after it, once it sees the server idle), the JavaScript heap beside it (asked of the server through
 * scripts/bench-load-probe.mjs, loaded into the server for the benchmark only) and the high-water mark (VmHWM);
 * and the longest the server's event loop was blocked during the burst (what any other request had to wait).
 * Each round starts a fresh server: first without an import, then with imports of a large text (--import-mb,
 * default 4.5 MB of the Bank Act's English) posted back to back through the real form (/documents/new, with the
 * server's own Origin), whatever that route does with them, while the requests run.
 *
 * Other options: --rounds quiet,import; --only KEY[,KEY] (page, data, texts, tmx, concordance); --target-seconds S
 * (cap per burst, default 120; requests not sent by then are counted); --save-db PATH (keep the database made, for
 * a later --db); --no-build; --server-node-options "..." (e.g. "--trace-gc", "--expose-gc"); --server-env K=V[,K=V];
 * --gc-after (a full collection before the "after" reading, with --expose-gc); --snapshot (a heap snapshot of the
 * server after each round, kept with its temporary folder); --server-log (the server's output here).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../db/client.server";
import { seed, seedPairs, seedStarterGlossary } from "../app/models/seeds.server";
import { bankActFiles, ensureBankPair } from "./bank-pair";
import { stopServer } from "./production-server";
import { quantile } from "./stats";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const flag = (name: string) => args.includes(name);
const REQUESTS = Math.max(1, Number(option("--requests", "200")) || 200);
const CONCURRENCY = Math.max(1, Number(option("--concurrency", "20")) || 20);
const TARGET_SECONDS = Math.max(5, Number(option("--target-seconds", "120")) || 120);
const PAUSE_SECONDS = Math.max(0, Number(option("--pause", "30")));
const REQUEST_TIMEOUT_MS = 60_000;
const IMPORT_BYTES = Math.round(Number(option("--import-mb", "4.5")) * 1024 * 1024);
const WORD = option("--word", "bank");
const ROUNDS = option("--rounds", "quiet,import").split(",") as Array<"quiet" | "import">;
const ONLY = option("--only", "").split(",").filter(Boolean);
const ROOT = path.resolve(import.meta.dirname, "..");
const HOST = "127.0.0.1";

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)}`;
const sec = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

// ---------------------------------------------------------------------------------------------------------
// The server

interface Memory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

interface Server {
  child: ChildProcess;
  base: string;
  origin: string;
  ask(what: "memory" | "gc" | "snapshot" | "delay"): Promise<Memory & { file?: string; maxMs?: number }>;
  stop(): Promise<void>;
}

/** VmRSS and VmHWM of a process, from /proc (Linux). */
function procMemory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
}

/** A port free on the loopback interface now (the server is told it; nothing else here binds ports meanwhile). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(database: string, folder: string): Promise<Server> {
  const port = await freePort();
  const nodeOptions = option("--server-node-options", "").split(/\s+/).filter(Boolean);
  const extraEnv = Object.fromEntries(
    option("--server-env", "")
      .split(",")
      .filter(Boolean)
      .map((pair) => pair.split("=", 2) as [string, string]),
  );
  const child = spawn(
    process.execPath,
    [...nodeOptions, "--import", path.join(ROOT, "scripts/bench-load-probe.mjs"), path.join(ROOT, "server/index.mjs"), "./build/index.js"],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: "", DATABASE_PATH: database, PORT: String(port), HOST, NODE_ENV: "production", TANDEM_PROBE_DIR: folder, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    },
  );
  let seen = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${seen}`)), 30_000);
    child.stdout!.on("data", (piece: Buffer) => {
      if (flag("--server-log")) process.stdout.write(piece);
      seen += piece.toString();
      if (seen.includes(`Tandem: http://${HOST}:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
      if (seen.length > 100_000) seen = seen.slice(-10_000);
    });
    child.stderr!.on("data", (piece: Buffer) => {
      if (flag("--server-log")) process.stderr.write(piece);
      else seen += piece.toString();
    });
    child.once("exit", (code) => reject(new Error(`the server stopped (exit code ${code}): ${seen}`)));
  });
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`The server stopped by itself (exit code ${code}, signal ${signal}):\n${seen.slice(-4000)}`);
  });
  let stopping = false;
  let next = 1;
  type ProbeAnswer = Memory & { file?: string; maxMs?: number };
  const waiting = new Map<number, (answer: ProbeAnswer) => void>();
  child.on("message", (message: { id: number; answer: ProbeAnswer }) => {
    waiting.get(message.id)?.(message.answer);
    waiting.delete(message.id);
  });
  const base = `http://${HOST}:${port}`;
  return {
    child,
    base,
    origin: base,
    ask: (ask) =>
      new Promise((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        child.send({ id, ask });
      }),
    stop: () => {
      stopping = true;
      return stopServer(child);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Requests


/** Requests sent again after their kept-alive connection was closed under them (see get). */
let retries = 0;
/** What the client says it accepts: a browser's list, unless --encoding says otherwise ("none": nothing). */
const ENCODING_ASKED = option("--encoding", "gzip, deflate, br, zstd");
const ENCODING: Record<string, string> = ENCODING_ASKED === "none" ? {} : { "Accept-Encoding": ENCODING_ASKED };

interface Answer {
  ok: boolean;
  status: number;
  bytes: number;
  ms: number;
  error?: string;
}

/**
 * One GET read to its last byte: its status, size and time. As a browser does, a request that finds its kept-alive
 * connection closed by the server before any answer (the server closes idle connections after 5 s) is sent again
 * once on a new connection; the time counts from the first attempt.
 */
function get(agent: http.Agent, url: string, headers: Record<string, string> = {}, started = performance.now(), retried = false): Promise<Answer> {
  return new Promise((resolve) => {
    const done = (answer: Omit<Answer, "ms">) => resolve({ ...answer, ms: performance.now() - started });
    let answered = false;
    const request = http.get(url, { agent, headers: { ...headers, ...ENCODING }, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      answered = true;
      let bytes = 0;
      response.on("data", (piece: Buffer) => (bytes += piece.length));
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        done({ ok: status >= 200 && status < 300, status, bytes });
      });
      response.on("error", (error) => done({ ok: false, status: response.statusCode ?? 0, bytes, error: error.message }));
    });
    request.on("timeout", () => request.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS / 1000} s`)));
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (!answered && !retried && request.reusedSocket && error.code === "ECONNRESET") {
        retries++;
        resolve(get(agent, url, headers, started, true));
      } else done({ ok: false, status: 0, bytes: 0, error: error.message });
    });
  });
}

/** The large text the import posts: the Bank Act's English, repeated to the size asked. */
function importText(): string {
  const files = bankActFiles();
  if (!files) throw new Error("The Bank Act is not in the shared corpora (../shared/corpora/canada-bank-act).");
  const one = readFileSync(files.en, "utf8");
  let text = "";
  while (Buffer.byteLength(text) + Buffer.byteLength(one) <= IMPORT_BYTES) text += `${one}\n\n`;
  if (text === "") text = one.slice(0, IMPORT_BYTES);
  return text;
}

interface ImportRun {
  ms: number;
  status: number;
}

/**
 * Imports posted back to back through the "Add a document" form, as a browser posts it (multipart, a file, the
 * server's own Origin), until `keepGoing()` says stop. Each new document is deleted through its page's form once
 * imported, so the database does not grow by gigabytes over a run.
 */
async function importsWhile(server: Server, text: string, keepGoing: () => boolean): Promise<ImportRun[]> {
  const runs: ImportRun[] = [];
  let n = 0;
  while (keepGoing()) {
    const form = new FormData();
    form.set("intent", "import");
    form.set("title", `Load benchmark import ${++n}`);
    form.set("language", "en");
    form.set("text", "");
    form.set("file", new Blob([text], { type: "text/plain" }), `bank-act-x${Math.round(text.length / 1_500_000)}.txt`);
    const started = performance.now();
    try {
      const response = await fetch(`${server.base}/documents/new`, { method: "POST", body: form, headers: { Origin: server.origin }, redirect: "manual" });
      await response.arrayBuffer();
      runs.push({ ms: performance.now() - started, status: response.status });
      const made = /^\/documents\/(\d+)$/.exec(response.headers.get("location") ?? "");
      if (made) {
        const deletion = await fetch(`${server.base}/documents/${made[1]}`, {
          method: "POST",
          body: new URLSearchParams({ intent: "delete" }),
          headers: { Origin: server.origin },
          redirect: "manual",
        });
        await deletion.arrayBuffer();
      }
    } catch {
      runs.push({ ms: performance.now() - started, status: 0 });
    }
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------------------
// One burst

interface Target {
  key: string;
  label: string;
  path: string;
  headers?: Record<string, string>;
}

interface Burst {
  target: Target;
  answers: Answer[];
  notSent: number;
  retried: number;
  wallMs: number;
  before: Memory;
  peakRss: number;
  hwm: number;
  after: Memory;
  /** The server's event loop: its longest delay during the burst (ms). */
  loopDelayMs: number;
  imports: ImportRun[];
}

async function burst(server: Server, target: Target, importing: string | null): Promise<Burst> {
  const pid = server.child.pid!;
  const before = await server.ask("memory");
  await server.ask("delay"); // from now on
  let peakRss = procMemory(pid).rss;
  const sampler = setInterval(() => {
    try {
      peakRss = Math.max(peakRss, procMemory(pid).rss);
    } catch {
      // the server is gone; the requests will say so
    }
  }, 20);
  const started = performance.now();
  const deadline = started + TARGET_SECONDS * 1000;
  let sent = 0;
  let running = true;
  retries = 0;
  const imports = importing ? importsWhile(server, importing, () => running) : Promise.resolve([]);
  // Let the first import's upload reach the server before the requests start.
  if (importing) await sleep(300);
  const answers: Answer[] = [];
  // Connections kept alive as a browser keeps them, for this burst only (an idle one the server closes between
  // bursts would fail the next burst's first request on it).
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const client = async () => {
    while (sent < REQUESTS && performance.now() < deadline) {
      sent++;
      answers.push(await get(agent, `${server.base}${target.path}`, target.headers));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  agent.destroy();
  const wallMs = performance.now() - started;
  running = false;
  const importRuns = await imports;
  const loopDelayMs = (await server.ask("delay")).maxMs ?? NaN;
  clearInterval(sampler);
  const { hwm, rss } = procMemory(pid);
  peakRss = Math.max(peakRss, rss);
  await sleep(PAUSE_SECONDS * 1000);
  const after = await server.ask(flag("--gc-after") ? "gc" : "memory");
  return { target, answers, notSent: REQUESTS - sent, retried: retries, wallMs, before, peakRss, hwm, after, loopDelayMs, imports: importRuns };
}

function report(b: Burst): string {
  const times = b.answers.map((a) => a.ms);
  const errors = b.answers.filter((a) => !a.ok);
  const statuses = [...new Set(errors.map((a) => a.status || a.error || "failed"))].join(", ");
  const size = b.answers.find((a) => a.ok)?.bytes ?? 0;
  const failed = b.imports.filter((r) => r.status !== 302).map((r) => r.status || "failed");
  const imports = b.imports.length > 0 ? `; ${b.imports.length} imports (${failed.length > 0 ? `${failed.length} not 302: ${failed.join(", ")}` : "all 302"}), median ${sec(quantile(b.imports.map((r) => r.ms), 0.5))}` : "";
  return [
    `  ${b.target.label.padEnd(24)} ${String(b.answers.length).padStart(4)} ${sec(quantile(times, 0.5)).padStart(8)} ${sec(quantile(times, 0.99)).padStart(8)} ${sec(
      Math.max(...times),
    ).padStart(8)} ${`${errors.length}${statuses ? ` (${statuses})` : ""}`.padStart(6)}   ${`${mb(b.before.rss)} → ${mb(b.peakRss)} → ${mb(b.after.rss)}`.padEnd(17)} ${`${mb(
      b.before.heapUsed,
    )} → ${mb(b.after.heapUsed)} / ${mb(b.after.heapTotal)}`.padEnd(16)} ${`${mb(b.after.external)}/${mb(b.after.arrayBuffers)}`.padEnd(8)} ${mb(b.hwm).padStart(5)}`,
    `      ${(size / 1024).toFixed(0)} KB per answer as sent, ${sec(b.wallMs)} in all, event loop blocked ${sec(b.loopDelayMs)} at most${b.retried > 0 ? `, ${b.retried} sent again after the server closed their idle connection` : ""}${
        b.notSent > 0 ? `, ${b.notSent} not sent within ${TARGET_SECONDS} s` : ""
      }${imports}`,
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------------------

function makeDatabase(folder: string): { file: string; pairId: number } {
  const file = path.join(folder, "bench.sqlite");
  const given = option("--db", "");
  if (given) {
    if (!existsSync(given)) throw new Error(`no database at ${given}`);
    copyFileSync(given, file);
  }
  const db = openDatabase(file);
  try {
    if (!given) {
      console.log("Creating the database: seeds, starter glossary, demo pairs and the Bank Act pair (aligned on this thread)…");
      seed({ db });
      seedStarterGlossary({ db });
      seedPairs({ db });
    }
    const pairId = ensureBankPair(db, (line) => console.log(`  ${line}`));
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const save = option("--save-db", "");
    if (save) copyFileSync(file, save);
    return { file, pairId };
  } finally {
    db.$client.close();
  }
}

async function main() {
  const folder = mkdtempSync(path.join(tmpdir(), "tandem-bench-load-"));
  let server: Server | null = null;
  try {
    console.log(`Load average at the start: ${load()} (2 cores here are shared: figures are provisional)`);
    if (!flag("--no-build") || !existsSync(path.join(ROOT, "build/index.js"))) {
      const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
      if (build.status !== 0) throw new Error("npm run build failed");
    }
    const { file, pairId } = makeDatabase(folder);
    const data = (route: string) => `_data=${encodeURIComponent(route)}`;
    const targets: Target[] = [
      { key: "page", label: "pair page (document)", path: `/pairs/${pairId}`, headers: { Accept: "text/html" } },
      { key: "data", label: "pair page (data)", path: `/pairs/${pairId}?${data("routes/pairs.$id")}` },
      { key: "texts", label: "pair texts", path: `/pairs/${pairId}/texts` },
      { key: "tmx", label: "TMX export", path: `/pairs/export?pair=${pairId}&format=tmx` },
      { key: "concordance", label: `concordance “${WORD}”`, path: `/terminology/concordance?q=${encodeURIComponent(WORD)}`, headers: { Accept: "text/html" } },
    ].filter((t) => ONLY.length === 0 || ONLY.includes(t.key));
    const text = ROUNDS.includes("import") ? importText() : "";
    console.log(
      `Bank Act pair: /pairs/${pairId}; ${REQUESTS} requests per target, ${CONCURRENCY} at a time, at most ${TARGET_SECONDS} s each; pause ${PAUSE_SECONDS} s; Accept-Encoding: ${ENCODING_ASKED}.`,
    );
    const snapshots: string[] = [];
    for (const round of ROUNDS) {
      server = await startServer(file, folder);
      const fresh = procMemory(server.child.pid!).rss;
      console.log(
        `\n${round === "import" ? `With imports of ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB of text posted back to back` : "Without an import"} (fresh server: RSS ${mb(fresh)} MB; load ${load()})`,
      );
      console.log(`  ${"target".padEnd(24)} ${"n".padStart(4)} ${"p50".padStart(8)} ${"p99".padStart(8)} ${"max".padStart(8)} ${"errors".padStart(6)}   RSS MB before → peak → after   heap MB before → after / total   ext/buf MB   HWM`);
      for (const target of targets) console.log(report(await burst(server, target, round === "import" ? text : null)));
      if (flag("--snapshot")) snapshots.push((await server.ask("snapshot")).file ?? "");
      await server.stop();
      server = null;
    }
    console.log(`\nLoad average at the end: ${load()}`);
    if (snapshots.length > 0) console.log(`Heap snapshots (the folder is kept): ${snapshots.join(", ")}`);
  } finally {
    await server?.stop();
    if (!flag("--snapshot")) rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
