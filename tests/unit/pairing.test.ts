import { describe, expect, it } from "vitest";
import { proposeCounterpart } from "../../alignments/pairing/counterpart";
import { importDocument } from "../../app/models/documents.server";
import { pairingDocuments } from "../../app/models/pairing.server";
import type { Db } from "../../db/client.server";
import { corporaDir, corpusSeeds, demoSeeds, seed } from "../../app/models/seeds.server";
import { databasePerTest } from "./helpers";

let db: Db;
databasePerTest((temp) => ({ db } = temp));

describe("the pair form's proposal on the demo library", () => {
  it.skipIf(!corporaDir())("proposes each demo text's other version, and nothing for the seeds, which have no English version", () => {
    seed({ db, seeds: [...corpusSeeds(), ...demoSeeds()] });
    const library = pairingDocuments(db);
    const english = library.filter((d) => d.language === "en");
    const french = library.filter((d) => d.language === "fr");
    const title = (id: number | undefined) => library.find((d) => d.id === id)?.title ?? null;
    const proposals = (from: typeof library, among: typeof library) =>
      Object.fromEntries(from.map((d) => [d.title, title(proposeCounterpart(d, among)?.id)]));
    expect(proposals(english, french)).toEqual({
      "Mutual Legal Assistance in Criminal Matters Act (Canada)": "Loi sur l’entraide juridique en matière criminelle (Canada)",
      "Universal Declaration of Human Rights": "Déclaration universelle des droits de l’homme",
    });
    expect(proposals(french, english)).toEqual({
      ...Object.fromEntries(corpusSeeds().map((s) => [s.title, null])),
      "Loi sur l’entraide juridique en matière criminelle (Canada)": "Mutual Legal Assistance in Criminal Matters Act (Canada)",
      "Déclaration universelle des droits de l’homme": "Universal Declaration of Human Rights",
    });
  });

  it("reads a document's symbol from its opening segments, so that two versions titled differently are paired by it", () => {
    const en = importDocument({ title: "Draft report", raw: "A/AC.291/L.15\n\nThe Committee met in New York. It adopted its report.", language: "en", origin: "import" }, db);
    const other = importDocument({ title: "Projet de rapport", raw: "A/AC.291/L.16\n\nLe Comité s’est réuni à New York. Il a adopté son rapport.", language: "fr", origin: "import" }, db);
    const same = importDocument({ title: "Projet de rapport", raw: "A/AC.291/L.15\n\nLe Comité s’est réuni à New York. Il a adopté son rapport.", language: "fr", origin: "import" }, db);
    const library = pairingDocuments(db);
    expect(library.map((d) => d.symbols)).toEqual([["A/AC.291/L.15"], ["A/AC.291/L.16"], ["A/AC.291/L.15"]]);
    const proposal = proposeCounterpart(library.find((d) => d.id === en.id)!, library.filter((d) => d.language === "fr"));
    expect(proposal?.id).toBe(same.id);
    expect(proposal?.id).not.toBe(other.id);
    expect(proposal?.reason).toContain("Same document symbol A/AC.291/L.15");
  });
});
