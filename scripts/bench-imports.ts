/**
 * `npm run bench:imports`: large imports through the production server (server/index.mjs with the build),
 * each while a light request (the library page, GET /) is sent every 50 ms. For each kind of import:
 *   - a Word "bomb": a small .docx whose word/document.xml is 60 MiB of short paragraphs;
 *   - a 10 MB web page (markup around about 4 MB of text);
 *   - a translation memory (TMX) of 50,000 units;
 *   - a CSV glossary of 20,000 entries (40,000 terms);
 *   - a 5 MB plain text (just under the limit);
 * it prints the import's own time (request to the end of the answer), its answer (status and message), the
 * latency of the light requests sent while it ran (median and highest), and the CPU time the server's own
 * thread spent meanwhile (from /proc: on a machine shared with other work, a light request can wait for a
 * core while the server's thread itself is free; this figure tells the two apart).
 *
 * First, on this thread, the database write alone (the transaction, everything parsed and prepared before it)
 * of the largest imports the limits allow: a 5 MB text and a memory of 100,000 units (--no-writes skips it);
 * it is what decided that imports write in their worker (decision 0017).
 *
 * Options: --runs N (each import N times, default 2; each on a fresh database), --port P (default: a free one),
 * --root DIR (the project whose server and build are measured, default this one: point it at a checkout
 * of another commit to compare), --no-build, --only KIND (docx, html, tmx, csv, text).
 * Timings on a shared machine are provisional.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { processDocument } from "../alignments/text/pipeline";
import { openDatabase } from "../db/client.server";
import { documentRows, insertDocument } from "../app/models/documents.server";
import { readMemory, storeMemory } from "../app/models/memories.server";
import { zipArchive } from "../tests/fixtures/originals/zip-writer";
import { stopServer, untilServing } from "./production-server";
import { median } from "./stats";
import { flag, option } from "./options";

const RUNS = Math.max(1, Number(option("--runs", "2")) || 2);
let PORT = Number(option("--port", "0"));
const ROOT = path.resolve(option("--root", path.resolve(import.meta.dirname, "..")));
const ONLY = option("--only", "");
const LIGHT_EVERY_MS = 50;
const IMPORT_TIMEOUT_MS = 180_000;

// ---------------------------------------------------------------------------------------------------------
// Inputs, made here so that the benchmark needs no file of its own

/** A deterministic stream of sentences from a small vocabulary (a seeded generator), so every run sends the same bytes. */
function sentences(seed: number, language: "en" | "fr") {
  const words =
    language === "en"
      ? "the request for mutual legal assistance shall be sent to the central authority of each state party which may refuse it where the offence is political or where the evidence is held by a service provider in another country under its own law".split(" ")
      : "la demande d'entraide judiciaire est adressée à l'autorité centrale de chaque État partie qui peut la refuser lorsque l'infraction est politique ou lorsque les preuves sont détenues par un fournisseur de services dans un autre pays selon sa propre loi".split(" ");
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state;
  };
  return () => {
    const length = 8 + (next() % 14);
    const picked = Array.from({ length }, () => words[next() % words.length]);
    const text = picked.join(" ");
    return `${text[0].toUpperCase()}${text.slice(1)} ${next() % 1000}.`;
  };
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function docxBomb(): Buffer {
  const parts: string[] = [];
  let size = 0;
  for (let n = 1; size < 60 * 1024 * 1024; n++) {
    const p = `<w:p><w:r><w:t>Paragraph ${n} of a document far longer than any text.</w:t></w:r></w:p>`;
    parts.push(p);
    size += p.length;
  }
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${parts.join("")}</w:body></w:document>`;
  return zipArchive([
    { name: "[Content_Types].xml", data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: "word/document.xml", data: document },
  ]);
}

function bigHtml(): Buffer {
  const next = sentences(7, "en");
  const blocks: string[] = [];
  let size = 0;
  for (let n = 1; size < 10 * 1024 * 1024; n++) {
    const block =
      `<div class="section-wrapper" data-section="${n}"><div class="paragraph-container"><p class="body-text" id="p${n}">` +
      `<span class="sentence">${escapeXml(next())}</span> <span class="sentence">${escapeXml(next())}</span> ` +
      `<a href="/provisions/${n}#detail" class="cross-reference">see provision ${n}</a></p></div></div>\n`;
    blocks.push(block);
    size += block.length;
  }
  return Buffer.from(`<!doctype html><html><head><meta charset="utf-8"><title>A long page</title></head><body><main><h1>A long page</h1>\n${blocks.join("")}</main></body></html>`);
}

function bigTmx(units = 50_000): Buffer {
  const en = sentences(11, "en");
  const fr = sentences(13, "fr");
  const body: string[] = [];
  for (let n = 0; n < units; n++) {
    body.push(`<tu><tuv xml:lang="en"><seg>${escapeXml(en())}</seg></tuv><tuv xml:lang="fr"><seg>${escapeXml(fr())}</seg></tuv></tu>`);
  }
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/><body>\n${body.join("\n")}\n</body></tmx>\n`,
  );
}

function bigGlossary(entries = 20_000): Buffer {
  const rows = ["entry,language,term,status,match,domain,source,note"];
  for (let n = 1; n <= entries; n++) {
    rows.push(`bench-${n},fr,terme d'essai numéro ${n},preferred,inflected,essai,,`);
    rows.push(`bench-${n},en,test term number ${n},preferred,inflected,,,`);
  }
  return Buffer.from(`${rows.join("\n")}\n`);
}

function bigText(bytes = 5 * 1024 * 1024 - 64 * 1024): Buffer {
  const next = sentences(17, "en");
  let text = "";
  while (text.length < bytes) {
    const paragraph = Array.from({ length: 5 }, next).join(" ");
    text += `${paragraph}\n\n`;
  }
  return Buffer.from(text.slice(0, text.lastIndexOf("\n\n", bytes)));
}

interface Kind {
  key: string;
  label: string;
  make: () => Buffer;
  route: string;
  fields: Record<string, string>;
  fileField: string;
  fileName: string;
  type: string;
}

/**
 * Posted as the app's own JavaScript posts its forms (Remix data requests): the answer is the action's alone,
 * not the page drawn after it (a glossary page listing 20,000 entries is another request, and another matter).
 */
const DOCUMENT_ROUTE = "/documents/new?_data=routes%2Fdocuments.new";

const KINDS: Kind[] = [
  { key: "docx", label: "Word bomb (60 MiB document.xml)", make: docxBomb, route: DOCUMENT_ROUTE, fields: { intent: "import", title: "", text: "", url: "", language: "en" }, fileField: "file", fileName: "bomb.docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  { key: "html", label: "web page, 10 MB", make: bigHtml, route: DOCUMENT_ROUTE, fields: { intent: "import", title: "", text: "", url: "", language: "en" }, fileField: "file", fileName: "long-page.html", type: "text/html" },
  { key: "tmx", label: "memory, 50,000 units", make: () => bigTmx(), route: "/pairs/import?_data=routes%2Fpairs.import", fields: { intent: "import-memory", title: "" }, fileField: "file", fileName: "big.tmx", type: "application/x-tmx+xml" },
  { key: "csv", label: "glossary CSV, 20,000 entries", make: () => bigGlossary(), route: "/glossary?index&_data=routes%2Fglossary._index", fields: { intent: "import", existing: "replace" }, fileField: "file", fileName: "big-glossary.csv", type: "text/csv" },
  { key: "text", label: "plain text, 5 MB", make: () => bigText(), route: DOCUMENT_ROUTE, fields: { intent: "import", title: "", text: "", url: "", language: "en" }, fileField: "file", fileName: "long-text.txt", type: "text/plain" },
];

// ---------------------------------------------------------------------------------------------------------
// The server and the requests

/** A port no one listens on now (the system's choice), unless --port gave one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(database: string): Promise<ChildProcess> {
  if (!option("--port", "")) PORT = await freePort();
  const child = spawn(process.execPath, ["server/index.mjs", "build/index.js"], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: "", DATABASE_PATH: database, PORT: String(PORT), HOST: "127.0.0.1", NODE_ENV: "production" },
    stdio: "ignore",
  });
  return untilServing(child, `http://127.0.0.1:${PORT}/`);
}

const lightAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One GET of the library page; resolves to its latency in ms. */
function lightRequest(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get({ host: "127.0.0.1", port: PORT, path: "/", agent: lightAgent }, (response) => {
      response.resume();
      response.on("end", () => (response.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`GET / answered ${response.statusCode}`))));
    });
    request.on("error", reject);
  });
}

/** What the answer says, in a line: where a document import goes, or the message of the action's data. */
function gist(status: number, redirect: string | null, body: string): string {
  if (redirect) return `${status} → ${redirect}`;
  let message = "";
  try {
    const data = JSON.parse(body) as { message?: string; result?: { title?: string; links?: number } };
    message = data.message ?? (data.result ? `the pair ${data.result.title} with ${data.result.links} links` : "");
  } catch {
    message = body.slice(0, 160);
  }
  return `${status}${message ? `: ${message.slice(0, 200)}` : ""}`;
}

/** CPU time (user and system, ms) of a process's main thread so far, from /proc (Linux; 100 ticks a second). */
function mainThreadCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function runImport(kind: Kind, bytes: Buffer): Promise<{ ms: number; answer: string; latencies: number[]; failedLight: number }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(kind.fields)) form.append(name, value);
  form.append(kind.fileField, new Blob([new Uint8Array(bytes)], { type: kind.type }), kind.fileName);
  const latencies: number[] = [];
  let failedLight = 0;
  const pending: Array<Promise<void>> = [];
  const timer = setInterval(() => {
    pending.push(lightRequest().then((ms) => void latencies.push(ms), () => void failedLight++));
  }, LIGHT_EVERY_MS);
  const started = performance.now();
  try {
    const response = await fetch(`http://127.0.0.1:${PORT}${kind.route}`, { method: "POST", body: form, redirect: "manual", signal: AbortSignal.timeout(IMPORT_TIMEOUT_MS) });
    const body = await response.text();
    const ms = performance.now() - started;
    return { ms, answer: gist(response.status, response.headers.get("x-remix-redirect") ?? response.headers.get("location"), body), latencies, failedLight };
  } finally {
    clearInterval(timer);
    await Promise.all(pending);
  }
}

const fmt = (ms: number) => `${ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`}`;

/** The write transaction alone, on this thread, for the largest text and memory the limits allow (median of 3). */
function writes() {
  const dir = mkdtempSync(path.join(tmpdir(), "tandem-bench-writes-"));
  try {
    const db = openDatabase(path.join(dir, "writes.sqlite"));
    const text = bigText(5 * 1024 * 1024 - 1024).toString("utf8");
    const doc = processDocument(text, "en");
    const rows = documentRows(doc);
    const textMs: number[] = [];
    for (let k = 0; k < 3; k++) {
      const started = performance.now();
      db.transaction((tx) => insertDocument(tx, { title: "Bench", raw: text, language: "en", origin: "import" }, doc, rows), { behavior: "immediate" });
      textMs.push(performance.now() - started);
    }
    const plan = readMemory({ name: "max.tmx", bytes: new Uint8Array(bigTmx(100_000)) });
    const memoryMs: number[] = [];
    for (let k = 0; k < 3; k++) {
      const started = performance.now();
      storeMemory(plan, db);
      memoryMs.push(performance.now() - started);
    }
    db.$client.close();
    console.log("The database write alone (one transaction, everything prepared before it), on one thread, median of 3:");
    console.log(`  a 5 MB text (${doc.segments.length.toLocaleString("en-US")} segments)`.padEnd(68) + fmt(median(textMs)));
    console.log("  a memory of 100,000 units (2 × 100,000 segments, 100,000 links)".padEnd(68) + fmt(median(memoryMs)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (!flag("--no-writes")) writes();
  if (!flag("--no-build")) {
    const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
    if (build.status !== 0) throw new Error(`npm run build failed in ${ROOT}`);
  }
  console.log(`Imports through the production server of ${ROOT}, a light request (GET /) every ${LIGHT_EVERY_MS} ms meanwhile; ${RUNS} run(s) each, fresh database each run. Provisional: shared machine.`);
  for (const kind of KINDS.filter((k) => !ONLY || ONLY.split(",").includes(k.key))) {
    const bytes = kind.make();
    const times: number[] = [];
    const cpu: number[] = [];
    const all: number[] = [];
    const answers = new Set<string>();
    let failed = 0;
    for (let run = 0; run < RUNS; run++) {
      const dir = mkdtempSync(path.join(tmpdir(), "tandem-bench-imports-"));
      const server = await startServer(path.join(dir, "bench.sqlite"));
      try {
        for (let k = 0; k < 5; k++) await lightRequest(); // warm: modules loaded, the page rendered once
        const cpuBefore = mainThreadCpuMs(server.pid!);
        const result = await runImport(kind, bytes);
        cpu.push(mainThreadCpuMs(server.pid!) - cpuBefore);
        times.push(result.ms);
        all.push(...result.latencies);
        failed += result.failedLight;
        answers.add(result.answer);
      } finally {
        await stopServer(server);
        rmSync(dir, { recursive: true, force: true });
      }
    }
    console.log(`\n${kind.label}: ${kind.fileName}, ${(bytes.length / 1024 / 1024).toFixed(2)} MB`);
    console.log(`  import time      median ${fmt(median(times))} (${times.map(fmt).join(", ")})`);
    for (const answer of answers) console.log(`  answer           ${answer}`);
    console.log(`  server's thread  ${fmt(median(cpu))} of CPU while it ran (the light requests' own work included)`);
    if (all.length > 0) console.log(`  light requests   ${all.length} answered: median ${fmt(median(all))}, max ${fmt(Math.max(...all))}${failed ? `; ${failed} failed` : ""}`);
    else console.log(`  light requests   none answered while the import ran${failed ? ` (${failed} failed)` : ""}`);
  }
  lightAgent.destroy();
}

await main();
