import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { concordance } from "../../alignments/terms/concordance";
import { parseCsv } from "../../alignments/formats/csv";
import { importDocument } from "../../app/models/documents.server";
import { applyEdit } from "../../app/models/editor.server";
import { createEntry } from "../../app/models/glossary.server";
import { createAlignedPair } from "../../app/models/pairs.server";
import { concordanceScope } from "../../app/models/concordance.server";
import { concordanceFileIn, concordanceIn, SORTED_LIMIT } from "../../app/models/concordance-search.server";
import { concordanceFileOf, searchConcordance } from "../../app/models/corpus-queries.server";
import { getEditor } from "../../app/models/editor-read.server";
import { ConcordanceQuery } from "../../app/terminology/concordance-query";
import type { Db } from "../../db/client.server";
import { databasePerTest } from "./helpers";

/**
 * The concordance over every document (issue 12, item 13): documents in no pair, links with one side, the filter by
 * document, the orders by context, the counterpart's marks, the file, and the Bank Act's true count.
 */
let db: Db;
databasePerTest((temp) => ({ db } = temp));

const doc = (title: string, language: "fr" | "en", lines: string[]) => importDocument({ title, raw: `${lines.join("\n")}\n`, language, origin: "import", presegmented: true }, db).id;

/** A pair of three 1-1 links about banks. */
function bankPair() {
  const en = doc("Banks EN", "en", ["The bank of Canada.", "Nothing here at all.", "A bank may lend."]);
  const fr = doc("Banques FR", "fr", ["La banque du Canada.", "Rien ici du tout.", "Une banque peut prêter."]);
  const pair = createAlignedPair({ sourceDocumentId: en, targetDocumentId: fr, title: "Banks" }, db);
  expect(getEditor(pair.id, db)!.links.map((l) => `${l[1]}-${l[3]}`)).toEqual(["1-1", "1-1", "1-1"]);
  return { en, fr, pair: pair.id };
}

describe("the concordance over every document", () => {
  it("searches a document in no aligned pair, counts its occurrences and segments, and gives its hits no counterpart", async () => {
    const { fr, pair } = bankPair();
    const alone = doc("Banque seule", "fr", ["La banque et les banques.", "Rien.", "Une banque."]);
    const found = await searchConcordance("banque", "fr", {}, db);
    expect(found).toMatchObject({ total: 5, segments: 4, shown: 5 });
    expect(found.documents.map((d) => [d.id, d.pairId, d.count, d.segments])).toEqual([
      [fr, pair, 2, 2],
      [alone, null, 3, 2],
    ]);
    const lines = found.lines.filter((l) => l.document === alone);
    expect(lines.map((l) => [l.segment, l.link, l.match, l.counterpart])).toEqual([
      [0, null, "banque", null],
      [0, null, "banques", null],
      [2, null, "banque", null],
    ]);
    expect(found.lines[0]).toMatchObject({ document: fr, link: 0, segment: 0, counterpart: "The bank of Canada." });
  });

  it("counts a segment whose link has one side only, and says it has no counterpart", () => {
    const { fr, pair } = bankPair();
    const editor = getEditor(pair, db)!;
    applyEdit({ pairId: pair, version: editor.version, operation: { name: "split", link: 2, sourceCount: 1, targetCount: 0 }, user: "Ada" }, db);
    const found = concordanceIn(db, { query: "banque", language: "fr" });
    expect(found.total).toBe(2);
    expect(found.lines.map((l) => [l.document, l.segment, l.link, l.counterpart])).toEqual([
      [fr, 0, 0, "The bank of Canada."],
      [fr, 2, 3, null],
    ]);
  });

  it("searches one document, or one pair's, and refuses a document outside the pair chosen", () => {
    const { fr, pair } = bankPair();
    const alone = doc("Banque seule", "fr", ["Une banque."]);
    expect(concordanceIn(db, { query: "banque", language: "fr", documentId: alone }).documents.map((d) => d.id)).toEqual([alone]);
    expect(concordanceIn(db, { query: "banque", language: "fr", pairId: pair }).documents.map((d) => d.id)).toEqual([fr]);
    const scope = (params: Record<string, string>) => concordanceScope(ConcordanceQuery.parse({ q: "banque", ...params }), db);
    expect(scope({ doc: String(alone) }).languages).toEqual(["fr"]);
    expect(scope({}).languages).toEqual(["fr", "en"]);
    const refused = (() => {
      try {
        scope({ doc: String(alone), pair: String(pair) });
      } catch (response) {
        return response as Response;
      }
    })();
    expect(refused?.status).toBe(400);
    expect(() => scope({ doc: "999" })).toThrow();
  });

  it("sorts every occurrence by the words after or before it, across documents, before cutting the first ones", () => {
    doc("Un", "fr", ["La banque de France.", "Une banque centrale."]);
    doc("Deux", "fr", ["La banque alimentaire.", "Sa banque."]);
    const order = (sort: "1R" | "1L" | "document", limit?: number) => concordanceIn(db, { query: "banque", language: "fr", sort, limit }).lines.map((l) => `${l.left}[${l.match}]${l.right}`);
    expect(order("document")).toEqual(["La [banque] de France.", "Une [banque] centrale.", "La [banque] alimentaire.", "Sa [banque]."]);
    expect(order("1R")).toEqual(["Sa [banque].", "La [banque] alimentaire.", "Une [banque] centrale.", "La [banque] de France."]);
    expect(order("1L")).toEqual(["La [banque] de France.", "La [banque] alimentaire.", "Sa [banque].", "Une [banque] centrale."]);
    // The first two of the sorted four, not the first two found, sorted.
    expect(order("1R", 2)).toEqual(["Sa [banque].", "La [banque] alimentaire."]);
  });

  it("marks the counterpart's glossary terms and the word list's translations, and says which", async () => {
    const en = doc("EN", "en", ["Mutual legal assistance is given by the bank."]);
    const fr = doc("FR", "fr", ["L'entraide judiciaire est donnée par la banque."]);
    createAlignedPair({ sourceDocumentId: en, targetDocumentId: fr, title: "MLA" }, db);
    createEntry({ key: "mla", domain: "", source: "", note: "", terms: [
      { language: "fr", text: "entraide judiciaire", status: "preferred", match: "inflected" },
      { language: "en", text: "mutual legal assistance", status: "preferred", match: "inflected" },
    ] }, db);
    const marks = (query: string) => {
      const [line] = concordanceIn(db, { query, language: "fr" }).lines;
      return line.marks.map((m) => `${line.counterpart!.slice(m.start, m.end)}:${m.status}`);
    };
    expect(marks("entraide judiciaire")).toEqual(["Mutual legal assistance:preferred"]);
    expect(marks("banque")).toEqual(["bank:lexicon"]);
  });
});

/** A pair whose second link joins two English sentences, the first ending "mutual legal", the second starting "assistance". */
function cutPair() {
  const en = doc("Requests EN", "en", ["The bank of Canada.", "Requests for mutual legal", "assistance are made in writing.", "A bank may lend."]);
  const fr = doc("Demandes FR", "fr", ["La banque du Canada.", "Les demandes d'entraide judiciaire sont faites par écrit.", "Une banque peut prêter."]);
  const pair = createAlignedPair({ sourceDocumentId: en, targetDocumentId: fr, title: "Requests" }, db);
  expect(getEditor(pair.id, db)!.links.map((l) => `${l[1]}-${l[3]}`)).toEqual(["1-1", "2-1", "1-1"]);
  return { en, fr, pair: pair.id };
}

describe("an occurrence cut by a segment boundary inside one link (issue 12, leftover of item 13)", () => {
  it("is found over the link's joined text: one occurrence, in each segment it touches, its line in the segment it starts in", () => {
    const { en, pair } = cutPair();
    const found = concordanceIn(db, { query: "mutual legal assistance", language: "en" });
    expect(found).toMatchObject({ total: 1, segments: 2, shown: 1 });
    expect(found.documents.map((d) => [d.id, d.pairId, d.count, d.segments])).toEqual([[en, pair, 1, 2]]);
    expect(found.lines.map((l) => [l.segment, l.link, l.left, l.match, l.right, l.counterpart])).toEqual([
      [1, 1, "Requests for ", "mutual legal assistance", " are made in writing.", "Les demandes d'entraide judiciaire sont faites par écrit."],
    ]);
  });

  it("keeps an occurrence inside one segment of that link as it was, and counts a segment once", () => {
    cutPair();
    const found = concordanceIn(db, { query: "assistance", language: "en" });
    expect(found).toMatchObject({ total: 1, segments: 1 });
    expect(found.lines.map((l) => [l.segment, l.left, l.match, l.right])).toEqual([[2, "", "assistance", " are made in writing."]]);
    // "legal assistance" is cut by the boundary: one occurrence, its two segments counted once each.
    const both = concordanceIn(db, { query: "legal assistance", language: "en" });
    expect(both).toMatchObject({ total: 1, segments: 2 });
  });

  it("sorts a cut occurrence with the others and writes it to the file", () => {
    const { en } = cutPair();
    doc("Alone EN", "en", ["Mutual legal assistance is given.", "No mutual legal assistance here."]);
    const sorted = concordanceIn(db, { query: "mutual legal assistance", language: "en", sort: "1L" });
    expect(sorted.total).toBe(3);
    expect(sorted.lines.map((l) => l.left.trim().split(" ").pop() ?? "")).toEqual(["", "for", "No"]);
    const file = concordanceFileIn(db, { query: "mutual legal assistance", languages: ["en"], format: "csv", origin: "http://localhost" });
    expect(file.total).toBe(3);
    const rows = parseCsv(file.file!).map((r) => r.cells);
    const cut = rows.find((r) => r.includes("Requests EN"))!;
    expect(cut[rows[0].indexOf("Hit")]).toBe("mutual legal assistance");
    expect(cut[rows[0].indexOf("Link")]).toMatch(/#link-2$/);
    expect(en).toBeGreaterThan(0);
  });
});

describe("the concordance as a file", () => {
  it("holds every occurrence (not only the 200 shown), in the order asked, with links back, safe for spreadsheets", () => {
    const lines = Array.from({ length: 210 }, (_, k) => (k === 0 ? "=banque(1)" : `Ligne ${k} : la banque.`));
    const id = doc("=Banques", "fr", lines);
    const { total, file } = concordanceFileIn(db, { query: "banque", languages: ["fr", "en"], format: "csv", origin: "http://127.0.0.1:3161" });
    expect(total).toBe(210);
    const rows = parseCsv(file!).map((r) => r.cells);
    expect(rows).toHaveLength(211);
    expect(rows[1]).toEqual(["=Banques", "fr", "", "1", "=", "banque", "(1)", "", `http://127.0.0.1:3161/documents/${id}#s1`]);
    expect(file!.split("\r\n")[1].startsWith("'=Banques,fr,,1,'=,banque,(1),,")).toBe(true);
    expect(rows[210][3]).toBe("210");
  });

  it(`is refused over ${SORTED_LIMIT.toLocaleString("en-US")} occurrences, and the page then shows them unsorted and says why`, async () => {
    const line = Array.from({ length: 50 }, () => "banque").join(" ");
    doc("Beaucoup", "fr", Array.from({ length: SORTED_LIMIT / 50 + 1 }, () => line));
    expect(await concordanceFileOf({ query: "banque", languages: ["fr"], format: "tsv", origin: "http://127.0.0.1" }, {}, db)).toEqual({ total: SORTED_LIMIT + 50, file: null });
    const page = concordanceIn(db, { query: "banque", language: "fr", sort: "1R" });
    expect(page).toMatchObject({ total: SORTED_LIMIT + 50, shown: 200, sort: "document", sortRefused: true });
  }, 60_000);
});

const BANK_ACT = "../shared/corpora/canada-bank-act/B-1.01.fr";

describe.runIf(existsSync(BANK_ACT))("the Bank Act's true count", () => {
  it("counts every occurrence of “banque” in the French Bank Act, as the core counts them line by line", () => {
    const raw = readFileSync(BANK_ACT, "utf8");
    const id = doc("Loi sur les banques", "fr", raw.split("\n").filter((l) => l.trim() !== ""));
    const units = raw.split("\n").map((fr, link) => ({ link, fr, en: "" }));
    const expected = concordance(units, "banque", "fr", { limit: 0 }).total;
    const found = concordanceIn(db, { query: "banque", language: "fr" });
    expect(found.documents.map((d) => [d.id, d.count])).toEqual([[id, expected]]);
    expect(found).toMatchObject({ total: expected, shown: 200 });
    expect(found.total).toBeGreaterThan(2800);
    expect(found.segments).toBe(units.filter((u) => concordance([u], "banque", "fr", { limit: 0 }).total > 0).length);
    console.log(`Bank Act, French: “banque” ${found.total} occurrences in ${found.segments} segments`);
  }, 60_000);
});
