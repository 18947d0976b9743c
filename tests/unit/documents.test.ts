import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { documents, paragraphs, removals, segments } from "../../db/schema";
import {
  changeDocumentLanguage,
  deleteDocument,
  getDocument,
  ImportError,
  importDocument,
  listDocuments,
} from "../../app/models/documents.server";
import { presegment } from "../../alignments/text/given-segments";
import { importSubmission } from "../../app/models/imports.server";
import { databasePerTest, tempDatabase } from "./helpers";
import type { Db } from "../../db/client.server";

let db: Db;
databasePerTest((temp) => ({ db } = temp));

const count = (table: typeof documents | typeof segments | typeof paragraphs | typeof removals) =>
  db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;

const FRENCH = [
  "# Coopération internationale",
  "",
  "La coopération internationale est indispensable face au défi majeur que représente la lutte contre la cybercriminalité. Les États doivent renforcer l'entraide judiciaire.",
  "",
  "12",
  "",
  "- Conformément au plan de travail, le présent paragraphe contient une compilation de propositions.",
].join("\n");

describe("importDocument", () => {
  it("stores the document, its paragraphs, segments and removals", () => {
    const { id, segmentCount } = importDocument(
      { title: "Essai", raw: FRENCH, language: "fr", origin: "import" },
      db,
    );
    const doc = getDocument(id, db)!;
    expect(doc.title).toBe("Essai");
    expect(doc.segmentCount).toBe(segmentCount);
    expect(doc.segments).toHaveLength(segmentCount);
    expect(doc.segments.map((s) => s.kind)).toContain("heading");
    expect(doc.segments.map((s) => s.kind)).toContain("item");
    expect(doc.segments[0].position).toBe(0);
    expect(doc.paragraphs.length).toBeGreaterThan(0);
    const { cleanText } = db.select({ cleanText: documents.cleanText }).from(documents).where(eq(documents.id, id)).get()!;
    for (const s of doc.segments) expect(cleanText).toContain(s.text);
    expect(listDocuments(db).map((d) => d.id)).toEqual([id]);
  });

  it("writes nothing when inserting the segments fails midway", () => {
    // 1,000 sentences: segments go in several statements; the 600th fails on a trigger.
    const raw = Array.from({ length: 1000 }, (_, i) => `Ceci est la phrase numéro ${i + 1} du document.`).join(" ");
    db.run(sql`CREATE TRIGGER fail_midway BEFORE INSERT ON segments WHEN NEW.position = 600
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    expect(() => importDocument({ title: "Long", raw, language: "fr", origin: "import" }, db)).toThrow(/simulated failure/);
    expect(count(documents)).toBe(0);
    expect(count(segments)).toBe(0);
    expect(count(paragraphs)).toBe(0);
    db.run(sql`DROP TRIGGER fail_midway`);
    const { segmentCount } = importDocument({ title: "Long", raw, language: "fr", origin: "import" }, db);
    expect(segmentCount).toBe(1000);
  });

  it("refuses a text with nothing left to segment", () => {
    expect(() => importDocument({ title: "Vide", raw: "  \n\n ", language: "fr", origin: "import" }, db)).toThrow(ImportError);
    expect(count(documents)).toBe(0);
  });

  it("keeps presegmented lines as they are", () => {
    const doc = presegment("Title\nFirst line.\n\nSecond line. Still the same segment.\n", "en", ["heading"]);
    expect(doc.segments.map((s) => s.text)).toEqual(["Title", "First line.", "Second line. Still the same segment."]);
    expect(doc.segments.map((s) => s.kind)).toEqual(["heading", "body", "body"]);
    expect(doc.paragraphs.map((p) => p.line)).toEqual([1, 2, 4]);
    for (const s of doc.segments) expect(doc.cleanText.slice(s.start, s.end)).toBe(s.text);
  });
});

describe("changeDocumentLanguage and deleteDocument", () => {
  it("re-segments in the new language and replaces the rows", () => {
    const raw = "Mr. Smith went to Washington. He met Dr. Jones there. They talked for an hour about the treaty.";
    const { id } = importDocument({ title: "EN", raw, language: "fr", origin: "import" }, db);
    expect(changeDocumentLanguage(id, "en", db)).toBe(true);
    const doc = getDocument(id, db)!;
    expect(doc.language).toBe("en");
    expect(doc.segments.map((s) => s.position)).toEqual(doc.segments.map((_, i) => i));
    expect(count(segments)).toBe(doc.segmentCount);
    expect(changeDocumentLanguage(9999, "en", db)).toBe(false);
  });

  it("deletes a document and its children", () => {
    const { id } = importDocument({ title: "Essai", raw: FRENCH, language: "fr", origin: "import" }, db);
    expect(count(removals)).toBeGreaterThan(0);
    expect(deleteDocument(id, db)).toBe(true);
    expect(count(documents)).toBe(0);
    expect(count(segments)).toBe(0);
    expect(count(paragraphs)).toBe(0);
    expect(count(removals)).toBe(0);
    expect(deleteDocument(id, db)).toBe(false);
  });
});

describe("importSubmission", () => {
  // importSubmission writes through the application database: point it at a temporary file.
  it("refuses without writing, and hands the values back", async () => {
    const { closeDb } = await import("../../db/client.server");
    const { file, dispose: disposeApp } = tempDatabase();
    const previous = process.env.DATABASE_PATH;
    process.env.DATABASE_PATH = file;
    closeDb();
    try {
      const base = { title: "Mon titre", text: "", file: null, language: "auto" as const };
      expect(await importSubmission(base)).toMatchObject({ ok: false, status: 400, field: "text" });
      const short = await importSubmission({ ...base, text: "Bonjour à tous." });
      expect(short).toMatchObject({ ok: false, status: 422, needsLanguage: true, values: { text: "Bonjour à tous.", title: "Mon titre" } });
      // Spanish is read since issue 14; Catalan is not, and is named with the languages Tandem reads.
      const catalan = await importSubmission({
        ...base,
        text: "El Consell de Seguretat de les Nacions Unides es va reunir ahir per debatre sobre els perills de la ciberdelinqüència i la cooperació internacional en aquesta matèria.",
      });
      expect(catalan).toMatchObject({ ok: false, status: 422, needsLanguage: true });
      if (!catalan.ok) expect(catalan.message).toMatch(/^This text looks Catalan, which Tandem does not read; it reads Arabic, .*Spanish/);
      const binary = await importSubmission({ ...base, file: { name: "x.txt", bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 5, 6, 7, 0]) } });
      expect(binary).toMatchObject({ ok: false, status: 422, field: "file" });
      // A Windows-1252 file too short to detect: its decoded text comes back in the form.
      const latin1 = await importSubmission({ ...base, file: { name: "court.txt", bytes: new Uint8Array([0x45, 0x74, 0xe9, 0x20, 0xe0, 0x20, 0x4e, 0xee, 0x6d, 0x65, 0x73]) } });
      expect(latin1).toMatchObject({ ok: false, needsLanguage: true, values: { text: "Eté à Nîmes", sourceName: "court.txt", encoding: "windows-1252" } });
      const { db: appDb } = await import("../../db/client.server").then((m) => ({ db: m.getDb() }));
      expect(appDb.select({ n: sql<number>`count(*)` }).from(documents).get()!.n).toBe(0);
      const ok = await importSubmission({ ...base, text: "Eté à Nîmes", language: "fr", sourceName: "court.txt", encoding: "windows-1252" });
      expect(ok.ok).toBe(true);
      if (ok.ok) {
        const row = appDb.select().from(documents).where(eq(documents.id, ok.id)).get()!;
        expect(row).toMatchObject({ title: "Mon titre", language: "fr", origin: "import", sourceName: "court.txt", encoding: "windows-1252" });
      }
    } finally {
      closeDb();
      process.env.DATABASE_PATH = previous;
      disposeApp();
    }
  });
});
