import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { importDocument } from "../../app/models/documents.server";
import { createPair } from "../../app/models/pairs.server";
import { openDatabase, type Db } from "../../db/client.server";
import { pairs, serverLease } from "../../db/schema";

/**
 * Real servers (`node server/index.mjs` on the real build, port 0) on one database file (decision 18): the second
 * refuses to start, a server killed outright does not lock the next one out, set-up leaves a live server's jobs
 * alone, and a write that meets another connection's lock answers 503 while the server keeps answering.
 */

const BUILD_TIMEOUT = 180_000;
const SERVER_TIMEOUT = 60_000;

beforeAll(() => {
  // The servers run the build of this checkout, made now (a fresh clone has none; an old one would be stale).
  execFileSync("npx", ["remix", "build"], { stdio: "pipe" });
}, BUILD_TIMEOUT);

let dir = "";
const started: ChildProcess[] = [];
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "tandem-servers-"));
});
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const freshFile = () => path.join(dir, `tandem-${++files}.sqlite`);

interface Server {
  child: ChildProcess;
  /** http://127.0.0.1:port, once it listens; null when it exited first. */
  url: string | null;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `npm run serve`'s command on `file`, port 0; resolves once it listens or exits. */
function serve(file: string): Promise<Server> {
  const child = spawn(process.execPath, ["server/index.mjs", "./build/index.js"], {
    env: { ...process.env, DATABASE_PATH: file, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve) => {
    const server: Server = { child, url: null, output: () => output, exited };
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Tandem: (http:\/\/127\.0\.0\.1:\d+) \(production\)/.exec(output);
      if (listening && !server.url) {
        server.url = listening[1];
        resolve(server);
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    void exited.then(() => resolve(server));
  });
}

function withDb<T>(file: string, use: (db: Db) => T): T {
  const db = openDatabase(file);
  try {
    return use(db);
  } finally {
    db.$client.close();
  }
}

describe("one server per database file", () => {
  it("a second server on the same file refuses to start, naming the first (pid, address) and how to run another", { timeout: SERVER_TIMEOUT }, async () => {
    const file = freshFile();
    const first = await serve(file);
    expect(first.url).not.toBeNull();
    const second = await serve(file);
    expect(await second.exited).toBe(1);
    expect(second.url).toBeNull();
    expect(second.output()).toContain(`Tandem is already running on the database ${file}: pid ${first.child.pid} at ${first.url}`);
    expect(second.output()).toContain("DATABASE_PATH=");
    // The first one is unharmed, and a second Tandem on another file starts.
    expect((await fetch(`${first.url}/favicon.ico`)).status).toBe(200);
    const other = await serve(freshFile());
    expect(other.url).not.toBeNull();
    // A clean stop gives the lease back: the next server on the file starts without taking anything over.
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(withDb(file, (db) => db.select().from(serverLease).all())).toEqual([]);
    const next = await serve(file);
    expect(next.url).not.toBeNull();
    expect(next.output()).not.toContain("took over");
  });

  it("a server killed with kill -9 leaves a lease that the next start takes over", { timeout: SERVER_TIMEOUT }, async () => {
    const file = freshFile();
    const first = await serve(file);
    first.child.kill("SIGKILL");
    await first.exited;
    expect(withDb(file, (db) => db.select().from(serverLease).get())).toMatchObject({ pid: first.child.pid });
    const next = await serve(file);
    expect(next.url).not.toBeNull();
    expect(next.output()).toContain(`took over the database from a server that stopped without releasing it (pid ${first.child.pid}`);
    expect(withDb(file, (db) => db.select().from(serverLease).get())).toMatchObject({ pid: next.child.pid, address: next.url });
  });

  it("set-up leaves the alignment a live server is running as it is", { timeout: SERVER_TIMEOUT }, async () => {
    const file = freshFile();
    const server = await serve(file);
    // A pair the server is aligning: claimed by its lease holder.
    const id = withDb(file, (db) => {
      const en = importDocument({ title: "Act", language: "en", origin: "import", raw: "The Minister may act.\n\nThe Minister shall report." }, db);
      const fr = importDocument({ title: "Loi", language: "fr", origin: "import", raw: "Le ministre peut agir.\n\nLe ministre fait rapport." }, db);
      const pair = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db).id;
      const holder = db.select().from(serverLease).get()?.holder ?? null;
      db.update(pairs).set({ status: "aligning", progress: 0.5, jobHolder: holder }).where(eq(pairs.id, pair)).run();
      return pair;
    });
    const setup = execFileSync(process.execPath, ["--import", "tsx", "scripts/setup.ts"], {
      env: { ...process.env, DATABASE_PATH: file, TANDEM_CORPORA: path.join(dir, "no-corpora") },
      encoding: "utf8",
    });
    expect(setup).toContain(`alignments left as they are: a Tandem server is running on this database (pid ${server.child.pid}`);
    expect(withDb(file, (db) => db.select({ status: pairs.status, progress: pairs.progress }).from(pairs).where(eq(pairs.id, id)).get())).toEqual({
      status: "aligning",
      progress: 0.5,
    });
  });
});

describe("a write that meets another connection's lock", () => {
  it("answers 503 busy, and the server keeps answering other requests while it waits", { timeout: SERVER_TIMEOUT }, async () => {
    const file = freshFile();
    const server = await serve(file);
    const lock = new Database(file);
    try {
      lock.exec("BEGIN IMMEDIATE");
      const form = new URLSearchParams({ intent: "create", key: "", domain: "", note: "", fr: "entraide judiciaire", en: "mutual legal assistance" });
      form.set("frStatus", "preferred");
      form.set("enStatus", "preferred");
      let settled = false;
      const write = fetch(`${server.url}/glossary?_data=routes%2Fglossary._index`, { method: "POST", body: form }).then(async (response) => {
        settled = true;
        return { status: response.status, body: await response.text(), retryAfter: response.headers.get("retry-after") };
      });
      // Light requests, one after the other, for as long as the write waits: each answered one is a turn of the
      // server's event loop that the wait did not hold up.
      let answeredMeanwhile = 0;
      while (!settled) {
        const response = await fetch(`${server.url}/favicon.ico`);
        await response.arrayBuffer();
        if (!settled) answeredMeanwhile++;
      }
      const answer = await write;
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body)).toEqual({ ok: false, busy: true, conflict: false, message: "Tandem is busy with another change, try again in a moment." });
      expect(answer.retryAfter).toBe("1");
      expect(answeredMeanwhile).toBeGreaterThan(3);
      lock.exec("ROLLBACK");
      const again = await fetch(`${server.url}/glossary?_data=routes%2Fglossary._index`, { method: "POST", body: form, redirect: "manual" });
      expect(again.status).toBeLessThan(400);
    } finally {
      if (lock.inTransaction) lock.exec("ROLLBACK");
      lock.close();
    }
  });
});
