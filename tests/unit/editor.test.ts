import { spawn } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { formatLink, alignmentProblems } from "../../alignments/align/links";
import { afterSegmentMerge, afterSegmentSplit, type EditableLink } from "../../alignments/align/operations";
import { importDocument } from "../../app/models/documents.server";
import {
  applyEdit,
  EditError,
  REALIGNING,
  STALE,
} from "../../app/models/editor.server";
import { beginRealignment, requestRealignment, storeAlignment, storeRealignment, beginAlignment } from "../../app/models/alignment-jobs.server";
import { linkHistory, pairHistory } from "../../app/models/editor-history.server";
import { getEditor, pairTexts } from "../../app/models/editor-read.server";
import { mendCleanTexts } from "../../app/models/editor-segments.server";
import { createPair, pairLinks, recoverInterruptedPairs, REALIGN_INTERRUPTED } from "../../app/models/pairs.server";
import {
  applyPatch,
  applyTextsPatch,
  describeRecordedLink,
  fromTuple,
  isSegmentOperation,
  runOperation,
  runSegmentOperation,
  segmentReplacement,
  type EditOperation,
  type LinkHistoryEntry,
  type LinkOperation,
  type SegmentOperation,
} from "../../app/editor/edits";
import { openDatabase, type Db } from "../../db/client.server";
import { documents, edits, links, pairs, segments } from "../../db/schema";
import { databaseAndQueuePerTest, WORKER_TIMEOUT } from "./helpers";

let db: Db;
let file: string;
const queues = databaseAndQueuePerTest((temp) => ({ db, file } = temp));

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
  const { id } = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db);
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

/** A pseudo-random sequence from a seed (the same on every run), and a pick among items. */
function seeded(seed: number) {
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  return { random, pick: <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)] };
}

/**
 * A model of what a saved edit does to the state that undo and redo move along: undo takes back the last state done,
 * redo the last one undone; a change that changed something makes a new state (`change`) and empties the redo stack.
 */
class UndoModel<T> {
  done: T[] = [];
  undone: T[] = [];
  constructor(public current: T) {}
  saved(op: EditOperation, changed: boolean, change: (state: T) => T): void {
    if (op.name === "undo") {
      this.undone.push(this.current);
      this.current = this.done.pop()!;
    } else if (op.name === "redo") {
      this.done.push(this.current);
      this.current = this.undone.pop()!;
    } else if (changed) {
      this.done.push(this.current);
      this.undone.length = 0;
      this.current = change(this.current);
    }
  }
}

/** A model of a segment operation's texts on its side: what segmentReplacement puts in place. */
function textsAfter(list: readonly string[], op: SegmentOperation): string[] {
  const read = (p: number) => (p < list.length ? { text: list[p], kind: "body" as const, paragraph: 0, start: 0, end: 0, noteRefs: [] } : null);
  const { removed, segments } = segmentReplacement(op, read);
  return [...list.slice(0, op.segment), ...segments.map((x) => x.text), ...list.slice(op.segment + removed)];
}

const START = ["[0]:[0]", "[1,2]:[1]", "[3]:[2,3]", "[4]:[]", "[]:[4]", "[5]:[5]", "[6]:[6]", "[7]:[7]"];

describe("editing a pair", () => {
  it.each<LinkOperation>([
    { name: "shift-up", link: 1, side: "en" },
    { name: "shift-up", link: 2, side: "fr" },
    { name: "shift-down", link: 1, side: "en" },
    { name: "shift-down", link: 0, side: "fr" },
    { name: "merge", link: 3 },
    { name: "split", link: 1, sourceCount: 1, targetCount: 1 },
    { name: "split", link: 0, sourceCount: 1, targetCount: 0 },
    { name: "confirm", link: 2 },
    { name: "confirm-through", link: 4 },
  ])("stores $name in one change: links, version, history row", (op) => {
    const id = readyPair(8, START);
    const before = stored(id);
    const v = version(id);
    const result = applyEdit({ pairId: id, version: v, operation: op, user: ME }, db);
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

  it.each<EditOperation>([
    { name: "confirm", link: 2 },
    { name: "confirm", link: 3 },
    { name: "merge", link: 1 },
    { name: "shift-down", link: 1, side: "en" },
    { name: "shift-up", link: 4, side: "fr" },
    { name: "confirm-through", link: 6 },
    { name: "undo" },
    { name: "edit-segment", side: "fr", segment: 6, text: "Nouveau texte." },
  ])("refuses %j made on a version that had not seen a change it could conflict with (reload message), and changes nothing", (op) => {
    const id = readyPair(8, START);
    const v = version(id);
    applyEdit({ pairId: id, version: v, operation: { name: "merge", link: 2 }, user: "Another reviewer" }, db);
    const before = show(stored(id));
    const error = refusal(() => applyEdit({ pairId: id, version: v, operation: op, user: ME }, db));
    expect(error.status).toBe(409);
    expect(error.message).toBe(STALE);
    expect(error.message).toMatch(/^This pair changed since you loaded it: reload/);
    expect(show(stored(id))).toEqual(before);
    expect(version(id)).toBe(v + 1);
    expect(historyCount()).toBe(1);
  });

  it("makes an edit that cannot conflict with the changes its page had not seen, on the same links, and answers with those changes", () => {
    const id = readyPair(8, START);
    const start = stored(id);
    const v = version(id);
    // Another reviewer merges links 3 and 4, then splits English segment 8 (link 8) in two.
    const merged = applyEdit({ pairId: id, version: v, operation: { name: "merge", link: 2 }, user: "Another reviewer" }, db);
    const split = applyEdit({ pairId: id, version: merged.version, operation: { name: "split-segment", side: "en", segment: 7, caret: 10 }, user: "Another reviewer" }, db);
    // The page at v confirms its link 6, English 6 ↔ French 6: now link 5 (0-based 4).
    const result = applyEdit({ pairId: id, version: v, operation: { name: "confirm", link: 5 }, user: ME }, db);
    expect(show(stored(id))).toEqual(["[0]:[0]", "[1,2]:[1]", "[3,4]:[2,3]", "[]:[4]", "[5]:[5]!", "[6]:[6]", "[7,8]:[7]"]);
    expect(result).toMatchObject({ changed: true, version: split.version + 1, undo: "Confirmed link 5" });
    expect(result.unseen).toEqual([
      { patch: merged.patch, texts: null },
      { patch: split.patch, texts: split.texts },
    ]);
    // The page's links, with what it missed and then its own change, are what is stored.
    let page = start;
    for (const { patch } of result.unseen!) page = applyPatch(page, patch);
    expect(show(applyPatch(page, result.patch!))).toEqual(show(stored(id)));
    // The same page, still at v, confirms its first link: above every change, nothing moved there.
    const first = applyEdit({ pairId: id, version: v, operation: { name: "confirm", link: 0 }, user: ME }, db);
    expect(first).toMatchObject({ changed: true, version: result.version + 1 });
    expect(first.unseen).toHaveLength(3);
    expect(show(stored(id))[0]).toBe("[0]:[0]!");
    // But not its link 6 again: it was changed since (confirmed).
    expect(refusal(() => applyEdit({ pairId: id, version: v, operation: { name: "unconfirm", link: 5 }, user: ME }, db)).status).toBe(409);
    expect(historyCount()).toBe(4);
  });

  it.each<[LinkOperation, RegExp]>([
    [{ name: "shift-up", link: 0, side: "en" }, /first link has no link above/],
    [{ name: "shift-up", link: 4, side: "en" }, /no English segment to move up/],
    [{ name: "merge", link: 7 }, /nothing below it to merge/],
    [{ name: "split", link: 0, sourceCount: 0, targetCount: 0 }, /empty link/],
    [{ name: "confirm", link: 8 }, /no link 9/],
  ])("refuses %j with the reason (422) and changes nothing", (op, message) => {
    const id = readyPair(8, START);
    const before = show(stored(id));
    const v = version(id);
    const error = refusal(() => applyEdit({ pairId: id, version: v, operation: op, user: ME }, db));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(message);
    expect(show(stored(id))).toEqual(before);
    expect(version(id)).toBe(v);
    expect(historyCount()).toBe(0);
  });

  it("refuses an edit without a name, or on a pair that is gone", () => {
    const id = readyPair(4);
    expect(refusal(() => applyEdit({ pairId: id, version: version(id), operation: { name: "confirm", link: 0 }, user: "   " }, db))).toMatchObject({ status: 400, message: /Give your name/ });
    expect(refusal(() => applyEdit({ pairId: 999, version: 0, operation: { name: "confirm", link: 0 }, user: ME }, db)).status).toBe(404);
    expect(historyCount()).toBe(0);
  });

  it("confirming a confirmed link changes nothing and records nothing", () => {
    const id = readyPair(4);
    const first = applyEdit({ pairId: id, version: version(id), operation: { name: "confirm", link: 1 }, user: ME }, db);
    const again = applyEdit({ pairId: id, version: first.version, operation: { name: "confirm", link: 1 }, user: ME }, db);
    expect(again).toMatchObject({ version: first.version, changed: false, patch: null });
    expect(historyCount()).toBe(1);
  });
});

describe("undo and redo", () => {
  it("undo restores the links before the last change, redo re-applies it, both recorded", () => {
    const id = readyPair(8, START);
    const start = show(stored(id));
    let v = applyEdit({ pairId: id, version: version(id), operation: { name: "merge", link: 1 }, user: ME }, db).version;
    const merged = show(stored(id));
    v = applyEdit({ pairId: id, version: v, operation: { name: "split", link: 1, sourceCount: 1, targetCount: 2 }, user: ME }, db).version;
    const split = show(stored(id));

    let result = applyEdit({ pairId: id, version: v, operation: { name: "undo" }, user: ME }, db);
    expect(show(stored(id))).toEqual(merged);
    expect(result).toMatchObject({ undo: "Merged links 2 and 3", redo: "Split link 2" });
    result = applyEdit({ pairId: id, version: result.version, operation: { name: "undo" }, user: "Paul" }, db);
    expect(show(stored(id))).toEqual(start);
    expect(result).toMatchObject({ undo: null, redo: "Merged links 2 and 3" });
    expect(refusal(() => applyEdit({ pairId: id, version: result.version, operation: { name: "undo" }, user: ME }, db))).toMatchObject({ status: 422, message: "There is nothing to undo." });

    result = applyEdit({ pairId: id, version: result.version, operation: { name: "redo" }, user: ME }, db);
    expect(show(stored(id))).toEqual(merged);
    result = applyEdit({ pairId: id, version: result.version, operation: { name: "redo" }, user: ME }, db);
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
    let v = applyEdit({ pairId: id, version: version(id), operation: { name: "confirm", link: 0 }, user: ME }, db).version;
    v = applyEdit({ pairId: id, version: v, operation: { name: "undo" }, user: ME }, db).version;
    const result = applyEdit({ pairId: id, version: v, operation: { name: "confirm", link: 5 }, user: ME }, db);
    expect(result).toMatchObject({ undo: "Confirmed link 6", redo: null });
    expect(refusal(() => applyEdit({ pairId: id, version: result.version, operation: { name: "redo" }, user: ME }, db)).message).toBe("There is nothing to redo.");
    expect(db.select({ s: edits.state }).from(edits).orderBy(edits.id).all().map((r) => r.s)).toEqual(["dropped", null, "done"]);
  });

  it("works across reloads: another connection undoes what the first one did", () => {
    const id = readyPair(8, START);
    applyEdit({ pairId: id, version: version(id), operation: { name: "shift-down", link: 2, side: "fr" }, user: ME }, db);
    const other = openDatabase(file);
    try {
      const editor = getEditor(id, other)!;
      expect(editor.undo).toBe("Moved the last French segment of link 3 down");
      applyEdit({ pairId: id, version: editor.version, operation: { name: "undo" }, user: ME }, other);
    } finally {
      other.$client.close();
    }
    expect(show(stored(id))).toEqual(START);
  });

  it("a new alignment of the whole pair starts a new history: nothing before it can be undone", () => {
    const id = readyPair(8, START);
    const v = applyEdit({ pairId: id, version: version(id), operation: { name: "merge", link: 0 }, user: ME }, db).version;
    db.update(pairs).set({ status: "aligning" }).where(eq(pairs.id, id)).run();
    storeAlignment(id, { links: Array.from({ length: 8 }, (_, i) => ({ en: [i], fr: [i], confidence: 0.9 })), support: 1 }, db);
    expect(version(id)).toBe(v + 1);
    expect(getEditor(id, db)).toMatchObject({ undo: null, redo: null });
    expect(refusal(() => applyEdit({ pairId: id, version: v + 1, operation: { name: "undo" }, user: ME }, db)).message).toBe("There is nothing to undo.");
    // The stale page that saw the old links is refused.
    expect(refusal(() => applyEdit({ pairId: id, version: v, operation: { name: "confirm", link: 0 }, user: ME }, db)).message).toBe(STALE);
  });

  it("keeps the database equal to a model of the alignment and its undo stack over random edits", () => {
    const n = 30;
    const id = readyPair(n);
    const { random, pick } = seeded(42);
    const model = new UndoModel(stored(id));
    let v = version(id);
    let refused = 0;
    for (let step = 0; step < 150; step++) {
      const k = Math.floor(random() * model.current.length);
      const link = model.current[k];
      const op: EditOperation = pick<EditOperation>([
        { name: "shift-up", link: k, side: pick(["en", "fr"]) },
        { name: "shift-down", link: k, side: pick(["en", "fr"]) },
        { name: "merge", link: k },
        { name: "split", link: k, sourceCount: Math.floor(random() * (link.en.length + 1)), targetCount: Math.floor(random() * (link.fr.length + 1)) },
        { name: "confirm", link: k },
        { name: "unconfirm", link: k },
        { name: "confirm-through", link: k },
        { name: "undo" },
        { name: "redo" },
      ]);
      try {
        const result = applyEdit({ pairId: id, version: v, operation: op, user: ME }, db);
        v = result.version;
        model.saved(op, result.changed, (links) => runOperation(links, op as LinkOperation));
      } catch (error) {
        expect(error).toBeInstanceOf(EditError);
        refused++;
      }
      expect(show(stored(id))).toEqual(show(model.current));
    }
    expect(alignmentProblems(model.current, n, n)).toEqual([]);
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(100);
    expect(positions(id)).toEqual(model.current.map((_, k) => k));
  });
});

describe("reading for the editor", () => {
  it("gives every link as tuples, undo and redo, and the texts from a position on", () => {
    const id = readyPair(8, START);
    applyEdit({ pairId: id, version: version(id), operation: { name: "confirm", link: 1 }, user: ME }, db);
    const editor = getEditor(id, db)!;
    expect(editor.links.map(fromTuple).map((l) => formatLink(l) + (l.status === "confirmed" ? "!" : ""))).toEqual(
      START.map((l, k) => (k === 1 ? `${l}!` : l)),
    );
    expect(editor.links[3]).toEqual([4, 1, 4, 0, 0, 0.8, 0]);
    expect(editor.links[1][6]).toBe(1);
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
    let v = applyEdit({ pairId: id, version: version(id), operation: { name: "confirm", link: 1 }, user: ME }, db).version;
    v = applyEdit({ pairId: id, version: v, operation: { name: "shift-down", link: 2, side: "en" }, user: ME }, db).version;
    v = applyEdit({ pairId: id, version: v, operation: { name: "confirm", link: 2 }, user: ME }, db).version;
    const before = show(stored(id));
    requestRealignment({ pairId: id, version: v, user: ME }, db);
    expect(getEditor(id, db)!.realign).toMatchObject({ pending: true, user: ME });
    // Edits wait while the aligner runs.
    expect(refusal(() => applyEdit({ pairId: id, version: v, operation: { name: "confirm", link: 5 }, user: ME }, db))).toMatchObject({ status: 409, message: REALIGNING });

    const queue = queues.open({ progressInterval: 0 });
    queue.enqueue(id, "realign");
    await queue.idle();
    const after = stored(id);
    expect(show(after).slice(0, 4)).toEqual(["[0]:[0]", "[1]:[1]!", "[2]:[2]!", "[3]:[3]"]);
    expect(show(after).slice(-1)).toEqual([`[${n - 1}]:[${n - 1}]`]);
    expect(alignmentProblems(after, n, n)).toEqual([]);
    const editor = getEditor(id, db)!;
    expect(editor).toMatchObject({ version: v + 1, undo: "Realigned the unconfirmed links", realign: { pending: false, error: null } });
    expect(editor.history[0]).toMatchObject({ operation: "realign", user: ME });

    applyEdit({ pairId: id, version: editor.version, operation: { name: "undo" }, user: ME }, db);
    expect(show(stored(id))).toEqual(before);
  });

  it("stores nothing when the pair changed meanwhile, and says so", () => {
    const id = misalignedPair(12);
    const v = version(id);
    requestRealignment({ pairId: id, version: v, user: ME }, db);
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
    const v = applyEdit({ pairId: id, version: version(id), operation: { name: "confirm", link: 0 }, user: ME }, db).version;
    const before = show(stored(id));
    requestRealignment({ pairId: id, version: v, user: ME }, db);
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
    expect(applyEdit({ pairId: id, version: v, operation: { name: "confirm", link: 1 }, user: ME }, db).changed).toBe(true);
  });
});

describe("segment operations: split, merge, new text", () => {
  const texts = (id: number) => pairTexts(id, null, db)!;
  const documentOf = (id: number, side: "en" | "fr") => {
    const row = db.select({ en: pairs.sourceDocumentId, fr: pairs.targetDocumentId }).from(pairs).where(eq(pairs.id, id)).get()!;
    return side === "en" ? row.en : row.fr;
  };
  const segmentCount = (documentId: number) => db.select({ n: documents.segmentCount }).from(documents).where(eq(documents.id, documentId)).get()!.n;
  const cleanText = (documentId: number) => db.select({ text: documents.cleanText }).from(documents).where(eq(documents.id, documentId)).get()!.text;
  /** The segments whose text is not the document's clean text at their offsets (none, when the clean text follows them). */
  const astray = (documentId: number) => {
    const clean = cleanText(documentId);
    return db
      .select()
      .from(segments)
      .where(eq(segments.documentId, documentId))
      .all()
      .filter((segment) => clean.slice(segment.start, segment.end) !== segment.text)
      .map((segment) => segment.position);
  };
  const segmentPositions = (documentId: number) =>
    db.select({ p: segments.position }).from(segments).where(eq(segments.documentId, documentId)).orderBy(segments.position).all().map((r) => r.p);
  /** A second pair on the same English document, with its own French text of n lines and the diagonal. */
  function secondPair(first: number, n = 8) {
    const fr = importDocument({ title: "Entraide bis", raw: parallel(n).fr.replace(/ministre/g, "Ministre"), language: "fr", origin: "import", presegmented: true }, db);
    const { id } = createPair({ sourceDocumentId: documentOf(first, "en"), targetDocumentId: fr.id, title: "Second pair" }, db);
    beginAlignment(id, db);
    storeAlignment(id, { links: Array.from({ length: n }, (_, i) => ({ en: [i], fr: [i], confidence: 0.7 })), support: 1 }, db);
    return id;
  }

  it("splits a segment at the caret: texts renumbered, both halves in the link, recorded with the old text", () => {
    const id = readyPair(8, START);
    const en = documentOf(id, "en");
    const old = texts(id).en;
    const caret = old[3].indexOf(" provide");
    const v = version(id);
    const result = applyEdit({ pairId: id, version: v, operation: { name: "split-segment", side: "en", segment: 3, caret }, user: ME }, db);
    const now = texts(id).en;
    expect(now).toHaveLength(9);
    expect(now[3]).toBe(old[3].slice(0, caret));
    expect(now[4]).toBe(old[3].slice(caret + 1));
    expect(now.slice(5)).toEqual(old.slice(4));
    expect(segmentCount(en)).toBe(9);
    expect(segmentPositions(en)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(show(stored(id))).toEqual(["[0]:[0]", "[1,2]:[1]", "[3,4]:[2,3]", "[5]:[]", "[]:[4]", "[6]:[5]", "[7]:[6]", "[8]:[7]"]);
    expect(alignmentProblems(stored(id), 9, 8)).toEqual([]);
    expect(result).toMatchObject({ version: v + 1, changed: true, undo: "Split English segment 4 in two", redo: null });
    // What the browser does with the answer gives what is stored.
    const browser = applyPatch(START.map((l) => l.split(":").map((x) => JSON.parse(x) as number[])).map(([e, f]) => ({ en: e, fr: f, status: "automatic" as const, confidence: 0.8 })), result.patch!);
    expect(show(browser)).toEqual(show(stored(id)));
    expect(applyTextsPatch(pairTexts(id, null, db)!, { ...result.texts!, removed: 2, texts: [old[3]], kinds: "b" }).en).toEqual(old);
    expect(result.texts).toMatchObject({ side: "en", position: 3, removed: 1, texts: [now[3], now[4]], kinds: "bb" });
    const [row] = db.select().from(edits).all();
    expect(row).toMatchObject({ operation: "split-segment", state: "done", user: ME });
    expect(JSON.parse(row.segment!)).toMatchObject({ document: en, side: "en", position: 3, before: [{ text: old[3] }], after: [{ text: now[3] }, { text: now[4] }] });
  });

  it("merges a segment with the next one across two links; the emptied link goes", () => {
    const id = readyPair(8, START);
    const old = texts(id).fr;
    const result = applyEdit({ pairId: id, version: version(id), operation: { name: "merge-segments", side: "fr", segment: 3 }, user: ME }, db);
    expect(texts(id).fr).toEqual([...old.slice(0, 3), `${old[3]} ${old[4]}`, ...old.slice(5)]);
    expect(show(stored(id))).toEqual(["[0]:[0]", "[1,2]:[1]", "[3]:[2,3]", "[4]:[]", "[5]:[4]", "[6]:[5]", "[7]:[6]"]);
    expect(alignmentProblems(stored(id), 8, 7)).toEqual([]);
    expect(positions(id)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(result.undo).toBe("Merged French segments 4 and 5");
    expect(segmentCount(documentOf(id, "fr"))).toBe(7);
  });

  it("corrects a segment's text without moving a link; the same text again records nothing", () => {
    const id = readyPair(8, START);
    const old = texts(id).fr[2];
    const typo = old.replace("assistance", "asistance");
    const links = show(stored(id));
    let result = applyEdit({ pairId: id, version: version(id), operation: { name: "edit-segment", side: "fr", segment: 2, text: `  ${typo}\n` }, user: ME }, db);
    expect(texts(id).fr[2]).toBe(typo);
    expect(show(stored(id))).toEqual(links);
    expect(result).toMatchObject({ changed: true, undo: "Corrected the text of French segment 3", texts: { side: "fr", position: 2, removed: 1, texts: [typo] } });
    // The link holding the segment is written in place (so that it counts as edited), with a person's confidence:
    // the aligner's 0.8 was about the old text (decision 29).
    expect(result.patch).toMatchObject({ position: 2, removed: 1, links: [[3, 1, 2, 2, 0, 1, 1]] });
    const row = db.select().from(edits).all()[0];
    expect(JSON.parse(row.args)).toEqual({ side: "fr", segment: 2 });
    expect(JSON.parse(row.segment!)).toMatchObject({ before: [{ text: old }], after: [{ text: typo }] });
    result = applyEdit({ pairId: id, version: result.version, operation: { name: "edit-segment", side: "fr", segment: 2, text: typo }, user: ME }, db);
    expect(result).toMatchObject({ changed: false, patch: null, texts: null });
    expect(historyCount()).toBe(1);
  });

  it("undo and redo put the text and the links back, across a reload", () => {
    const id = readyPair(8, START);
    const start = { links: show(stored(id)), texts: texts(id) };
    let v = applyEdit({ pairId: id, version: version(id), operation: { name: "edit-segment", side: "en", segment: 1, text: "A corrected text." }, user: ME }, db).version;
    v = applyEdit({ pairId: id, version: v, operation: { name: "merge-segments", side: "en", segment: 1 }, user: ME }, db).version;
    v = applyEdit({ pairId: id, version: v, operation: { name: "split-segment", side: "en", segment: 1, caret: 2 }, user: ME }, db).version;
    const end = { links: show(stored(id)), texts: texts(id) };
    expect(end.texts.en.slice(1, 3)).toEqual(["A", "corrected text. " + start.texts.en[2]].map((t) => t.trim()));
    for (let k = 0; k < 3; k++) {
      const other = openDatabase(file);
      try {
        v = applyEdit({ pairId: id, version: getEditor(id, other)!.version, operation: { name: "undo" }, user: ME }, other).version;
      } finally {
        other.$client.close();
      }
    }
    expect({ links: show(stored(id)), texts: texts(id) }).toEqual(start);
    expect(segmentCount(documentOf(id, "en"))).toBe(8);
    for (let k = 0; k < 3; k++) v = applyEdit({ pairId: id, version: v, operation: { name: "redo" }, user: ME }, db).version;
    expect({ links: show(stored(id)), texts: texts(id) }).toEqual(end);
    expect(pairHistory(id, 50, db).map((h) => h.label).slice(0, 2)).toEqual(["Redid: Split English segment 2 in two", "Redid: Merged English segments 2 and 3"]);
  });

  it("keeps the document's clean text with its segments: corrected, split, merged, undone and redone", () => {
    const id = readyPair(8, START);
    const en = documentOf(id, "en");
    const imported = cleanText(en);
    const old = texts(id).en;
    let v = applyEdit({ pairId: id, version: version(id), operation: { name: "edit-segment", side: "en", segment: 1, text: "A corrected text." }, user: ME }, db).version;
    expect(cleanText(en)).toBe(imported.replace(old[1], "A corrected text."));
    v = applyEdit({ pairId: id, version: v, operation: { name: "merge-segments", side: "en", segment: 1 }, user: ME }, db).version;
    // One segment per line: the merge joins two lines (two paragraphs) with a space.
    expect(cleanText(en)).toBe(imported.replace(`${old[1]}\n\n${old[2]}`, `A corrected text. ${old[2]}`));
    v = applyEdit({ pairId: id, version: v, operation: { name: "split-segment", side: "en", segment: 1, caret: 2 }, user: ME }, db).version;
    expect(astray(en)).toEqual([]);
    for (let k = 0; k < 3; k++) v = applyEdit({ pairId: id, version: v, operation: { name: "undo" }, user: ME }, db).version;
    expect(cleanText(en)).toBe(imported);
    expect(astray(en)).toEqual([]);
    for (let k = 0; k < 3; k++) v = applyEdit({ pairId: id, version: v, operation: { name: "redo" }, user: ME }, db).version;
    expect(cleanText(en)).toBe(imported.replace(`${old[1]}\n\n${old[2]}`, `A corrected text. ${old[2]}`));
    expect(astray(en)).toEqual([]);
  });

  it("mends, at set-up, a clean text left behind by corrections made before it followed them", () => {
    const id = readyPair(8, START);
    const en = documentOf(id, "en");
    const imported = cleanText(en);
    applyEdit({ pairId: id, version: version(id), operation: { name: "edit-segment", side: "en", segment: 2, text: "Shorter." }, user: ME }, db);
    applyEdit({ pairId: id, version: version(id), operation: { name: "merge-segments", side: "en", segment: 4 }, user: ME }, db);
    const corrected = cleanText(en);
    // As earlier versions left it: the imported clean text; a corrected segment on its old span, a merged one on both spans.
    db.update(documents).set({ cleanText: imported }).where(eq(documents.id, en)).run();
    const lines = parallel(8).en.split("\n");
    const span = (line: number) => [imported.indexOf(lines[line]), imported.indexOf(lines[line]) + lines[line].length];
    const spans = [span(0), span(1), span(2), span(3), [span(4)[0], span(5)[1]], span(6), span(7)];
    const rows = db.select().from(segments).where(eq(segments.documentId, en)).orderBy(segments.position).all();
    rows.forEach((row, k) => db.update(segments).set({ start: spans[k][0], end: spans[k][1] }).where(eq(segments.id, row.id)).run());
    expect(astray(en)).toEqual([2, 4]);
    expect(mendCleanTexts(db)).toEqual([en]);
    expect(astray(en)).toEqual([]);
    expect(cleanText(en)).toBe(corrected);
    expect(mendCleanTexts(db)).toEqual([]);
  });

  it("undoing a split whose halves were since moved apart is refused, as any undo that no longer fits", () => {
    const id = readyPair(8, START);
    let v = applyEdit({ pairId: id, version: version(id), operation: { name: "split-segment", side: "en", segment: 0, caret: 4 }, user: ME }, db).version;
    v = applyEdit({ pairId: id, version: v, operation: { name: "shift-down", link: 0, side: "en" }, user: ME }, db).version;
    v = applyEdit({ pairId: id, version: v, operation: { name: "undo" }, user: ME }, db).version;
    v = applyEdit({ pairId: id, version: v, operation: { name: "undo" }, user: ME }, db).version;
    expect(texts(id).en).toHaveLength(8);
    expect(show(stored(id))).toEqual(START);
  });

  it("fixes the links of every pair that uses the document, and records the change there too", () => {
    const a = readyPair(8, START);
    const b = secondPair(a);
    const vb = version(b);
    const result = applyEdit({ pairId: a, version: version(a), operation: { name: "split-segment", side: "en", segment: 5, caret: 10 }, user: ME }, db);
    expect(result.version).toBe(version(a));
    expect(show(stored(b))).toEqual(["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]", "[4]:[4]", "[5,6]:[5]", "[7]:[6]", "[8]:[7]"]);
    expect(alignmentProblems(stored(b), 9, 8)).toEqual([]);
    expect(texts(b).en).toEqual(texts(a).en);
    // The other pair moved on: a page opened on it before is stale.
    expect(version(b)).toBe(vb + 1);
    expect(refusal(() => applyEdit({ pairId: b, version: vb, operation: { name: "confirm", link: 5 }, user: ME }, db))).toMatchObject({ status: 409, message: STALE });
    const [note] = pairHistory(b, 50, db);
    expect(note).toMatchObject({ operation: "split-segment", user: ME, label: "Split English segment 6 in two (in the pair “Assistance ↔ Entraide”)" });
    // It is not on the other pair's undo stack.
    expect(getEditor(b, db)).toMatchObject({ undo: null, redo: null });

    applyEdit({ pairId: a, version: result.version, operation: { name: "undo" }, user: ME }, db);
    expect(show(stored(a))).toEqual(START);
    expect(show(stored(b))).toEqual(Array.from({ length: 8 }, (_, i) => `[${i}]:[${i}]`));
    expect(texts(b).en).toHaveLength(8);
    expect(pairHistory(b, 50, db)[0].label).toBe("Undid: Split English segment 6 in two (in the pair “Assistance ↔ Entraide”)");
  });

  it("undo and redo in a pair keep working after a segment split or merge made from another pair on the same document", () => {
    const a = readyPair(8, START);
    const b = secondPair(a);
    const diagonal = show(stored(b));
    // Paul works on pair B: merges links 6 and 7, confirms link 3.
    let vb = applyEdit({ pairId: b, version: version(b), operation: { name: "merge", link: 5 }, user: "Paul" }, db).version;
    vb = applyEdit({ pairId: b, version: vb, operation: { name: "confirm", link: 2 }, user: "Paul" }, db).version;
    expect(show(stored(b))).toEqual(["[0]:[0]", "[1]:[1]", "[2]:[2]!", "[3]:[3]", "[4]:[4]", "[5,6]:[5,6]", "[7]:[7]"]);
    // Marie splits English segment 2 from pair A: every later English segment of B moves up by one.
    applyEdit({ pairId: a, version: version(a), operation: { name: "split-segment", side: "en", segment: 1, caret: 10 }, user: ME }, db);
    expect(show(stored(b))).toEqual(["[0]:[0]", "[1,2]:[1]", "[3]:[2]!", "[4]:[3]", "[5]:[4]", "[6,7]:[5,6]", "[8]:[7]"]);
    expect(getEditor(b, db)).toMatchObject({ undo: "Confirmed link 3", redo: null });
    // Paul undoes both of his changes, in the new numbering; the split stays.
    vb = applyEdit({ pairId: b, version: version(b), operation: { name: "undo" }, user: "Paul" }, db).version;
    expect(show(stored(b))[2]).toBe("[3]:[2]");
    vb = applyEdit({ pairId: b, version: vb, operation: { name: "undo" }, user: "Paul" }, db).version;
    expect(show(stored(b))).toEqual(["[0]:[0]", "[1,2]:[1]", "[3]:[2]", "[4]:[3]", "[5]:[4]", "[6]:[5]", "[7]:[6]", "[8]:[7]"]);
    expect(alignmentProblems(stored(b), 9, 8)).toEqual([]);
    // And redoes the merge after Marie merged English 7 and 8 (the first of the merged link's two, and the next).
    applyEdit({ pairId: a, version: version(a), operation: { name: "merge-segments", side: "en", segment: 6 }, user: ME }, db);
    expect(show(stored(b)).slice(5)).toEqual(["[6]:[5]", "[]:[6]", "[7]:[7]"]);
    vb = applyEdit({ pairId: b, version: version(b), operation: { name: "redo" }, user: "Paul" }, db).version;
    expect(show(stored(b)).slice(5)).toEqual(["[6]:[5,6]", "[7]:[7]"]);
    expect(alignmentProblems(stored(b), 8, 8)).toEqual([]);
    // Marie undoes her merge and her split: Paul's pair follows, and his undo still works. Undoing her merge put
    // English 7 and 8 back in one link in his pair (it cannot know where she had them), so his undo leaves French 7 alone.
    applyEdit({ pairId: a, version: version(a), operation: { name: "undo" }, user: ME }, db);
    applyEdit({ pairId: a, version: version(a), operation: { name: "undo" }, user: ME }, db);
    expect(texts(b).en).toHaveLength(8);
    expect(show(stored(a))).toEqual(START);
    expect(show(stored(b)).slice(5)).toEqual(["[5,6]:[5,6]", "[7]:[7]"]);
    applyEdit({ pairId: b, version: version(b), operation: { name: "undo" }, user: "Paul" }, db);
    expect(show(stored(b))).toEqual([...diagonal.slice(0, 5), "[5,6]:[5]", "[]:[6]", "[7]:[7]"]);
    expect(alignmentProblems(stored(b), 8, 8)).toEqual([]);
    expect(getEditor(b, db)).toMatchObject({ undo: null, redo: "Merged links 6 and 7" });
  });

  it("a pair's own segment change can be undone after another pair split a segment before it", () => {
    const a = readyPair(8, START);
    const b = secondPair(a);
    const original = texts(b).en;
    const vb = applyEdit({ pairId: b, version: version(b), operation: { name: "split-segment", side: "en", segment: 4, caret: 12 }, user: "Paul" }, db).version;
    expect(show(stored(b))[4]).toBe("[4,5]:[4]");
    applyEdit({ pairId: a, version: version(a), operation: { name: "split-segment", side: "en", segment: 0, caret: 4 }, user: ME }, db);
    expect(show(stored(b))[4]).toBe("[5,6]:[4]");
    applyEdit({ pairId: b, version: version(b), operation: { name: "undo" }, user: "Paul" }, db);
    expect(show(stored(b))).toEqual(["[0,1]:[0]", ...Array.from({ length: 7 }, (_, i) => `[${i + 2}]:[${i + 1}]`)]);
    expect(texts(b).en.slice(2)).toEqual(original.slice(1));
    expect(show(stored(a))).toEqual(["[0,1]:[0]", "[2,3]:[1]", "[4]:[2,3]", "[5]:[]", "[]:[4]", "[6]:[5]", "[7]:[6]", "[8]:[7]"]);
    // Redone, it splits the same words again, in today's numbering.
    applyEdit({ pairId: b, version: version(b), operation: { name: "redo" }, user: "Paul" }, db);
    expect(show(stored(b))[4]).toBe("[5,6]:[4]");
    expect(vb).toBeGreaterThan(0);
  });

  it("keeps two pairs on a shared document equal to a model over random edits from both, undo and redo in each", () => {
    const a = readyPair(12, ["[0]:[0]", "[1,2]:[1]", "[3]:[2,3]", "[4]:[]", "[]:[4]", ...Array.from({ length: 7 }, (_, i) => `[${i + 5}]:[${i + 5}]`)]);
    const b = secondPair(a, 12);
    const en = documentOf(a, "en");
    const { random, pick } = seeded(19);
    // Pair A's states hold its links and the English texts; pair B's, its links (it changes no text here).
    type AState = { links: EditableLink[]; texts: string[]; renumbering: ((l: EditableLink[]) => EditableLink[]) | null; inverse: ((l: EditableLink[]) => EditableLink[]) | null };
    let aNow = { links: stored(a), texts: texts(a).en };
    const aDone: AState[] = [];
    const aUndone: AState[] = [];
    const bModel = new UndoModel(stored(b));
    /** A renumbering made from A reaches B: its links and every state on its stacks follow it. */
    const renumberB = (f: (l: EditableLink[]) => EditableLink[]) => {
      bModel.current = f(bModel.current);
      bModel.done = bModel.done.map(f);
      bModel.undone = bModel.undone.map(f);
    };
    let refused = 0;
    let bUndos = 0;
    let renumbered = 0;
    for (let step = 0; step < 250; step++) {
      const inA = random() < 0.5;
      const id = inA ? a : b;
      const links = inA ? aNow.links : bModel.current;
      const k = Math.floor(random() * links.length);
      const s = Math.floor(random() * aNow.texts.length);
      const linkOps: EditOperation[] = [{ name: "merge", link: k }, { name: "shift-down", link: k, side: pick<"en" | "fr">(["en", "fr"]) }, { name: "confirm", link: k }, { name: "split", link: k, sourceCount: 1, targetCount: 0 }];
      const op = pick<EditOperation>(
        inA
          ? [...linkOps, { name: "split-segment", side: "en", segment: s, caret: 5 + Math.floor(random() * 40) }, { name: "merge-segments", side: "en", segment: s }, { name: "merge-segments", side: "en", segment: s }, { name: "undo" }, { name: "redo" }]
          : [...linkOps, { name: "undo" }, { name: "undo" }, { name: "redo" }],
      );
      let result;
      try {
        result = applyEdit({ pairId: id, version: version(id), operation: op, user: inA ? ME : "Paul" }, db);
      } catch (error) {
        expect(error).toBeInstanceOf(EditError);
        expect((error as EditError).status).toBe(422);
        refused++;
        continue;
      }
      if (inA) {
        if (op.name === "undo") {
          const back = aDone.pop()!;
          aUndone.push({ ...back, links: aNow.links, texts: aNow.texts });
          if (back.inverse) renumberB(back.inverse);
          aNow = { links: back.links, texts: back.texts };
        } else if (op.name === "redo") {
          const again = aUndone.pop()!;
          aDone.push({ ...again, links: aNow.links, texts: aNow.texts });
          if (again.renumbering) renumberB(again.renumbering);
          aNow = { links: again.links, texts: again.texts };
        } else if (result.changed) {
          aUndone.length = 0;
          if (isSegmentOperation(op)) {
            const next = textsAfter(aNow.texts, op);
            const forward = (l: EditableLink[]) => runSegmentOperation(l, op);
            const at = op.segment;
            const inverse = op.name === "split-segment" ? (l: EditableLink[]) => afterSegmentMerge(l, "en", at) : (l: EditableLink[]) => afterSegmentSplit(l, "en", at);
            aDone.push({ links: aNow.links, texts: aNow.texts, renumbering: forward, inverse });
            aNow = { links: runSegmentOperation(aNow.links, op), texts: next };
            renumberB(forward);
            renumbered++;
          } else {
            aDone.push({ links: aNow.links, texts: aNow.texts, renumbering: null, inverse: null });
            aNow = { ...aNow, links: runOperation(aNow.links, op as LinkOperation) };
          }
        }
      } else {
        if (op.name === "undo") bUndos++;
        bModel.saved(op, result.changed, (links) => runOperation(links, op as LinkOperation));
      }
      expect(show(stored(a))).toEqual(show(aNow.links));
      expect(show(stored(b))).toEqual(show(bModel.current));
      expect(texts(a).en).toEqual(aNow.texts);
      expect(getEditor(b, db)!.undo === null).toBe(bModel.done.length === 0);
    }
    expect(renumbered).toBeGreaterThan(15);
    expect(bUndos).toBeGreaterThan(15);
    expect(refused).toBeLessThan(150);
    // The clean text kept up with every change: each segment is the clean text at its offsets.
    const clean = db.select({ text: documents.cleanText }).from(documents).where(eq(documents.id, en)).get()!.text;
    for (const segment of db.select().from(segments).where(eq(segments.documentId, en)).all()) expect(clean.slice(segment.start, segment.end)).toBe(segment.text);
  });

  it("cannot undo a change to segments that another pair changed since", () => {
    const a = readyPair(8, START);
    const b = secondPair(a);
    const va = applyEdit({ pairId: a, version: version(a), operation: { name: "edit-segment", side: "en", segment: 2, text: "First correction." }, user: ME }, db).version;
    applyEdit({ pairId: b, version: version(b), operation: { name: "edit-segment", side: "en", segment: 2, text: "Second correction." }, user: "Paul" }, db);
    const error = refusal(() => applyEdit({ pairId: a, version: version(a), operation: { name: "undo" }, user: ME }, db));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/segments are no longer as “Corrected the text of English segment 3” left them/);
    expect(texts(a).en[2]).toBe("Second correction.");
    expect(version(a)).toBe(va + 1);
  });

  it.each<[SegmentOperation, RegExp]>([
    [{ name: "edit-segment", side: "en", segment: 1, text: " \n " }, /cannot be empty/],
    [{ name: "split-segment", side: "en", segment: 1, caret: 0 }, /Put the caret inside the text/],
    [{ name: "split-segment", side: "fr", segment: 1, caret: 100_000 }, /Put the caret inside the text/],
    [{ name: "merge-segments", side: "fr", segment: 7 }, /^French segment 8 is the last French segment: there is no segment after it to merge with\.$/],
    [{ name: "merge-segments", side: "en", segment: 8 }, /^There is no English segment 9\.$/],
  ])("refuses %j with the reason (422) and changes nothing", (op, message) => {
    const id = readyPair(8, START);
    const before = { links: show(stored(id)), texts: texts(id) };
    const v = version(id);
    const error = refusal(() => applyEdit({ pairId: id, version: v, operation: op, user: ME }, db));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(message);
    expect({ links: show(stored(id)), texts: texts(id) }).toEqual(before);
    expect(version(id)).toBe(v);
    expect(historyCount()).toBe(0);
  });

  it("refuses a stale version, and a change while another pair of the document is being aligned", () => {
    const a = readyPair(8, START);
    const v = version(a);
    applyEdit({ pairId: a, version: v, operation: { name: "confirm", link: 0 }, user: ME }, db);
    expect(refusal(() => applyEdit({ pairId: a, version: v, operation: { name: "split-segment", side: "en", segment: 0, caret: 4 }, user: ME }, db))).toMatchObject({ status: 409, message: STALE });
    const b = secondPair(a);
    db.update(pairs).set({ status: "aligning" }).where(eq(pairs.id, b)).run();
    const error = refusal(() => applyEdit({ pairId: a, version: version(a), operation: { name: "split-segment", side: "en", segment: 0, caret: 4 }, user: ME }, db));
    expect(error).toMatchObject({ status: 409, message: expect.stringMatching(/^The pair “Second pair” also uses this document and is being aligned/) });
    // The French document is not shared: its segments can change.
    expect(applyEdit({ pairId: a, version: version(a), operation: { name: "split-segment", side: "fr", segment: 0, caret: 4 }, user: ME }, db).changed).toBe(true);
  });

  it("keeps texts and links equal to a model over random segment and link edits, undo and redo", () => {
    const n = 20;
    const id = readyPair(n);
    const { random, pick } = seeded(7);
    const model = new UndoModel<{ links: EditableLink[]; en: string[]; fr: string[] }>({ links: stored(id), en: texts(id).en, fr: texts(id).fr });
    let v = version(id);
    let refused = 0;
    let segmentOps = 0;
    for (let step = 0; step < 200; step++) {
      const side = pick<"en" | "fr">(["en", "fr"]);
      const s = Math.floor(random() * (model.current[side].length + 1));
      const k = Math.floor(random() * model.current.links.length);
      const op: EditOperation = pick<EditOperation>([
        { name: "split-segment", side, segment: s, caret: Math.floor(random() * 60) },
        { name: "merge-segments", side, segment: s },
        { name: "edit-segment", side, segment: s, text: pick(["Texte corrigé.", "Fixed text.", ""]) },
        { name: "shift-down", link: k, side },
        { name: "merge", link: k },
        { name: "confirm", link: k },
        { name: "undo" },
        { name: "redo" },
      ]);
      try {
        const result = applyEdit({ pairId: id, version: v, operation: op, user: ME }, db);
        v = result.version;
        model.saved(op, result.changed, (state) => {
          if (!isSegmentOperation(op)) return { ...state, links: runOperation(state.links, op as LinkOperation) };
          segmentOps++;
          return { ...state, links: runSegmentOperation(state.links, op), [op.side]: textsAfter(state[op.side], op) };
        });
      } catch (error) {
        expect(error).toBeInstanceOf(EditError);
        refused++;
      }
      expect(show(stored(id))).toEqual(show(model.current.links));
      expect(texts(id).en).toEqual(model.current.en);
      expect(texts(id).fr).toEqual(model.current.fr);
      expect([...astray(documentOf(id, "en")), ...astray(documentOf(id, "fr"))]).toEqual([]);
    }
    expect(alignmentProblems(model.current.links, model.current.en.length, model.current.fr.length)).toEqual([]);
    expect(segmentOps).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(150);
    expect(positions(id)).toEqual(model.current.links.map((_, k) => k));
  });

  describe("a link whose segments a person changed says so, not the aligner's old figure (decision 29)", () => {
    const confidences = (id: number) => getEditor(id, db)!.links.map((tuple) => tuple[5]);
    const edit = (id: number, operation: EditOperation, user = ME) => applyEdit({ pairId: id, version: version(id), operation, user }, db);

    it("corrected, split or merged, and after an undo to a changed state; an undo to the aligner's shape shows its figure", () => {
      const id = readyPair(8);
      edit(id, { name: "edit-segment", side: "en", segment: 1, text: "A corrected text." });
      expect(confidences(id)).toEqual([0.8, 1, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8]);
      edit(id, { name: "undo" });
      expect(confidences(id)).toEqual([0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8]);
      edit(id, { name: "split-segment", side: "en", segment: 3, caret: 10 });
      expect(confidences(id)).toEqual([0.8, 0.8, 0.8, 1, 0.8, 0.8, 0.8, 0.8]);
      // Confirmed, then unconfirmed by an undo: link 4 is back to a person's shape, not to the aligner's.
      edit(id, { name: "confirm", link: 3 });
      edit(id, { name: "undo" });
      expect(getEditor(id, db)!.links[3]).toEqual([3, 2, 3, 1, 0, 1, 1]);
      // English segments 6 and 7 (links 5 and 6) merged: the link that took the text and the one that lost it.
      edit(id, { name: "merge-segments", side: "en", segment: 5 });
      expect(confidences(id)).toEqual([0.8, 0.8, 0.8, 1, 1, 1, 0.8, 0.8]);
    });

    it("a correction made from another pair on the same document, and an undo there carried through it", () => {
      const a = readyPair(8);
      const b = secondPair(a);
      edit(b, { name: "confirm", link: 1 }, "Paul");
      edit(a, { name: "edit-segment", side: "en", segment: 1, text: "A corrected text." });
      expect(confidences(b)).toEqual([0.7, 1, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7]);
      // Undoing the confirmation in the other pair: the link is unconfirmed again, and its text is still the corrected one.
      expect(edit(b, { name: "undo" }, "Paul").changed).toBe(true);
      expect(getEditor(b, db)!.links[1]).toEqual([1, 1, 1, 1, 0, 1, 1]);
    });

    it("a realignment's links show the realignment's own figure", () => {
      const id = readyPair(8, START);
      edit(id, { name: "shift-down", link: 1, side: "en" });
      expect(confidences(id)[1]).toBe(1);
      requestRealignment({ pairId: id, version: version(id), user: ME }, db);
      beginRealignment(id, db);
      const diagonal = Array.from({ length: 8 }, (_, i) => ({ en: [i], fr: [i], confidence: 0.55 }));
      expect(storeRealignment(id, { links: diagonal, support: 1 }, db)).toBe(true);
      expect(confidences(id)).toEqual([0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55]);
    });
  });
});

describe("edited links (the “only edited” filter)", () => {
  it("marks the links a change wrote; undo keeps the mark, renumbering moves it, a new alignment clears it", () => {
    const id = readyPair(8, START);
    const flags = () => getEditor(id, db)!.links.map((t) => t[6]);
    expect(flags()).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    let v = applyEdit({ pairId: id, version: version(id), operation: { name: "confirm", link: 1 }, user: ME }, db).version;
    expect(flags()).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
    v = applyEdit({ pairId: id, version: v, operation: { name: "undo" }, user: ME }, db).version;
    expect(flags()).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
    v = applyEdit({ pairId: id, version: v, operation: { name: "merge", link: 5 }, user: ME }, db).version;
    expect(flags()).toEqual([0, 1, 0, 0, 0, 1, 0]);
    // A split marks the link holding the segment; the later links are only renumbered.
    v = applyEdit({ pairId: id, version: v, operation: { name: "split-segment", side: "en", segment: 0, caret: 4 }, user: ME }, db).version;
    expect(flags()).toEqual([1, 1, 0, 0, 0, 1, 0]);
    expect(show(stored(id))[5]).toBe("[6,7]:[5,6]");
    // A new text moves no link but counts as an edit of the link that holds it.
    v = applyEdit({ pairId: id, version: v, operation: { name: "edit-segment", side: "fr", segment: 3, text: "Texte corrigé." }, user: ME }, db).version;
    expect(flags()).toEqual([1, 1, 1, 0, 0, 1, 0]);
    db.update(pairs).set({ status: "aligning" }).where(eq(pairs.id, id)).run();
    storeAlignment(id, { links: Array.from({ length: 9 }, (_, i) => ({ en: [i], fr: i < 8 ? [i] : [], confidence: 0.9 })), support: 1 }, db);
    expect(flags().every((f) => f === 0)).toBe(true);
  });
});

describe("a link's history", () => {
  const of = (id: number, k: number) => {
    const [sourceStart, sourceCount, targetStart, targetCount] = getEditor(id, db)!.links[k];
    return linkHistory(id, { sourceStart, sourceCount, targetStart, targetCount }, 50, db)!;
  };
  const brief = (entries: LinkHistoryEntry[]) => entries.map((e) => `${e.label} · ${e.user}${e.undone ? " (undone)" : ""}`);

  it("lists the changes that touched the link's segments, newest first, with what the link was", () => {
    const id = readyPair(8, START);
    let v = applyEdit({ pairId: id, version: version(id), operation: { name: "confirm", link: 1 }, user: "Paul" }, db).version;
    v = applyEdit({ pairId: id, version: v, operation: { name: "merge", link: 5 }, user: ME }, db).version;
    v = applyEdit({ pairId: id, version: v, operation: { name: "split", link: 5, sourceCount: 1, targetCount: 1 }, user: ME }, db).version;
    expect(show(stored(id))[5]).toBe("[5]:[5]");
    const history = of(id, 5);
    expect(brief(history)).toEqual(["Split link 6 · Marie", "Merged links 6 and 7 · Marie"]);
    expect(history[1].before.map(describeRecordedLink)).toEqual(["English 6 ↔ French 6 · automatic 80%"]);
    expect(history[1].after.map(describeRecordedLink)).toEqual(["English 6, 7 ↔ French 6, 7 · automatic 100%"]);
    expect(history[0]).toMatchObject({ user: ME, undone: false, texts: null, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(brief(of(id, 1))).toEqual(["Confirmed link 2 · Paul"]);
    expect(of(id, 1)[0].before[0]).toMatchObject({ status: "automatic" });
    expect(of(id, 1)[0].after[0]).toMatchObject({ status: "confirmed" });
    expect(of(id, 0)).toEqual([]);
    // Undone changes stay, marked; the undo is listed too.
    applyEdit({ pairId: id, version: v, operation: { name: "undo" }, user: ME }, db);
    expect(brief(of(id, 5))).toEqual(["Undid: Split link 6 · Marie", "Split link 6 · Marie (undone)", "Merged links 6 and 7 · Marie"]);
  });

  it("follows the link's segments back through segment splits, and keeps the text it had", () => {
    const id = readyPair(8, START);
    const original = pairTexts(id, null, db)!.fr[5];
    let v = applyEdit({ pairId: id, version: version(id), operation: { name: "confirm", link: 3 }, user: ME }, db).version;
    v = applyEdit({ pairId: id, version: v, operation: { name: "split-segment", side: "en", segment: 0, caret: 4 }, user: ME }, db).version;
    v = applyEdit({ pairId: id, version: v, operation: { name: "edit-segment", side: "fr", segment: 5, text: "Texte corrigé." }, user: "Paul" }, db).version;
    // Link 4 is English alone, now segment 6 (it was 5 when it was confirmed): only the mapping finds it.
    expect(show(stored(id))[3]).toBe("[5]:[]!");
    expect(brief(of(id, 3))).toEqual(["Confirmed link 4 · Marie"]);
    expect(of(id, 3)[0].after.map(describeRecordedLink)).toEqual(["English 5 ↔ French none · confirmed"]);
    expect(brief(of(id, 0))).toEqual(["Split English segment 1 in two · Marie"]);
    expect(of(id, 0)[0].texts).toMatchObject({ side: "en", after: [expect.any(String), expect.any(String)] });
    const corrected = of(id, 5);
    expect(brief(corrected)).toEqual(["Corrected the text of French segment 6 · Paul"]);
    expect(corrected[0].texts).toEqual({ side: "fr", before: [original], after: ["Texte corrigé."] });
  });

  it("stops at a new alignment of the whole pair", () => {
    const id = readyPair(8, START);
    applyEdit({ pairId: id, version: version(id), operation: { name: "confirm", link: 0 }, user: ME }, db);
    db.update(pairs).set({ status: "aligning" }).where(eq(pairs.id, id)).run();
    storeAlignment(id, { links: Array.from({ length: 8 }, (_, i) => ({ en: [i], fr: [i], confidence: 0.9 })), support: 1 }, db);
    expect(of(id, 0)).toEqual([]);
    applyEdit({ pairId: id, version: version(id), operation: { name: "merge", link: 0 }, user: ME }, db);
    expect(brief(of(id, 0))).toEqual(["Merged links 1 and 2 · Marie"]);
    expect(linkHistory(999, { sourceStart: 0, sourceCount: 1, targetStart: 0, targetCount: 1 }, 50, db)).toBeNull();
  });
});
