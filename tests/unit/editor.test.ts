import { spawn } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatLink, alignmentProblems } from "../../alignments/align/links";
import type { EditableLink } from "../../alignments/align/operations";
import { AlignmentQueue } from "../../app/models/alignment-queue.server";
import { importDocument } from "../../app/models/documents.server";
import {
  applyEdit,
  beginRealignment,
  EditError,
  getEditor,
  pairHistory,
  pairTexts,
  REALIGNING,
  requestRealignment,
  STALE,
  storeRealignment,
} from "../../app/models/editor.server";
import { beginAlignment, createPair, pairLinks, recoverInterruptedPairs, REALIGN_INTERRUPTED, storeAlignment } from "../../app/models/pairs.server";
import { applyPatch, fromTuple, runOperation, type EditOperation, type LinkOperation } from "../../app/utils/edits";
import { openDatabase, type Db } from "../../db/client.server";
import { edits, links, pairs } from "../../db/schema";
import { tempDatabase } from "./helpers";

let db: Db;
let file: string;
let dispose: () => void;
let queue: AlignmentQueue | null = null;
beforeEach(() => {
  ({ db, file, dispose } = tempDatabase());
});
afterEach(async () => {
  await queue?.close();
  queue = null;
  dispose();
});

const WORKER_TIMEOUT = 60_000;
const ME = "Marie";

/** Numbered provisions, English and French, one segment per line (`n` of each). */
function parallel(n: number) {
  const en: string[] = [];
  const fr: string[] = [];
  for (let i = 1; i <= n; i++) {
    en.push(`The Minister may, in respect of request ${i}, provide assistance to the foreign state within ${i * 3} days.`);
    fr.push(`Le ministre peut, à l’égard de la demande ${i}, fournir une assistance à l’État étranger dans les ${i * 3} jours.`);
  }
  return { en: en.join("\n"), fr: fr.join("\n") };
}

/** A ready pair of n × n segments whose stored links are `list` (the `[0]:[0]` format), or the diagonal. */
function readyPair(n = 8, list?: string[]) {
  const text = parallel(n);
  const en = importDocument({ title: "Assistance", raw: text.en, language: "en", origin: "import", presegmented: true }, db);
  const fr = importDocument({ title: "Entraide", raw: text.fr, language: "fr", origin: "import", presegmented: true }, db);
  const { id } = createPair({ enDocumentId: en.id, frDocumentId: fr.id }, db);
  beginAlignment(id, db);
  const parsed = (list ?? Array.from({ length: n }, (_, i) => `[${i}]:[${i}]`)).map((line) => {
    const [e, f] = line.split(":").map((side) => JSON.parse(side) as number[]);
    return { en: e, fr: f, confidence: 0.8 };
  });
  storeAlignment(id, { links: parsed, support: 1 }, db);
  return id;
}

const version = (id: number) => db.select({ v: pairs.version }).from(pairs).where(eq(pairs.id, id)).get()!.v;
const stored = (id: number): EditableLink[] => pairLinks(id, db);
const show = (list: EditableLink[]) => list.map((l) => formatLink(l) + (l.status === "confirmed" ? "!" : ""));
const historyCount = () => db.select({ n: sql<number>`count(*)` }).from(edits).get()!.n;
const positions = (id: number) =>
  db
    .select({ p: links.position })
    .from(links)
    .where(eq(links.pairId, id))
    .orderBy(links.position)
    .all()
    .map((r) => r.p);

function refusal(run: () => unknown): EditError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EditError);
    return error as EditError;
  }
  throw new Error("not refused");
}

const START = ["[0]:[0]", "[1,2]:[1]", "[3]:[2,3]", "[4]:[]", "[]:[4]", "[5]:[5]", "[6]:[6]", "[7]:[7]"];

describe("editing a pair", () => {
  it.each<LinkOperation>([
    { name: "shift-up", link: 1, side: "en" },
    { name: "shift-up", link: 2, side: "fr" },
    { name: "shift-down", link: 1, side: "en" },
    { name: "shift-down", link: 0, side: "fr" },
    { name: "merge", link: 3 },
    { name: "split", link: 1, enCount: 1, frCount: 1 },
    { name: "split", link: 0, enCount: 1, frCount: 0 },
    { name: "confirm", link: 2 },
    { name: "confirm-through", link: 4 },
  ])("stores $name in one change: links, version, history row", (op) => {
    const id = readyPair(8, START);
    const before = stored(id);
    const v = version(id);
    const result = applyEdit(id, v, op, ME, db);
    const expected = runOperation(before, op);
    expect(show(stored(id))).toEqual(show(expected));
    expect(alignmentProblems(stored(id), 8, 8)).toEqual([]);
    expect(positions(id)).toEqual(expected.map((_, k) => k));
    expect(result).toMatchObject({ version: v + 1, changed: true, undo: expect.any(String), redo: null });
    expect(version(id)).toBe(v + 1);
    expect(db.select({ n: pairs.linkCount }).from(pairs).where(eq(pairs.id, id)).get()!.n).toBe(expected.length);
    // The patch turns what the browser had into what is stored.
    expect(show(applyPatch(before, result.patch!))).toEqual(show(expected));
    const [row] = db.select().from(edits).all();
    expect(row).toMatchObject({ pairId: id, versionBefore: v, versionAfter: v + 1, operation: op.name, user: ME, state: "done", target: null });
    const { name: _, ...args } = op;
    expect(JSON.parse(row.args)).toEqual(args);
    // Only the range that changed is recorded.
    expect(JSON.parse(row.before).length).toBeLessThanOrEqual(op.name === "confirm-through" ? 5 : 2);
    expect(result.history[0]).toMatchObject({ user: ME, operation: op.name, versionAfter: v + 1 });
  });

  it("refuses a stale version with the reload message, and changes nothing", () => {
    const id = readyPair(8, START);
    const v = version(id);
    applyEdit(id, v, { name: "confirm", link: 0 }, "Another reviewer", db);
    const before = show(stored(id));
    const error = refusal(() => applyEdit(id, v, { name: "merge", link: 1 }, ME, db));
    expect(error.status).toBe(409);
    expect(error.message).toBe(STALE);
    expect(error.message).toMatch(/^This pair changed since you loaded it: reload/);
    expect(show(stored(id))).toEqual(before);
    expect(version(id)).toBe(v + 1);
    expect(historyCount()).toBe(1);
  });

  it.each<[LinkOperation, RegExp]>([
    [{ name: "shift-up", link: 0, side: "en" }, /first link has no link above/],
    [{ name: "shift-up", link: 4, side: "en" }, /no English segment to move up/],
    [{ name: "merge", link: 7 }, /nothing below it to merge/],
    [{ name: "split", link: 0, enCount: 0, frCount: 0 }, /empty link/],
    [{ name: "confirm", link: 8 }, /no link 9/],
  ])("refuses %j with the reason (422) and changes nothing", (op, message) => {
    const id = readyPair(8, START);
    const before = show(stored(id));
    const v = version(id);
    const error = refusal(() => applyEdit(id, v, op, ME, db));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(message);
    expect(show(stored(id))).toEqual(before);
    expect(version(id)).toBe(v);
    expect(historyCount()).toBe(0);
  });

  it("refuses an edit without a name, or on a pair that is gone", () => {
    const id = readyPair(4);
    expect(refusal(() => applyEdit(id, version(id), { name: "confirm", link: 0 }, "   ", db))).toMatchObject({ status: 400, message: /Give your name/ });
    expect(refusal(() => applyEdit(999, 0, { name: "confirm", link: 0 }, ME, db)).status).toBe(404);
    expect(historyCount()).toBe(0);
  });

  it("confirming a confirmed link changes nothing and records nothing", () => {
    const id = readyPair(4);
    const first = applyEdit(id, version(id), { name: "confirm", link: 1 }, ME, db);
    const again = applyEdit(id, first.version, { name: "confirm", link: 1 }, ME, db);
    expect(again).toMatchObject({ version: first.version, changed: false, patch: null });
    expect(historyCount()).toBe(1);
  });
});

describe("undo and redo", () => {
  it("undo restores the links before the last change, redo re-applies it, both recorded", () => {
    const id = readyPair(8, START);
    const start = show(stored(id));
    let v = applyEdit(id, version(id), { name: "merge", link: 1 }, ME, db).version;
    const merged = show(stored(id));
    v = applyEdit(id, v, { name: "split", link: 1, enCount: 1, frCount: 2 }, ME, db).version;
    const split = show(stored(id));

    let result = applyEdit(id, v, { name: "undo" }, ME, db);
    expect(show(stored(id))).toEqual(merged);
    expect(result).toMatchObject({ undo: "Merged links 2 and 3", redo: "Split link 2" });
    result = applyEdit(id, result.version, { name: "undo" }, "Paul", db);
    expect(show(stored(id))).toEqual(start);
    expect(result).toMatchObject({ undo: null, redo: "Merged links 2 and 3" });
    expect(refusal(() => applyEdit(id, result.version, { name: "undo" }, ME, db))).toMatchObject({ status: 422, message: "There is nothing to undo." });

    result = applyEdit(id, result.version, { name: "redo" }, ME, db);
    expect(show(stored(id))).toEqual(merged);
    result = applyEdit(id, result.version, { name: "redo" }, ME, db);
    expect(show(stored(id))).toEqual(split);
    expect(result).toMatchObject({ undo: "Split link 2", redo: null });
    expect(positions(id)).toEqual(split.map((_, k) => k));

    const history = pairHistory(id, 50, db);
    expect(history.map((h) => [h.operation, h.user, h.label])).toEqual([
      ["redo", ME, "Redid: Split link 2"],
      ["redo", ME, "Redid: Merged links 2 and 3"],
      ["undo", "Paul", "Undid: Merged links 2 and 3"],
      ["undo", ME, "Undid: Split link 2"],
      ["split", ME, "Split link 2"],
      ["merge", ME, "Merged links 2 and 3"],
    ]);
    expect(history.map((h) => h.versionAfter)).toEqual([7, 6, 5, 4, 3, 2]);
  });

  it("a new change after an undo drops the redo", () => {
    const id = readyPair(8, START);
    let v = applyEdit(id, version(id), { name: "confirm", link: 0 }, ME, db).version;
    v = applyEdit(id, v, { name: "undo" }, ME, db).version;
    const result = applyEdit(id, v, { name: "confirm", link: 5 }, ME, db);
    expect(result).toMatchObject({ undo: "Confirmed link 6", redo: null });
    expect(refusal(() => applyEdit(id, result.version, { name: "redo" }, ME, db)).message).toBe("There is nothing to redo.");
    expect(db.select({ s: edits.state }).from(edits).orderBy(edits.id).all().map((r) => r.s)).toEqual(["dropped", null, "done"]);
  });

  it("works across reloads: another connection undoes what the first one did", () => {
    const id = readyPair(8, START);
    applyEdit(id, version(id), { name: "shift-down", link: 2, side: "fr" }, ME, db);
    const other = openDatabase(file);
    try {
      const editor = getEditor(id, other)!;
      expect(editor.undo).toBe("Moved the last French segment of link 3 down");
      applyEdit(id, editor.version, { name: "undo" }, ME, other);
    } finally {
      other.$client.close();
    }
    expect(show(stored(id))).toEqual(START);
  });

  it("a new alignment of the whole pair starts a new history: nothing before it can be undone", () => {
    const id = readyPair(8, START);
    const v = applyEdit(id, version(id), { name: "merge", link: 0 }, ME, db).version;
    db.update(pairs).set({ status: "aligning" }).where(eq(pairs.id, id)).run();
    storeAlignment(id, { links: Array.from({ length: 8 }, (_, i) => ({ en: [i], fr: [i], confidence: 0.9 })), support: 1 }, db);
    expect(version(id)).toBe(v + 1);
    expect(getEditor(id, db)).toMatchObject({ undo: null, redo: null });
    expect(refusal(() => applyEdit(id, v + 1, { name: "undo" }, ME, db)).message).toBe("There is nothing to undo.");
    // The stale page that saw the old links is refused.
    expect(refusal(() => applyEdit(id, v, { name: "confirm", link: 0 }, ME, db)).message).toBe(STALE);
  });

  it("keeps the database equal to a model of the alignment and its undo stack over random edits", () => {
    const n = 30;
    const id = readyPair(n);
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(items: T[]) => items[Math.floor(random() * items.length)];
    let current = stored(id);
    const done: EditableLink[][] = [];
    const undone: EditableLink[][] = [];
    let v = version(id);
    let refused = 0;
    for (let step = 0; step < 150; step++) {
      const k = Math.floor(random() * current.length);
      const link = current[k];
      const op: EditOperation = pick<EditOperation>([
        { name: "shift-up", link: k, side: pick(["en", "fr"]) },
        { name: "shift-down", link: k, side: pick(["en", "fr"]) },
        { name: "merge", link: k },
        { name: "split", link: k, enCount: Math.floor(random() * (link.en.length + 1)), frCount: Math.floor(random() * (link.fr.length + 1)) },
        { name: "confirm", link: k },
        { name: "unconfirm", link: k },
        { name: "confirm-through", link: k },
        { name: "undo" },
        { name: "redo" },
      ]);
      try {
        const result = applyEdit(id, v, op, ME, db);
        v = result.version;
        if (op.name === "undo") {
          undone.push(current);
          current = done.pop()!;
        } else if (op.name === "redo") {
          done.push(current);
          current = undone.pop()!;
        } else if (result.changed) {
          done.push(current);
          undone.length = 0;
          current = runOperation(current, op);
        }
      } catch (error) {
        expect(error).toBeInstanceOf(EditError);
        refused++;
      }
      expect(show(stored(id))).toEqual(show(current));
    }
    expect(alignmentProblems(current, n, n)).toEqual([]);
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(100);
    expect(positions(id)).toEqual(current.map((_, k) => k));
  });
});

describe("reading for the editor", () => {
  it("gives every link as tuples, undo and redo, and the texts from a position on", () => {
    const id = readyPair(8, START);
    applyEdit(id, version(id), { name: "confirm", link: 1 }, ME, db);
    const editor = getEditor(id, db)!;
    expect(editor.links.map(fromTuple).map((l) => formatLink(l) + (l.status === "confirmed" ? "!" : ""))).toEqual(
      START.map((l, k) => (k === 1 ? `${l}!` : l)),
    );
    expect(editor.links[3]).toEqual([4, 1, 4, 0, 0, 0.8]);
    expect(editor).toMatchObject({ version: 2, undo: "Confirmed link 2", redo: null, realign: { pending: false, error: null } });
    const texts = pairTexts(id, { enFrom: 2, enTo: 4, frFrom: 7, frTo: 9 }, db)!;
    expect(texts).toMatchObject({ enFrom: 2, frFrom: 7, enKinds: "bb", frKinds: "b" });
    expect(texts.en[0]).toMatch(/request 3,/);
    expect(texts.fr).toHaveLength(1);
    expect(pairTexts(id, null, db)!.en).toHaveLength(8);
  });
});

describe("realigning the unconfirmed links", () => {
  /** A pair whose stored alignment is wrong after the first links: everything shifted by one. */
  function misalignedPair(n = 40) {
    const list = ["[0]:[0]", "[1]:[1]", "[2,3]:[2]", ...Array.from({ length: n - 4 }, (_, k) => `[${k + 4}]:[${k + 3}]`), `[]:[${n - 1}]`];
    return readyPair(n, list);
  }

  it("keeps the confirmed links, replaces the rest in one recorded change, and can be undone", { timeout: WORKER_TIMEOUT }, async () => {
    const n = 40;
    const id = misalignedPair(n);
    let v = applyEdit(id, version(id), { name: "confirm", link: 1 }, ME, db).version;
    v = applyEdit(id, v, { name: "shift-down", link: 2, side: "en" }, ME, db).version;
    v = applyEdit(id, v, { name: "confirm", link: 2 }, ME, db).version;
    const before = show(stored(id));
    requestRealignment(id, v, ME, db);
    expect(getEditor(id, db)!.realign).toMatchObject({ pending: true, user: ME });
    // Edits wait while the aligner runs.
    expect(refusal(() => applyEdit(id, v, { name: "confirm", link: 5 }, ME, db))).toMatchObject({ status: 409, message: REALIGNING });

    queue = new AlignmentQueue(db, { progressInterval: 0 });
    queue.enqueue(id, "realign");
    await queue.idle();
    const after = stored(id);
    expect(show(after).slice(0, 4)).toEqual(["[0]:[0]", "[1]:[1]!", "[2]:[2]!", "[3]:[3]"]);
    expect(show(after).slice(-1)).toEqual([`[${n - 1}]:[${n - 1}]`]);
    expect(alignmentProblems(after, n, n)).toEqual([]);
    const editor = getEditor(id, db)!;
    expect(editor).toMatchObject({ version: v + 1, undo: "Realigned the unconfirmed links", realign: { pending: false, error: null } });
    expect(editor.history[0]).toMatchObject({ operation: "realign", user: ME });

    applyEdit(id, editor.version, { name: "undo" }, ME, db);
    expect(show(stored(id))).toEqual(before);
  });

  it("stores nothing when the pair changed meanwhile, and says so", () => {
    const id = misalignedPair(12);
    const v = version(id);
    requestRealignment(id, v, ME, db);
    const input = beginRealignment(id, db)!;
    expect(input.fixed).toEqual([]);
    // Something moved the pair on (edits are refused meanwhile; a new full alignment is not).
    db.update(pairs).set({ version: v + 5 }).where(eq(pairs.id, id)).run();
    const diagonal = Array.from({ length: 12 }, (_, i) => ({ en: [i], fr: [i], confidence: 0.9 }));
    expect(storeRealignment(id, { links: diagonal, support: 1 }, db)).toBe(false);
    expect(getEditor(id, db)!.realign).toMatchObject({ pending: false, error: expect.stringMatching(/changed while it was being realigned/) });
    expect(stored(id)[2].en).toEqual([2, 3]);
  });

  it("a server stopped mid-run leaves the pair as it was", { timeout: WORKER_TIMEOUT }, async () => {
    const n = 3000;
    const id = misalignedPair(n);
    const v = applyEdit(id, version(id), { name: "confirm", link: 0 }, ME, db).version;
    const before = show(stored(id));
    requestRealignment(id, v, ME, db);
    const child = spawn(process.execPath, ["--import", "tsx", "tests/unit/support/realign-server.ts", file, String(id)], { stdio: "pipe" });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    const deadline = Date.now() + 30_000;
    while ((db.select({ p: pairs.realignProgress }).from(pairs).where(eq(pairs.id, id)).get()!.p ?? 0) === 0) {
      if (Date.now() > deadline) throw new Error("the child never started realigning");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill("SIGKILL");
    await exited;
    expect(show(stored(id))).toEqual(before);
    expect(version(id)).toBe(v);
    recoverInterruptedPairs(db);
    expect(getEditor(id, db)!.realign).toEqual({ pending: false, progress: 0, user: null, error: REALIGN_INTERRUPTED });
    expect(show(stored(id))).toEqual(before);
    // Editing goes on.
    expect(applyEdit(id, v, { name: "confirm", link: 1 }, ME, db).changed).toBe(true);
  });
});
