import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "../../db/client.server";
import { documents, glossaryEntries, links, pairs, segments } from "../../db/schema";
import { importSubmission } from "../../app/models/imports.server";
import { GlossaryError, importGlossaryCsv, importGlossaryTbx } from "../../app/models/glossary.server";
import { importMemory, MemoryImportError } from "../../app/models/memories.server";
import { readOriginal } from "../../app/models/originals.server";
import { PairError, readLexicon } from "../../app/models/pairs.server";
import { runPdftotext } from "../../app/imports/pdftotext.server";
import { zipArchive } from "../fixtures/originals/zip-writer";
import { appDatabase, tempDatabase } from "./helpers";

/**
 * The limits of issue 11, item 4: a text extracted from an original is held to 5 MB as it is extracted, and
 * memories, glossaries and dictionaries to counts of their own; each refusal says which limit, and nothing is
 * written. A reader that stopped at once is shown by a broken end that it never reaches.
 */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const SENTENCE = "The requested State shall execute the request promptly and in full. ";
/** A .docx whose word/document.xml holds `paragraphs` paragraphs, then `tail`. */
const docx = (paragraphs: number, tail = "") => {
  const body = `<w:p><w:r><w:t>${SENTENCE}</w:t></w:r></w:p>`.repeat(paragraphs);
  return new Uint8Array(zipArchive([{ name: "word/document.xml", data: `<w:document ${W}><w:body>${body}${tail}` }]));
};
const BROKEN_END = "<w:p><w:r><w:t>never closed";
/** Paragraphs enough for 6 MB of text. */
const OVER_5_MB = Math.ceil((6 * 1024 * 1024) / SENTENCE.length);
/** These tests read files of megabytes (and start the import worker): allow for a slow, busy machine. */
const SLOW = { timeout: 60_000 };
const overLimit = (label: string) =>
  `The text of ${label} is over 5 MB once extracted; Tandem takes texts up to 5 MB: split it into parts and import each one. Nothing was imported.`;

describe("the text of an original is held to 5 MB as it is extracted", () => {
  it("refuses a Word document over it, stopping before the rest of its body", SLOW, async () => {
    const bytes = docx(OVER_5_MB, BROKEN_END);
    expect(await readOriginal(bytes, "report.docx")).toEqual({ ok: false, status: 413, message: overLimit("report.docx") });
  });

  it("refuses a web page over it", SLOW, async () => {
    const html = `<!DOCTYPE html><html><body><main>${`<p>${SENTENCE.repeat(20)}</p>`.repeat(Math.ceil(OVER_5_MB / 20))}</main></body></html>`;
    expect(await readOriginal(new TextEncoder().encode(html), "page.html")).toEqual({ ok: false, status: 413, message: overLimit("page.html") });
  });

  it("stops pdftotext as soon as the words it lists pass the limit", async () => {
    const report = new Uint8Array(readFileSync(path.join(import.meta.dirname, "../fixtures/originals/report.pdf")));
    expect(await runPdftotext(report, { maxTextChars: 50 })).toMatchObject({ ok: false, reason: "text-limit" });
    expect(await runPdftotext(report, { maxTextChars: 1_000_000 })).toMatchObject({ ok: true });
  });

  describe("with a pdftotext that would never stop", () => {
    let dir = "";
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), "tandem-endless-pdf-"));
      const tool = path.join(dir, "pdftotext");
      // The TSV header, one page, then the same ten-letter word forever.
      writeFileSync(tool, "#!/bin/sh\nprintf 'level\\tpage_num\\n1\\t1\\t0\\t0\\t0\\t0\\t0\\t0\\t612\\t792\\t-1\\t###PAGE###\\n'\nexec yes '5\t1\t0\t0\t0\t1\t72\t72\t40\t10\t100\tabcdefghij'\n");
      chmodSync(tool, 0o755);
      vi.stubEnv("TANDEM_PDFTOTEXT", tool);
      vi.resetModules();
    });
    afterAll(() => {
      vi.unstubAllEnvs();
      rmSync(dir, { recursive: true, force: true });
    });

    it("refuses the PDF with the same message", SLOW, async () => {
      const { readOriginal: readWithTool } = await import("../../app/models/originals.server");
      const pdf = new TextEncoder().encode("%PDF-1.7\n% any PDF: the tool above reads it\n");
      expect(await readWithTool(pdf, "scan.pdf")).toEqual({ ok: false, status: 413, message: overLimit("scan.pdf") });
    });
  });
});

describe("a Word bomb through the import form", () => {
  appDatabase();

  it("is refused with the message, before the end of its body, and nothing is stored", SLOW, async () => {
    // Hundreds of thousands of paragraphs, tens of MB of XML, in a small file.
    const bytes = docx(300_000, BROKEN_END);
    expect(bytes.length).toBeLessThan(500_000);
    const outcome = await importSubmission({ title: "Bombe", text: "", file: { name: "bomb.docx", bytes }, language: "auto" });
    expect(outcome).toMatchObject({ ok: false, status: 413, field: "file", message: overLimit("bomb.docx"), values: { title: "Bombe" } });
    const count = (table: typeof documents | typeof segments) => getDb().select({ n: sql<number>`count(*)` }).from(table).get()!.n;
    expect([count(documents), count(segments)]).toEqual([0, 0]);
  });
});

describe("memories, glossaries and dictionaries have limits of their own", () => {
  let temp: ReturnType<typeof tempDatabase>;
  beforeAll(() => {
    temp = tempDatabase();
  });
  afterAll(() => temp.dispose());
  const rows = (table: typeof documents | typeof pairs | typeof links | typeof glossaryEntries) => temp.db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;
  const refusal = (work: () => unknown) => {
    try {
      work();
    } catch (error) {
      return error;
    }
    return null;
  };

  it("refuses a memory of more than 100,000 units, and writes nothing", SLOW, () => {
    const unit = '<tu><tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="fr"><seg>Un.</seg></tuv></tu>';
    const text = `<tmx version="1.4"><header/><body>${unit.repeat(100_001)}</body></tmx>`;
    const error = refusal(() => importMemory({ name: "huge.tmx", bytes: new TextEncoder().encode(text) }, temp.db));
    expect(error).toBeInstanceOf(MemoryImportError);
    expect(error).toMatchObject({ status: 413, message: expect.stringMatching(/^huge\.tmx holds more than 100,000 translation units; Tandem imports memories of up to 100,000 units: split it/) });
    expect([rows(documents), rows(pairs), rows(links)]).toEqual([0, 0, 0]);
  });

  it("refuses a glossary of more than 20,000 entries or 50,000 terms, CSV or TBX, and writes nothing", SLOW, () => {
    const csv = (entries: number, termsEach: number) =>
      `entry,language,term\n${Array.from({ length: entries }, (_, n) => Array.from({ length: termsEach }, (_, k) => `e${n},en,term ${n} ${k}`).join("\n")).join("\n")}\n`;
    for (const [text, over] of [
      [csv(20_001, 1), "more than 20,000 entries"],
      [csv(10_000, 6), "60,000 French and English terms"],
    ]) {
      const error = refusal(() => importGlossaryCsv(text, "replace", temp.db));
      expect(error).toBeInstanceOf(GlossaryError);
      expect(error).toMatchObject({ status: 413, message: `This file holds ${over}; Tandem imports glossaries of up to 20,000 entries and 50,000 terms at a time: split it into several files. Nothing was imported.` });
    }
    const entry = '<conceptEntry><langSec xml:lang="en"><termSec><term>t</term></termSec></langSec></conceptEntry>';
    const tbx = `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>${entry.repeat(20_001)}</body></text></tbx>`;
    expect(refusal(() => importGlossaryTbx(tbx, "replace", temp.db))).toMatchObject({ status: 413, message: expect.stringMatching(/^This file holds more than 20,000 entries/) });
    expect(rows(glossaryEntries)).toBe(0);
  });

  it("refuses a dictionary of more than 200,000 word pairs", SLOW, () => {
    const line = (k: number) => `${Array.from({ length: 50 }, (_, w) => `mot${k}x${w}`).join(" ")} @ ${Array.from({ length: 51 }, (_, w) => `word${k}x${w}`).join(" ")}`;
    const text = Array.from({ length: 79 }, (_, k) => line(k)).join("\n");
    const error = refusal(() => readLexicon("big.dic", new TextEncoder().encode(text)));
    expect(error).toBeInstanceOf(PairError);
    expect(error).toMatchObject({ status: 413, field: "lexicon", message: expect.stringMatching(/^big\.dic gives more than 200,000 word pairs/) });
  });
});
