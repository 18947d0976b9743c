import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { importDocument } from "../../app/models/documents.server";
import { PIECE, pairTextsJson, pairTextsResponse } from "../../app/models/editor-data.server";
import { storeAlignment, beginAlignment } from "../../app/models/alignment-jobs.server";
import { toTuple } from "../../app/models/editor-links.server";
import { getEditor, pairTexts } from "../../app/models/editor-read.server";
import { createPair } from "../../app/models/pairs.server";
import type { Db } from "../../db/client.server";
import { links, segments } from "../../db/schema";
import { databasePerTest } from "./helpers";
import { allocatedBy } from "./support/allocation";

let db: Db;
databasePerTest((temp) => ({ db } = temp));

/** A ready pair of `n` segments a side, linked one to one, some links confirmed, edited, of odd confidences. */
function readyPair(n: number) {
  const lines = (word: string) => Array.from({ length: n }, (_, i) => `${word} ${i + 1}: the Minister may, in respect of request ${i}, provide help within ${i * 3} days.`).join("\n");
  const en = importDocument({ title: "English", raw: lines("Section"), language: "en", origin: "import", presegmented: true }, db);
  const fr = importDocument({ title: "Français", raw: lines("Article"), language: "fr", origin: "import", presegmented: true }, db);
  const { id } = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, db);
  beginAlignment(id, db);
  storeAlignment(id, { links: Array.from({ length: n }, (_, k) => ({ en: [k], fr: [k], confidence: (k % 1000) / 999.7 })), support: 0.9 }, db);
  for (const k of [0, 3, n - 1]) db.update(links).set({ status: "confirmed", edited: k !== 3 }).where(and(eq(links.pairId, id), eq(links.position, k))).run();
  return { id, en: en.id, fr: fr.id };
}

describe("the editor's links", () => {
  it("are the tuples toTuple makes of the stored rows: status, confidence to three decimals, edited", () => {
    const { id } = readyPair(1200);
    const rows = db.select().from(links).where(eq(links.pairId, id)).orderBy(asc(links.position)).all();
    expect(getEditor(id, db)!.links).toEqual(rows.map((row) => toTuple(row, row.edited)));
    expect(getEditor(id, db)!.links.slice(0, 4)).toEqual([
      [0, 1, 0, 1, 1, 0, 1],
      [1, 1, 1, 1, 0, 0.001, 0],
      [2, 1, 2, 1, 0, 0.002, 0],
      [3, 1, 3, 1, 1, 0.003, 0],
    ]);
  });

  it("are read without an object per link: under 500 bytes of heap per link (about 330 here)", async () => {
    const { id } = readyPair(5000);
    getEditor(id, db); // statements prepared
    const bytes = await allocatedBy(() => getEditor(id, db));
    // One object per row, then a tuple per object, took about 1,160 bytes a link.
    expect(bytes / 5000).toBeLessThan(500);
  });
});

describe("the texts of a large pair", () => {
  const read = async (response: Response) => {
    const pieces: Uint8Array[] = [];
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return pieces;
      pieces.push(value);
    }
  };

  it("are pairTexts' JSON, whatever the segments hold, with each segment's kind", async () => {
    const { id, en, fr } = readyPair(6);
    const odd = ['a "quote" and a \\ backslash', "a tab\tand a line\nbreak", "\u2028 and \u0001 and \u007f", "émoji 😀 and ’", "</script><!--", ""];
    odd.forEach((text, k) => db.update(segments).set({ text }).where(and(eq(segments.documentId, k % 2 ? fr : en), eq(segments.position, k))).run());
    db.update(segments).set({ kind: "heading" }).where(and(eq(segments.documentId, en), eq(segments.position, 1))).run();
    db.update(segments).set({ kind: "note" }).where(and(eq(segments.documentId, fr), eq(segments.position, 5))).run();
    const response = pairTextsResponse(id, db)!;
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = Buffer.concat(await read(response));
    expect(Number(response.headers.get("content-length"))).toBe(body.byteLength);
    const texts = pairTexts(id, null, db)!;
    expect(JSON.parse(body.toString("utf8"))).toEqual(texts);
    expect(texts.en).toContain(odd[0]);
    expect(texts.fr).toContain(odd[3]);
    expect(texts.enKinds).toBe("bhbbbb");
    expect(texts.frKinds).toBe("bbbbbn");
  });

  it("are an empty answer for a pair without segments read, and none for a pair that does not exist", async () => {
    expect(pairTextsResponse(999, db)).toBeNull();
    const { id, en } = readyPair(2);
    db.delete(segments).where(eq(segments.documentId, en)).run();
    expect(JSON.parse(Buffer.concat(await read(pairTextsResponse(id, db)!)).toString())).toMatchObject({ en: [], enKinds: "" });
  });

  it("go out in pieces of at most 64 KB, made without a string of the whole answer", async () => {
    const { id } = readyPair(4000);
    const pieces = await read(pairTextsResponse(id, db)!);
    const size = pieces.reduce((n, p) => n + p.byteLength, 0);
    expect(size).toBeGreaterThan(10 * PIECE);
    expect(Math.max(...pieces.map((p) => p.byteLength))).toBeLessThanOrEqual(PIECE);
    pairTextsJson(id, db);
    const bytes = await allocatedBy(async () => read(pairTextsResponse(id, db)!));
    // Rows as objects, then the JSON as one string and its UTF-8 copy, took about 10 bytes of heap per byte sent; now about 0.14.
    expect(bytes / size).toBeLessThan(0.5);
  });
});
