import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { AlignmentQueue, type QueueOptions } from "../../app/models/alignment-queue.server";
import { closeDb, openDatabase, type Db } from "../../db/client.server";

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

/** How long a test that runs the alignment worker may take. */
export const WORKER_TIMEOUT = 60_000;

/**
 * A fresh database for each test of the file (tempDatabase), handed to `use` before the test. After it, `cleanUp`
 * runs first (close the alignment queue the test started: its worker holds the database), then the database goes.
 */
export function databasePerTest(use: (temp: { db: Db; file: string }) => void, cleanUp: () => unknown = () => {}): void {
  let dispose = () => {};
  beforeEach(() => {
    const temp = tempDatabase();
    dispose = temp.dispose;
    use(temp);
  });
  afterEach(async () => {
    await cleanUp();
    dispose();
  });
}

/**
 * databasePerTest for tests that run the alignment worker: `open` starts an alignment queue on the test's database, and
 * after the test that queue is closed (its worker holds the database) before the database goes.
 */
export function databaseAndQueuePerTest(use: (temp: { db: Db; file: string }) => void): { open: (options?: QueueOptions) => AlignmentQueue } {
  let db: Db;
  let queue: AlignmentQueue | null = null;
  databasePerTest(
    (temp) => {
      db = temp.db;
      use(temp);
    },
    async () => {
      await queue?.close();
      queue = null;
    },
  );
  return { open: (options) => (queue = new AlignmentQueue(db, options)) };
}

/**
 * Points the application's database (getDb, which the import worker is handed too) at a fresh temporary file for
 * the tests of this file or `describe`; afterwards the import worker, which holds a connection to it, is stopped.
 */
export function appDatabase(): void {
  let dispose = () => {};
  let previous: string | undefined;
  beforeAll(() => {
    const temp = tempDatabase();
    dispose = temp.dispose;
    previous = process.env.DATABASE_PATH;
    process.env.DATABASE_PATH = temp.file;
    closeDb();
  });
  afterAll(async () => {
    await globalThis.__tandemImportWorker?.close();
    closeDb();
    process.env.DATABASE_PATH = previous;
    dispose();
  });
}

/** The refusal `run` throws, which must be a `kind` (another error goes on up); a test then reads its status, message and field. */
export function refusedWith<E extends Error>(kind: new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected a ${kind.name}`);
}
