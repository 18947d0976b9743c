/**
 * The pairs whose terminology is measured by hand (issue 12, items 10 and 12): the demo pairs (MLA Act, UDHR) and
 * the Bank Act pair, made as the app makes them in a temporary database with the starter glossary.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { glossarySnapshot } from "../app/models/glossary-snapshot.server";
import { pairUnits } from "../app/models/pair-units.server";
import type { Unit } from "../alignments/terms/checks";
import type { Term } from "../alignments/terms/match";
import { openDatabase, type Db } from "../db/client.server";
import { pairs } from "../db/schema";
import { corpusSeeds, demoSeeds, seed, seedPairs, seedStarterGlossary } from "../app/models/seeds.server";
import { BANK_PAIR_KEY, ensureBankPair } from "./bank-pair";

export const MLA_PAIR_KEY = "pair:demo:canada-mla-act";
export const UDHR_PAIR_KEY = "pair:demo:udhr";
/** How many of the top term candidates are judged. */
export const CANDIDATES_JUDGED = 50;

export interface TermsPairs {
  db: Db;
  idOf(sourceKey: string): number;
  unitsOf(sourceKey: string): Unit[];
  /** The starter glossary as the app holds it. */
  terms: Term[];
  close(): void;
}

/** The three pairs in a temporary database (about 10 s: the Bank Act is imported and aligned). */
export function openTermsPairs(): TermsPairs {
  const dir = mkdtempSync(join(tmpdir(), "tandem-terms-pairs-"));
  const db = openDatabase(join(dir, "pairs.sqlite"));
  seed({ db, seeds: [...corpusSeeds(), ...demoSeeds()] });
  seedStarterGlossary({ db });
  seedPairs({ db });
  ensureBankPair(db);
  const idOf = (sourceKey: string) => {
    const pair = db.select({ id: pairs.id }).from(pairs).where(eq(pairs.sourceKey, sourceKey)).get();
    if (!pair) throw new Error(`${sourceKey} is missing: are the shared corpora in ../shared/corpora?`);
    return pair.id;
  };
  return {
    db,
    idOf,
    unitsOf: (sourceKey) => pairUnits(idOf(sourceKey), db).units,
    terms: glossarySnapshot(db).terms,
    close: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
