import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../../db/client.server";

/** A fresh database file in a temporary folder, migrated; `dispose` closes and deletes it. */
export function tempDatabase(): { db: Db; file: string; dispose: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "tandem-test-"));
  const file = path.join(dir, "test.sqlite");
  const db = openDatabase(file);
  return {
    db,
    file,
    dispose: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
