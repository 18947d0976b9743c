import { setTimeout as sleep } from "node:timers/promises";
import { getDb, type Db } from "../../db/client.server";

/**
 * Writes that wait for the database without blocking the server (decision 18). SQLite lets one connection write
 * at a time; the others get SQLITE_BUSY after their busy timeout, which better-sqlite3 spends in a synchronous
 * wait that stops the whole event loop. The server's connection waits a few milliseconds only
 * (SERVER_BUSY_TIMEOUT_MS); a write that still finds the database locked (an alignment or an import being stored
 * by a worker, a script, set-up) is run again after a pause, the event loop free meanwhile, until WRITE_DEADLINE_MS;
 * then the request answers 503 with BUSY_MESSAGE (entry.server.tsx marks it, server/app-server.mjs answers).
 */

/** The server connection's synchronous wait for a lock: short enough not to be felt, long enough for a quick write. */
export const SERVER_BUSY_TIMEOUT_MS = 5;
/** How long a request's write keeps trying before it answers 503. */
export const WRITE_DEADLINE_MS = 3_000;

export const BUSY_MESSAGE = "Tandem is busy with another change, try again in a moment.";

/** The database stayed locked by another connection for the whole deadline: nothing was written. */
export class DatabaseBusy extends Error {
  readonly status = 503;
  constructor() {
    super(BUSY_MESSAGE);
    this.name = "DatabaseBusy";
  }
}

/** SQLITE_BUSY and its variants (SQLITE_BUSY_SNAPSHOT: another connection wrote since this transaction read). */
export function isBusyError(error: unknown): boolean {
  if (error instanceof DatabaseBusy) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

export interface WriteRetry {
  /** Give up after this long (default WRITE_DEADLINE_MS). */
  deadlineMs?: number;
  /** Called before each pause (tests count the attempts). */
  onBusy?: (attempt: number) => void;
}

/**
 * Runs `write` (a model function that makes one write transaction, or several that can run again) on `db`; when
 * it meets another connection's lock it is run again after 10, 20, 40… ms (at most 250, with jitter) until the
 * deadline, then DatabaseBusy. A transaction that met SQLITE_BUSY was rolled back whole, so running it again is
 * safe; every other error is the caller's.
 */
export async function whenWritable<T>(write: (db: Db) => T | Promise<T>, db: Db = getDb(), options: WriteRetry = {}): Promise<T> {
  const deadline = Date.now() + (options.deadlineMs ?? WRITE_DEADLINE_MS);
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(db);
    } catch (error) {
      if (!isBusyError(error) || error instanceof DatabaseBusy) throw error;
      const pause = Math.min(250, 10 * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2);
      if (Date.now() + pause > deadline) throw new DatabaseBusy();
      options.onBusy?.(attempt);
      await sleep(pause);
    }
  }
}
