import { existsSync, readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { compileTerms, findTerms, type Term } from "../../alignments/terms/match";
import { parseGlossaryCsv } from "../../alignments/formats/glossary-csv";
import { importDocument } from "../../app/models/documents.server";
import {
  createEntry,
  deleteEntry,
  exportGlossaryCsv,
  getEntry,
  glossaryCounts,
  GlossaryError,
  importGlossaryCsv,
  listEntries,
  updateEntry,
  type EntryInput,
} from "../../app/models/glossary.server";
import { createAlignedPair } from "../../app/models/pairs.server";
import { computeWorker } from "../../app/models/compute.server";
import { entryEvidence } from "../../app/models/corpus-queries.server";
import type { Db } from "../../db/client.server";
import { glossaryEntries, glossaryTerms, links, seedLog, segments } from "../../db/schema";
import { corporaDir, demoSeeds, seed, seedStarterGlossary, STARTER_GLOSSARY } from "../../app/models/seeds.server";
import { databasePerTest, refusedWith, tempDatabase } from "./helpers";
import { entryOf } from "../../alignments/terms/glossary-entry.cases";

let db: Db;
databasePerTest((temp) => ({ db } = temp));

const mla: EntryInput = entryOf("", [["fr", "entraide judiciaire"], ["en", "mutual legal assistance"], ["en", ""]], { domain: "international cooperation" });

const refusal = (run: () => unknown) => refusedWith(GlossaryError, run);

const countRows = () => ({
  entries: db.select({ n: sql<number>`count(*)` }).from(glossaryEntries).get()!.n,
  terms: db.select({ n: sql<number>`count(*)` }).from(glossaryTerms).get()!.n,
});

describe("starter glossary", () => {
  it("seeds the 50 entries and 131 terms of the starter file, marked starter", () => {
    const { added } = seedStarterGlossary({ db });
    expect(added).toHaveLength(50);
    expect(countRows()).toEqual({ entries: 50, terms: 131 });
    expect(db.select().from(glossaryEntries).all().every((e) => e.origin === "starter")).toBe(true);
    const counts = glossaryCounts(db);
    expect(counts.terms).toBe(131);
    expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(131);
  });

  it("lists entries by their first French term, as French sorts", () => {
    seedStarterGlossary({ db });
    const headings = listEntries("", db).map((e) => e.terms.find((t) => t.language === "fr")?.text ?? "");
    expect(headings.slice(0, 4)).toEqual(["accès illégal", "approche multipartite", "Assemblée générale", "assistance technique"]);
    expect(headings.indexOf("État partie")).toBeGreaterThan(headings.indexOf("équipe commune d'enquête"));
    expect(headings.indexOf("État partie")).toBeLessThan(headings.indexOf("extradition"));
  });

  it("adds nothing twice, keeps a deleted entry deleted and an edited one as edited", () => {
    seedStarterGlossary({ db });
    const mlaEntry = db.select().from(glossaryEntries).where(eq(glossaryEntries.key, "mutual-legal-assistance")).get()!;
    const evidence = db.select().from(glossaryEntries).where(eq(glossaryEntries.key, "electronic-evidence")).get()!;
    deleteEntry(evidence.id, db);
    updateEntry(mlaEntry.id, { key: "mutual-legal-assistance", domain: "mine", source: "", note: "my note", terms: [{ language: "fr", text: "entraide", status: "admitted", match: "exact" }] }, db);
    const again = seedStarterGlossary({ db });
    expect(again.added).toEqual([]);
    expect(again.skipped).toHaveLength(50);
    expect(countRows().entries).toBe(49);
    const kept = getEntry(mlaEntry.id, db)!;
    expect(kept.note).toBe("my note");
    expect(kept.terms.map((t) => t.text)).toEqual(["entraide"]);
    expect(kept.origin).toBe("starter");
  });

  it("leaves alone an entry the user made first under a starter key, and logs it", () => {
    createEntry({ ...mla, key: "mutual-legal-assistance" }, db);
    const { added, skipped } = seedStarterGlossary({ db });
    expect(added).toHaveLength(49);
    expect(skipped).toEqual(["mutual-legal-assistance"]);
    expect(db.select().from(glossaryEntries).where(eq(glossaryEntries.key, "mutual-legal-assistance")).get()!.origin).toBe("user");
    expect(db.select().from(seedLog).where(eq(seedLog.sourceKey, "glossary:mutual-legal-assistance")).get()).toBeDefined();
  });
});

describe("entries", () => {
  it("creates an entry with a key made from its first term, dropping blank term rows", () => {
    const { id, key } = createEntry(mla, db);
    expect(key).toBe("entraide-judiciaire");
    const entry = getEntry(id, db)!;
    expect(entry.origin).toBe("user");
    expect(entry.terms.map((t) => [t.language, t.text])).toEqual([
      ["fr", "entraide judiciaire"],
      ["en", "mutual legal assistance"],
    ]);
  });

  it("refuses a taken key (409), an entry without terms and a term twice (422), writing nothing", () => {
    createEntry(mla, db);
    const before = countRows();
    expect(refusal(() => createEntry({ ...mla, key: "entraide-judiciaire" }, db))).toMatchObject({ status: 409, field: "key" });
    expect(refusal(() => createEntry({ ...mla, key: "x", terms: [{ language: "fr", text: "  ", status: "preferred", match: "exact" }] }, db)).status).toBe(422);
    const twice = refusal(() =>
      createEntry({ ...mla, key: "y", terms: [mla.terms[0], { ...mla.terms[0], text: "Entraide  judiciaire", status: "admitted" }] }, db),
    );
    expect(twice.status).toBe(422);
    expect(twice.message).toContain("twice");
    expect(refusal(() => createEntry({ ...mla, key: "z", terms: [{ language: "en", text: "—", status: "preferred", match: "exact" }] }, db)).status).toBe(422);
    expect(countRows()).toEqual(before);
  });

  it("updates fields and terms together, and an update that fails leaves the entry whole", () => {
    const { id } = createEntry(mla, db);
    const other = createEntry({ ...mla, key: "other", terms: [{ language: "en", text: "extradition", status: "preferred", match: "inflected" }] }, db);
    updateEntry(id, { key: "mla", domain: "d", source: "s", note: "n", terms: [{ language: "en", text: "MLA", status: "admitted", match: "exact" }, mla.terms[0]] }, db);
    const entry = getEntry(id, db)!;
    expect([entry.key, entry.domain, entry.source, entry.note]).toEqual(["mla", "d", "s", "n"]);
    expect(entry.terms.map((t) => `${t.language}:${t.text}:${t.status}:${t.match}`)).toEqual(["en:MLA:admitted:exact", "fr:entraide judiciaire:preferred:inflected"]);
    expect(refusal(() => updateEntry(id, { ...mla, key: "other" }, db)).status).toBe(409);
    expect(getEntry(id, db)).toEqual(entry);
    expect(refusal(() => updateEntry(9999, mla, db)).status).toBe(404);
    expect(deleteEntry(other.id, db)).toBe(true);
    expect(deleteEntry(other.id, db)).toBe(false);
    expect(db.select().from(glossaryTerms).where(eq(glossaryTerms.entryId, other.id)).all()).toEqual([]);
  });

  it("searches term texts and keys whatever the case, accents and apostrophes", () => {
    seedStarterGlossary({ db });
    const keys = (q: string) => listEntries(q, db).map((e) => e.key);
    expect(keys("PREUVE ELECTRONIQUE")).toEqual(["electronic-evidence"]);
    expect(keys("droits de l’homme")).toEqual(keys("droits de l'homme"));
    expect(keys("droits de l'homme").length).toBeGreaterThan(0);
    expect(keys("mutual-legal")).toContain("mutual-legal-assistance");
    expect(keys("100%_")).toEqual([]);
    expect(listEntries("", db)).toHaveLength(50);
  });
});

describe("CSV import and export", () => {
  const header = "entry,language,term,status,match,domain,source,note\n";

  it("imports nothing from a file with a bad row, and says which line", () => {
    createEntry(mla, db);
    const before = countRows();
    const error = refusal(() =>
      importGlossaryCsv(`${header}extradition,fr,extradition,preferred,inflected,,,\nextradition,de,Auslieferung,preferred,,,,\nfoo,en,bar,,,,,\n`, "replace", db),
    );
    expect(error.status).toBe(422);
    expect(error.problems).toEqual([{ line: 3, message: expect.stringContaining("Line 3: the language is “de”") }]);
    expect(countRows()).toEqual(before);
  });

  it("imports nothing from a file with a quote never closed, and names the line where it opens", () => {
    const before = countRows();
    const error = refusal(() => importGlossaryCsv(`${header}mla,fr,"entraide judiciaire,,,,,\nmla,en,mutual legal assistance,,,,,\nict,en,ICT,,exact,,,\n`, "replace", db));
    expect(error.status).toBe(422);
    expect(error.problems).toEqual([{ line: 2, message: expect.stringMatching(/^Line 2: a quoted field starts here and is never closed/) }]);
    expect(countRows()).toEqual(before);
  });

  it("adds new keys, replaces or skips existing ones as asked, and leaves identical ones alone", () => {
    const { id } = createEntry({ ...mla, key: "mla" }, db);
    const file = `${header}mla,fr,entraide juridique,preferred,inflected,law,,imported\nnew-one,en,extradition,,,,,\n`;
    expect(importGlossaryCsv(file, "skip", db)).toEqual({ added: ["new-one"], replaced: [], unchanged: ["mla"] });
    expect(getEntry(id, db)!.terms).toHaveLength(2);
    expect(importGlossaryCsv(file, "replace", db)).toEqual({ added: [], replaced: ["mla"], unchanged: ["new-one"] });
    const replaced = getEntry(id, db)!;
    expect(replaced.terms.map((t) => t.text)).toEqual(["entraide juridique"]);
    expect([replaced.domain, replaced.note, replaced.origin]).toEqual(["law", "imported", "user"]);
    expect(importGlossaryCsv(file, "replace", db)).toEqual({ added: [], replaced: [], unchanged: ["mla", "new-one"] });
  });

  it("exports what it imports: the starter glossary round trip", () => {
    seedStarterGlossary({ db });
    const csv = exportGlossaryCsv(db);
    const parsed = parseGlossaryCsv(csv);
    expect(parsed.problems).toEqual([]);
    const starter = parseGlossaryCsv(readFileSync(STARTER_GLOSSARY, "utf8")).entries;
    const byKey = (list: typeof starter) => [...list].sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(parsed.entries)).toEqual(byKey(starter));
    const other = tempDatabase();
    try {
      expect(importGlossaryCsv(csv, "replace", other.db).added).toHaveLength(50);
      expect(exportGlossaryCsv(other.db)).toBe(csv);
    } finally {
      other.dispose();
    }
  });

  it("writes no cell a spreadsheet would run as a formula, and reads the file back to the same entries", () => {
    const tricky: EntryInput = entryOf(
      "=HYPERLINK(\"http://x.example\")",
      [
        ["fr", "=1+1", "preferred", "exact"],
        ["fr", "'=1+1", "admitted", "exact"],
        ["en", "-ing forms"],
        ["en", "'quoted'", "admitted", "exact"],
      ],
      { domain: "+33", source: "@source", note: "- a note; with '=quotes' and, commas" },
    );
    createEntry(tricky, db);
    const csv = exportGlossaryCsv(db);
    const cells = csv.split(/,|\r\n/).map((cell) => cell.replace(/^"/, ""));
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"")"`);
    expect(csv).toContain(",''=1+1,");
    const other = tempDatabase();
    try {
      expect(importGlossaryCsv(csv, "replace", other.db).added).toEqual([tricky.key]);
      const back = listEntries("", other.db)[0];
      expect(getEntry(back.id, other.db)).toMatchObject({ key: tricky.key, domain: tricky.domain, source: tricky.source, note: tricky.note, terms: tricky.terms.map((t) => expect.objectContaining(t)) });
      expect(exportGlossaryCsv(other.db)).toBe(csv);
    } finally {
      other.dispose();
    }
  });
});

describe("evidence", () => {
  function smallPair() {
    const en = importDocument({ title: "EN", raw: "Part 1\nMutual legal assistance is given.\nNothing here.\nThe Party's request for mutual legal assistance.\n", language: "en", origin: "import", presegmented: true }, db);
    const fr = importDocument({ title: "FR", raw: "Partie 1\nL'entraide judiciaire est accordée.\nRien ici.\nLa demande d’entraides judiciaires de la Partie.\n", language: "fr", origin: "import", presegmented: true }, db);
    return createAlignedPair({ sourceDocumentId: en.id, targetDocumentId: fr.id, title: "Small" }, db);
  }

  it("lists the links where the entry's terms occur, with both sides and the hits, found in the compute worker", async () => {
    const pair = smallPair();
    const { id } = createEntry(mla, db);
    const jobs = computeWorker().stats.jobs;
    const evidence = (await entryEvidence(id, {}, db))!;
    expect(computeWorker().stats.jobs).toBe(jobs + 1);
    expect(evidence.total).toBe(2);
    expect(evidence.pairs).toHaveLength(1);
    const [first, second] = evidence.pairs[0].links;
    expect(evidence.pairs[0]).toMatchObject({ pairId: pair.id, title: "Small", count: 2 });
    expect(first.position).toBe(1);
    expect(first.fr.slice(first.frHits[0].start, first.frHits[0].end)).toBe("entraide judiciaire");
    expect(first.en.slice(first.enHits[0].start, first.enHits[0].end)).toBe("Mutual legal assistance");
    expect(second.position).toBe(3);
    expect(second.fr.slice(second.frHits[0].start, second.frHits[0].end)).toBe("entraides judiciaires");
    expect((await entryEvidence(id, { limit: 1 }, db))!.pairs[0].links).toHaveLength(1);
    expect(await entryEvidence(9999, {}, db)).toBeNull();
  });

  it("shows a term that has no counterpart on the other side, and nothing for an entry absent from the pair", async () => {
    smallPair();
    const { id } = createEntry({ ...mla, key: "request", terms: [{ language: "en", text: "request", status: "preferred", match: "inflected" }] }, db);
    const evidence = (await entryEvidence(id, {}, db))!;
    expect(evidence.total).toBe(1);
    expect(evidence.pairs[0].links[0].frHits).toEqual([]);
    const none = createEntry({ ...mla, key: "none", terms: [{ language: "fr", text: "extradition", status: "preferred", match: "inflected" }] }, db);
    expect(await entryEvidence(none.id, {}, db)).toEqual({ pairs: [], total: 0 });
  });

  // The screening by needles must never lose a hit that matching every link would find.
  it.runIf(existsSync("../shared/corpora/canada-mla-act"))("finds on the MLA Act exactly what matching every link finds, for every starter entry", async () => {
    seed({ db, seeds: demoSeeds(corporaDir()).filter((d) => d.sourceKey.includes("canada-mla-act")) });
    const docs = (language: string) => db.select({ id: sql<number>`id` }).from(sql`documents`).where(sql`language = ${language}`).get()!.id;
    const pair = createAlignedPair({ sourceDocumentId: docs("en"), targetDocumentId: docs("fr") }, db);
    seedStarterGlossary({ db });
    // Entries whose stems differ from the folded word in their last letters (-ies → -y, -aux → -al), and an exact one.
    for (const [language, text, match] of [["en", "party", "inflected"], ["en", "request", "inflected"], ["fr", "pénal", "inflected"], ["fr", "État", "inflected"], ["fr", "demande", "inflected"], ["en", "Attorney General", "exact"]] as const) {
      createEntry({ ...mla, key: "", terms: [{ language, text, status: "preferred", match }] }, db);
    }
    const text = (documentId: number) => db.select({ text: segments.text }).from(segments).where(eq(segments.documentId, documentId)).orderBy(segments.position).all().map((r) => r.text);
    const en = text(docs("en"));
    const fr = text(docs("fr"));
    const rows = db.select().from(links).where(eq(links.pairId, pair.id)).orderBy(links.position).all();
    let withHits = 0;
    for (const entry of db.select().from(glossaryEntries).all()) {
      const detail = getEntry(entry.id, db)!;
      const terms: Term[] = detail.terms.map((t) => ({ ...t, concept: entry.id }));
      const enMatcher = compileTerms(terms, "en");
      const frMatcher = compileTerms(terms, "fr");
      const expected = rows
        .filter((l) => findTerms(enMatcher, en.slice(l.sourceStart, l.sourceStart + l.sourceCount).join(" ")).length + findTerms(frMatcher, fr.slice(l.targetStart, l.targetStart + l.targetCount).join(" ")).length > 0)
        .map((l) => l.position);
      const evidence = (await entryEvidence(entry.id, { limit: 10_000 }, db))!;
      expect(evidence.pairs.flatMap((p) => p.links.map((l) => l.position)), entry.key).toEqual(expected);
      if (expected.length > 0) withHits++;
    }
    expect(withHits).toBeGreaterThanOrEqual(11);
  }, 60_000); // aligns the MLA pair and checks 50 entries: ~2 s alone, 8 s seen on a loaded machine
});
