import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { TMX } from "../../alignments/formats/bitext";
import { MEMOQ_BOLD_TMX, MEMOQ_TMX, segsOf, stampsOf, TRADOS_TMX } from "../../alignments/formats/tmx-codes.cases";
import { codesIn } from "../../alignments/text/inline-codes";
import { applyEdit, EditError } from "../../app/models/editor.server";
import { openLinkExport, type LinkExportRequest } from "../../app/models/exports.server";
import { importDocument } from "../../app/models/documents.server";
import { importMemory } from "../../app/models/memories.server";
import type { Db } from "../../db/client.server";
import { documents, links, pairs, segments } from "../../db/schema";
import { checkTmx, pocount } from "./exchange-tools";
import { databasePerTest } from "./helpers";

/**
 * Issue 12, items 5–7 and the memory's title (decision 23): memories from memoQ and Trados through the database and
 * back out, their inline codes, the units' dates and users, the support measured on import, and the TMX that leaves
 * 1-0 and 0-1 links out unless asked.
 */
const dir = mkdtempSync(path.join(tmpdir(), "tandem-memories-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let db: Db;
databasePerTest((temp) => ({ db } = temp));

const bytes = (text: string) => new TextEncoder().encode(text);
const exported = (request: Partial<LinkExportRequest> & { pairs: LinkExportRequest["pairs"] }) =>
  [...openLinkExport({ format: "tmx", confirmedOnly: false, ...request }, db).chunks].join("");
const save = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe.each([
  { tool: "memoQ", tmx: MEMOQ_TMX, name: "mla-treaties.tmx", title: "MLA treaties EN-FR", from: "header" },
  { tool: "Trados", tmx: TRADOS_TMX, name: "bank-act.tmx", title: "bank-act", from: "file" },
])("a $tool memory through Tandem", ({ tmx, name, title, from }) => {
  it("goes out again with every segment byte for byte, each unit's dates and users kept, valid and counted by translate-toolkit", () => {
    const result = importMemory({ name, bytes: bytes(tmx) }, db);
    const out = exported({ pairs: [result.pairId] });
    expect(segsOf(out)).toEqual(segsOf(tmx));
    expect(stampsOf(out)).toEqual(stampsOf(tmx));
    const file = save(name, out);
    expect(() => checkTmx(file)).not.toThrow();
    expect(pocount(file)).toEqual({ translated: 3, total: 3 });
  });

  it("takes its title from the header when it names the memory, else from the file's name", () => {
    const result = importMemory({ name, bytes: bytes(tmx) }, db);
    expect(result).toMatchObject({ title, titleFrom: from });
    expect(db.select({ title: pairs.title }).from(pairs).where(eq(pairs.id, result.pairId)).get()!.title).toBe(title);
  });

  it("keeps the codes as characters of the segments, their markup with each document, and reports them", () => {
    const result = importMemory({ name, bytes: bytes(tmx) }, db);
    const stored = db.select({ inlineCodes: documents.inlineCodes }).from(documents).where(eq(documents.id, result.sourceDocumentId)).get()!;
    const codes = JSON.parse(stored.inlineCodes!) as Record<string, string>;
    const texts = db.select({ text: segments.text }).from(segments).where(eq(segments.documentId, result.sourceDocumentId)).all();
    const used = new Set(texts.flatMap((t) => codesIn(t.text)));
    expect(Object.keys(codes).sort()).toEqual([...used].sort());
    expect(Object.values(result.report.codes.kept).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(result.report.codes.converted).toBe(0);
    expect(result.report.stamped).toBe(3);
  });

  it("measures its lexical support on import instead of leaving it unknown", () => {
    const result = importMemory({ name, bytes: bytes(tmx) }, db);
    expect(result.support).not.toBeNull();
    expect(db.select({ support: pairs.support }).from(pairs).where(eq(pairs.id, result.pairId)).get()!.support).toBe(result.support);
  });
});

describe("codes in the plain formats", () => {
  it("TSV and CSV write each code's text form", () => {
    const result = importMemory({ name: "mla.tmx", bytes: bytes(MEMOQ_TMX) }, db);
    const tsv = exported({ pairs: [result.pairId], format: "tsv" });
    expect(tsv.split("\n")[0]).toBe("This Treaty enters into force on {1}.\tLe présent traité entre en vigueur le {1}.");
    const csv = exported({ pairs: [result.pairId], format: "csv" });
    expect(csv).toContain("This Treaty enters into force on {1}.");
  });
});

describe("a reviewer's change to an imported memory", () => {
  it("refuses a corrected text that drops a code, and stamps a confirmation with the reviewer's name, keeping the creation", () => {
    const result = importMemory({ name: "mla.tmx", bytes: bytes(MEMOQ_TMX) }, db);
    const version = () => db.select({ v: pairs.version }).from(pairs).where(eq(pairs.id, result.pairId)).get()!.v;
    const [first] = db.select({ text: segments.text }).from(segments).where(eq(segments.documentId, result.sourceDocumentId)).orderBy(segments.position).all();
    let refused: unknown = null;
    try {
      applyEdit({ pairId: result.pairId, version: version(), operation: { name: "edit-segment", side: "en", segment: 0, text: first.text.replace(codesIn(first.text)[0], "") }, user: "Claire" }, db);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(EditError);
    expect((refused as Error).message).toMatch(/lost one of the segment's inline codes/);

    applyEdit({ pairId: result.pairId, version: version(), operation: { name: "confirm", link: 2 }, user: "Claire" }, db);
    const units = stampsOf(exported({ pairs: [result.pairId] }));
    expect(units[2]).toMatchObject({ creationdate: "20240307T080000Z", creationid: "BRUNO", changeid: "Claire" });
    expect(units[2].changedate).toMatch(/^\d{8}T\d{6}Z$/);
    const row = db.select().from(links).where(eq(links.pairId, result.pairId)).all()[2];
    expect(row).toMatchObject({ createdBy: "BRUNO", changedBy: "Claire", status: "confirmed" });
  });
});

describe("two memory units merged in the editor", () => {
  it("go out as one unit whose bpt/ept numbers are unique again, each pair matched, valid against the DTD", () => {
    const result = importMemory({ name: "mla.tmx", bytes: bytes(MEMOQ_BOLD_TMX) }, db);
    const version = db.select({ v: pairs.version }).from(pairs).where(eq(pairs.id, result.pairId)).get()!.v;
    applyEdit({ pairId: result.pairId, version, operation: { name: "merge", link: 0 }, user: "Claire" }, db);
    const out = exported({ pairs: [result.pairId] });
    const [en, fr] = segsOf(out);
    for (const seg of [en, fr]) {
      const begins = [...seg.matchAll(/<bpt i="(\d+)"/g)].map((m) => m[1]);
      const ends = [...seg.matchAll(/<ept i="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(begins).size).toBe(begins.length);
      expect([...ends].sort()).toEqual([...begins].sort());
    }
    // The second unit's bold closes on its own end, after "Article 5" / "article 5".
    expect(en).toMatch(/<bpt i="2" type="bold">\{\}<\/bpt>Article 5<ept i="2">/);
    expect(fr).toMatch(/<bpt i="2" type="bold">\{\}<\/bpt>article 5<ept i="2">/);
    expect(() => checkTmx(save("merged.tmx", out))).not.toThrow();
  });
});

describe("TMX and links with one side", () => {
  function pairWithEmptyLinks(): number {
    const memory = `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="fr"><seg>Un.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Untranslated.</seg></tuv></tu>
<tu><tuv xml:lang="fr"><seg>Ajouté.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Two.</seg></tuv><tuv xml:lang="fr"><seg>Deux.</seg></tuv></tu>
</body></tmx>`;
    return importMemory({ name: "empty.tmx", bytes: bytes(memory) }, db).pairId;
  }

  it("leaves 1-0 and 0-1 links out of a TMX unless asked to keep them; the other formats keep them unless asked", () => {
    const id = pairWithEmptyLinks();
    expect(TMX.read(exported({ pairs: [id] })).map((u) => [u.en, u.fr])).toEqual([
      ["One.", "Un."],
      ["Two.", "Deux."],
    ]);
    expect(TMX.read(exported({ pairs: [id], skipEmpty: false }))).toHaveLength(4);
    expect(exported({ pairs: [id], format: "tsv" }).trim().split("\n")).toHaveLength(4);
    expect(exported({ pairs: [id], format: "tsv", skipEmpty: true }).trim().split("\n")).toHaveLength(2);
    expect(exported({ pairs: [id] })).toContain("1-0 and 0-1 links left out");
  });

  it("writes the aligner as the creator of links nobody made by hand, and no change until one is made", () => {
    const en = importDocument({ title: "E", raw: "One.\nTwo.", language: "en", origin: "import", presegmented: true }, db).id;
    const fr = importDocument({ title: "F", raw: "Un.\nDeux.", language: "fr", origin: "import", presegmented: true }, db).id;
    const [pair] = db.insert(pairs).values({ title: "P", sourceDocumentId: en, targetDocumentId: fr, status: "ready", linkCount: 2 }).returning({ id: pairs.id }).all();
    db.insert(links)
      .values([
        { pairId: pair.id, position: 0, sourceStart: 0, sourceCount: 1, targetStart: 0, targetCount: 1, confidence: 0.9, createdAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) },
        { pairId: pair.id, position: 1, sourceStart: 1, sourceCount: 1, targetStart: 1, targetCount: 1, confidence: 0.9, createdAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) },
      ])
      .run();
    expect(stampsOf(exported({ pairs: [pair.id] }))).toEqual([
      { creationdate: "20260102T030405Z", creationid: "Tandem" },
      { creationdate: "20260102T030405Z", creationid: "Tandem" },
    ]);
  });
});
