import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { storeAlignment, beginAlignment } from "../../app/models/alignment-jobs.server";
import { linkHistory, pairHistory } from "../../app/models/editor-history.server";
import { importDocument } from "../../app/models/documents.server";
import { applyEdit } from "../../app/models/editor.server";
import { createPair } from "../../app/models/pairs.server";
import { documentRenamesOf, RenameError, renameDocument, renamePair } from "../../app/models/renames.server";
import type { Db } from "../../db/client.server";
import { documentRenames, documents, edits, pairs } from "../../db/schema";
import { databasePerTest } from "./helpers";

let db: Db;
databasePerTest((temp) => ({ db } = temp));

function document(title: string, language: "en" | "fr", lines: string[]) {
  return importDocument({ title, raw: lines.join("\n"), language, origin: "import", presegmented: true }, db).id;
}

/** A ready pair of three provisions aligned one to one. */
function readyPair(): number {
  const en = document("Assistance", "en", ["The Minister may help.", "The request is written.", "The court may order it."]);
  const fr = document("Entraide", "fr", ["Le ministre peut aider.", "La demande est écrite.", "Le tribunal peut l’ordonner."]);
  const { id } = createPair({ sourceDocumentId: en, targetDocumentId: fr }, db);
  beginAlignment(id, db);
  storeAlignment(id, { links: [0, 1, 2].map((k) => ({ en: [k], fr: [k], confidence: 0.8 })), support: 1 }, db);
  return id;
}

const titleOf = (id: number) => db.select({ title: documents.title }).from(documents).where(eq(documents.id, id)).get()!.title;
const pairOf = (id: number) => db.select({ title: pairs.title, version: pairs.version }).from(pairs).where(eq(pairs.id, id)).get()!;
const count = (table: typeof documentRenames | typeof edits) => db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;

describe("renaming a document", () => {
  it("changes its title and keeps the earlier one, with who and when", () => {
    const id = document("report", "en", ["The Minister may help."]);
    expect(renameDocument(id, "  Report of the   Expert Group ", "Marie", db)).toEqual({ title: "Report of the Expert Group", changed: true });
    expect(renameDocument(id, "تقرير فريق الخبراء", "Ahmed", db)).toEqual({ title: "تقرير فريق الخبراء", changed: true });
    expect(titleOf(id)).toBe("تقرير فريق الخبراء");
    expect(documentRenamesOf(id, db).map(({ before, after, user }) => ({ before, after, user }))).toEqual([
      { before: "Report of the Expert Group", after: "تقرير فريق الخبراء", user: "Ahmed" },
      { before: "report", after: "Report of the Expert Group", user: "Marie" },
    ]);
  });

  it("refuses an empty or too long title in a sentence, and writes nothing", () => {
    const id = document("report", "en", ["The Minister may help."]);
    expect(() => renameDocument(id, " \t ", "Marie", db)).toThrow(new RenameError("Give the document a title: it cannot be empty."));
    expect(() => renameDocument(id, "x".repeat(301), "Marie", db)).toThrow(
      new RenameError("This title is 301 characters long; keep it to 300 characters at most."),
    );
    expect(titleOf(id)).toBe("report");
    expect(count(documentRenames)).toBe(0);
  });

  it("writes nothing when the title is already that one, and answers null for a document that is gone", () => {
    const id = document("report", "en", ["The Minister may help."]);
    expect(renameDocument(id, "report", "Marie", db)).toEqual({ title: "report", changed: false });
    expect(count(documentRenames)).toBe(0);
    expect(renameDocument(id + 1, "Another", "Marie", db)).toBeNull();
  });

  it("renames and records in one transaction: when the record fails, the title stays", () => {
    const id = document("report", "en", ["The Minister may help."]);
    db.run(sql`drop table document_renames`);
    expect(() => renameDocument(id, "Report of the Expert Group", "Marie", db)).toThrow(/no such table/);
    expect(titleOf(id)).toBe("report");
  });
});

describe("renaming a pair", () => {
  it("changes its title and records the rename in its history, its version and links untouched", () => {
    const id = readyPair();
    const before = pairOf(id);
    expect(before.title).toBe("Assistance ↔ Entraide");
    expect(renamePair(id, "联合国打击网络犯罪公约", "Li", db)).toEqual({ title: "联合国打击网络犯罪公约", changed: true });
    expect(pairOf(id)).toEqual({ title: "联合国打击网络犯罪公约", version: before.version });
    const [latest] = pairHistory(id, 50, db);
    expect(latest).toMatchObject({ label: "Renamed the pair “Assistance ↔ Entraide” to “联合国打击网络犯罪公约”", user: "Li", operation: "rename", undone: false });
  });

  it("isolates a right-to-left title in the history's words", () => {
    const id = readyPair();
    renamePair(id, "اتفاقية", "Ahmed", db);
    expect(pairHistory(id, 1, db)[0].label).toBe("Renamed the pair “Assistance ↔ Entraide” to “\u2068اتفاقية\u2069”");
  });

  it("refuses an empty title and writes nothing", () => {
    const id = readyPair();
    const history = count(edits);
    expect(() => renamePair(id, "", "Li", db)).toThrow(new RenameError("Give the pair a title: it cannot be empty."));
    expect(pairOf(id).title).toBe("Assistance ↔ Entraide");
    expect(count(edits)).toBe(history);
    expect(renamePair(id + 1, "Another", "Li", db)).toBeNull();
  });

  it("is no change to catch up with for a page that missed it, and stays out of a link's history and the undo stack", () => {
    const id = readyPair();
    const v = pairOf(id).version;
    applyEdit({ pairId: id, version: v, operation: { name: "confirm", link: 0 }, user: "Ann" }, db);
    renamePair(id, "Assistance, renamed", "Li", db);
    // A page still at version v confirms link 2: it catches up with Ann's change only.
    const answer = applyEdit({ pairId: id, version: v, operation: { name: "confirm", link: 2 }, user: "Marie" }, db);
    expect(answer.unseen).toHaveLength(1);
    expect(answer.undo).toBe("Confirmed link 3");
    expect(linkHistory(id, { sourceStart: 0, sourceCount: 1, targetStart: 0, targetCount: 1 }, 50, db)!.map((entry) => entry.label)).toEqual(["Confirmed link 1"]);
    const undone = applyEdit({ pairId: id, version: pairOf(id).version, operation: { name: "undo" }, user: "Marie" }, db);
    expect(undone.undo).toBe("Confirmed link 1");
    expect(pairOf(id).title).toBe("Assistance, renamed");
  });
});
