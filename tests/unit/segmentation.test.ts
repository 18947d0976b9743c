import { readFileSync } from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseLinks, type LinkSides } from "../../alignments/align/links";
import { alignmentCounts, scoreCounts } from "../../alignments/align/evaluate";
import { getDb } from "../../db/client.server";
import { documents, links, segments } from "../../db/schema";
import { DocumentInUseError } from "../../app/models/documents.server";
import { importSubmission, type ImportSubmission } from "../../app/models/imports.server";
import { resegmentInWorker } from "../../app/models/import-worker.server";
import { createAlignedPair, deletePair } from "../../app/models/pairs.server";
import { applyEdit } from "../../app/models/editor.server";
import { bankActFiles } from "../../scripts/bank-pair";
import { appDatabase } from "./helpers";

/**
 * Segmentation through the functions the routes call (decision 0021): "Add a document" (importSubmission, which
 * reads, cuts and stores in the import worker) with the form's segmentation field, and the document page's
 * "re-segment" (resegmentInWorker).
 */

const SLOW = { timeout: 120_000 };
const encode = (text: string) => new TextEncoder().encode(text);
const bank = bankActFiles();

/** Lines 12–30 of the Bank Act: headings, definitions, and "branch" whose two paragraphs go on in lower case. */
const BANK_EXCERPT = bank ? readFileSync(bank.en, "utf8").split("\n").slice(11, 30).join("\n") : "";

appDatabase();

async function imported(input: Partial<ImportSubmission>) {
  const outcome = await importSubmission({ title: "", text: "", file: null, language: "auto", ...input });
  if (!outcome.ok) throw new Error(outcome.message);
  return getDb().select().from(documents).where(eq(documents.id, outcome.id)).get()!;
}

const segmentTexts = (id: number) =>
  getDb().select({ text: segments.text }).from(segments).where(eq(segments.documentId, id)).orderBy(asc(segments.position)).all().map((s) => s.text);

describe.skipIf(!bank)("the Bank Act through the import form", () => {
  it("takes each file as cut one unit per line, and pairs them as the README's Bank Act pair", SLOW, async () => {
    const en = await imported({ file: { name: "B-1.01.en", bytes: readFileSync(bank!.en) } });
    const fr = await imported({ file: { name: "B-1.01.fr", bytes: readFileSync(bank!.fr) } });
    expect(en).toMatchObject({ language: "en", segmentation: "lines", segmentCount: 11_699 });
    expect(fr).toMatchObject({ language: "fr", segmentation: "lines", segmentCount: 11_343 });
    expect(en.segmentationNote).toMatch(/^This text looks cut one segment per line \(11,699 lines: \d+% end a sentence or a unit/);
    expect(segmentTexts(en.id)).toContain("foreign bank subsidiary[Repealed, 2001, c. 9, s. 35]");

    const { id, linkCount } = createAlignedPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }, getDb());
    expect(linkCount).toBe(11_371);
    const stored: LinkSides[] = getDb()
      .select()
      .from(links)
      .where(eq(links.pairId, id))
      .orderBy(asc(links.position))
      .all()
      .map((l) => ({ en: Array.from({ length: l.sourceCount }, (_, k) => l.sourceStart + k), fr: Array.from({ length: l.targetCount }, (_, k) => l.targetStart + k) }));
    const gold = parseLinks(readFileSync(path.join(path.dirname(bank!.en), "B-1.01.en-fr.units.gold"), "utf8"));
    const { precision, recall } = alignmentCounts(gold, stored);
    expect(scoreCounts(precision, recall).f1Strict).toBeGreaterThanOrEqual(0.95);
  });
});

describe("the form's segmentation choice", () => {
  it.skipIf(!bank)("cuts a pasted text into sentences or keeps its lines as the person chose", SLOW, async () => {
    const auto = await imported({ text: BANK_EXCERPT });
    const lines = await imported({ text: BANK_EXCERPT, segmentation: "lines" });
    const pipeline = await imported({ text: BANK_EXCERPT, segmentation: "pipeline" });
    expect(auto).toMatchObject({ segmentation: "lines", segmentCount: 19 });
    expect(lines).toMatchObject({ segmentation: "lines", segmentCount: 19, segmentationNote: null });
    expect(pipeline).toMatchObject({ segmentation: "pipeline", segmentationNote: null });
    // The pipeline takes "branch" and its paragraphs, which go on in lower case, for one wrapped paragraph.
    expect(pipeline.segmentCount).toBeLessThan(19);
  });

  it("sends prose that blank lines set apart to the pipeline, and says why", SLOW, async () => {
    const document = await imported({ text: "The request was made.\n\nIt was answered.\n\nThe court agreed.\n\nThe file was closed.\n\nNothing else happened." });
    expect(document.segmentation).toBe("pipeline");
    expect(document.segmentationNote).toMatch(/^This text was cut into sentences: blank lines set its paragraphs apart/);
  });

  it("reads a web page as prose when the choice is automatic, and keeps its lines when a person says so", SLOW, async () => {
    const page = readFileSync(path.resolve("tests/fixtures/originals/statement.html"));
    const automatic = await imported({ file: { name: "statement.html", bytes: new Uint8Array(page) } });
    expect(automatic).toMatchObject({ segmentation: "pipeline", segmentationNote: expect.stringMatching(/web page is read as prose/) });
    const chosen = await imported({ file: { name: "statement.html", bytes: new Uint8Array(page) }, segmentation: "lines" });
    expect(chosen).toMatchObject({ segmentation: "lines", segmentationNote: null });
  });
});

describe("re-segmenting a document", () => {
  it("cuts a document in no pair again the other way, in one go, and says nothing of an automatic choice any more", SLOW, async () => {
    const text = "Terms of reference\nThe group meets twice a year. It reports to the council.\nMembers serve for three years.\nThe chair is elected by the members.\nMeetings are held in Vienna.";
    const document = await imported({ text, segmentation: "lines" });
    expect(document.segmentCount).toBe(5);
    expect(await resegmentInWorker(document.id, "pipeline")).toBe(true);
    const after = getDb().select().from(documents).where(eq(documents.id, document.id)).get()!;
    expect(after).toMatchObject({ segmentation: "pipeline", segmentationNote: null, segmentCount: 6 });
    expect(segmentTexts(document.id)).toEqual([
      "Terms of reference",
      "The group meets twice a year.",
      "It reports to the council.",
      "Members serve for three years.",
      "The chair is elected by the members.",
      "Meetings are held in Vienna.",
    ]);
    expect(await resegmentInWorker(document.id, "lines")).toBe(true);
    expect(segmentTexts(document.id)).toHaveLength(5);
    expect(await resegmentInWorker(987_654, "lines")).toBe(false);
  });

  it("asks before losing the corrections a pair's editor made to the segments, with their count, and changes nothing until told", SLOW, async () => {
    const en = await imported({ text: "The request was made.\nIt was answered.\nThe court agreed.\nThe file was closed.\nNothing else happened.", language: "en" });
    const fr = await imported({ text: "La demande a été faite.\nElle a reçu une réponse.\nLe tribunal a accepté.\nLe dossier a été clos.\nRien d'autre ne s'est passé.", language: "fr" });
    const { id } = createAlignedPair({ sourceDocumentId: en.id, targetDocumentId: fr.id, title: "Corrected" }, getDb());
    applyEdit({ pairId: id, version: 1, operation: { name: "edit-segment", side: "en", segment: 1, text: "It was answered at once." }, user: "Claire" }, getDb());
    deletePair(id, getDb());
    const corrected = segmentTexts(en.id);
    expect(corrected[1]).toBe("It was answered at once.");

    expect(await resegmentInWorker(en.id, "pipeline")).toEqual({ corrections: 1 });
    expect(segmentTexts(en.id)).toEqual(corrected);
    expect(getDb().select().from(documents).where(eq(documents.id, en.id)).get()).toMatchObject({ segmentation: en.segmentation });
    // Told to let it go: cut again from the imported text.
    expect(await resegmentInWorker(en.id, "pipeline", true)).toBe(true);
    expect(segmentTexts(en.id)).toContain("It was answered.");
    // A document no one corrected is cut at once.
    expect(await resegmentInWorker(fr.id, "pipeline")).toBe(true);
  });

  it("refuses while the document is in a pair, names the pair and changes nothing", SLOW, async () => {
    const en = await imported({ text: "The request was made.\nIt was answered.\nThe court agreed.\nThe file was closed.\nNothing else happened.", language: "en" });
    const fr = await imported({ text: "La demande a été faite.\nElle a reçu une réponse.\nLe tribunal a accepté.\nLe dossier a été clos.\nRien d'autre ne s'est passé.", language: "fr" });
    createAlignedPair({ sourceDocumentId: en.id, targetDocumentId: fr.id, title: "Request and answer" }, getDb());
    const before = segmentTexts(en.id);
    const refusal = await resegmentInWorker(en.id, "pipeline").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DocumentInUseError);
    expect((refusal as Error).message).toBe(
      "This document is in the pair “Request and answer”, whose links point at its segments, so Tandem cannot re-segment it: delete the pair first.",
    );
    expect(getDb().select().from(documents).where(eq(documents.id, en.id)).get()).toMatchObject({ segmentation: en.segmentation, segmentCount: en.segmentCount });
    expect(segmentTexts(en.id)).toEqual(before);
  });
});
