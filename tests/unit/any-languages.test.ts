/**
 * Documents and pairs in any two languages the core reads (issue 14 item 2): a German original and its French
 * translation (made-up texts) are imported, paired as source and target, aligned with both languages, and exported
 * with their own language tags.
 */
import { describe, expect, it } from "vitest";
import { beginAlignment } from "../../app/models/alignment-jobs.server";
import { importDocument } from "../../app/models/documents.server";
import { openLinkExport } from "../../app/models/exports.server";
import { checkPairDocuments, createAlignedPair, createPair, PairError } from "../../app/models/pairs.server";
import type { Db } from "../../db/client.server";
import { databasePerTest, refusedWith } from "./helpers";

let db: Db;
databasePerTest((temp) => ({ db } = temp));

const GERMAN = [
  "Die Fähre nach Lindau fährt jeden Morgen um 7 Uhr ab.",
  "Fahrräder werden auf dem unteren Deck abgestellt.",
  "Der Kiosk verkauft Fahrkarten für 12 Euro.",
  "Hunde müssen an der Leine geführt werden.",
];
const FRENCH = [
  "Le bac pour Lindau part chaque matin à 7 heures.",
  "Les vélos sont rangés sur le pont inférieur.",
  "Le kiosque vend des billets à 12 euros.",
  "Les chiens doivent être tenus en laisse.",
];

const imported = (title: string, lines: string[], language: "de" | "fr" | "en") =>
  importDocument({ title, raw: lines.join("\n"), language, origin: "import", presegmented: true }, db).id;

const refusal = (run: () => unknown) => refusedWith(PairError, run);

describe("a pair in any two languages", () => {
  it("pairs a German original with its French translation, aligns it and exports it tagged de and fr", () => {
    const german = imported("Fährordnung", GERMAN, "de");
    const french = imported("Règlement du bac", FRENCH, "fr");
    expect(db.$client.prepare("SELECT language FROM documents ORDER BY id").pluck().all()).toEqual(["de", "fr"]);

    const { id } = createAlignedPair({ sourceDocumentId: german, targetDocumentId: french, title: "Fähre" }, db);
    const links = db.$client.prepare("SELECT source_start, source_count, target_start, target_count FROM links WHERE pair_id = ? ORDER BY position").raw().all(id);
    expect(links).toEqual([
      [0, 1, 0, 1],
      [1, 1, 1, 1],
      [2, 1, 2, 1],
      [3, 1, 3, 1],
    ]);

    const tmx = [...openLinkExport({ format: "tmx", pairs: [id], confirmedOnly: false }, db).chunks].join("");
    expect(tmx).toContain('srclang="de"');
    expect(tmx).toContain('<tuv xml:lang="de"><seg>Die Fähre nach Lindau fährt jeden Morgen um 7 Uhr ab.</seg></tuv>');
    expect(tmx).toContain('<tuv xml:lang="fr"><seg>Le bac pour Lindau part chaque matin à 7 heures.</seg></tuv>');
    expect(tmx).not.toMatch(/xml:lang="en"/);
  });

  it("hands the aligner both languages when the pair is aligned in the worker", () => {
    const german = imported("Fährordnung", GERMAN, "de");
    const french = imported("Règlement du bac", FRENCH, "fr");
    const { id } = createPair({ sourceDocumentId: german, targetDocumentId: french }, db);
    expect(beginAlignment(id, db)?.languages).toEqual(["de", "fr"]);
  });

  it("refuses two documents in the same language, and a memory of pairs in different languages", () => {
    const german = imported("Fährordnung", GERMAN, "de");
    const other = imported("Fährordnung, zweite Fassung", GERMAN.slice(0, 2), "de");
    expect(refusal(() => checkPairDocuments(german, other, db))).toMatchObject({
      status: 422,
      message: "Both documents are German. A pair needs an original and its translation in another language. If “Fährordnung, zweite Fassung” is in fact in another language, change its language on its document page first.",
    });
    const french = imported("Règlement du bac", FRENCH, "fr");
    const english = imported("Ferry rules", ["The ferry to Lindau leaves every morning at 7.", "Bicycles go on the lower deck.", "The kiosk sells tickets for 12 euros.", "Dogs must be kept on a lead."], "en");
    const germanFrench = createAlignedPair({ sourceDocumentId: german, targetDocumentId: french, title: "Fähre" }, db).id;
    const englishFrench = createAlignedPair({ sourceDocumentId: english, targetDocumentId: french, title: "Ferry" }, db).id;
    expect(() => openLinkExport({ format: "tmx", pairs: [germanFrench, englishFrench], confirmedOnly: false }, db)).toThrow(
      "A memory holds one pair of languages: “Fähre” is German–French and “Ferry” is English–French. Export them separately.",
    );
  });
});
