import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { parseTbx, tbxChunks } from "../../alignments/formats/tbx";
import { importDocument } from "../../app/models/documents.server";
import { openGlossaryMartif } from "../../app/models/exports.server";
import { glossaryChoiceOf, glossaryDomains, glossaryLexicon } from "../../app/models/glossary-dictionary.server";
import { allEntries, createEntry, exportGlossaryCsv, getEntry, GlossaryError, importGlossaryCsv, importGlossaryFile, type EntryInput } from "../../app/models/glossary.server";
import { createAlignedPair, PairError } from "../../app/models/pairs.server";
import { pairFindings } from "../../app/models/pair-findings.server";
import { getDb, type Db } from "../../db/client.server";
import { pairs } from "../../db/schema";
import { seedStarterGlossary } from "../../app/models/seeds.server";
import { pocount } from "./exchange-tools";
import { appDatabase, databasePerTest, refusedWith, tempDatabase, WORKER_TIMEOUT } from "./helpers";

/**
 * Issue 12, items 8, 9 and 11 in the models: the glossary's CSV by concept and TBX-Basic (martif) out and in,
 * the match modes stored and exchanged, the glossary as a pair's dictionary, and the words of a gapped match
 * highlighted one by one.
 */
let db: Db;
databasePerTest((temp) => ({ db } = temp));

const entry = (key: string, domain: string, terms: Array<[language: "en" | "fr", text: string, match?: EntryInput["terms"][number]["match"]]>): EntryInput => ({
  key,
  domain,
  source: "",
  note: "",
  terms: terms.map(([language, text, match = "inflected"]) => ({ language, text, status: "preferred", match })),
});

const refusal = refusedWith;

describe("the glossary as CSV by concept", () => {
  it("imports one concept per row, naming entries without a key after their first term, with the columns it left out", () => {
    const csv = "English,French,fr_status,Deutsch\nmutual legal assistance,entraide judiciaire|entraide juridique,preferred|admitted,Rechtshilfe\nhuman rights,droits de l'homme,,Menschenrechte\n";
    const outcome = importGlossaryCsv(csv, "replace", db);
    expect(outcome).toEqual({ added: ["mutual-legal-assistance", "human-rights"], replaced: [], unchanged: [], notes: ["Columns left out (Tandem keeps French and English terms): “Deutsch”."] });
    expect(allEntries(db).find((e) => e.key === "mutual-legal-assistance")!.terms.map((t) => `${t.language}:${t.text}:${t.status}`)).toEqual([
      "en:mutual legal assistance:preferred",
      "fr:entraide judiciaire:preferred",
      "fr:entraide juridique:admitted",
    ]);
  });

  it("exports by concept what another glossary imports back to the same entries", () => {
    createEntry({ ...entry("mla", "cooperation", [["fr", "entraide judiciaire"], ["fr", "entraide juridique"], ["en", "mutual legal assistance"]]), note: "Check it.\nFrench: juridique in Canada" }, db);
    createEntry(entry("rights", "", [["en", "human rights", "gapped"], ["fr", "droits de l'homme", "gapped"]]), db);
    const csv = exportGlossaryCsv(db, "concepts");
    const other = tempDatabase();
    try {
      expect(importGlossaryFile(csv, "replace", other.db)).toMatchObject({ format: "csv", added: ["mla", "rights"] });
      // TBX and the concept layout group terms by language, English first.
      const byLanguage = (entries: ReturnType<typeof allEntries>) => entries.map((e) => ({ ...e, terms: [...e.terms].sort((a, b) => a.language.localeCompare(b.language)) }));
      expect(byLanguage(allEntries(other.db))).toEqual(byLanguage(allEntries(db)));
    } finally {
      other.dispose();
    }
  });

  it("takes the starter glossary out by concept and back, every entry left as it was", () => {
    seedStarterGlossary({ db });
    const csv = exportGlossaryCsv(db, "concepts");
    const count = allEntries(db).length;
    const outcome = importGlossaryCsv(csv, "replace", db);
    expect(outcome).toMatchObject({ added: [], replaced: [] });
    expect(outcome.unchanged).toHaveLength(count);
  });

  it("refuses a term holding the '|' that separates a cell's terms", () => {
    const error = refusal(GlossaryError, () => createEntry(entry("", "", [["en", "and|or"]]), db));
    expect(error.message).toBe("The term “and|or” holds “|”, which separates a cell's terms in spreadsheet glossaries; write it without.");
  });
});

describe("match modes", () => {
  it("are stored, and exchanged in the CSV and the TBX", () => {
    const { id } = createEntry(entry("rights", "", [["en", "human rights", "gapped"], ["fr", "droits de l'homme", "unordered"]]), db);
    expect(getEntry(id, db)!.terms.map((t) => t.match)).toEqual(["gapped", "unordered"]);
    expect(exportGlossaryCsv(db)).toContain("rights,en,human rights,preferred,gapped,");
    const tbx = [...tbxChunks(allEntries(db))].join("");
    expect(parseTbx(tbx).entries[0].terms.map((t) => t.match)).toEqual(["gapped", "unordered"]);
  });
});

describe("TBX-Basic (martif)", () => {
  it("is well-formed XML and read by translate-toolkit's TBX reader, term by term", () => {
    createEntry({ ...entry("mla", "cooperation", [["en", "mutual legal assistance"], ["fr", "entraide judiciaire"]]), note: "Fish & chips < 5" }, db);
    createEntry(entry("rights", "", [["en", "human rights"], ["fr", "droits de l’homme"]]), db);
    const text = [...openGlossaryMartif(db).chunks].join("");
    const dir = mkdtempSync(path.join(tmpdir(), "tandem-martif-"));
    try {
      const file = path.join(dir, "glossary.tbx");
      writeFileSync(file, text);
      execFileSync("xmllint", ["--noout", "--nonet", file], { stdio: "pipe" });
      // translate-toolkit (Debian's, as tests/ensure-tools.sh installs it, so Debian's Python) reads martif files:
      // one unit per termEntry, its first language's term as the source and the second's as the target.
      expect(pocount(file)).toMatchObject({ total: 2 });
      const read = `import sys\nfrom translate.storage import tbx\nstore = tbx.tbxfile.parsefile(sys.argv[1])\nfor unit in store.units:\n    print(unit.source + " => " + unit.target)`;
      const out = execFileSync("/usr/bin/python3", ["-c", read, file], { encoding: "utf8", stdio: "pipe" });
      expect(out.trim().split("\n")).toEqual(["mutual legal assistance => entraide judiciaire", "human rights => droits de l’homme"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the glossary as the aligner's dictionary", () => {
  beforeEach(() => {
    createEntry(entry("mla", "cooperation", [["fr", "entraide judiciaire"], ["en", "mutual legal assistance"]]), db);
    createEntry(entry("warrant", "procedure", [["fr", "mandat"], ["en", "warrant"]]), db);
    createEntry(entry("cyberspace", "procedure", [["fr", "cyberespace"]]), db);
  });

  it("reads the form's choice and refuses anything else", () => {
    expect(glossaryChoiceOf("")).toBeNull();
    expect(glossaryChoiceOf("glossary")).toEqual({ domain: null });
    expect(glossaryChoiceOf("glossary:procedure")).toEqual({ domain: "procedure" });
    expect(refusal(PairError, () => glossaryChoiceOf("file:/etc/passwd")).message).toBe("Choose the dictionary from the list: the glossary, one of its domains, or none.");
  });

  it("makes word pairs of all entries or of one domain, named so that the pair page says which", () => {
    expect(glossaryDomains(db)).toEqual([
      { domain: "cooperation", entries: 1 },
      { domain: "procedure", entries: 2 },
    ]);
    expect(glossaryLexicon({ domain: null }, db)).toMatchObject({ name: "Tandem glossary (all 2 entries)", entries: expect.arrayContaining([{ en: "warrant", fr: "mandat" }, { en: "mutual", fr: "entraide" }]) });
    expect(glossaryLexicon({ domain: "procedure" }, db)).toEqual({ name: "Tandem glossary, domain “procedure” (1 entry)", format: "glossary", entries: [{ en: "warrant", fr: "mandat" }] });
    expect(refusal(PairError, () => glossaryLexicon({ domain: "nothing here" }, db)).message).toBe(
      "The glossary's domain “nothing here” has no entry with both an English and a French term, so it gives the aligner nothing: choose another dictionary, or none.",
    );
  });
});

describe("a term matched with words between its own", () => {
  it("is highlighted word by word in the editor's hits, and found where the inflected entry was not", async () => {
    const en = importDocument({ title: "EN", raw: "Fundamental human rights are protected.\n", language: "en", origin: "import", presegmented: true }, db);
    const fr = importDocument({ title: "FR", raw: "Les droits fondamentaux de l'homme sont protégés.\n", language: "fr", origin: "import", presegmented: true }, db);
    const { id: entryId } = createEntry(entry("human-rights", "", [["fr", "droits de l'homme"], ["en", "human rights"]]), db);
    const pair = createAlignedPair({ sourceDocumentId: en.id, targetDocumentId: fr.id, title: "Rights" }, db);
    const before = await pairFindings(pair.id, db);
    expect(before.rows[0].findings.map((f) => f.message)).toEqual(["The English has “human rights”; the French has no “droits de l'homme”."]);

    const stored = getEntry(entryId, db)!;
    const { updateEntry } = await import("../../app/models/glossary.server");
    updateEntry(entryId, { ...stored, terms: stored.terms.map((t) => ({ ...t, match: t.language === "fr" ? "gapped" : t.match })) }, db);
    const after = await pairFindings(pair.id, db);
    expect(after.rows[0].findings).toEqual([]);
    expect(after.rows[0].hits.filter((h) => h.side === "fr").map((h) => h.text)).toEqual(["droits", "de", "l", "homme"]);
  });
});

describe("a pair made with the glossary as its dictionary, in the import worker", () => {
  appDatabase();

  it("stores the dictionary with the pair under a name that says it came from the glossary", { timeout: WORKER_TIMEOUT }, async () => {
    const { createPairWithDictionary } = await import("../../app/models/import-worker.server");
    const app = getDb();
    createEntry(entry("mla", "cooperation", [["fr", "entraide judiciaire"], ["en", "mutual legal assistance"]]), app);
    const en = importDocument({ title: "EN", raw: "Mutual legal assistance is given.\n", language: "en", origin: "import", presegmented: true }, app);
    const fr = importDocument({ title: "FR", raw: "L'entraide judiciaire est accordée.\n", language: "fr", origin: "import", presegmented: true }, app);
    const made = await createPairWithDictionary({ sourceDocumentId: en.id, targetDocumentId: fr.id, title: "With the glossary" }, { glossary: { domain: null } });
    expect(app.select().from(pairs).where(eq(pairs.id, made.id)).get()).toMatchObject({ lexiconName: "Tandem glossary (all 1 entry)", lexiconSize: 6 });
    await expect(createPairWithDictionary({ sourceDocumentId: en.id, targetDocumentId: fr.id }, { glossary: { domain: "none" } })).rejects.toThrow(PairError);
  });
});
