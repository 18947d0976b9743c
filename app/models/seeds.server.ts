import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import type { Language } from "../../alignments/languages";
import type { BlockKind } from "../../alignments/text/types";
import { getDb, type Db } from "../../db/client.server";
import { documents, pairs, seedLog } from "../../db/schema";
import { importDocument, type ImportInput } from "./documents.server";
import { seedGlossary } from "./glossary.server";
import { createAlignedPair } from "./pairs.server";

/*
 * Seeding is orchestration over the models (import, glossary, pairing), so it lives here, not in db/ (which the
 * models import: db/ importing them back made a cycle of layers). The seed data itself stays in db/corpus and
 * db/glossary, beside the migrations it was written for.
 */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CORPUS_DIR = path.join(PROJECT_ROOT, "db", "corpus");
export const STARTER_GLOSSARY = path.join(PROJECT_ROOT, "db", "glossary", "starter.csv");

/** The shared parallel corpora sit next to the project (../shared/corpora); TANDEM_CORPORA overrides. */
export function corporaDir(): string | null {
  const dir = process.env.TANDEM_CORPORA ?? path.resolve(PROJECT_ROOT, "..", "shared", "corpora");
  return existsSync(dir) ? dir : null;
}

interface CorpusEntry {
  file: string;
  title: string;
  language: Language;
  description: string;
}

/** A seed or demo document, ready for importDocument; `sourceKey` identifies it for ever. */
export type SeedDocument = Omit<ImportInput, "sourceKey"> & { sourceKey: string };

export function corpusSeeds(dir = CORPUS_DIR): SeedDocument[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, "corpus.json"), "utf8")) as { documents: CorpusEntry[] };
  return manifest.documents.map((entry) => ({
    title: entry.title,
    raw: readFileSync(path.join(dir, entry.file), "utf8"),
    language: entry.language,
    origin: "seed",
    description: entry.description,
    sourceName: entry.file,
    sourceKey: `seed:${entry.file}`,
    encoding: "utf-8",
  }));
}

/** Unit kinds of the Canadian acts (from NAME.keys): titles, headings and marginal notes are headings. */
export function canadianActKinds(keysFile: string): Array<BlockKind | undefined> {
  if (!existsSync(keysFile)) return [];
  return readFileSync(keysFile, "utf8")
    .split("\n")
    .map((key) => {
      const unit = key.replace(/#.*$/, "").split("/").pop() ?? "";
      return /^(LongTitle|ShortTitle|TitleText|MarginalNote|ScheduleFormHeading)$/.test(unit) ? "heading" : "body";
    });
}

/** The Universal Declaration: its title, "Preamble" and "Article N" lines are headings. */
function udhrKinds(raw: string): Array<BlockKind | undefined> {
  return raw
    .split("\n")
    .map((line, index) =>
      index === 0 || /^(Preamble|Préambule|Article (premier|\d+))$/.test(line.trim()) ? "heading" : "body",
    );
}

const DEMOS: Array<{ file: string; title: string; language: Language; description: string; kinds: "act" | "udhr" }> = [
  {
    file: "canada-mla-act/M-13.6.en",
    title: "Mutual Legal Assistance in Criminal Matters Act (Canada)",
    language: "en",
    description: "Canada’s Mutual Legal Assistance in Criminal Matters Act, official English version (co-drafted with the French); one unit per line. Open Government Licence – Canada.",
    kinds: "act",
  },
  {
    file: "canada-mla-act/M-13.6.fr",
    title: "Loi sur l’entraide juridique en matière criminelle (Canada)",
    language: "fr",
    description: "Canada’s Mutual Legal Assistance in Criminal Matters Act, official French version (co-drafted with the English); one unit per line. Open Government Licence – Canada.",
    kinds: "act",
  },
  {
    file: "udhr/udhr.en",
    title: "Universal Declaration of Human Rights",
    language: "en",
    description: "Universal Declaration of Human Rights (1948), English text, one paragraph per line. Public domain.",
    kinds: "udhr",
  },
  {
    file: "udhr/udhr.fr",
    title: "Déclaration universelle des droits de l’homme",
    language: "fr",
    description: "Universal Declaration of Human Rights (1948), French text, one paragraph per line. Public domain.",
    kinds: "udhr",
  },
];

/** Demo documents read from the shared corpora (never copied into the project); empty when they are absent. */
export function demoSeeds(dir: string | null = corporaDir()): SeedDocument[] {
  if (!dir) return [];
  return DEMOS.filter((demo) => existsSync(path.join(dir, demo.file))).map((demo) => {
    const raw = readFileSync(path.join(dir, demo.file), "utf8");
    const kinds = demo.kinds === "act" ? canadianActKinds(path.join(dir, `${demo.file}.keys`)) : udhrKinds(raw);
    return {
      title: demo.title,
      raw,
      language: demo.language,
      origin: "demo",
      description: demo.description,
      sourceName: path.basename(demo.file),
      sourceKey: `demo:${demo.file}`,
      encoding: "utf-8",
      presegmented: { kinds },
    };
  });
}

/**
 * Imports every seed that was never applied. Idempotent: seed_log remembers each applied key, so a restart
 * adds nothing twice, a seed the user deleted stays deleted, and one the user changed is never touched.
 */
export function seed(
  options: { db?: Db; seeds?: SeedDocument[]; log?: (line: string) => void } = {},
): { added: string[]; skipped: string[] } {
  const db = options.db ?? getDb();
  const seeds = options.seeds ?? [...corpusSeeds(), ...demoSeeds()];
  const added: string[] = [];
  const skipped: string[] = [];
  for (const item of seeds) {
    const applied = db.select().from(seedLog).where(eq(seedLog.sourceKey, item.sourceKey)).get();
    if (applied) {
      skipped.push(item.sourceKey);
      continue;
    }
    const existing = db.select({ id: documents.id }).from(documents).where(eq(documents.sourceKey, item.sourceKey)).get();
    if (existing) {
      // Present but unlogged (a database from before seed_log): record it, change nothing.
      db.insert(seedLog).values({ sourceKey: item.sourceKey }).run();
      skipped.push(item.sourceKey);
      continue;
    }
    const { segmentCount } = importDocument(item, db);
    added.push(item.sourceKey);
    options.log?.(`seeded ${item.sourceKey}: ${segmentCount} segments`);
  }
  return { added, skipped };
}

/** The demo pairs: the English original and French version of each demo bitext. */
export const DEMO_PAIRS: Array<{ sourceKey: string; en: string; fr: string }> = [
  { sourceKey: "pair:demo:canada-mla-act", en: "demo:canada-mla-act/M-13.6.en", fr: "demo:canada-mla-act/M-13.6.fr" },
  { sourceKey: "pair:demo:udhr", en: "demo:udhr/udhr.en", fr: "demo:udhr/udhr.fr" },
];

/**
 * Creates and aligns (on this thread: about a second each) the demo pairs whose two documents are in the
 * library. Idempotent like `seed`: seed_log remembers each pair, so a pair the user deleted stays deleted.
 * A pair whose documents are missing (no shared corpora) is not logged, so it comes once they are there.
 */
export function seedPairs(
  options: { db?: Db; specs?: typeof DEMO_PAIRS; log?: (line: string) => void } = {},
): { added: string[]; skipped: string[] } {
  const db = options.db ?? getDb();
  const added: string[] = [];
  const skipped: string[] = [];
  for (const spec of options.specs ?? DEMO_PAIRS) {
    if (db.select().from(seedLog).where(eq(seedLog.sourceKey, spec.sourceKey)).get()) {
      skipped.push(spec.sourceKey);
      continue;
    }
    if (db.select({ id: pairs.id }).from(pairs).where(eq(pairs.sourceKey, spec.sourceKey)).get()) {
      db.insert(seedLog).values({ sourceKey: spec.sourceKey }).run();
      skipped.push(spec.sourceKey);
      continue;
    }
    const find = (key: string) =>
      db.select({ id: documents.id, language: documents.language }).from(documents).where(eq(documents.sourceKey, key)).get();
    const en = find(spec.en);
    const fr = find(spec.fr);
    if (!en || !fr || en.language !== "en" || fr.language !== "fr") {
      skipped.push(spec.sourceKey);
      continue;
    }
    const { linkCount, ms } = createAlignedPair({ sourceDocumentId: en.id, targetDocumentId: fr.id, sourceKey: spec.sourceKey }, db);
    added.push(spec.sourceKey);
    options.log?.(`seeded ${spec.sourceKey}: ${linkCount} links, aligned in ${ms} ms`);
  }
  return { added, skipped };
}

/**
 * The starter glossary (db/glossary/starter.csv), entry by entry through seed_log: an entry the user deleted
 * stays deleted and one the user edited is not overwritten; a new entry added to the file comes at the next start.
 */
export function seedStarterGlossary(options: { db?: Db; file?: string } = {}): { added: string[]; skipped: string[] } {
  return seedGlossary(readFileSync(options.file ?? STARTER_GLOSSARY, "utf8"), options.db ?? getDb());
}
