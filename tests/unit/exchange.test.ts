import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { TMX, TSV } from "../../alignments/formats/bitext";
import { parseCsv } from "../../alignments/formats/csv";
import { parseGoldLinks } from "../../alignments/formats/bitext";
import { parseTbx } from "../../alignments/formats/tbx";
import { codesIn, replaceCodes } from "../../alignments/text/inline-codes";
import { importDocument } from "../../app/models/documents.server";
import { ExportError, exportStream, openGlossaryTbx, openLinkExport, xmlForbiddenCount, type LinkExportRequest } from "../../app/models/exports.server";
import { createEntry, getEntry, GlossaryError, importGlossaryFile, listEntries } from "../../app/models/glossary.server";
import { importMemory, MemoryImportError } from "../../app/models/memories.server";
import { pairLinks } from "../../app/models/pairs.server";
import type { Db } from "../../db/client.server";
import { documents, glossaryEntries, glossaryTerms, links, pairs, segments } from "../../db/schema";
import { checkTbx, checkTmx, pocount, tmdbCount } from "./exchange-tools";
import { databasePerTest } from "./helpers";
import { entryOf, type TermCase } from "../../alignments/terms/glossary-entry.cases";

/**
 * Exports and imports through the database: each export read by the tools of the trade (xmllint against the
 * TMX DTD and the TBX schema, translate-toolkit's pocount and build_tmdb), the round trip TMX → Tandem → TMX,
 * and bad files refused with nothing written.
 */
const dir = mkdtempSync(path.join(tmpdir(), "tandem-exchange-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let db: Db;
let file: string;
databasePerTest((temp) => ({ db, file } = temp));

type Shape = [sourceCount: number, targetCount: number, status?: "confirmed"];

/**
 * A pair with exactly these links (a fixture: the aligner would choose its own), over segments numbered in
 * their text; `extra` adds text to segments by index ("en:3" → text).
 */
function makePair(title: string, shapes: Shape[], options: { extra?: Record<string, string>; status?: "ready" | "queued" } = {}) {
  const n = shapes.reduce((s, [e]) => s + e, 0);
  const m = shapes.reduce((s, [, f]) => s + f, 0);
  const text = (language: "en" | "fr", k: number) =>
    options.extra?.[`${language}:${k}`] ?? (language === "en" ? `English sentence ${k} of ${title}.` : `Phrase française ${k} de ${title}.`);
  const doc = (language: "en" | "fr", count: number) =>
    importDocument(
      {
        title: `${title} ${language}`,
        raw: Array.from({ length: count }, (_, k) => text(language, k)).join("\n"),
        language,
        origin: "import",
        presegmented: true,
      },
      db,
    ).id;
  const en = doc("en", n);
  const fr = doc("fr", m);
  const [pair] = db
    .insert(pairs)
    .values({ title, sourceDocumentId: en, targetDocumentId: fr, status: options.status ?? "ready", linkCount: shapes.length })
    .returning({ id: pairs.id })
    .all();
  let e = 0;
  let f = 0;
  shapes.forEach(([sourceCount, targetCount, status], position) => {
    db.insert(links)
      .values({ pairId: pair.id, position, sourceStart: e, sourceCount, targetStart: f, targetCount, status: status ?? "automatic", confidence: 0.5 + position / 100 })
      .run();
    e += sourceCount;
    f += targetCount;
  });
  return pair.id;
}

const SHAPES: Shape[] = [
  [1, 1, "confirmed"],
  [1, 2],
  [2, 1, "confirmed"],
  [1, 0],
  [0, 1],
  [1, 1],
  [1, 1, "confirmed"],
];

function exported(request: Partial<LinkExportRequest> & { pairs: LinkExportRequest["pairs"] }) {
  const file = openLinkExport({ format: "tmx", confirmedOnly: false, skipEmpty: false, ...request }, db);
  return { file, text: [...file.chunks].join("") };
}

function save(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const rowCounts = () =>
  Object.fromEntries(
    (
      [
        ["documents", documents],
        ["segments", segments],
        ["pairs", pairs],
        ["links", links],
        ["entries", glossaryEntries],
        ["terms", glossaryTerms],
      ] as const
    ).map(([name, table]) => [
      name,
      db
        .select({ n: sql<number>`count(*)` })
        .from(table)
        .get()!.n,
    ]),
  );

describe("TMX export of a pair, read by other tools", () => {
  it.each([
    { options: { confirmedOnly: false, skipEmpty: false }, units: 7, both: 5 },
    { options: { confirmedOnly: true, skipEmpty: false }, units: 3, both: 3 },
    { options: { confirmedOnly: false, skipEmpty: true }, units: 5, both: 5 },
  ])("is valid against the DTD and counted unit by unit with $options", ({ options, units, both }) => {
    const id = makePair("Act", SHAPES);
    const { text } = exported({ pairs: [id], ...options });
    const file = save(`pair-${units}.tmx`, text);
    expect(() => checkTmx(file)).not.toThrow();
    expect(pocount(file)).toEqual({ translated: both, total: units });
    expect(tmdbCount(file)).toBe(both);
    expect(TMX.read(text)).toHaveLength(units);
  });

  it("writes a 1-2 link as one unit with its type, status, confidence, pair and where the segments were joined", () => {
    const id = makePair("Act", SHAPES);
    const unit = TMX.read(exported({ pairs: [id] }).text)[1];
    expect(unit.fr).toBe("Phrase française 1 de Act. Phrase française 2 de Act.");
    expect(unit.props).toEqual([
      ["x-link-type", "1-2"],
      ["x-status", "automatic"],
      ["x-confidence", "0.510"],
      ["x-document", "Act"],
      // "Phrase française 1 de Act." is 26 characters: the second segment starts after it and the joining space.
      ["x-fr-breaks", "27"],
    ]);
  });

  it("names the file after the pair, and refuses what cannot be exported", () => {
    const id = makePair("Loi sur l’État (2024) ↔ State Act", SHAPES);
    expect(exported({ pairs: [id] }).file.filename).toBe("loi-sur-l-etat-2024-state-act.tmx");
    const queued = makePair("Waiting", SHAPES, { status: "queued" });
    const refused = (request: LinkExportRequest) => {
      try {
        openLinkExport(request, db);
      } catch (error) {
        if (error instanceof ExportError) return [error.status, error.message];
        throw error;
      }
      throw new Error("expected a refusal");
    };
    const base = { format: "tmx" as const, confirmedOnly: false, skipEmpty: false };
    expect(refused({ ...base, pairs: [999] })).toEqual([404, "There is no pair 999; it may have been deleted."]);
    expect(refused({ ...base, pairs: [queued] })).toEqual([409, "“Waiting” is still being aligned: export it once it is ready."]);
    expect(refused({ ...base, pairs: [id, id + 100], format: "links" })[0]).toBe(404);
    expect(refused({ ...base, pairs: [] })[0]).toBe(400);
  });
});

describe("exports of a selection and of everything", () => {
  it("puts the chosen pairs in one memory, in the order chosen; everything leaves out pairs not aligned", () => {
    const a = makePair("Alpha", [
      [1, 1],
      [1, 1],
    ]);
    const b = makePair("Beta", [
      [1, 1],
      [1, 0],
      [1, 1],
    ]);
    makePair("Gamma", [[1, 1]], { status: "queued" });
    const chosen = exported({ pairs: [b, a] });
    expect(chosen.file.filename).toBe("tandem-2-pairs.tmx");
    expect(TMX.read(chosen.text).map((u) => u.props!.find(([t]) => t === "x-document")![1])).toEqual(["Beta", "Beta", "Beta", "Alpha", "Alpha"]);
    const all = exported({ pairs: "all" });
    expect(all.file.filename).toBe("tandem-all-pairs.tmx");
    expect(TMX.read(all.text)).toHaveLength(5);
    expect(all.text).not.toContain("Gamma");
    const file = save("all.tmx", all.text);
    expect(() => checkTmx(file)).not.toThrow();
    expect(pocount(file).total).toBe(5);
  });

  it("writes plain parallel text, CSV and gold links with the same options", () => {
    const id = makePair("Act", SHAPES);
    const tsv = exported({ pairs: [id], format: "tsv", skipEmpty: true }).text;
    expect(TSV.read(tsv).map((u) => u.fr)).toEqual([
      "Phrase française 0 de Act.",
      "Phrase française 1 de Act. Phrase française 2 de Act.",
      "Phrase française 3 de Act.",
      "Phrase française 5 de Act.",
      "Phrase française 6 de Act.",
    ]);
    const csv = parseCsv(exported({ pairs: [id], format: "csv", confirmedOnly: true }).text).map((r) => r.cells);
    expect(csv[0]).toEqual(["pair", "link", "type", "status", "confidence", "en", "fr"]);
    expect(csv.slice(1).map((r) => r.slice(1, 4))).toEqual([
      ["1", "1-1", "confirmed"],
      ["3", "2-1", "confirmed"],
      ["7", "1-1", "confirmed"],
    ]);
    const gold = exported({ pairs: [id], format: "links" });
    expect(gold.file.filename).toBe("act.en-fr.gold");
    expect(parseGoldLinks(gold.text)).toEqual(pairLinks(id, db).map(({ en, fr }) => ({ en, fr })));
    expect(gold.text.split("\n").slice(0, 5)).toEqual(["[0]:[0]", "[1]:[1,2]", "[2,3]:[3]", "[4]:[]", "[]:[4]"]);
  });
});

describe("streaming", () => {
  it("hands the file over in pieces, reading links a batch at a time", async () => {
    const id = makePair(
      "Long",
      Array.from({ length: 2500 }, (): Shape => [1, 1]),
    );
    const file = openLinkExport({ pairs: [id], format: "tmx", confirmedOnly: false, skipEmpty: false }, db);
    const reader = exportStream(file).getReader();
    const sizes: number[] = [];
    let text = "";
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      sizes.push(value.byteLength);
      text += decoder.decode(value, { stream: true });
    }
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.max(...sizes)).toBeLessThan(80 * 1024);
    expect(TMX.read(text)).toHaveLength(2500);
  });

  it("reads one state of the database: edits made while the file streams are not half in it", () => {
    const id = makePair("Snapshot", [
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    const file = openLinkExport({ pairs: [id], format: "tsv", confirmedOnly: true, skipEmpty: false }, db);
    // The editor confirms every link and a segment's text changes after the export started.
    db.update(links).set({ status: "confirmed" }).where(eq(links.pairId, id)).run();
    db.update(segments).set({ text: "changed" }).run();
    expect([...file.chunks].join("")).toBe("");
    expect([...openLinkExport({ pairs: [id], format: "tsv", confirmedOnly: true, skipEmpty: false }, db).chunks].join("")).toBe("changed\tchanged\n".repeat(3));
  });

  it("stops reading and frees its connection when the download is cancelled", async () => {
    const id = makePair(
      "Cancelled",
      Array.from({ length: 2500 }, (): Shape => [1, 1]),
    );
    const file = openLinkExport({ pairs: [id], format: "tmx", confirmedOnly: false, skipEmpty: false }, db);
    const reader = exportStream(file).getReader();
    await reader.read();
    await reader.cancel();
    expect(file.chunks.next().done).toBe(true);
    // The snapshot's read transaction is over: a checkpoint can reclaim the whole log.
    expect(db.$client.pragma("wal_checkpoint(TRUNCATE)", { simple: false })).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
  });
});

const TRICKY = {
  "en:0": "Fish & chips <b>bold</b> “quoted” 😀 and a bell\u0007 here",
  "fr:0": "Poisson & frites <i>> 3 l’État 😀 et un contrôle\u0001",
  "en:1": "Tab\tinside, ]]> and &amp; literally",
  "fr:1": "Emoji 🇫🇷 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
};

describe("text with &, <, emoji and control characters", () => {
  it("survives TSV and CSV unchanged, and TMX but for the control characters, which are dropped and counted", () => {
    const id = makePair(
      "Tricky",
      [
        [1, 1],
        [1, 2],
      ],
      { extra: TRICKY },
    );
    const tmx = exported({ pairs: [id] });
    expect(xmlForbiddenCount(id, db)).toBe(2);
    expect(tmx.file.stats.dropped).toBe(2);
    expect(tmx.text).toContain("<!-- Tandem left out 2 control characters that XML cannot hold. -->");
    expect(TMX.read(tmx.text)[0]).toMatchObject({ en: TRICKY["en:0"].replace("\u0007", ""), fr: TRICKY["fr:0"].replace("\u0001", "") });
    expect(TMX.read(tmx.text)[1].en).toBe(TRICKY["en:1"]);
    const csv = parseCsv(exported({ pairs: [id], format: "csv" }).text).map((r) => r.cells);
    expect(csv[1].slice(5)).toEqual([TRICKY["en:0"], TRICKY["fr:0"]]);
    const tsv = TSV.read(exported({ pairs: [id], format: "tsv" }).text);
    expect(tsv[0]).toEqual({ en: TRICKY["en:0"], fr: TRICKY["fr:0"] });
    // TSV has no room for a tab inside a text (its documented normalisation).
    expect(tsv[1].en).toBe("Tab inside, ]]> and &amp; literally");
  });
});

describe("spreadsheet formulas", () => {
  it("writes a text that would start a formula with a leading apostrophe in CSV and TSV, and reads it back as it was", () => {
    const formulas = { "en:0": "=HYPERLINK(\"http://x.example\",\"click\")", "fr:0": "@SUM(A1:A9)", "en:1": "- a dashed item", "fr:1": "'=already marked" };
    const id = makePair("Formulas", [[1, 1], [1, 1]], { extra: formulas });
    const csvText = exported({ pairs: [id], format: "csv" }).text;
    const tsvText = exported({ pairs: [id], format: "tsv" }).text;
    expect(csvText).toContain(`"'=HYPERLINK(""http://x.example"",""click"")",'@SUM(A1:A9)`);
    expect(tsvText).toContain(`'- a dashed item\t''=already marked\n`);
    for (const cell of [...csvText.split(/,|\r\n/).map((c) => c.replace(/^"/, "")), ...tsvText.split(/\t|\n/)]) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const csv = parseCsv(csvText).map((r) => r.cells);
    expect(csv.slice(1).map((row) => row.slice(5))).toEqual([[formulas["en:0"], formulas["fr:0"]], [formulas["en:1"], formulas["fr:1"]]]);
    expect(TSV.read(tsvText)).toEqual([{ en: formulas["en:0"], fr: formulas["fr:0"] }, { en: formulas["en:1"], fr: formulas["fr:1"] }]);
  });
});

describe("TMX import", () => {
  it("rebuilds Tandem's own export of a pair: the same links, segments, statuses and confidences, and the same units out again", () => {
    const id = makePair("Act", SHAPES, { extra: TRICKY });
    const first = exported({ pairs: [id] }).text;
    const before = rowCounts();
    const result = importMemory({ name: "act.tmx", bytes: new TextEncoder().encode(first) }, db);
    expect(rowCounts()).toMatchObject({ documents: before.documents + 2, pairs: before.pairs + 1, links: before.links + SHAPES.length });
    // The title is the pair's, which the export names the memory by (x-title), not the file's name.
    expect(result).toMatchObject({ title: "Act", titleFrom: "header", links: 7, encoding: "utf-8" });
    expect(result.report).toMatchObject({ units: 7, confirmed: 3, splitBack: 2, keptJoined: 0, droppedCharacters: 0 });
    const original = pairLinks(id, db);
    expect(pairLinks(result.pairId, db).map(({ en, fr, status, confidence }) => ({ en, fr, status, confidence }))).toEqual(
      original.map(({ en, fr, status, confidence }) => ({ en, fr, status, confidence: Number(confidence.toFixed(3)) })),
    );
    const texts = (documentId: number) =>
      db
        .select({ text: segments.text })
        .from(segments)
        .where(eq(segments.documentId, documentId))
        .orderBy(segments.position)
        .all()
        .map((r) => r.text);
    const pair = db.select().from(pairs).where(eq(pairs.id, id)).get()!;
    expect(texts(result.sourceDocumentId)).toEqual(texts(pair.sourceDocumentId).map((t) => t.replace(/[\u0001\u0007]/g, "")));
    expect(texts(result.targetDocumentId)).toEqual(texts(pair.targetDocumentId).map((t) => t.replace(/[\u0001\u0007]/g, "")));
    const imported = db.select().from(documents).where(eq(documents.id, result.sourceDocumentId)).get()!;
    expect(imported).toMatchObject({ origin: "import", segmentation: "lines", language: "en", title: "Act (English)", sourceName: "act.tmx" });
    const again = exported({ pairs: [result.pairId] }).text;
    const units = (text: string) => TMX.read(text).map((u) => ({ ...u, props: u.props?.filter(([type]) => type !== "x-document") }));
    expect(units(again)).toEqual(units(first));
    expect(TMX.read(again)).toHaveLength(SHAPES.length);
  });

  it("reads another tool's TMX 1.1 in UTF-16 with a byte-order mark", () => {
    const text = `<?xml version="1.0" encoding="UTF-16"?>
<tmx version="1.1"><header srclang="EN-US" creationtool="OtherCAT" creationtoolversion="9" segtype="sentence" o-tmf="x" adminlang="EN" datatype="rtf"/>
<body>
<tu><tuv lang="EN-US"><seg>Mutual legal assistance</seg></tuv><tuv lang="FR-CA"><seg>Entraide juridique</seg></tuv></tu>
<tu><tuv lang="EN-US"><seg>The <bpt i="1">{b}</bpt>Minister<ept i="1">{/b}</ept> may refuse.</seg></tuv><tuv lang="FR-CA"><seg>Le ministre peut refuser.</seg></tuv><tuv lang="ES-ES"><seg>El ministro</seg></tuv></tu>
<tu><tuv lang="EN-US"><seg>Untranslated</seg></tuv></tu>
</body></tmx>`;
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]);
    const result = importMemory({ name: "other.tmx", bytes }, db);
    expect(result).toMatchObject({ encoding: "utf-16le", links: 3, enSegments: 3, frSegments: 2 });
    expect(result.report).toMatchObject({ version: "1.1", otherLanguages: { "ES-ES": 1 }, byType: { "1-1": 2, "1-0": 1 }, confirmed: 0 });
    expect(pairLinks(result.pairId, db).map((l) => [l.en, l.fr, l.status, l.confidence])).toEqual([
      [[0], [0], "automatic", 1],
      [[1], [1], "automatic", 1],
      [[2], [], "automatic", 1],
    ]);
    // Its codes are kept (decision 23): one code character each, the text around them as it was.
    const second = db.select({ text: segments.text }).from(segments).where(eq(segments.documentId, result.sourceDocumentId)).all()[1].text;
    expect(replaceCodes(second)).toBe("The Minister may refuse.");
    expect(codesIn(second)).toHaveLength(2);
  });

  const bomb = `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&c;</seg></tuv></tu></body></tmx>`;
  const tmx = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en"/><body>${body}</body></tmx>`;
  it.each([
    {
      name: "malformed XML",
      text: tmx('<tu><tuv xml:lang="en"><seg>Open</tuv></seg></tu>'),
      message: /^bad\.tmx is not a TMX file Tandem can read: <\/tuv> closes <seg> \(line 1\)\. Nothing was imported\.$/,
    },
    { name: "an entity bomb", text: bomb, message: /declares its own entities, which Tandem does not expand/ },
    {
      name: "a tuv without xml:lang",
      text: tmx('<tu><tuv><seg>Where from?</seg></tuv><tuv xml:lang="fr"><seg>D’où ?</seg></tuv></tu>'),
      message: /a <tuv> has no xml:lang: its language is unknown/,
    },
    { name: "no units", text: tmx(""), message: /^bad\.tmx holds no translation units: there is nothing to import\.$/ },
    { name: "units without text", text: tmx('<tu><tuv xml:lang="en"><seg> </seg></tuv></tu>'), message: /^None of the 1 units of bad\.tmx has any text/ },
    {
      name: "no English or French",
      text: tmx('<tu><tuv xml:lang="de"><seg>Ja</seg></tuv><tuv xml:lang="es"><seg>Sí</seg></tuv></tu>'),
      message: /has no English or French text \(its units are in de, es\)/,
    },
    {
      name: "no French",
      text: tmx('<tu><tuv xml:lang="en"><seg>Yes</seg></tuv><tuv xml:lang="de"><seg>Ja</seg></tuv></tu>'),
      message: /^bad\.tmx has no French text \(besides English, its units are in de\)/,
    },
    {
      name: "a TBX file",
      text: '<tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2"><text><body/></text></tbx>',
      message: /this is not TMX: the document element is <tbx>/,
    },
    { name: "a PDF", text: "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj", message: /^bad\.tmx is not a TMX file: This file looks like a PDF document, not plain text\./ },
  ])("refuses $name with a message, writing nothing", ({ text, message }) => {
    makePair("Existing", [[1, 1]]);
    const before = rowCounts();
    let refusal: unknown = null;
    try {
      importMemory({ name: "bad.tmx", bytes: new TextEncoder().encode(text) }, db);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(MemoryImportError);
    expect((refusal as MemoryImportError).status).toBe(422);
    expect((refusal as Error).message).toMatch(message);
    expect(rowCounts()).toEqual(before);
  });

  it("drops the raw control characters XML forbids and counts them", () => {
    const result = importMemory(
      {
        name: "raw.tmx",
        bytes: new TextEncoder().encode(tmx('<tu><tuv xml:lang="en"><seg>Bell\u0007</seg></tuv><tuv xml:lang="fr"><seg>Cloche</seg></tuv></tu>')),
      },
      db,
    );
    expect(result.report.droppedCharacters).toBe(1);
    expect(db.select({ text: segments.text }).from(segments).where(eq(segments.documentId, result.sourceDocumentId)).get()!.text).toBe("Bell");
  });
});

describe("the glossary as TBX", () => {
  function glossaryWithEvidence() {
    makePair(
      "Evidence",
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      {
        extra: {
          "en:0": "A request for mutual legal assistance.",
          "fr:0": "Une demande d’entraide judiciaire.",
          "en:1": "Mutual legal assistance treaties & <agreements> 😀.",
          "fr:1": "Les traités d’entraide juridique.",
        },
      },
    );
    const terms: TermCase[] = [["fr", "entraide judiciaire"], ["fr", "entraide juridique", "admitted"], ["en", "mutual legal assistance"], ["fr", "extradition", "forbidden", "exact"]];
    createEntry(entryOf("mla", terms, { domain: "cooperation", note: "Canada says “juridique” & <the UN> “judiciaire”." }), db);
  }

  it("is valid against the TBX v3 core structure, with statuses, the note and evidence counts per term", async () => {
    glossaryWithEvidence();
    const file = await openGlossaryTbx(db);
    const text = [...file.chunks].join("");
    const saved = save("glossary.tbx", text);
    expect(() => checkTbx(saved)).not.toThrow();
    expect(file.filename).toBe("tandem-glossary.tbx");
    const counts = [...text.matchAll(/<term>([^<]+)<\/term>[\s\S]*?x-evidenceCount">(\d+)</g)].map((m) => [m[1], Number(m[2])]);
    expect(counts).toEqual([
      ["mutual legal assistance", 2],
      ["entraide judiciaire", 1],
      ["entraide juridique", 1],
      ["extradition", 0],
    ]);
    expect(parseTbx(text).entries[0]).toMatchObject({ key: "mla", note: "Canada says “juridique” & <the UN> “judiciaire”." });
  });

  it("comes back through the import unchanged, and a martif term base from another tool is imported beside it", async () => {
    glossaryWithEvidence();
    const text = [...(await openGlossaryTbx(db)).chunks].join("");
    const stored = getEntry(listEntries("", db)[0].id, db)!;
    expect(importGlossaryFile(text, "replace", db)).toMatchObject({ format: "tbx", added: [], replaced: [], unchanged: ["mla"] });
    expect(getEntry(stored.id, db)!.terms).toEqual(stored.terms);
    const martif = `<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>
<termEntry><langSet xml:lang="en"><tig><term>search warrant</term></tig></langSet><langSet xml:lang="fr"><tig><term>mandat de perquisition</term></tig></langSet><langSet xml:lang="de"><tig><term>Durchsuchungsbefehl</term></tig></langSet></termEntry>
<termEntry><langSet xml:lang="en"><tig><term>Search warrant</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry>
</body></text></martif>`;
    const outcome = importGlossaryFile(martif, "replace", db);
    expect(outcome).toMatchObject({
      format: "tbx",
      added: ["search-warrant", "search-warrant-2"],
      notes: ["1 term in “de” left out: Tandem keeps French and English."],
    });
  });

  it.each([
    { name: "malformed XML", text: "<tbx><text><body></text></tbx>", message: /Tandem cannot read this TBX file: <\/text> closes <body>/ },
    { name: "an entity bomb", text: '<!DOCTYPE tbx [<!ENTITY x "xxxxxxxx">]><tbx><text><body>&x;</body></text></tbx>', message: /declares its own entities/ },
    {
      name: "a term base with no French or English",
      text: '<tbx><text><body><conceptEntry id="c1"><langSec xml:lang="de"><termSec><term>Ja</term></termSec></langSec></conceptEntry></body></text></tbx>',
      message: /no French or English term: nothing to import\. 1 term in “de” left out/,
    },
  ])("refuses $name, writing nothing", ({ text, message }) => {
    glossaryWithEvidence();
    const before = rowCounts();
    expect(() => importGlossaryFile(text, "replace", db)).toThrow(GlossaryError);
    expect(() => importGlossaryFile(text, "replace", db)).toThrow(message);
    expect(rowCounts()).toEqual(before);
  });
});

describe("scripts/export.ts", () => {
  const cli = (args: string[]) => {
    const done = spawnSync("npx", ["tsx", "scripts/export.ts", "--db", file, ...args], { encoding: "utf8" });
    return { status: done.status, stdout: done.stdout, stderr: done.stderr };
  };

  it("writes the same files from the command line, and refuses with a message and status 2", () => {
    const id = makePair("Act", SHAPES, { extra: TRICKY });
    const tmx = cli(["--pair", String(id), "--confirmed-only"]);
    expect(tmx.status).toBe(0);
    expect(TMX.read(tmx.stdout)).toEqual(TMX.read(exported({ pairs: [id], confirmedOnly: true }).text));
    const out = path.join(dir, "cli.tsv");
    expect(cli(["--all", "--format", "tsv", "--skip-empty", "--out", out]).status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(exported({ pairs: "all", format: "tsv", skipEmpty: true }).text);
    const missing = cli(["--pair", "999"]);
    expect([missing.status, missing.stderr.trim().split("\n").at(-1)]).toEqual([2, "There is no pair 999; it may have been deleted."]);
    expect(cli(["--format", "docx", "--all"]).status).toBe(2);
    const dropped = cli(["--pair", String(id)]);
    expect(dropped.stderr).toContain("left out 2 control characters that XML cannot hold");
  }, 60_000);
});
