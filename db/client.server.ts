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

export interface OpenOptions {
  /**
   * How long a statement waits, blocking its thread, for another connection's write lock before SQLITE_BUSY
   * (default 5000 ms: scripts, set-up and workers). The server's own connection waits a few ms only and retries
   * without blocking (app/models/busy.server.ts).
   */
  busyTimeoutMs?: number;
  /** Run the committed migrations (default true). A worker opening the server's file skips them: the server ran them. */
  migrate?: boolean;
  /**
   * A second connection to a file the server already opened (an export's snapshot): the file must exist, and it is
   * neither created, migrated nor switched to WAL.
   */
  existing?: boolean;
  /**
   * Read only (the compute worker's corpus reads): like `existing`, and the connection never writes.
   */
  readOnly?: boolean;
}

/**
 * Opens a database file, with WAL and foreign keys, and brings its schema up to date: every connection of the
 * project (server, set-up, scripts, workers, an export's snapshot) is opened here, so they all get the same settings.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const { readOnly = false } = options;
  const existing = readOnly || (options.existing ?? false);
  if (!existing && file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = existing ? new Database(file, { readonly: readOnly, fileMustExist: true }) : new Database(file);
  // WAL stays with the file once set: a connection to an existing file leaves the mode as its creator set it.
  if (!existing) sqlite.pragma("journal_mode = WAL");
  if (!readOnly) sqlite.pragma("foreign_keys = ON");
  // Migrations wait as long as anything else would; the connection's own wait is set after them.
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema });
  if (!existing && (options.migrate ?? true)) migrate(db, { migrationsFolder: migrationsFolder() });
  setBusyTimeout(db, options.busyTimeoutMs ?? 5000);
  return db;
}

/** How long this connection's statements wait for another connection's write lock, blocking the thread. */
export function setBusyTimeout(db: Db, ms: number): void {
  db.$client.pragma(`busy_timeout = ${Math.max(0, Math.round(ms))}`);
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
