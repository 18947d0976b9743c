import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { corpusSeeds, demoSeeds, seed, seedPairs, seedStarterGlossary } from "../app/models/seeds.server";
import { openDatabase, type Db } from "../db/client.server";

/**
 * A benchmark's database in a temporary folder named from `prefix`, holding what the app seeds (the corpus and demo
 * texts, the starter glossary, the demo pairs aligned). `remove` deletes the folder: call it in a `finally`; it is also
 * done here if seeding fails.
 */
export function demoDatabase(prefix: string): { db: Db; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const db = openDatabase(join(dir, "bench.sqlite"));
    seed({ db, seeds: [...corpusSeeds(), ...demoSeeds()] });
    seedStarterGlossary({ db });
    seedPairs({ db });
    return { db, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
