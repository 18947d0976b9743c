import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { alignmentProblems } from "../../alignments/align/links";
import { AlignmentQueue } from "../../app/models/alignment-queue.server";
import { changeDocumentLanguage, deleteDocument, DocumentInUseError, importDocument } from "../../app/models/documents.server";
import {
  createPair,
  deletePair,
  getPair,
  pairLinks,
  PairError,
  readLexicon,
  recoverInterruptedPairs,
  retryPair,
} from "../../app/models/pairs.server";
import { beginAlignment, failPair, storeAlignment } from "../../app/models/alignment-jobs.server";
import { getEditor, pairTexts } from "../../app/models/editor-read.server";
import type { Db } from "../../db/client.server";
import { documents, links, pairs, seedLog } from "../../db/schema";
import { corporaDir, demoSeeds, seed, seedPairs } from "../../app/models/seeds.server";
import { fromTuple } from "../../app/editor/edits";
import { summarize } from "../../app/editor/review";
import { databaseAndQueuePerTest, WORKER_TIMEOUT } from "./helpers";

let db: Db;
let file: string;
const queues = databaseAndQueuePerTest((temp) => ({ db, file } = temp));

const hasCorpora = existsSync(path.resolve("..", "shared", "corpora", "udhr"));

/** A small parallel text: numbered provisions, English and French, one segment per line. */
function parallel(n: number, { extraFrench = false } = {}) {
  const en: string[] = [];
  const fr: string[] = [];
  for (let i = 1; i <= n; i++) {
    en.push(`Section ${i}`);
    fr.push(`Article ${i}`);
    en.push(`The Minister may, in respect of request ${i}, provide assistance to the foreign state within ${i * 3} days.`);
    fr.push(`Le ministre peut, à l’égard de la demande ${i}, fournir une assistance à l’État étranger dans les ${i * 3} jours.`);
    if (extraFrench && i % 7 === 0) fr.push(`Note du traducteur : la disposition ${i} a été modifiée en 2019.`);
  }
  return { en: en.join("\n"), fr: fr.join("\n") };
}

function addDocument(title: string, raw: string, language: "en" | "fr") {
  return importDocument({ title, raw, language, origin: "import", presegmented: true }, db);
}

function addPairOfDocuments(n = 12, options: { extraFrench?: boolean } = {}) {
  const text = parallel(n, options);
  const en = addDocument("Mutual assistance (English)", text.en, "en");
  const fr = addDocument("Entraide (français)", text.fr, "fr");
  return { en, fr };
}

const count = (table: typeof links | typeof pairs) => db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;
const pairRow = (id: number) => db.select().from(pairs).where(eq(pairs.id, id)).get()!;

describe("creating a pair", () => {
  it("queues it, and the worker stores links covering every segment once, in order", { timeout: WORKER_TIMEOUT }, async () => {
    const { en, fr } = addPairOfDocuments(12, { extraFrench: true });
    const { id, queued } = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db);
    expect(queued).toBe(true);
    expect(pairRow(id)).toMatchObject({ status: "queued", title: "Mutual assistance (English) ↔ Entraide (français)", linkCount: 0 });
    const queue = queues.open({ progressInterval: 0 });
    queue.enqueue(id);
    expect(pairRow(id).status).toBe("aligning");
    await queue.idle();
    const row = pairRow(id);
    expect(row).toMatchObject({ status: "ready", progress: 1, error: null });
    expect(row.support).toBeGreaterThan(0.8);
    const stored = pairLinks(id, db);
    expect(row.linkCount).toBe(stored.length);
    expect(alignmentProblems(stored, en.segmentCount, fr.segmentCount)).toEqual([]);
    // The translator's notes have no English counterpart.
    expect(stored.filter((l) => l.en.length === 0).length).toBeGreaterThanOrEqual(1);
    expect(stored.every((l) => l.status === "automatic" && l.confidence >= 0 && l.confidence <= 1)).toBe(true);
  });

  it("uses a given title and keeps the dictionary for re-runs", () => {
    const { en, fr } = addPairOfDocuments(3);
    const lexicon = readLexicon("legal.dic", new TextEncoder().encode("ministre @ minister\nentraide juridique @ mutual legal assistance\n"));
    const { id } = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id, title: "  My pair ", lexicon }, db);
    const row = pairRow(id);
    expect(row).toMatchObject({ title: "My pair", lexiconName: "legal.dic", lexiconSize: lexicon.entries.length });
    expect(JSON.parse(row.lexicon!)).toContainEqual({ en: "minister", fr: "ministre" });
    expect(beginAlignment(id, db)!.lexicon).toEqual(lexicon.entries);
  });

  it("refuses the same document twice, a missing document and documents not English then French", () => {
    const { en, fr } = addPairOfDocuments(2);
    const other = addDocument("Autre", "Une autre phrase en français.", "fr");
    const refusal = (enId: number, frId: number) => {
      try {
        createPair({ sourceDocumentId: enId, targetDocumentId: frId }, db);
      } catch (error) {
        expect(error).toBeInstanceOf(PairError);
        return { status: (error as PairError).status, field: (error as PairError).field, message: (error as PairError).message };
      }
      throw new Error("not refused");
    };
    expect(refusal(en.id, en.id)).toMatchObject({ status: 400, message: expect.stringMatching(/same document twice/) });
    expect(refusal(en.id, 9999)).toMatchObject({ status: 404, field: "fr" });
    expect(refusal(9999, fr.id)).toMatchObject({ status: 404, field: "en" });
    expect(refusal(other.id, fr.id)).toMatchObject({ status: 422, field: "en", message: expect.stringMatching(/^Both documents are French/) });
    expect(refusal(fr.id, en.id)).toMatchObject({ status: 422, message: expect.stringMatching(/swap them/) });
    expect(count(pairs)).toBe(0);
  });

  it("aligns at once, trivially, when a document has no segments", () => {
    const { fr } = addPairOfDocuments(3);
    // Import refuses empty texts; a document can still end up with no segments (older data, future edits).
    const [empty] = db
      .insert(documents)
      .values({ title: "Empty", language: "en", origin: "import", rawText: "", cleanText: "", segmentCount: 0 })
      .returning()
      .all();
    const { id, queued } = createPair({ sourceDocumentId: empty.id, targetDocumentId: fr.id }, db);
    expect(queued).toBe(false);
    expect(pairRow(id)).toMatchObject({ status: "ready", linkCount: fr.segmentCount, support: 0 });
    const stored = pairLinks(id, db);
    expect(stored.every((l) => l.en.length === 0 && l.fr.length === 1)).toBe(true);
    expect(alignmentProblems(stored, 0, fr.segmentCount)).toEqual([]);
  });
});

describe("storing an alignment", () => {
  function aligningPair(n = 300) {
    const { en, fr } = addPairOfDocuments(n / 2);
    const { id } = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db);
    beginAlignment(id, db);
    return { id, n: en.segmentCount, m: fr.segmentCount };
  }
  const diagonal = (n: number) => Array.from({ length: n }, (_, i) => ({ en: [i], fr: [i], confidence: 0.9 }));

  it("stores every link and 'ready' in one transaction: a failure half-way leaves no link", () => {
    const { id, n } = aligningPair(1000);
    const links_ = diagonal(n);
    links_[900].confidence = Number.NaN; // NOT NULL fails on the third chunk of inserts
    expect(() => storeAlignment(id, { links: links_, support: 1 }, db)).toThrow();
    expect(count(links)).toBe(0);
    expect(pairRow(id)).toMatchObject({ status: "aligning", linkCount: 0 });
    links_[900].confidence = 0.9;
    expect(storeAlignment(id, { links: links_, support: 1 }, db)).toBe(true);
    expect(count(links)).toBe(n);
    expect(pairRow(id)).toMatchObject({ status: "ready", linkCount: n, support: 1 });
  });

  it("refuses an alignment that misses or crosses segments, and stores nothing", () => {
    const { id, n } = aligningPair(10);
    const missing = diagonal(n).slice(0, n - 1);
    expect(() => storeAlignment(id, { links: missing, support: 1 }, db)).toThrow(/does not cover both documents/);
    const crossing = diagonal(n);
    [crossing[2], crossing[3]] = [crossing[3], crossing[2]];
    expect(() => storeAlignment(id, { links: crossing, support: 1 }, db)).toThrow(/does not cover both documents/);
    expect(count(links)).toBe(0);
  });

  it("stores nothing for a pair deleted meanwhile", () => {
    const { id, n } = aligningPair(10);
    deletePair(id, db);
    expect(storeAlignment(id, { links: diagonal(n), support: 1 }, db)).toBe(false);
    expect(count(links)).toBe(0);
  });
});

describe("the alignment queue", () => {
  it(
    "resumes an alignment whose server was killed mid-way: no links were left, and it completes",
    { timeout: WORKER_TIMEOUT },
    async () => {
      const { en, fr } = addPairOfDocuments(400);
      const { id } = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db);
      // A separate "server" process picks the pair up; it is killed as soon as the alignment has started.
      const child = spawn(process.execPath, ["--import", "tsx", "tests/unit/support/align-server.ts", file], { stdio: "pipe" });
      const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
      const deadline = Date.now() + 30_000;
      while (pairRow(id).status !== "aligning") {
        if (Date.now() > deadline) throw new Error("the child never started aligning");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      child.kill("SIGKILL");
      await exited;
      expect(pairRow(id).status).toBe("aligning");
      expect(count(links)).toBe(0);

      // The next start re-queues it and aligns it.
      const queue = queues.open();
      expect(queue.resume()).toEqual([id]);
      await queue.idle();
      expect(pairRow(id).status).toBe("ready");
      expect(alignmentProblems(pairLinks(id, db), en.segmentCount, fr.segmentCount)).toEqual([]);
    },
  );

  it("re-queues interrupted pairs and leaves ready and failed ones alone", () => {
    const { en, fr } = addPairOfDocuments(2);
    const a = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db).id;
    const b = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db).id;
    const c = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db).id;
    beginAlignment(a, db);
    db.update(pairs).set({ progress: 0.5 }).where(eq(pairs.id, a)).run();
    beginAlignment(c, db);
    failPair(c, "boom", db);
    expect(recoverInterruptedPairs(db)).toEqual([a, b]);
    expect(pairRow(a)).toMatchObject({ status: "queued", progress: 0 });
    expect(pairRow(c)).toMatchObject({ status: "failed", error: "boom" });
  });

  it("marks a pair failed when the worker breaks, and a retry aligns it", { timeout: WORKER_TIMEOUT }, async () => {
    const { en, fr } = addPairOfDocuments(4);
    const { id } = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db);
    // Inside the project, so that start.mjs finds tsx in node_modules.
    mkdirSync("tests/.artifacts", { recursive: true });
    const broken = mkdtempSync(path.resolve("tests/.artifacts", "workers-"));
    cpSync("app/workers/start.mjs", path.join(broken, "start.mjs"));
    writeFileSync(path.join(broken, "align.worker.ts"), 'throw new Error("the aligner is broken");\n');
    process.env.TANDEM_WORKERS = broken;
    let queue: AlignmentQueue;
    try {
      queue = queues.open();
      queue.enqueue(id);
      await queue.idle();
    } finally {
      delete process.env.TANDEM_WORKERS;
      rmSync(broken, { recursive: true, force: true });
    }
    expect(pairRow(id)).toMatchObject({ status: "failed", error: expect.stringMatching(/the aligner is broken/) });
    expect(count(links)).toBe(0);

    expect(retryPair(id, db)).toBe(true);
    expect(retryPair(id, db)).toBe(false);
    queue.enqueue(id);
    await queue.idle();
    expect(pairRow(id).status).toBe("ready");
  });

  it("stops a deleted pair's alignment and stores nothing", { timeout: WORKER_TIMEOUT }, async () => {
    const { en, fr } = addPairOfDocuments(50);
    const { id } = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db);
    const next = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db).id;
    const queue = queues.open();
    queue.enqueue(id);
    queue.enqueue(next);
    expect(queue.place(id)).toBe(0);
    expect(queue.place(next)).toBe(1);
    queue.cancel(id);
    deletePair(id, db);
    await queue.idle();
    expect(db.select().from(links).where(eq(links.pairId, id)).all()).toEqual([]);
    expect(pairRow(next).status).toBe("ready");
  });
});

describe("documents in a pair", () => {
  it("cannot be deleted or re-segmented until the pair is deleted, which deletes its links", () => {
    const { en, fr } = addPairOfDocuments(3);
    const { id } = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id, title: "Entraide" }, db);
    beginAlignment(id, db);
    storeAlignment(id, { links: Array.from({ length: 6 }, (_, i) => ({ en: [i], fr: [i], confidence: 1 })), support: 1 }, db);
    expect(() => deleteDocument(fr.id, db)).toThrow(DocumentInUseError);
    expect(() => deleteDocument(fr.id, db)).toThrow(/in the pair “Entraide”.*delete the pair first/);
    expect(() => changeDocumentLanguage(en.id, "fr", db)).toThrow(DocumentInUseError);
    expect(db.select().from(documents).all()).toHaveLength(2);
    expect(deletePair(id, db)).toBe(true);
    expect(count(links)).toBe(0);
    expect(deleteDocument(fr.id, db)).toBe(true);
  });
});

describe("reading a pair", () => {
  it("gives every link for the editor, the segments' texts, and the counts by type and low confidence", () => {
    const { en, fr } = addPairOfDocuments(250);
    const { id } = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db);
    beginAlignment(id, db);
    const n = en.segmentCount;
    const list = [
      { en: [0, 1], fr: [0], confidence: 0.2 },
      { en: [], fr: [1], confidence: 0.5 },
      ...Array.from({ length: n - 2 }, (_, k) => ({ en: [k + 2], fr: [k + 2], confidence: 0.9 })),
    ];
    storeAlignment(id, { links: list, support: 0.9 }, db);
    expect(getPair(id, db)).toMatchObject({ pair: { id, status: "ready", linkCount: n }, en: { id: en.id }, fr: { id: fr.id } });
    const editor = getEditor(id, db)!;
    expect(editor.links).toHaveLength(n);
    expect(editor.links.slice(0, 2)).toEqual([
      [0, 2, 0, 1, 0, 0.2, 0],
      [2, 0, 1, 1, 0, 0.5, 0],
    ]);
    const summary = summarize(editor.links.map(fromTuple));
    expect(summary).toMatchObject({ total: n, low: 1, confirmed: 0, lowLeft: 1 });
    expect(summary.types[0]).toEqual({ type: "1-1", sourceCount: 1, targetCount: 1, count: n - 2 });
    const texts = pairTexts(id, null, db)!;
    expect(texts.en[0]).toBe("Section 1");
    expect(texts.enKinds).toHaveLength(n);
    expect(texts.fr.at(-1)).toMatch(/^Le ministre peut, à l’égard de la demande 250/);
  });
});

describe("dictionaries", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it("reads a hunalign .dic and a CSV or TSV glossary, whatever the extension", () => {
    expect(readLexicon("a.dic", bytes("entraide @ assistance\nministre @ minister\n"))).toMatchObject({
      format: "hunalign",
      entries: [
        { en: "assistance", fr: "entraide" },
        { en: "minister", fr: "ministre" },
      ],
    });
    expect(readLexicon("g.txt", bytes("english,french\nrequest,demande\n\"mutual legal assistance\",\"entraide juridique\"\n"))).toMatchObject({
      format: "glossary",
      entries: expect.arrayContaining([{ en: "request", fr: "demande" }]),
    });
    expect(readLexicon("g.tsv", bytes("treaty\ttraité\n")).entries).toEqual([{ en: "treaty", fr: "traité" }]);
  });

  it("refuses an empty file, one without entries and a binary", () => {
    expect(() => readLexicon("e.dic", bytes("\n\n"))).toThrow(/no text|empty/);
    expect(() => readLexicon("x.csv", bytes("just words\nno separators here\n"))).toThrow(/no entries/);
    expect(() => readLexicon("x.dic", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]))).toThrow(PairError);
  });

  it("refuses a glossary with a quote never closed, naming the file and the line", () => {
    const refusal = (() => {
      try {
        readLexicon("g.csv", bytes('english,french\nrequest,demande\n"mutual legal assistance,entraide juridique\ntreaty,traité\n'));
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(PairError);
    expect(refusal).toMatchObject({ status: 422, field: "lexicon", message: expect.stringMatching(/^g\.csv: Line 3: a quoted field starts here and is never closed/) });
  });
});

describe("demo pairs", () => {
  it("are not created, nor logged, when their documents are missing", () => {
    expect(seedPairs({ db })).toEqual({ added: [], skipped: ["pair:demo:canada-mla-act", "pair:demo:udhr"] });
    expect(db.select().from(seedLog).all()).toEqual([]);
  });

  it.runIf(hasCorpora)("are aligned once, idempotently, and never re-created once deleted", { timeout: WORKER_TIMEOUT }, () => {
    seed({ db, seeds: demoSeeds(corporaDir()) });
    const first = seedPairs({ db });
    expect(first.added).toEqual(["pair:demo:canada-mla-act", "pair:demo:udhr"]);
    const rows = db.select().from(pairs).orderBy(pairs.id).all();
    expect(rows.map((r) => [r.sourceKey, r.status])).toEqual([
      ["pair:demo:canada-mla-act", "ready"],
      ["pair:demo:udhr", "ready"],
    ]);
    const udhr = rows[1];
    expect(udhr.title).toBe("Universal Declaration of Human Rights ↔ Déclaration universelle des droits de l’homme");
    expect(alignmentProblems(pairLinks(udhr.id, db), 92, 91)).toEqual([]);
    expect(udhr.support).toBeGreaterThan(0.6);

    expect(seedPairs({ db })).toEqual({ added: [], skipped: ["pair:demo:canada-mla-act", "pair:demo:udhr"] });
    expect(count(pairs)).toBe(2);
    deletePair(udhr.id, db);
    expect(seedPairs({ db }).added).toEqual([]);
    expect(count(pairs)).toBe(1);
  });

  it.runIf(hasCorpora)("an unrelated pair has little lexical support", { timeout: WORKER_TIMEOUT }, async () => {
    seed({ db, seeds: demoSeeds(corporaDir()) });
    const key = (k: string) => db.select().from(documents).where(eq(documents.sourceKey, k)).get()!.id;
    const { id } = createPair({ sourceDocumentId: key("demo:udhr/udhr.en"), targetDocumentId: key("demo:canada-mla-act/M-13.6.fr") }, db);
    const queue = queues.open();
    queue.enqueue(id);
    await queue.idle();
    expect(pairRow(id).status).toBe("ready");
    expect(pairRow(id).support).toBeLessThan(0.35);
  });
});
