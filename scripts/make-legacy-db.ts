/**
 * `tsx scripts/make-legacy-db.ts OUT.sql`: builds, with the code of the commit it runs at, a small database holding
 * one of everything a schema migration must carry (issue 14 item 2): documents, pairs aligned, links confirmed, edits
 * of every kind with an undo and a redo, a segment change recorded in two pairs, renames, glossary entries with an
 * accepted finding, a memory import. Writes its SQL dump (sqlite3's .dump), headed by the commit that made it, so a
 * migration test can load the database an older Tandem left behind. The texts are made up for this fixture.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { importDocument } from "../app/models/documents.server";
import { applyEdit } from "../app/models/editor.server";
import { acceptFinding } from "../app/models/finding-acceptances.server";
import { createEntry } from "../app/models/glossary.server";
import { importMemory } from "../app/models/memories.server";
import { pairFindings } from "../app/models/pair-findings.server";
import { createAlignedPair } from "../app/models/pairs.server";
import { renameDocument, renamePair } from "../app/models/renames.server";
import { openDatabase } from "../db/client.server";

const out = process.argv[2];
if (!out) throw new Error("usage: tsx scripts/make-legacy-db.ts OUT.sql");

const ENGLISH = [
  "Part 1",
  "The harbour office opens at 8 o'clock every weekday.",
  "Boats longer than 12 metres moor at the north quay.",
  "Mutual legal assistance is given within 30 days.",
  "The request shall be sent to the harbour master.",
  "Fees are paid at the counter.",
  "Human rights are protected.",
];
const FRENCH = [
  "Partie 1",
  "La capitainerie ouvre à 8 heures chaque jour ouvrable.",
  "Les bateaux de plus de 12 mètres s'amarrent au quai nord.",
  "L'entraide judiciaire est accordée dans les 30 jours.",
  "La demande d'entraide judiciaire est envoyée au capitaine du port.",
  "Les droits sont payés au guichet.",
  "Les droits de l'homme sont protégés dans les 15 jours.",
];

const MEMORY = `<?xml version="1.0" encoding="utf-8"?>
<tmx version="1.4">
  <header creationtool="Fixture" creationtoolversion="1" segtype="sentence" adminlang="en" srclang="en" o-tmf="none" datatype="plaintext"/>
  <body>
    <tu creationid="ANNA" creationdate="20240305T091502Z"><tuv xml:lang="en-CA"><seg>The lighthouse is closed in winter.</seg></tuv><tuv xml:lang="fr-CA"><seg>Le phare est fermé en hiver.</seg></tuv></tu>
    <tu creationid="ANNA" changeid="BRUNO" changedate="20240311T142210Z"><tuv xml:lang="en-CA"><seg>Tickets are sold at the gate.</seg></tuv><tuv xml:lang="fr-CA"><seg>Les billets sont vendus à l'entrée.</seg></tuv></tu>
  </body>
</tmx>
`;

const dir = mkdtempSync(path.join(tmpdir(), "tandem-legacy-"));
const file = path.join(dir, "legacy.sqlite");
try {
  const db = openDatabase(file);
  const term = (language: "en" | "fr", text: string) => ({ language, text, status: "preferred" as const, match: "inflected" as const });
  createEntry({ key: "", domain: "law", source: "fixture", note: "", terms: [term("fr", "entraide judiciaire"), term("en", "mutual legal assistance")] }, db);
  createEntry({ key: "", domain: "", source: "", note: "", terms: [term("fr", "droits de l'homme"), term("en", "human rights")] }, db);

  const en = importDocument({ title: "Harbour rules", raw: ENGLISH.join("\n"), language: "en", origin: "import", presegmented: true }, db);
  const fr = importDocument({ title: "Règlement du port", raw: FRENCH.join("\n"), language: "fr", origin: "import", presegmented: true }, db);
  const first = createAlignedPair({ sourceDocumentId: en.id, targetDocumentId: fr.id, title: "Harbour" }, db).id;
  const second = createAlignedPair({ sourceDocumentId: en.id, targetDocumentId: fr.id, title: "Harbour, second review" }, db).id;

  let version = 0;
  const edit = (pairId: number, operation: Parameters<typeof applyEdit>[0]["operation"], user = "Marie") => {
    version = applyEdit({ pairId, version, operation, user }, db).version;
  };
  version = db.$client.prepare("SELECT version FROM pairs WHERE id = ?").pluck().get(first) as number;
  edit(first, { name: "confirm", link: 0 });
  edit(first, { name: "merge", link: 1 });
  edit(first, { name: "split", link: 1, sourceCount: 1, targetCount: 1 });
  edit(first, { name: "shift-down", link: 2, side: "fr" }, "Paul");
  edit(first, { name: "shift-up", link: 3, side: "fr" }, "Paul");
  edit(first, { name: "confirm-through", link: 2 });
  edit(first, { name: "split-segment", side: "en", segment: 1, caret: 24 });
  edit(first, { name: "edit-segment", side: "fr", segment: 5, text: "Les droits sont payés au guichet du port." });
  edit(first, { name: "merge", link: 4 });
  edit(first, { name: "undo" });
  edit(first, { name: "undo" }, "Paul");
  edit(first, { name: "redo" });
  renamePair(first, "Harbour rules, reviewed", "Marie", db);

  version = db.$client.prepare("SELECT version FROM pairs WHERE id = ?").pluck().get(second) as number;
  edit(second, { name: "confirm", link: 3 }, "Ada");
  edit(second, { name: "unconfirm", link: 3 }, "Ada");
  edit(second, { name: "confirm", link: 4 }, "Ada");
  edit(second, { name: "merge-segments", side: "en", segment: 1 }, "Ada");
  renameDocument(en.id, "Harbour rules (2024)", "Ada", db);

  const findings = await pairFindings(second, db);
  const row = findings.rows.find((r) => r.findings.length > 0);
  if (!row) throw new Error("the fixture's pair has no finding to accept");
  await acceptFinding(second, { unit: row.unit, key: row.findings[0].key, note: "Checked with the translator.", user: "Ada" }, db);

  importMemory({ name: "lighthouse.tmx", bytes: new TextEncoder().encode(MEMORY) }, db);
  await globalThis.__tandemComputeWorker?.close?.();
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();

  const commit = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim();
  const dump = execFileSync("sqlite3", [file, ".dump"], { encoding: "utf8", maxBuffer: 64 << 20 });
  writeFileSync(out, `-- A database made by Tandem at commit ${commit} (scripts/make-legacy-db.ts), dumped with sqlite3 .dump.\n${dump}`);
  console.log(`wrote ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
