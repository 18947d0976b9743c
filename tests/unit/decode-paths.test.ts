import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readOriginal } from "../../app/models/originals.server";
import { importMemory } from "../../app/models/memories.server";
import { readLexicon } from "../../app/models/pairs.server";
import { importSubmission } from "../../app/models/imports.server";
import { action as glossaryAction } from "../../app/routes/glossary._index";
import { documents, glossaryTerms } from "../../db/schema";
import { tempDatabase } from "./helpers";

/**
 * Every path that reads an uploaded file goes through decodeText: a UTF-8 file with one damaged byte keeps its
 * other accents, and the note that says which line was damaged reaches what the user sees.
 */

/** UTF-8 bytes of `lines`, with the é of the word "dégât" on line `line` written as the Latin-1 byte 0xE9. */
function damagedUtf8(lines: string[], line: number): Uint8Array<ArrayBuffer> {
  const text = lines.map((l, k) => (k + 1 === line ? l.replace("dégât", "d\u0000gât") : l)).join("\n");
  return new Uint8Array([...new TextEncoder().encode(text)].map((b) => (b === 0 ? 0xe9 : b)));
}

const NOTE = /1 character could not be read \(bytes that are not valid UTF-8\) and was replaced by “\uFFFD”, on line 3\./;

let temp: ReturnType<typeof tempDatabase>;
beforeEach(() => {
  temp = tempDatabase();
  globalThis.__tandemDb = temp.db;
});
afterEach(() => {
  globalThis.__tandemDb = undefined;
  temp.dispose();

});

describe("a UTF-8 file with one damaged byte", () => {
  const prose = [
    "La coopération internationale en matière pénale repose sur l’entraide judiciaire.",
    "Les États parties désignent une autorité centrale.",
    "Un dégât des eaux a retardé la transmission des pièces.",
    "La demande est exécutée sans délai.",
  ];

  it("is a plain-text original read as UTF-8, its note naming the line", async () => {
    const read = await readOriginal(damagedUtf8(prose, 3), "note.txt", { name: "note.txt" });
    expect(read).toMatchObject({ ok: true, encoding: "utf-8", text: prose.join("\n").replace("dégât", "d\uFFFDgât") });
    expect(read.ok && read.note).toMatch(NOTE);
  });

  it("is a web page read as UTF-8, the note beside the page's own", async () => {
    const page = ["<html><head><title>Note</title></head><body>", "<p>La coopération internationale.</p>", `<p>${prose[2]}</p>`, "</body></html>"];
    const read = await readOriginal(damagedUtf8(page, 3), "note.html", { name: "note.html" });
    expect(read).toMatchObject({ ok: true, kind: "html" });
    expect(read.ok && read.text).toContain("La coopération internationale.");
    expect(read.ok && read.note).toMatch(NOTE);
  });

  it("is a document whose page shows the note", async () => {
    const outcome = await importSubmission({ title: "", text: "", file: { name: "note.txt", bytes: damagedUtf8(prose, 3) }, language: "fr" });
    expect(outcome.ok).toBe(true);
    const row = temp.db.select().from(documents).where(eq(documents.id, outcome.ok ? outcome.id : 0)).get()!;
    expect(row).toMatchObject({ encoding: "utf-8", rawText: expect.stringContaining("Les États parties") });
    expect(row.encodingNote).toMatch(NOTE);
  });

  it("is a memory (TMX) whose documents keep their accents and carry the note", () => {
    const tmx = [
      `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>`,
      `<tu><tuv xml:lang="en"><seg>Mutual legal assistance.</seg></tuv><tuv xml:lang="fr"><seg>L’entraide judiciaire est accordée.</seg></tuv></tu>`,
      `<tu><tuv xml:lang="en"><seg>Water damage delayed it.</seg></tuv><tuv xml:lang="fr"><seg>Un dégât des eaux l’a retardée.</seg></tuv></tu>`,
      `</body></tmx>`,
    ];
    const result = importMemory({ name: "memory.tmx", bytes: damagedUtf8(tmx, 3) }, temp.db);
    expect(result).toMatchObject({ encoding: "utf-8", encodingNote: expect.stringMatching(NOTE) });
    const fr = temp.db.select().from(documents).where(eq(documents.id, result.targetDocumentId)).get()!;
    expect(fr.rawText).toBe("L’entraide judiciaire est accordée.\nUn d\uFFFDgât des eaux l’a retardée.");
    expect(fr.encodingNote).toMatch(NOTE);
  });

  it("is a dictionary whose other entries keep their accents", () => {
    const lexicon = readLexicon("legal.csv", damagedUtf8(["english,french", "request,requête", "damage,dégât", "treaty,traité"], 3));
    expect(lexicon.entries).toEqual(expect.arrayContaining([{ en: "request", fr: "requête" }, { en: "treaty", fr: "traité" }]));
  });

  it("is a glossary whose import message gives the note", async () => {
    const csv = damagedUtf8(["entry,language,term", "mla,fr,entraide judiciaire", "damage,fr,dégât", "damage,en,damage", "treaty,fr,traité"], 3);
    const form = new FormData();
    form.set("intent", "import");
    form.set("existing", "replace");
    form.set("file", new File([new Uint8Array(csv)], "glossary.csv", { type: "text/csv" }));
    const response = (await glossaryAction({ request: new Request("http://127.0.0.1/glossary", { method: "POST", body: form }), params: {}, context: {} })) as Response;
    const body = (await response.json()) as { ok: boolean; message: string };
    expect(body).toMatchObject({ ok: true, message: expect.stringMatching(NOTE) });
    expect(temp.db.select({ text: glossaryTerms.text }).from(glossaryTerms).all().map((t) => t.text)).toEqual(
      expect.arrayContaining(["traité", "d\uFFFDgât", "entraide judiciaire"]),
    );
  });
});
