import { existsSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importDocument } from "../../app/models/documents.server";
import { applyEdit, getEditor } from "../../app/models/editor.server";
import { createEntry, deleteEntry, getEntry, type EntryInput } from "../../app/models/glossary.server";
import { createAlignedPair } from "../../app/models/pairs.server";
import {
  acceptFinding,
  addCandidate,
  checkPair,
  documentVariation,
  findingsList,
  forgetChecks,
  pairCandidates,
  pairFindings,
  pairRenderings,
  searchConcordance,
  TerminologyError,
  unacceptFinding,
} from "../../app/models/terminology.server";
import type { Db } from "../../db/client.server";
import { acceptedFindings, documents, glossaryEntries, glossaryTerms } from "../../db/schema";
import { corporaDir, corpusSeeds, demoSeeds, seed, seedStarterGlossary } from "../../db/seed";
import { tempDatabase } from "./helpers";

let db: Db;
let dispose: () => void;
beforeEach(() => {
  ({ db, dispose } = tempDatabase());
});
afterEach(() => dispose());

const entry = (key: string, fr: string, en: string): EntryInput => ({
  key,
  domain: "",
  source: "",
  note: "",
  terms: [
    { language: "fr", text: fr, status: "preferred", match: "inflected" },
    { language: "en", text: en, status: "preferred", match: "inflected" },
  ],
});

/** Five 1-1 links: a term rendered (1), a term not rendered (3), figures that differ (4). */
function smallPair(): number {
  const en = importDocument(
    {
      title: "EN",
      raw: "Part 1\nMutual legal assistance is given within 30 days.\nNothing here.\nThe request shall be sent.\nHuman rights are protected.\n",
      language: "en",
      origin: "import",
      presegmented: true,
    },
    db,
  );
  const fr = importDocument(
    {
      title: "FR",
      raw: "Partie 1\nL'entraide judiciaire est accordée dans les 30 jours.\nRien ici.\nLa demande d’entraide judiciaire est envoyée.\nLes droits de l'homme sont protégés dans les 15 jours.\n",
      language: "fr",
      origin: "import",
      presegmented: true,
    },
    db,
  );
  createEntry(entry("mutual-legal-assistance", "entraide judiciaire", "mutual legal assistance"), db);
  createEntry(entry("human-rights", "droits de l'homme", "human rights"), db);
  const pair = createAlignedPair({ enDocumentId: en.id, frDocumentId: fr.id, title: "Small" }, db);
  expect(getEditor(pair.id, db)!.links.map((l) => `${l[1]}-${l[3]}`)).toEqual(["1-1", "1-1", "1-1", "1-1", "1-1"]);
  return pair.id;
}

async function refusal(run: () => unknown): Promise<TerminologyError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TerminologyError) return error;
    throw error;
  }
  throw new Error("expected a TerminologyError");
}

const acceptedRows = () => db.select({ n: sql<number>`count(*)` }).from(acceptedFindings).get()!.n;
const findingAt = async (pairId: number, link: number, kind: string) => (await pairFindings(pairId, db)).rows.find((r) => r.link === link)?.findings.find((f) => f.kind === kind);

describe("a pair's findings", () => {
  it("finds the glossary's findings per link, with the term hits placed in their segments", async () => {
    const id = smallPair();
    const payload = await pairFindings(id, db);
    expect(payload.total).toBe(2);
    expect(payload.counts).toMatchObject({ "missing-en": 1, numbers: 1 });
    const missing = payload.rows.find((r) => r.link === 3)!;
    expect(missing.findings).toEqual([expect.objectContaining({ kind: "missing-en", accepted: null })]);
    expect(missing.findings[0].message).toBe("The French has “entraide judiciaire”; the English has no “mutual legal assistance”.");
    expect(payload.rows.find((r) => r.link === 4)!.findings[0]).toMatchObject({ kind: "numbers", message: "Numbers differ: 15 only in the French." });
    // Link 1 has hits on both sides and no finding; its hits are in segment offsets.
    const rendered = payload.rows.find((r) => r.link === 1)!;
    expect(rendered.findings).toEqual([]);
    expect(rendered.hits.map((h) => `${h.side}:${h.segment}:${h.text}`)).toEqual(["en:1:Mutual legal assistance", "fr:1:entraide judiciaire"]);
    expect(rendered.hits[1]).toMatchObject({ start: 2, end: 21 });
  });

  it("keeps an accepted finding accepted across edits elsewhere and glossary changes, and lets it go when the link's text changes", async () => {
    const id = smallPair();
    const finding = (await findingAt(id, 3, "missing-en"))!;
    const unit = (await pairFindings(id, db)).rows.find((r) => r.link === 3)!.unit;
    expect(await acceptFinding(id, { unit, key: finding.key, note: "  The English says “request” only.  ", user: " Ada  Lovelace " }, db)).toEqual({ link: 3 });
    expect((await findingAt(id, 3, "missing-en"))!.accepted).toMatchObject({ note: "The English says “request” only.", user: "Ada Lovelace" });
    expect(await pairFindings(id, db)).toMatchObject({ accepted: 1, stale: 0 });

    // Merging links 1 and 2 moves the finding's link from 3 to 2; only the merged link is checked again.
    let version = getEditor(id, db)!.version;
    version = applyEdit(id, version, { name: "merge", link: 1 }, "Ada", db).version;
    expect((await checkPair(id, db)).checked).toBe(1);
    expect((await findingAt(id, 2, "missing-en"))!.accepted).toMatchObject({ note: "The English says “request” only." });

    // A new glossary entry: everything is checked again, and the acceptance holds.
    createEntry(entry("extradition", "extradition", "extradition"), db);
    expect((await checkPair(id, db)).checked).toBe(4);
    expect(await pairFindings(id, db)).toMatchObject({ accepted: 1, stale: 0 });

    // Accepting again replaces the note.
    await acceptFinding(id, { unit, key: finding.key, note: "Checked with the translator.", user: "Bo" }, db);
    expect(acceptedRows()).toBe(1);
    expect((await findingAt(id, 2, "missing-en"))!.accepted).toMatchObject({ note: "Checked with the translator.", user: "Bo" });

    // A corrected text is a new unit: its finding is checked afresh, and the old acceptance matches nothing.
    version = applyEdit(id, version, { name: "edit-segment", side: "en", segment: 3, text: "The request for assistance shall be sent." }, "Ada", db).version;
    expect((await findingAt(id, 2, "missing-en"))!.accepted).toBeNull();
    expect(await pairFindings(id, db)).toMatchObject({ accepted: 0, stale: 1 });
  });

  it("gives the same findings kept or checked afresh, after edits and glossary changes", async () => {
    const id = smallPair();
    expect((await pairFindings(id, db)).total).toBe(2);
    applyEdit(id, getEditor(id, db)!.version, { name: "merge", link: 2 }, "Ada", db);
    createEntry(entry("part", "partie", "section"), db);
    const kept = await pairFindings(id, db);
    expect(kept.total).toBe(3);
    expect(kept.rows.map((r) => r.link)).toEqual([0, 1, 2, 3]);
    forgetChecks(db);
    expect(await pairFindings(id, db)).toEqual({ ...kept, ms: expect.any(Number) });
  });

  it("un-accepts, and refuses what it cannot do without writing anything", async () => {
    const id = smallPair();
    const row = (await pairFindings(id, db)).rows.find((r) => r.link === 4)!;
    const key = row.findings[0].key;
    expect(await refusal(() => acceptFinding(id, { unit: row.unit, key, note: "", user: "  " }, db))).toMatchObject({ status: 422, message: "Give your name first: Tandem records who accepted a finding." });
    expect((await refusal(() => acceptFinding(id, { unit: row.unit, key: "numbers:99|", note: "", user: "Ada" }, db))).status).toBe(409);
    expect((await refusal(() => acceptFinding(id, { unit: "0123456789abcdef", key, note: "", user: "Ada" }, db))).status).toBe(409);
    expect((await refusal(() => acceptFinding(id, { unit: row.unit, key, note: "x".repeat(1001), user: "Ada" }, db))).status).toBe(422);
    expect((await refusal(() => acceptFinding(999, { unit: row.unit, key, note: "", user: "Ada" }, db))).status).toBe(404);
    expect(acceptedRows()).toBe(0);

    await acceptFinding(id, { unit: row.unit, key, note: "", user: "Ada" }, db);
    expect((await findingAt(id, 4, "numbers"))!.accepted).toMatchObject({ note: "", user: "Ada" });
    unacceptFinding(id, { unit: row.unit, key }, db);
    expect((await findingAt(id, 4, "numbers"))!.accepted).toBeNull();
    expect((await refusal(() => unacceptFinding(id, { unit: row.unit, key }, db))).status).toBe(404);
    expect(acceptedRows()).toBe(0);
  });

  it("counts an acceptance as stale when the glossary no longer gives its finding, and lists findings by kind", async () => {
    const id = smallPair();
    const row = (await pairFindings(id, db)).rows.find((r) => r.link === 3)!;
    await acceptFinding(id, { unit: row.unit, key: row.findings[0].key, note: "", user: "Ada" }, db);
    const list = await findingsList(id, { kind: "numbers", limit: 10 }, db);
    expect(list).toMatchObject({ matching: 1, withFindings: 2, total: 2, accepted: 1 });
    expect(list.rows[0]).toMatchObject({ link: 4, fr: "Les droits de l'homme sont protégés dans les 15 jours." });
    expect(list.rows[0].fr.slice(list.rows[0].frHits[0].start, list.rows[0].frHits[0].end)).toBe("droits de l'homme");
    deleteEntry(db.select().from(glossaryEntries).where(eq(glossaryEntries.key, "mutual-legal-assistance")).get()!.id, db);
    expect(await pairFindings(id, db)).toMatchObject({ total: 1, accepted: 0, stale: 1 });
  });

  it("deletes a pair's acceptances with the pair", async () => {
    const id = smallPair();
    const row = (await pairFindings(id, db)).rows.find((r) => r.link === 4)!;
    await acceptFinding(id, { unit: row.unit, key: row.findings[0].key, note: "", user: "Ada" }, db);
    db.run(sql`delete from pairs where id = ${id}`);
    expect(acceptedRows()).toBe(0);
  });
});

describe("renderings, concordance", () => {
  it("counts each French term's renderings and the links where the English lacks them", async () => {
    const id = smallPair();
    const [mla] = (await pairRenderings(id, db)).filter((r) => r.key === "mutual-legal-assistance");
    expect(mla).toMatchObject({ links: 2, french: [{ text: "entraide judiciaire", count: 2 }], unrendered: [3] });
    expect(mla.renderings[0]).toEqual({ text: "Mutual legal assistance", count: 1, glossary: true, links: [1] });
  });

  it("finds a term in context on either side, with the glossary's counterpart highlighted", async () => {
    const id = smallPair();
    const [result] = searchConcordance("entraides judiciaires", "fr", {}, db);
    expect(result).toMatchObject({ pairId: id, title: "Small", truncated: false });
    expect(result.lines.map((l) => [l.link, l.match])).toEqual([
      [1, "entraide judiciaire"],
      [3, "entraide judiciaire"],
    ]);
    const line = result.lines[0];
    expect(line.counterpart.slice(line.counterpartHits[0].start, line.counterpartHits[0].end)).toBe("Mutual legal assistance");
    expect(searchConcordance("human right", "en", { pairId: id }, db)[0].lines).toHaveLength(1);
    expect(searchConcordance("protégé", "fr", { match: "exact" }, db)).toEqual([]);
    expect(searchConcordance("  ", "fr", {}, db)).toEqual([]);
  });
});

describe("term candidates", () => {
  it("adds a candidate as a glossary entry with both terms preferred, and refuses a term the glossary has", async () => {
    const added = addCandidate({ fr: "gel des avoirs", en: " asset  freezing ", pairTitle: "Small" }, db);
    const stored = getEntry(added.id, db)!;
    expect(stored).toMatchObject({ key: "gel-des-avoirs", origin: "user", source: "Term candidate from the pair “Small”" });
    expect(stored.terms.map((t) => [t.language, t.text, t.status, t.match])).toEqual([
      ["fr", "gel des avoirs", "preferred", "inflected"],
      ["en", "asset freezing", "preferred", "inflected"],
    ]);
    const terms = () => db.select({ n: sql<number>`count(*)` }).from(glossaryTerms).get()!.n;
    expect(await refusal(() => addCandidate({ fr: "Gel des avoirs", en: "freezing of assets" }, db))).toMatchObject({
      status: 409,
      message: "“Gel des avoirs” is already in the glossary, in the entry “gel-des-avoirs”: nothing was added.",
    });
    expect((await refusal(() => addCandidate({ fr: "blocage", en: "asset freezing" }, db))).status).toBe(409);
    expect((await refusal(() => addCandidate({ fr: "", en: "x" }, db))).status).toBe(422);
    expect(terms()).toBe(2);
  });

  it.runIf(existsSync("../shared/corpora/canada-mla-act"))("finds “entraide juridique … ↔ mutual legal assistance …” among the MLA Act's top candidates, and drops it once added", async () => {
    seed({ db, seeds: demoSeeds(corporaDir()).filter((d) => d.sourceKey.includes("canada-mla-act")) });
    seedStarterGlossary({ db });
    const doc = (language: "en" | "fr") => db.select({ id: documents.id }).from(documents).where(eq(documents.language, language)).get()!.id;
    const pair = createAlignedPair({ enDocumentId: doc("en"), frDocumentId: doc("fr"), title: "MLA" }, db);
    const { candidates } = await pairCandidates(pair.id, db);
    const rank = candidates.findIndex((c) => /^entraide juridique/i.test(c.fr) && /^mutual legal assistance/i.test(c.en));
    expect(rank).toBeGreaterThanOrEqual(0);
    expect(rank).toBeLessThan(15);
    const found = candidates[rank];
    expect(found.evidence.length).toBeGreaterThan(0);
    const evidence = found.evidence[0];
    expect(evidence.fr.slice(evidence.frHits[0].start, evidence.frHits[0].end).toLowerCase()).toBe(found.fr.toLowerCase());
    addCandidate({ fr: found.fr, en: found.en }, db);
    expect((await pairCandidates(pair.id, db)).candidates.some((c) => c.fr === found.fr)).toBe(false);
  });
});

describe("variation across documents", () => {
  it("finds “droits de l'homme” and “droits humains” in the French seeds, per seed, without any pair", async () => {
    seed({ db, seeds: corpusSeeds() });
    seedStarterGlossary({ db });
    const result = await documentVariation("fr", ["seed"], db);
    const seedOf = new Map(result.documents.map((d) => [d.id, /^seed:(\d{3})_/.exec(d.sourceKey ?? "")?.[1]]));
    const human = result.concepts.find((c) => c.key === "human-rights")!;
    const perSeed = (text: string) => {
      const term = human.terms.find((t) => t.text === text)!;
      return { total: term.total, seeds: Object.keys(term.byDocument).map((id) => seedOf.get(Number(id))).sort() };
    };
    expect(perSeed("droits humains")).toEqual({ total: 26, seeds: ["001", "002", "003"] });
    expect(perSeed("droits de l'homme")).toEqual({ total: 19, seeds: ["000", "003", "004"] });
    expect((await documentVariation("en", ["seed"], db)).concepts).toEqual([]);
  });
});
