/**
 * `npm run bench:store`: what storing the Bank Act's alignment (~11.2k links) costs the server's event loop
 * (decision 18). Two parts:
 *   1. In this process: the store's transaction timed on one thread (what the server's thread spent before the
 *      worker stored it itself), and the structured clone of the aligner's answer that crossed to the main thread.
 *   2. Real servers (`node server/index.mjs`, port 0, a copy of one database with the two documents): a pair is
 *      created through the form, and a light request (the favicon, answered by the event loop alone) is sent one
 *      after the other until the pair is ready; its latencies are printed: p50, p99, the worst, and the worst in the
 *      last two seconds before "ready" (the store). `--before DIR` runs the same against another checkout (built
 *      with `npx remix build` there, its node_modules present), e.g. a clone of main.
 * Bounded: one alignment per server, loopback only.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { eq } from "drizzle-orm";
import { alignSegments } from "../alignments/align/aligner";
import { storeAlignment, beginAlignment } from "../app/models/alignment-jobs.server";
import { createPair, deletePair } from "../app/models/pairs.server";
import { openDatabase } from "../db/client.server";
import { pairs } from "../db/schema";
import { ensureBankDocuments } from "./bank-pair";

const args = process.argv.slice(2);
const beforeIndex = args.indexOf("--before");
const before = beforeIndex >= 0 ? path.resolve(args[beforeIndex + 1]) : null;

const dir = mkdtempSync(path.join(tmpdir(), "tandem-bench-store-"));
const file = path.join(dir, "bank.sqlite");
const ms = (value: number) => `${Math.round(value)} ms`;

try {
  console.log("Storing the Bank Act alignment (npm run bench:store; provisional on a shared machine)");
  const db = openDatabase(file);
  const { en, fr } = ensureBankDocuments(db, (line) => console.log(`  ${line}`));
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  // The servers start from this state: two documents, no pair.
  const pristine = path.join(dir, "pristine.sqlite");
  copyFileSync(file, pristine);

  // 1. One thread doing the store.
  const pairId = createPair({ sourceDocumentId: en, targetDocumentId: fr }, db).id;
  const input = beginAlignment(pairId, db, "bench")!;
  const aligned = performance.now();
  const alignment = alignSegments(input.en, input.fr, { lexicon: input.lexicon });
  console.log(`  aligned here in ${ms(performance.now() - aligned)}: ${alignment.links.length} links`);
  const cloned = performance.now();
  structuredClone(alignment);
  console.log(`  structured clone of the aligner's answer (posted to the main thread before): ${ms(performance.now() - cloned)}`);
  const stored = performance.now();
  storeAlignment(pairId, alignment, db, "bench");
  console.log(`  the store on one thread (validation, rows, one transaction): ${ms(performance.now() - stored)}`);
  deletePair(pairId, db);
  db.$client.close();

  // 2. Real servers.
  const here = path.resolve(".");
  execFileSync("npx", ["remix", "build"], { stdio: "ignore" });
  const runs: Array<[string, string]> = [...(before ? [["before", before] as [string, string]] : []), ["this checkout", here]];
  for (const [label, root] of runs) {
    const copy = path.join(dir, `${label.replace(/\W/g, "-")}.sqlite`);
    copyFileSync(pristine, copy);
    await serverRun(label, root, copy, { en, fr });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** A port free now on loopback (an older server prints the port it was given, so port 0 would not do). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function serverRun(label: string, root: string, database: string, documents: { en: number; fr: number }) {
  const port = await freePort();
  const child = spawn(process.execPath, ["server/index.mjs", "./build/index.js"], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: database, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`Tandem: http://127.0.0.1:${port}`)) resolve(`http://127.0.0.1:${port}`);
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", () => reject(new Error(`the server stopped: ${output}`)));
  });
  try {
    // A first request loads the app's modules, as any running server has.
    await (await fetch(`${url}/pairs`)).text();
    const form = new FormData();
    form.set("en", String(documents.en));
    form.set("fr", String(documents.fr));
    form.set("intent", "create");
    form.set("title", "Bank Act (bench)");
    const created = await fetch(`${url}/pairs/new`, { method: "POST", body: form, redirect: "manual" });
    const pairId = Number(/\/pairs\/(\d+)/.exec(created.headers.get("location") ?? "")?.[1]);
    if (!pairId) throw new Error(`no pair was created (${created.status})`);
    const reader = openDatabase(database, { migrate: false });
    const probes: Array<{ at: number; ms: number }> = [];
    let ready = 0;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const sent = performance.now();
      await (await fetch(`${url}/favicon.ico`)).arrayBuffer();
      probes.push({ at: sent, ms: performance.now() - sent });
      if (probes.length % 5 === 0 && reader.select({ s: pairs.status }).from(pairs).where(eq(pairs.id, pairId)).get()?.s === "ready") {
        ready = performance.now();
        break;
      }
    }
    reader.$client.close();
    if (!ready) throw new Error("the pair did not become ready in 120 s");
    const sorted = probes.map((p) => p.ms).sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    const last = Math.max(...probes.filter((p) => p.at > ready - 2_000).map((p) => p.ms));
    console.log(
      `  ${label}: ${probes.length} light requests while the pair aligned and was stored: p50 ${ms(at(0.5))}, p99 ${ms(at(0.99))}, worst ${ms(sorted.at(-1)!)}; worst in the last 2 s before ready ${ms(last)}`,
    );
    // The server's own line about the job (written just after "ready").
    const until = Date.now() + 3_000;
    const line = () => output.split("\n").find((l) => /^pair \d+: .*aligned/.test(l));
    while (!line() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    if (line()) console.log(`    server: ${line()}`);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}
