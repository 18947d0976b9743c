/**
 * A French document with an Arabic line (seed 004's shape; made-up texts): the Arabic line is not term-checked as French
 * (issue 14 item 1). Its English counterpart names a glossary term whose French rendering the Arabic line cannot hold, and
 * the check says nothing about it; the French lines around it are checked as before.
 */
import { describe, expect, it } from "vitest";
import { importDocument } from "../../app/models/documents.server";
import { createEntry } from "../../app/models/glossary.server";
import { pairFindings } from "../../app/models/pair-findings.server";
import { createAlignedPair } from "../../app/models/pairs.server";
import { getEditor } from "../../app/models/editor-read.server";
import type { Db } from "../../db/client.server";
import { databasePerTest } from "./helpers";

let db: Db;
databasePerTest((temp) => ({ db } = temp));

const ENGLISH = ["146th Assembly of the Union", "Manama, Bahrain", "The Assembly met in Bahrain from 11 to 15 March 2023.", "Bahrain chaired the session."];
const FRENCH = ["146e Assemblée de l'Union", "المنامة، البحرين", "L'Assemblée s'est réunie à Bahreïn du 11 au 15 mars 2023.", "La session était présidée par le Royaume."];

function mixedPair(): number {
  const document = (language: "en" | "fr", lines: string[]) =>
    importDocument({ title: language, raw: lines.join("\n"), language, origin: "import", presegmented: true }, db).id;
  createEntry(
    {
      key: "bahrain",
      domain: "",
      source: "",
      note: "",
      terms: [
        { language: "fr", text: "Bahreïn", status: "preferred", match: "exact" },
        { language: "en", text: "Bahrain", status: "preferred", match: "exact" },
      ],
    },
    db,
  );
  const pair = createAlignedPair({ sourceDocumentId: document("en", ENGLISH), targetDocumentId: document("fr", FRENCH), title: "Manama" }, db);
  expect(getEditor(pair.id, db)!.links.map((l) => `${l[1]}-${l[3]}`)).toEqual(["1-1", "1-1", "1-1", "1-1"]);
  return pair.id;
}

describe("a French document with an Arabic line", () => {
  it("has no terminology finding on the Arabic line, and keeps those on its French lines", async () => {
    const id = mixedPair();
    const { rows } = await pairFindings(id, db);
    const findingsOf = (link: number) => rows.find((r) => r.link === link)?.findings.map((f) => f.kind) ?? [];
    // Link 1: "Manama, Bahrain" and the Arabic line: not checked as French.
    expect(findingsOf(1)).toEqual([]);
    // Link 2: "Bahrain" rendered "Bahreïn": a hit on both sides, no finding.
    expect(findingsOf(2)).toEqual([]);
    expect(rows.find((r) => r.link === 2)?.hits.map((h) => `${h.side}:${h.text}`)).toEqual(["en:Bahrain", "fr:Bahreïn"]);
    // Link 3: a French line without "Bahreïn": still found.
    expect(findingsOf(3)).toEqual(["missing-fr"]);
  });
});
