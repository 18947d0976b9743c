import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { storeAlignment, beginRealignment, requestRealignment, beginAlignment } from "../../app/models/alignment-jobs.server";
import { DatabaseBusy, whenWritable } from "../../app/models/busy.server";
import { createEntry } from "../../app/models/glossary.server";
import { createPair } from "../../app/models/pairs.server";
import { importDocument } from "../../app/models/documents.server";
import { openDatabase, setBusyTimeout, type Db } from "../../db/client.server";
import { isLive, liveLease, releaseLease, renewLease, takeLease } from "../../db/lease.server";
import { glossaryEntries, pairs } from "../../db/schema";
import { databasePerTest } from "./helpers";

let db: Db;
let file = "";
databasePerTest((temp) => {
  db = temp.db;
  file = temp.file;
});

const claim = (holder: string, pid = 100, hostname = "here") => ({ holder, pid, hostname, address: `http://127.0.0.1:${pid}` });
const everyoneAlive = { hostname: "here", alive: () => true };

describe("the server lease", () => {
  it("is taken by the first server and refused to a second while the first renews it", () => {
    expect(takeLease(db, claim("a"), { ...everyoneAlive, now: 1_000 })).toEqual({ taken: true, tookOver: null });
    const refused = takeLease(db, claim("b", 200), { ...everyoneAlive, now: 2_000, staleAfterMs: 20_000 });
    expect(refused).toMatchObject({ taken: false, holder: { holder: "a", pid: 100, address: "http://127.0.0.1:100" } });
    // Renewed at 15 s: still live at 30 s.
    expect(renewLease(db, "a", 15_000)).toBe(true);
    expect(takeLease(db, claim("b", 200), { ...everyoneAlive, now: 30_000, staleAfterMs: 20_000 }).taken).toBe(false);
  });

  it("is taken over when its heartbeat is older than the stale limit, and the old holder learns it lost it", () => {
    takeLease(db, claim("a"), { ...everyoneAlive, now: 1_000 });
    const answer = takeLease(db, claim("b", 200), { ...everyoneAlive, now: 21_001, staleAfterMs: 20_000 });
    expect(answer).toMatchObject({ taken: true, tookOver: { holder: "a" } });
    expect(renewLease(db, "a", 21_002)).toBe(false);
    expect(liveLease(db, { ...everyoneAlive, now: 21_003 })).toMatchObject({ holder: "b" });
  });

  it("is taken over at once when its process is gone from this machine (kill -9), not when it runs on another", () => {
    takeLease(db, claim("a", 100, "here"), { now: 1_000 });
    const gone = { hostname: "here", alive: (pid: number) => pid !== 100, now: 2_000, staleAfterMs: 20_000 };
    const row = liveLease(db, { ...everyoneAlive, now: 2_000 })!;
    expect(isLive(row, gone)).toBe(false);
    expect(isLive(row, { ...gone, hostname: "elsewhere" })).toBe(true);
    expect(takeLease(db, claim("b", 200), gone)).toMatchObject({ taken: true, tookOver: { holder: "a" } });
  });

  it("is given back at a clean stop", () => {
    takeLease(db, claim("a"), everyoneAlive);
    releaseLease(db, "a");
    expect(liveLease(db, everyoneAlive)).toBeNull();
  });
});

describe("writes while another connection holds the write lock", () => {
  const entry = (fr: string) => ({
    key: "",
    domain: "",
    source: "",
    note: "",
    terms: [
      { language: "fr" as const, text: fr, status: "preferred" as const, match: "inflected" as const },
      { language: "en" as const, text: `${fr} (en)`, status: "preferred" as const, match: "inflected" as const },
    ],
  });

  /** Counts turns of the event loop until `promise` settles. */
  async function ticksWhile<T>(promise: Promise<T>): Promise<{ ticks: number; outcome: T | unknown }> {
    let settled = false;
    const done = promise.then(
      (value) => ((settled = true), value),
      (error: unknown) => ((settled = true), error),
    );
    let ticks = 0;
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      ticks++;
    }
    return { ticks, outcome: await done };
  }

  it("wait with the event loop free, then give up with DatabaseBusy and write nothing", async () => {
    setBusyTimeout(db, 5);
    const lock = new Database(file);
    lock.exec("BEGIN IMMEDIATE");
    let attempts = 0;
    const { ticks, outcome } = await ticksWhile(whenWritable((db) => createEntry(entry("entraide"), db), db, { deadlineMs: 400, onBusy: () => attempts++ }));
    lock.exec("ROLLBACK");
    lock.close();
    expect(outcome).toBeInstanceOf(DatabaseBusy);
    expect((outcome as DatabaseBusy).message).toBe("Tandem is busy with another change, try again in a moment.");
    expect(attempts).toBeGreaterThan(2);
    // Each try blocks for the connection's 5 ms at most; between them the loop turns.
    expect(ticks).toBeGreaterThan(attempts);
    expect(db.select().from(glossaryEntries).all()).toEqual([]);
  });

  it("go through as soon as the lock is released", async () => {
    setBusyTimeout(db, 5);
    const lock = new Database(file);
    lock.exec("BEGIN IMMEDIATE");
    let attempts = 0;
    const write = whenWritable((db) => createEntry(entry("commission rogatoire"), db), db, {
      onBusy: (attempt) => {
        attempts = attempt;
        if (attempt === 3) lock.exec("COMMIT");
      },
    });
    await expect(write).resolves.toMatchObject({ id: expect.any(Number) });
    lock.close();
    expect(attempts).toBe(3);
    expect(db.select().from(glossaryEntries).all()).toHaveLength(1);
  });
});

describe("a job met by two processes", () => {
  function queuedPair(other: Db) {
    const en = importDocument({ title: "Act", language: "en", origin: "import", raw: "The Minister may act.\n\nThe Minister shall report." }, db);
    const fr = importDocument({ title: "Loi", language: "fr", origin: "import", raw: "Le ministre peut agir.\n\nLe ministre fait rapport." }, db);
    const id = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db).id;
    return { id, n: en.segmentCount, other };
  }

  it("is claimed by one: the second claimant gets nothing, and only the claimant's result is stored", () => {
    const other = openDatabase(file, { migrate: false });
    try {
      const { id, n } = queuedPair(other);
      expect(beginAlignment(id, db, "server A")).not.toBeNull();
      expect(beginAlignment(id, other, "server B")).toBeNull();
      const diagonal = { links: Array.from({ length: n }, (_, i) => ({ en: [i], fr: [i], confidence: 0.9 })), support: 1 };
      expect(storeAlignment(id, diagonal, other, "server B")).toBe(false);
      expect(db.select({ status: pairs.status }).from(pairs).where(eq(pairs.id, id)).get()).toEqual({ status: "aligning" });
      expect(storeAlignment(id, diagonal, db, "server A")).toBe(true);
      expect(db.select({ status: pairs.status, holder: pairs.jobHolder }).from(pairs).where(eq(pairs.id, id)).get()).toEqual({ status: "ready", holder: null });

      // A realignment too.
      const version = db.select({ v: pairs.version }).from(pairs).where(eq(pairs.id, id)).get()!.v;
      requestRealignment({ pairId: id, version, user: "Marie" }, db);
      expect(beginRealignment(id, db, "server A")).not.toBeNull();
      expect(beginRealignment(id, other, "server B")).toBeNull();
    } finally {
      other.$client.close();
    }
  });
});
