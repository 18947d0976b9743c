import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { getDb, type Db } from "../../db/client.server";
import { describeLease, liveLease } from "../../db/lease.server";
import type { AlignMessage, AlignTask } from "../workers/align.worker";
import { whenWritable } from "./busy.server";
import { JOBS, type JobKind } from "./alignment-jobs.server";
import { recoverInterruptedPairs } from "./pairs.server";

/**
 * Alignments run one at a time, each in a worker thread, so the server keeps answering while a long pair
 * (the Bank Act: ~11k segments a side) aligns. The worker is app/workers/align.worker.ts, run from source
 * through tsx (a dependency): the production server is one bundle (build/index.js) that does not contain
 * it. Node 20 does not apply `execArgv: ["--import", "tsx"]` to a worker's entry file, so the thread
 * starts at app/workers/start.mjs, which loads the TypeScript entry with tsx's `tsImport`.
 *
 * The worker also reads its input and stores its result, on its own connection (decision 18); this thread claims
 * a job (one small write), records progress and failures, each through whenWritable, so none of them waits for
 * the write lock with the event loop stopped.
 */

/** The folder of the worker files (holding start.mjs and `entry`): TANDEM_WORKERS, else app/workers/ under the working directory or beside app/models/. */
export function workersFolder(entry = "align.worker.ts"): string {
  const candidates = [
    process.env.TANDEM_WORKERS,
    path.resolve(process.cwd(), "app/workers"),
    fileURLToPath(new URL("../workers", import.meta.url)),
  ];
  for (const candidate of candidates) {
    if (candidate && existsSync(path.join(candidate, "start.mjs")) && existsSync(path.join(candidate, entry))) return candidate;
  }
  throw new Error(`Tandem cannot find its worker ${entry} (looked in ${candidates.filter(Boolean).join(", ")}).`);
}

export interface QueueOptions {
  /** Least time between two progress writes, in ms (default 250). */
  progressInterval?: number;
  /**
   * Let the process exit while a worker runs (the server: on Ctrl-C or SIGTERM server/index.mjs closes its socket and
   * waits for the event loop, which a running alignment would keep alive for seconds, then start the next one).
   * The interrupted pair is still "aligning", with no links, and is queued again at the next start.
   */
  unref?: boolean;
  log?: (line: string) => void;
  /** The claimant of this queue's jobs: the server's lease holder id (default: a new random id). */
  holder?: string;
}

/** A job's bookkeeping writes (claim, failure) wait this long for the lock before they give up. */
const BOOKKEEPING_DEADLINE_MS = 30_000;

export type { JobKind };

/** How a job's failure starts, in the pair's message. Each kind's claim, progress and failure are JOBS[kind]'s. */
const FAILED: Record<JobKind, string> = { align: "The alignment", realign: "The realignment" };

export class AlignmentQueue {
  private waiting: Array<{ pairId: number; kind: JobKind }> = [];
  /** The job running: claimed (`worker` null until its input is read) or in its worker. */
  private current: { pairId: number; kind: JobKind; worker: Worker | null; cancelled: boolean } | null = null;
  private idleWaiters: Array<() => void> = [];
  private readonly interval: number;
  readonly holder: string;

  constructor(
    private readonly db: Db,
    private readonly options: QueueOptions = {},
  ) {
    this.interval = options.progressInterval ?? 250;
    this.holder = options.holder ?? randomUUID();
  }

  /** Puts a queued pair in line (or a pair to realign, `kind` "realign"); it starts as soon as the jobs before it are done. */
  enqueue(pairId: number, kind: JobKind = "align"): void {
    if (this.current?.pairId === pairId || this.waiting.some((job) => job.pairId === pairId)) return;
    this.waiting.push({ pairId, kind });
    this.pump();
  }

  /** Queues again every pair a stopped server left queued or aligning (their links were never written). */
  resume(): number[] {
    const ids = recoverInterruptedPairs(this.db);
    for (const id of ids) this.enqueue(id);
    return ids;
  }

  /** Forgets a pair (deleted): drops it from the line, or stops its worker. */
  cancel(pairId: number): void {
    this.waiting = this.waiting.filter((job) => job.pairId !== pairId);
    if (this.current?.pairId === pairId) {
      this.current.cancelled = true;
      void this.current.worker?.terminate();
    }
  }

  /** 0 while the pair aligns, k when k alignments are ahead of it, null when it is not in the queue. */
  place(pairId: number): number | null {
    if (this.current?.pairId === pairId) return 0;
    const index = this.waiting.findIndex((job) => job.pairId === pairId);
    return index < 0 ? null : index + (this.current ? 1 : 0);
  }

  get busy(): boolean {
    return this.current !== null || this.waiting.length > 0;
  }

  /** Resolves when nothing is running or waiting. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops the running worker and empties the line (tests, shutdown); the pairs stay queued or aligning. */
  async close(): Promise<void> {
    this.waiting = [];
    const current = this.current;
    if (current) {
      current.cancelled = true;
      await current.worker?.terminate();
    }
  }

  /** A bookkeeping write through whenWritable; a failure is logged, the queue goes on. */
  private async write(pairId: number, what: string, write: (db: Db) => void): Promise<void> {
    try {
      await whenWritable(write, this.db, { deadlineMs: BOOKKEEPING_DEADLINE_MS });
    } catch (error) {
      this.options.log?.(`pair ${pairId}: could not record ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private pump(): void {
    if (this.current) return;
    const next = this.waiting.shift();
    if (!next) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
      return;
    }
    const current = { ...next, worker: null, cancelled: false };
    this.current = current;
    void this.claim(current).then((started) => {
      if (started) return;
      if (this.current === current) this.current = null;
      this.pump();
    });
  }

  /** Claims the job and starts its worker; false when there is nothing to run (gone, claimed elsewhere, failed). */
  private async claim(current: NonNullable<AlignmentQueue["current"]>): Promise<boolean> {
    const { pairId, kind } = current;
    const life = JOBS[kind];
    try {
      const claimed = await whenWritable((db) => life.claim(pairId, db, this.holder), this.db, { deadlineMs: BOOKKEEPING_DEADLINE_MS });
      if (!claimed || current.cancelled) return false;
      this.start(current);
      return true;
    } catch (error) {
      const message = `${FAILED[kind]} could not start: ${error instanceof Error ? error.message : String(error)}`;
      this.options.log?.(`pair ${pairId}: ${message}`);
      await this.write(pairId, "the failure", (db) => life.fail(pairId, message, db));
      return false;
    }
  }

  private start(current: NonNullable<AlignmentQueue["current"]>): void {
    const { pairId, kind } = current;
    const life = JOBS[kind];
    const folder = workersFolder();
    const task: AlignTask = { file: this.db.$client.name, pairId, kind, holder: this.holder };
    const worker = new Worker(path.join(folder, "start.mjs"), {
      workerData: { entry: pathToFileURL(path.join(folder, "align.worker.ts")).href, task },
      // A small young generation keeps the Bank Act's peak under 150 MB at no cost in speed (npm run bench:scale).
      resourceLimits: { maxYoungGenerationSizeMb: 6 },
    });
    current.worker = worker;
    const started = performance.now();
    let settled = false;
    let lastWrite = 0;
    let pending: number | null = null;
    let timer: NodeJS.Timeout | null = null;
    /** Bookkeeping still being written; the next job starts after it. */
    let writing: Promise<void> = Promise.resolve();

    const flush = () => {
      timer = null;
      if (pending === null || settled) return;
      const fraction = pending;
      pending = null;
      lastWrite = Date.now();
      // Progress is only shown: a write that meets the lock is dropped, the next one says more.
      try {
        life.progress(pairId, fraction, this.db);
      } catch {
        // SQLITE_BUSY after the connection's short wait.
      }
    };
    const finish = (outcome: () => Promise<void> | void) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      writing = Promise.resolve(outcome());
    };
    const fail = (message: string) => {
      this.options.log?.(`pair ${pairId}: ${message}`);
      return this.write(pairId, "the failure", (db) => life.fail(pairId, message, db));
    };

    worker.on("message", (message: AlignMessage) => {
      if (message.type === "progress") {
        pending = message.fraction;
        const wait = lastWrite + this.interval - Date.now();
        if (wait <= 0) flush();
        else if (!timer) {
          timer = setTimeout(flush, wait);
          if (this.options.unref) timer.unref();
        }
      } else if (message.type === "done") {
        finish(() => {
          if (current.cancelled || !message.stored) return;
          this.options.log?.(
            `pair ${pairId}: ${message.en}×${message.fr} segments ${kind === "align" ? "aligned" : `realigned around ${message.fixed} confirmed links`} in ${message.ms} ms, stored in ${message.storeMs} ms by the worker (${Math.round(performance.now() - started)} ms with the worker), ${message.links} links`,
          );
        });
      } else if (message.type === "store-failed") {
        finish(() => {
          if (current.cancelled) return;
          return fail(message.rejected ? message.message : `Tandem could not store the ${kind === "align" ? "alignment" : "realignment"}: ${message.message}`);
        });
      } else if (message.type === "error") {
        finish(() => fail(`The aligner stopped with an error: ${message.message}`));
      }
    });
    worker.on("error", (error) => {
      finish(() => fail(`${FAILED[kind]} could not run: ${error.message}`));
    });
    worker.on("exit", (code) => {
      finish(() => {
        if (!current.cancelled) return fail(`${FAILED[kind]} stopped unexpectedly (exit code ${code}).`);
      });
      void writing.then(() => {
        if (this.current === current) this.current = null;
        this.pump();
      });
    });
    // After the listeners: adding a "message" listener refs the worker's port again.
    if (this.options.unref) worker.unref();
  }
}

declare global {
  // One queue per server process (survives module reloads in `remix dev`).
  // eslint-disable-next-line no-var
  var __tandemAlignmentQueue: AlignmentQueue | undefined;
}

/**
 * The server's queue. Created on first use, it re-queues what a stopped server left unfinished, so a
 * restart resumes interrupted alignments.
 */
export function alignmentQueue(holder?: string): AlignmentQueue {
  if (!globalThis.__tandemAlignmentQueue) {
    const db = getDb();
    const queue = new AlignmentQueue(db, { log: (line) => console.log(line), unref: true, holder });
    globalThis.__tandemAlignmentQueue = queue;
    // Under `npm run serve` this process holds the lease (serving.server.ts); another live holder (a server
    // beside `remix dev`) owns the interrupted jobs, which are its own.
    const other = liveLease(db);
    if (other && other.holder !== queue.holder) {
      console.log(`alignments not resumed: the Tandem server ${describeLease(other)} uses this database and resumes its own`);
    } else {
      const resumed = queue.resume();
      if (resumed.length > 0) console.log(`alignments resumed after a restart: pairs ${resumed.join(", ")}`);
    }
  }
  return globalThis.__tandemAlignmentQueue;
}
