/**
 * A database made by main before issue 14's schema (tests/fixtures/legacy-main-eaedeb9.sql, from scripts/make-legacy-db.ts)
 * migrated to source and target: every pair, link, confirmation, history entry, undo and redo step, segment change,
 * rename, glossary entry and acceptance means what it meant, and the history still undoes and redoes.
 */
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { applyEdit } from "../../app/models/editor.server";
import { linkHistory, pairHistory } from "../../app/models/editor-history.server";
import { getEditor } from "../../app/models/editor-read.server";
import { pairFindings } from "../../app/models/pair-findings.server";
import { openDatabase, type Db } from "../../db/client.server";
import { databasePerTest } from "./helpers";

const FIXTURE = new URL("../fixtures/legacy-main-eaedeb9.sql", import.meta.url);

let file: string;
let fresh: Db;
databasePerTest((temp) => {
  ({ file, db: fresh } = temp);
});

/** The fixture loaded into `file` in place of the fresh database, not yet migrated; returns its raw connection. */
function legacyDatabase(): Database.Database {
  fresh.$client.close();
  const sqlite = new Database(file);
  for (const table of ["accepted_findings", "edits", "links", "pairs", "document_renames", "glossary_terms", "glossary_entries", "segments", "paragraphs", "removals", "repairs", "documents", "seed_log", "server_lease", "__drizzle_migrations"]) {
    sqlite.exec(`DROP TABLE IF EXISTS ${table}`);
  }
  sqlite.exec(readFileSync(FIXTURE, "utf8"));
  return sqlite;
}

type Row = Record<string, unknown>;
const all = (sqlite: Database.Database, query: string) => sqlite.prepare(query).all() as Row[];

/** What a stored link means, whatever its keys are called: English range, French range, status, confidence. */
const linkMeaning = (link: Row, en: "en" | "source", fr: "fr" | "target") => ({
  en: [link[`${en}Start`], link[`${en}Count`]],
  fr: [link[`${fr}Start`], link[`${fr}Count`]],
  status: link.status,
  confidence: link.confidence,
});

/** Everything the migration must carry, read with the column and key names of the schema it is given. */
function meaning(sqlite: Database.Database, names: "legacy" | "migrated") {
  const [en, fr] = names === "legacy" ? (["en", "fr"] as const) : (["source", "target"] as const);
  const col = (side: "en" | "fr") => (side === "en" ? en : fr);
  const key = (side: "en" | "fr", what: "Count") => `${side === "en" ? en : fr}${what}`;
  return {
    pairs: all(sqlite, `SELECT id, title, ${col("en")}_document_id AS en, ${col("fr")}_document_id AS fr, status, version, link_count, support, lexicon FROM pairs ORDER BY id`),
    links: all(
      sqlite,
      `SELECT pair_id, position, ${col("en")}_start AS enStart, ${col("en")}_count AS enCount, ${col("fr")}_start AS frStart, ${col("fr")}_count AS frCount,
        status, confidence, edited, created_by, changed_by FROM links ORDER BY pair_id, position`,
    ),
    edits: all(sqlite, "SELECT * FROM edits ORDER BY id").map((row) => {
      const { [key("en", "Count")]: englishCount, [key("fr", "Count")]: frenchCount, ...args } = JSON.parse(row.args as string) as Row;
      if (row.operation === "split") Object.assign(args, { englishCount, frenchCount });
      return {
        ...(row as { id: number; operation: string; state: string | null }),
        args,
        before: (JSON.parse(row.before as string) as Row[]).map((link) => linkMeaning(link, en, fr)),
        after: (JSON.parse(row.after as string) as Row[]).map((link) => linkMeaning(link, en, fr)),
        segment: row.segment === null ? null : JSON.parse(row.segment as string),
      };
    }),
    documents: all(sqlite, "SELECT id, title, language, segment_count, clean_text, inline_codes FROM documents ORDER BY id"),
    segments: all(sqlite, "SELECT document_id, position, text, kind, paragraph FROM segments ORDER BY document_id, position"),
    renames: all(sqlite, "SELECT * FROM document_renames ORDER BY id"),
    glossary: all(sqlite, "SELECT e.key, t.language, t.text, t.status, t.match, t.position FROM glossary_terms t JOIN glossary_entries e ON e.id = t.entry_id ORDER BY e.id, t.position"),
    accepted: all(sqlite, "SELECT * FROM accepted_findings ORDER BY id"),
  };
}

describe("the migration to source and target", () => {
  it("carries every pair, link, confirmation, history entry, rename, glossary term and acceptance of a database made by main", () => {
    const legacy = legacyDatabase();
    const before = meaning(legacy, "legacy");
    legacy.close();
    // The fixture holds what the test is about: confirmations, every kind of edit, undo and redo, changes in two pairs.
    expect(before.links.filter((l) => l.status === "confirmed").length).toBeGreaterThan(2);
    expect(new Set(before.edits.map((e) => e.operation))).toEqual(
      new Set(["confirm", "unconfirm", "merge", "split", "shift-down", "shift-up", "confirm-through", "split-segment", "edit-segment", "merge-segments", "undo", "redo", "rename"]),
    );
    expect(before.edits.filter((e) => e.segment !== null && e.state === null).length).toBeGreaterThan(0);

    const db = openDatabase(file);
    const after = meaning(db.$client, "migrated");
    expect(after).toEqual(before);
    // Nothing is left under the old names: the columns, the indexes and the history's keys.
    const schema = all(db.$client, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL").map((r) => r.sql as string).join("\n");
    expect(schema).not.toMatch(/\b(en|fr)_(start|count|document_id)\b|pairs_(en|fr)_document/);
    expect(schema).toMatch(/pairs_source_document/);
    const keys = all(db.$client, "SELECT before || after || args AS json FROM edits").map((r) => r.json as string).join("");
    expect(keys).not.toMatch(/"(enStart|enCount|frStart|frCount)"/);
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    db.$client.close();
  });

  it("reads the migrated history as it was written, and undoes and redoes on it", async () => {
    legacyDatabase().close();
    const db = openDatabase(file);
    const editor = getEditor(1, db)!;
    expect(db.$client.prepare("SELECT title FROM pairs WHERE id = 1").pluck().get()).toBe("Harbour rules, reviewed");
    const history = pairHistory(1, 50, db).map((h) => h.label);
    expect(history).toContain("Split link 2");
    expect(history.join("\n")).not.toMatch(/undefined|NaN/);
    // The French segment corrected, undone and redone in pair 1 (and recorded in pair 2): its history follows it.
    const corrected = editor.links.findIndex(([, , frStart, frCount]) => frStart <= 5 && 5 < frStart + frCount);
    const [sourceStart, sourceCount, targetStart, targetCount] = editor.links[corrected];
    const entries = linkHistory(1, { sourceStart, sourceCount, targetStart, targetCount }, 50, db)!;
    expect(entries.some((e) => e.texts?.after.includes("Les droits sont payés au guichet du port."))).toBe(true);

    const segment = (document: number, position: number) =>
      db.$client.prepare("SELECT text FROM segments WHERE document_id = ? AND position = ?").pluck().get(document, position);
    expect(segment(2, 5)).toBe("Les droits sont payés au guichet du port.");
    const linksBefore = getEditor(1, db)!.links;
    // The last change on pair 1's stack is the redone correction: undo puts the old text back, redo the new one.
    let version = applyEdit({ pairId: 1, version: editor.version, operation: { name: "undo" }, user: "Marie" }, db).version;
    expect(segment(2, 5)).toBe("Les droits sont payés au guichet.");
    version = applyEdit({ pairId: 1, version, operation: { name: "redo" }, user: "Marie" }, db).version;
    expect(segment(2, 5)).toBe("Les droits sont payés au guichet du port.");
    expect(getEditor(1, db)!.links).toEqual(linksBefore);

    // Pair 2's last change merged two English segments (also recorded in pair 1): undoing it splits them again in both.
    const segmentsOfEnglish = () => db.$client.prepare("SELECT count(*) FROM segments WHERE document_id = 1").pluck().get();
    expect(segmentsOfEnglish()).toBe(7);
    applyEdit({ pairId: 2, version: getEditor(2, db)!.version, operation: { name: "undo" }, user: "Ada" }, db);
    expect(segmentsOfEnglish()).toBe(8);
    expect(getEditor(1, db)!.links.reduce((n, [, count]) => n + count, 0)).toBe(8);
    // The split's recorded arguments read back: undoing back to it on pair 1 names it.
    expect(pairHistory(1, 50, db).find((h) => h.operation === "split")).toMatchObject({ label: "Split link 2" });

    // The accepted finding still holds on its link.
    expect(await pairFindings(2, db)).toMatchObject({ accepted: 1, stale: 0 });
    db.$client.close();
  });
});
