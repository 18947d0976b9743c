/**
 * The Canada Bank Act pair (../shared/corpora/canada-bank-act, 11,699 × 11,343 units, 11,364 links), created through
 * the import and pair models like any user's pair, for the editor's benchmark and scale checks. Its documents are cut
 * as the import form cuts the two files (one segment per line, every line body: no keys file), so the figures
 * measured on it are those of the pair a user builds in the app (decision 0021). Idempotent: the documents and the
 * pair carry stable source keys.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { importDocument } from "../app/models/documents.server";
import { createAlignedPair } from "../app/models/pairs.server";
import type { Db } from "../db/client.server";
import { documents, pairs } from "../db/schema";
import { corporaDir } from "../app/models/seeds.server";

export const BANK_PAIR_KEY = "pair:bench:canada-bank-act";

export function bankActFiles(dir = corporaDir()): { en: string; fr: string } | null {
  if (!dir) return null;
  const en = path.join(dir, "canada-bank-act", "B-1.01.en");
  const fr = path.join(dir, "canada-bank-act", "B-1.01.fr");
  return existsSync(en) && existsSync(fr) ? { en, fr } : null;
}

/** The Bank Act pair's id, creating (and aligning, ~4 s) it first if needed. */
export function ensureBankPair(db: Db, log: (line: string) => void = () => {}): number {
  const existing = db.select({ id: pairs.id }).from(pairs).where(eq(pairs.sourceKey, BANK_PAIR_KEY)).get();
  if (existing) return existing.id;
  const { en, fr } = ensureBankDocuments(db, log);
  const { id, linkCount, ms } = createAlignedPair({ sourceDocumentId: en, targetDocumentId: fr, sourceKey: BANK_PAIR_KEY }, db);
  log(`aligned the Bank Act pair: ${linkCount} links in ${ms} ms`);
  return id;
}

/** The Bank Act's two documents (English, French), imported first if needed. */
export function ensureBankDocuments(db: Db, log: (line: string) => void = () => {}): { en: number; fr: number } {
  const files = bankActFiles();
  if (!files) throw new Error("The Bank Act is not in the shared corpora (../shared/corpora/canada-bank-act).");
  const document = (file: string, language: "en" | "fr", title: string) => {
    const key = `bench:canada-bank-act/${path.basename(file)}`;
    const found = db.select({ id: documents.id }).from(documents).where(eq(documents.sourceKey, key)).get();
    if (found) return found.id;
    const started = performance.now();
    const { id, segmentCount } = importDocument(
      {
        title,
        raw: readFileSync(file, "utf8"),
        language,
        origin: "demo",
        description: "Canada’s Bank Act, one unit per line (benchmark). Open Government Licence – Canada.",
        sourceName: path.basename(file),
        sourceKey: key,
        encoding: "utf-8",
        presegmented: { cleanUp: true },
      },
      db,
    );
    log(`imported ${path.basename(file)}: ${segmentCount} segments in ${Math.round(performance.now() - started)} ms`);
    return id;
  };
  return { en: document(files.en, "en", "Bank Act (Canada)"), fr: document(files.fr, "fr", "Loi sur les banques (Canada)") };
}
