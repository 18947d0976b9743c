import { readFileSync, mkdtempSync, writeFileSync, chmodSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { documents, paragraphs, removals, segments } from "../../db/schema";
import { getDb } from "../../db/client.server";
import { importSubmission } from "../../app/models/imports.server";
import { readOriginal, sniffOriginal } from "../../app/models/originals.server";
import { runPdftotext } from "../../app/imports/pdftotext.server";
import { readZipDirectory, readZipEntry, ZipError } from "../../app/imports/zip.server";
import { appDatabase } from "./helpers";
import { zipArchive, type ZipWriterEntry } from "../fixtures/originals/zip-writer";
import { REPORT_HEADINGS, REPORT_LEFT_OUT, REPORT_NOTES } from "../fixtures/originals/report-pdf";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/originals");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

/** A ZIP of the given entries, deflated (method 8) unless stored; `flags` sets the general-purpose bits. */
const zip = (entries: ZipWriterEntry[]): Uint8Array => new Uint8Array(zipArchive(entries));

const WORD_XML = (body: string) =>
  `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

describe("recognising an original by its bytes", () => {
  it.each([
    ["report.pdf", "", "pdf"],
    ["statement.docx", "", "zip"],
    ["statement.html", "", "html"],
  ])("%s is read as %s", (name, type, kind) => {
    expect(sniffOriginal(fixture(name), name, type)).toBe(kind);
  });

  it("trusts the content over the name", () => {
    expect(sniffOriginal(fixture("report.pdf"), "notes.txt")).toBe("pdf");
    expect(sniffOriginal(fixture("statement.html"), "page.txt")).toBe("html");
    expect(sniffOriginal(new TextEncoder().encode("Plain words."), "report.pdf")).toBe("unknown");
    expect(sniffOriginal(new TextEncoder().encode("Plain words."), "notes.md")).toBe("text");
    expect(sniffOriginal(new TextEncoder().encode("Just text, no tags."), "page.html")).toBe("text");
  });
});

describe("the ZIP reader", () => {
  it("lists and inflates entries, stored or deflated", () => {
    const bytes = zip([
      { name: "a.txt", data: Buffer.from("deflated text") },
      { name: "b.txt", data: Buffer.from("stored text"), stored: true },
    ]);
    const entries = readZipDirectory(bytes);
    expect([...entries.keys()]).toEqual(["a.txt", "b.txt"]);
    expect(Buffer.from(readZipEntry(bytes, entries.get("a.txt")!, 1000)).toString()).toBe("deflated text");
    expect(Buffer.from(readZipEntry(bytes, entries.get("b.txt")!, 1000)).toString()).toBe("stored text");
  });

  it("stops an entry that inflates past the limit, whatever size it declares (a ZIP bomb)", () => {
    const bytes = zip([{ name: "bomb.xml", data: Buffer.alloc(2_000_000, 32), declaredSize: 100 }]);
    const entry = readZipDirectory(bytes).get("bomb.xml")!;
    expect(() => readZipEntry(bytes, entry, 100_000)).toThrow(/past the limit/);
  });

  it("refuses encrypted entries, a cut archive and garbage", () => {
    const bytes = zip([{ name: "secret.xml", data: Buffer.from("x"), flags: 1 }]);
    expect(() => readZipEntry(bytes, readZipDirectory(bytes).get("secret.xml")!, 100)).toThrow(/encrypted/);
    const whole = fixture("statement.docx");
    expect(() => readZipDirectory(whole.subarray(0, whole.length - 30))).toThrow(ZipError);
    expect(() => readZipDirectory(new Uint8Array(100))).toThrow(/no central directory/);
  });
});

describe("reading originals", () => {
  it("reads the report PDF: running heads and stamps for the clean-up, hyphens kept for it to judge", async () => {
    const read = await readOriginal(fixture("report.pdf"), "report.pdf");
    expect(read).toMatchObject({ ok: true, kind: "pdf", note: "PDF, 3 pages: text read with pdftotext" });
    if (!read.ok) return;
    expect(read.text.split("\f")).toHaveLength(3);
    expect(read.text).toContain("V.26-01234 1/3");
    expect(read.text).toMatch(/preserva-\ntion/);
    expect(read.text).toContain("1. At its meeting in Vienna");
    expect(read.text).toContain("held in electronic form.1 Speakers");
  });

  it("reads the Word document and the web page", async () => {
    const docx = await readOriginal(fixture("statement.docx"), "statement.docx");
    expect(docx).toMatchObject({ ok: true, kind: "docx", title: "Putting people first in the cybercrime convention", note: "Word document: 19 paragraphs, 1 note" });
    const html = await readOriginal(fixture("statement.html"), "statement.html");
    expect(html).toMatchObject({ ok: true, kind: "html", title: "Putting people first in the UN cybercrime convention" });
    if (html.ok) expect(html.text).not.toMatch(/cookies|Subscribe|Skip to content|About us|All rights reserved|dataLayer/);
  });

  it("reads a page in the charset it declares", async () => {
    const latin1 = Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>Déjà vu à Genève.</p></body></html>', "latin1");
    expect(await readOriginal(new Uint8Array(latin1), "page.html")).toMatchObject({ ok: true, text: "Déjà vu à Genève." });
  });

  it.each(['<meta charset="windows-1252">', "<meta charset=iso-8859-1>", '<meta charset="latin1" />'])(
    "reads a page whose %s names Windows-1252 (as browsers read it) through the core's decoder: “ ” – € are no control characters",
    async (meta) => {
      const page = Buffer.concat([
        Buffer.from(`<!DOCTYPE html><html><head>${meta}<title>T</title></head><body><p>`, "latin1"),
        Buffer.from([0x93, 0x43, 0x6f, 0xfb, 0x74, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x2e]),
        Buffer.from("</p></body></html>", "latin1"),
      ]);
      expect(await readOriginal(new Uint8Array(page), "page.html")).toMatchObject({ ok: true, text: "“Coût” – 5 €." });
      expect(await readOriginal(new Uint8Array(page), "page.html", { contentType: "text/html" })).toMatchObject({ ok: true, text: "“Coût” – 5 €." });
    },
  );

  it("reads a page declared windows-1252 with its curly quotes, dashes and euro sign, not control characters", async () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>', "latin1"),
      Buffer.from([0x93, 0x43, 0x6f, 0xfb, 0x74, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x2e]),
      Buffer.from("</p></body></html>", "latin1"),
    ]);
    expect(await readOriginal(new Uint8Array(page), "page.html")).toMatchObject({ ok: true, text: "“Coût” – 5 €." });
  });

  it.each([
    ["encrypted.pdf", 422, /protected by a password/],
    ["scanned.pdf", 422, /has no text layer.*OCR/],
    ["not-a-document.docx", 415, /ZIP archive that is not a Word document.*readme\.txt, photos\/list\.txt/],
  ])("refuses %s with a clear message", async (name, status, message) => {
    const read = await readOriginal(fixture(name), name);
    expect(read).toMatchObject({ ok: false, status });
    if (!read.ok) expect(read.message).toMatch(message);
  });

  it("refuses a cut PDF, a misnamed file, an OpenDocument text and a bomb in a .docx", async () => {
    const cut = await readOriginal(fixture("report.pdf").subarray(0, 3000), "cut.pdf");
    expect(cut).toMatchObject({ ok: false, status: 422 });
    if (!cut.ok) expect(cut.message).toMatch(/damaged or is not a PDF/);
    const misnamed = await readOriginal(new TextEncoder().encode("Only plain words here."), "report.pdf", { name: "report.pdf" });
    expect(misnamed).toMatchObject({ ok: false, status: 415 });
    if (!misnamed.ok) expect(misnamed.message).toBe("report.pdf is given as a PDF but is not one: it holds plain text. Nothing was imported.");
    const picture = await readOriginal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "scan.pdf", { name: "scan.pdf" });
    expect(picture).toMatchObject({ ok: false, status: 415 });
    if (!picture.ok) expect(picture.message).toBe("scan.pdf is given as a PDF but is not one: it holds a PNG image. Nothing was imported.");
    const odt = zip([{ name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.text"), stored: true }, { name: "content.xml", data: Buffer.from("<x/>") }]);
    const odtRead = await readOriginal(odt, "letter.docx");
    expect(odtRead).toMatchObject({ ok: false, status: 415 });
    if (!odtRead.ok) expect(odtRead.message).toMatch(/OpenDocument text \(\.odt\)/);
    const bomb = zip([{ name: "word/document.xml", data: Buffer.concat([Buffer.from(WORD_XML("")), Buffer.alloc(70 * 1024 * 1024, 32)]), declaredSize: 1000 }]);
    const bombRead = await readOriginal(bomb, "bomb.docx");
    expect(bombRead).toMatchObject({ ok: false, status: 422 });
    if (!bombRead.ok) expect(bombRead.message).toMatch(/inflates past the limit/);
  });

  it("finds a Word document's main part through relationships written with single quotes (read as XML, not by pattern)", async () => {
    const rels = `<?xml version='1.0' encoding='UTF-8'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'><Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument' Target='doc/main.xml'/></Relationships>`;
    const docx = zip([
      { name: "_rels/.rels", data: Buffer.from(rels) },
      { name: "doc/main.xml", data: Buffer.from(WORD_XML("<w:p><w:r><w:t>Main part text.</w:t></w:r></w:p>")) },
    ]);
    expect(await readOriginal(docx, "quoted.docx")).toMatchObject({ ok: true, kind: "docx", text: "Main part text." });
  });

  it("says so when pdftotext is missing or too slow", async () => {
    expect(await runPdftotext(fixture("report.pdf"), { command: "/nonexistent/pdftotext" })).toMatchObject({ ok: false, reason: "missing" });
    const dir = mkdtempSync(path.join(tmpdir(), "tandem-slow-"));
    const slow = path.join(dir, "slow-pdftotext");
    writeFileSync(slow, "#!/bin/sh\nexec sleep 5\n");
    chmodSync(slow, 0o755);
    try {
      expect(await runPdftotext(fixture("report.pdf"), { command: slow, timeoutMs: 200 })).toMatchObject({ ok: false, reason: "timeout" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("importing originals into the database", () => {
  appDatabase();
  const rows = (table: typeof documents | typeof segments | typeof paragraphs | typeof removals) =>
    getDb().select({ n: sql<number>`count(*)` }).from(table).get()!.n;
  const upload = (name: string, title = "") => importSubmission({ title, text: "", file: { name, bytes: fixture(name) }, language: "auto" });
  const segmentsOf = (id: number) =>
    getDb().select({ kind: segments.kind, text: segments.text }).from(segments).where(eq(segments.documentId, id)).orderBy(segments.position).all();

  it("refuses the bad files and writes nothing", async () => {
    for (const name of ["encrypted.pdf", "scanned.pdf", "not-a-document.docx"]) {
      const outcome = await upload(name, "Should not exist");
      expect(outcome).toMatchObject({ ok: false, field: "file", values: { title: "Should not exist" } });
    }
    expect([rows(documents), rows(segments), rows(paragraphs), rows(removals)]).toEqual([0, 0, 0, 0]);
  });

  it("imports the report PDF: numbered paragraphs, headings, a footnote, no running heads, stamps or broken words", async () => {
    const outcome = await upload("report.pdf");
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const document = getDb().select().from(documents).where(eq(documents.id, outcome.id)).get()!;
    expect(document).toMatchObject({ title: "Expert Group on International Cooperation against Cybercrime (EG.4/2026/L.1)", language: "en", sourceName: "report.pdf", encoding: null, encodingNote: "PDF, 3 pages: text read with pdftotext" });
    const list = segmentsOf(outcome.id);
    const texts = list.map((s) => s.text).join("\n");
    expect(texts).not.toMatch(REPORT_LEFT_OUT);
    expect(texts.match(/EG\.4\/2026\/L\.1/g)).toHaveLength(1); // the first page's copy, as part of the title block
    expect(texts).toContain("non-governmental organizations and well-established academic networks");
    expect(texts).toContain("time-consuming");
    expect(list.filter((s) => s.kind === "heading").map((s) => s.text)).toEqual(REPORT_HEADINGS);
    expect(list.filter((s) => s.kind === "item" && /^\d+\. /.test(s.text)).map((s) => s.text.split(".")[0])).toEqual(
      Array.from({ length: 16 }, (_, k) => String(k + 1)),
    );
    // A paragraph cut by a page break and its running head is one again.
    expect(texts).toContain("should be maintained by every State");
    expect(texts).toContain("at least six weeks in advance, so that delegations");
    expect(list.filter((s) => s.kind === "note").map((s) => s.text)).toEqual(REPORT_NOTES);
    const removed = getDb().select({ kind: removals.kind, text: removals.text }).from(removals).where(eq(removals.documentId, outcome.id)).all();
    const kinds = removed.reduce<Record<string, number>>((all, r) => ({ ...all, [r.kind]: (all[r.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ "note-call": 1, "page-stamp": 5, "line-end-hyphen": 8 });
  });

  it("imports the Word document with its headings, list items and note", async () => {
    const outcome = await upload("statement.docx");
    if (!outcome.ok) throw new Error(outcome.message);
    const document = getDb().select().from(documents).where(eq(documents.id, outcome.id)).get()!;
    expect(document).toMatchObject({ title: "Putting people first in the cybercrime convention", sourceName: "statement.docx", language: "en" });
    const list = segmentsOf(outcome.id);
    expect(list.filter((s) => s.kind === "heading").map((s) => s.text).slice(0, 4)).toEqual([
      "Putting people first in the cybercrime convention",
      "A statement by civil society organizations, academics and industry, March 2026",
      "Why we speak together",
      "Principles",
    ]);
    expect(list.filter((s) => s.kind === "item").map((s) => s.text)).toEqual([
      "Focus on crimes that depend on computers and networks, not on every offence committed with a phone.",
      "Protect the rights to privacy and to freedom of expression in every article.",
      "Keep the multistakeholder approach open to every organization that wishes to contribute.",
      "(a) A clear list of offences, each with its own definition.",
      "(b) Conditions and safeguards for every investigative power.",
      "(c) Mutual legal assistance that respects dual criminality.",
    ]);
    expect(list.map((s) => s.text).join(" ")).not.toMatch(/deleted and must not appear/);
    expect(list.filter((s) => s.kind === "note").map((s) => s.text)).toEqual(["See the list of signatories at the end of this statement."]);
  });

  it("imports the web page without its navigation, script, banner, form or footer", async () => {
    const outcome = await upload("statement.html");
    if (!outcome.ok) throw new Error(outcome.message);
    const list = segmentsOf(outcome.id);
    expect(list[0]).toEqual({ kind: "heading", text: "Putting people first in the UN cybercrime convention" });
    const all = list.map((s) => s.text).join("\n");
    expect(all).not.toMatch(/Home|About us|cookies|Subscribe|All rights reserved|Do not import|Related|Share/);
    expect(list.filter((s) => s.kind === "item")).toHaveLength(9);
    expect(all).toContain("Café Numérique association (№\u00a012) and the “Data & Society” group.");
  });
});
