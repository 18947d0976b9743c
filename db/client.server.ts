import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = "data/tandem.sqlite";

/**
 * The committed migrations. Under tsx or vitest they sit next to this file; in the Remix server bundle
 * (build/index.js) this file's URL is the bundle's, so fall back to the project root (the working directory).
 */
function migrationsFolder(): string {
  const candidates = [
    process.env.TANDEM_MIGRATIONS,
    fileURLToPath(new URL("./migrations", import.meta.url)),
    path.resolve(process.cwd(), "db/migrations"),
  ];
  for (const candidate of candidates) {
    if (candidate && existsSync(path.join(candidate, "meta", "_journal.json"))) return candidate;
  }
  throw new Error(`Tandem cannot find its database migrations (looked in ${candidates.filter(Boolean).join(", ")}).`);
}

/**
 * Opens (creating if needed) a database file, with WAL and foreign keys, and brings its schema up to date
 * unless `migrate` is false (a worker's second connection to a database the server has already migrated).
 */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema });
  if (options.migrate !== false) migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

declare global {
  // Survives module reloads in `remix dev`.
  // eslint-disable-next-line no-var
  var __tandemDb: Db | undefined;
}

/** The application's database, opened on first use at DATABASE_PATH (default data/tandem.sqlite). */
export function getDb(): Db {
  if (!globalThis.__tandemDb) {
    globalThis.__tandemDb = openDatabase(process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH);
  }
  return globalThis.__tandemDb;
}

/** Closes the application's database (tests and scripts). */
export function closeDb(): void {
  globalThis.__tandemDb?.$client.close();
  globalThis.__tandemDb = undefined;
}
