import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { documents, pairs, segments } from "../../db/schema";
import { ComputeWorker } from "../../app/models/compute.server";
import { DocumentInUseError } from "../../app/models/documents.server";
import { GlossaryError } from "../../app/models/glossary.server";
import { importSubmission } from "../../app/models/imports.server";
import { MemoryImportError } from "../../app/models/memories.server";
import { PairError } from "../../app/models/pairs.server";
import type { ImportJobs } from "../../app/workers/import-jobs";
import { appDatabase } from "./helpers";

/** The import worker starts from source through tsx, and these imports are megabytes: allow for a busy machine. */
const SLOW = { timeout: 90_000 };
const encode = (text: string) => new TextEncoder().encode(text);
const SENTENCES = ["The requested State shall execute the request promptly.", "Each State Party shall designate a central authority.", "Evidence may be transmitted electronically."];
/** A plain English text of about `bytes` bytes, in paragraphs. */
const longText = (bytes: number) => {
  let text = "";
  for (let k = 0; text.length < bytes; k++) text += `${SENTENCES[k % 3]} Paragraph ${k}.\n\n`;
  return text;
};
const worker = () => globalThis.__tandemImportWorker;

appDatabase();

describe("imports run in the import worker", () => {
  it("reads, cleans, cuts and stores a large text while the server's thread goes on turning", SLOW, async () => {
    // The worker is started by a first import, so that its start is not what lets the thread turn below.
    expect(await importSubmission({ title: "Warm-up", text: SENTENCES.join(" "), file: null, language: "en" })).toMatchObject({ ok: true });
    const jobs = worker()?.stats.jobs ?? 0;

    const bytes = encode(longText(1_500_000));
    let turns = 0;
    let done = false;
    const turn = () => {
      if (done) return;
      turns++;
      setTimeout(turn, 1);
    };
    setTimeout(turn, 1);
    const outcome = await importSubmission({ title: "", text: "", file: { name: "long.txt", bytes }, language: "auto" });
    const turnsMeanwhile = turns;
    done = true;

    // Parsed on this thread, the import would have finished before any timer ran.
    expect(turnsMeanwhile).toBeGreaterThan(0);
    expect(worker()?.stats.jobs).toBe(jobs + 1);
    // The file's bytes were moved to the worker, not copied.
    expect(bytes.byteLength).toBe(0);
    if (!outcome.ok) throw new Error(outcome.message);
    const stored = getDb().select().from(documents).where(eq(documents.id, outcome.id)).get()!;
    expect(stored).toMatchObject({ title: "long", language: "en", sourceName: "long.txt" });
    expect(getDb().select({ n: sql<number>`count(*)` }).from(segments).where(eq(segments.documentId, outcome.id)).get()!.n).toBe(stored.segmentCount);
    expect(stored.segmentCount).toBeGreaterThan(40_000);
  });

  it("imports memories, glossaries, dictionaries and language changes there too, and their refusals come back as the errors they were", SLOW, async () => {
    const { changeLanguageInWorker, createPairWithDictionary, importGlossaryUpload, importMemoryUpload } = await import("../../app/models/import-worker.server");
    const jobs = worker()?.stats.jobs ?? 0;
    const tmx = `<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>One step.</seg></tuv><tuv xml:lang="fr"><seg>Un pas.</seg></tuv></tu></body></tmx>`;
    const memory = await importMemoryUpload({ name: "small.tmx", bytes: encode(tmx), title: "" });
    expect(memory).toMatchObject({ title: "small", links: 1 });
    expect(getDb().select().from(pairs).where(eq(pairs.id, memory.pairId)).get()).toMatchObject({ status: "ready", linkCount: 1 });
    await expect(importMemoryUpload({ name: "broken.tmx", bytes: encode("<tmx><body><tu>"), title: "" })).rejects.toThrow(MemoryImportError);

    const glossary = await importGlossaryUpload({ name: "g.csv", bytes: encode("entry,language,term\nmla,fr,entraide judiciaire\nmla,en,mutual legal assistance\n"), existing: "replace" });
    expect(glossary).toMatchObject({ format: "csv", added: ["mla"] });
    const badGlossary = await importGlossaryUpload({ name: "bad.csv", bytes: encode("entry,language,term\nx,de,Rechtshilfe\n"), existing: "replace" }).catch((error: unknown) => error);
    expect(badGlossary).toBeInstanceOf(GlossaryError);
    expect(badGlossary).toMatchObject({ status: 422, problems: [{ line: 2, message: "Line 2: the language is “de”; use fr or en." }] });

    const pair = { sourceDocumentId: memory.sourceDocumentId, targetDocumentId: memory.targetDocumentId, title: "Again" };
    await expect(createPairWithDictionary(pair, { name: "empty.dic", bytes: encode("\n\n") })).rejects.toThrow(PairError);
    const made = await createPairWithDictionary(pair, { name: "legal.dic", bytes: encode("pas @ step\n") });
    expect(getDb().select().from(pairs).where(eq(pairs.id, made.id)).get()).toMatchObject({ title: "Again", lexiconName: "legal.dic", lexiconSize: 1 });

    const inUse = await changeLanguageInWorker(memory.sourceDocumentId, "fr").catch((error: unknown) => error);
    expect(inUse).toBeInstanceOf(DocumentInUseError);
    expect((inUse as DocumentInUseError).pairs.map((p) => p.title)).toEqual(["small", "Again"]);
    expect(await changeLanguageInWorker(999_999, "fr")).toBe(false);
    expect(worker()?.stats.jobs).toBe(jobs + 8);
  });

  it("answers a worker that stops with a plain refusal, and nothing is written", SLOW, async () => {
    const { importMemoryUpload } = await import("../../app/models/import-worker.server");
    await worker()?.close();
    // Inside the project, so that start.mjs finds tsx in node_modules.
    mkdirSync("tests/.artifacts", { recursive: true });
    const broken = mkdtempSync(path.resolve("tests/.artifacts", "workers-"));
    cpSync("app/workers/start.mjs", path.join(broken, "start.mjs"));
    writeFileSync(path.join(broken, "import.worker.ts"), 'throw new Error("out of memory, say");\n');
    const before = getDb().select({ n: sql<number>`count(*)` }).from(documents).get()!.n;
    try {
      globalThis.__tandemImportWorker = new ComputeWorker<ImportJobs>({ folder: broken, entry: "import.worker.ts", name: "import" });
      const memory = await importMemoryUpload({ name: "m.tmx", bytes: encode("<tmx/>"), title: "" }).catch((error: unknown) => error);
      expect(memory).toBeInstanceOf(MemoryImportError);
      expect((memory as Error).message).toMatch(/^Tandem stopped reading this file before the end .* nothing was imported/);
      const outcome = await importSubmission({ title: "Kept", text: "Some pasted text that will not be read.", file: null, language: "en" });
      expect(outcome).toMatchObject({ ok: false, status: 422, field: "text", values: { title: "Kept" } });
    } finally {
      await worker()?.close();
      globalThis.__tandemImportWorker = undefined;
      rmSync(broken, { recursive: true, force: true });
    }
    expect(getDb().select({ n: sql<number>`count(*)` }).from(documents).get()!.n).toBe(before);
  });
});
