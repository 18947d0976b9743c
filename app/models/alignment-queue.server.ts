import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { getDb, type Db } from "../../db/client.server";
import type { AlignJob, AlignMessage } from "../workers/align.worker";
import { beginRealignment, failRealignment, recordRealignProgress, storeRealignment } from "./editor.server";
import { AlignmentRejected, beginAlignment, failPair, recordProgress, recoverInterruptedPairs, storeAlignment } from "./pairs.server";

/**
 * Alignments run one at a time, each in a worker thread, so the server keeps answering while a long pair
 * (the Bank Act: ~11k segments a side) aligns. The worker is app/workers/align.worker.ts, run from source
 * through tsx (a dependency): the production server is one bundle (build/index.js) that does not contain
 * it. Node 20 does not apply `execArgv: ["--import", "tsx"]` to a worker's entry file, so the thread
 * starts at app/workers/start.mjs, which loads the TypeScript entry with tsx's `tsImport`.
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
}

/**
 * align: a new pair's whole alignment (the pair is queued → aligning → ready). realign: the unconfirmed links
 * of a ready pair, around its confirmed ones (the pair stays ready, its links untouched until the result is stored).
 */
export type JobKind = "align" | "realign";

/** How each kind of job starts, reports and ends. */
const LIFECYCLE = {
  align: {
    begin: beginAlignment,
    progress: recordProgress,
    store: storeAlignment,
    fail: failPair,
    failed: "The alignment",
  },
  realign: {
    begin: beginRealignment,
    progress: recordRealignProgress,
    store: storeRealignment,
    fail: failRealignment,
    failed: "The realignment",
  },
} satisfies Record<JobKind, unknown>;

export class AlignmentQueue {
  private waiting: Array<{ pairId: number; kind: JobKind }> = [];
  private current: { pairId: number; kind: JobKind; worker: Worker; cancelled: boolean } | null = null;
  private idleWaiters: Array<() => void> = [];
  private readonly interval: number;

  constructor(
    private readonly db: Db,
    private readonly options: QueueOptions = {},
  ) {
    this.interval = options.progressInterval ?? 250;
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
      void this.current.worker.terminate();
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
      await current.worker.terminate();
    }
  }

  private pump(): void {
    while (!this.current && this.waiting.length > 0) {
      const { pairId, kind } = this.waiting.shift()!;
      const life = LIFECYCLE[kind];
      try {
        const input = life.begin(pairId, this.db);
        if (input) this.start(input, kind);
      } catch (error) {
        this.current = null;
        const message = `${life.failed} could not start: ${error instanceof Error ? error.message : String(error)}`;
        this.options.log?.(`pair ${pairId}: ${message}`);
        life.fail(pairId, message, this.db);
      }
    }
    if (!this.current && this.waiting.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private start(job: AlignJob, kind: JobKind): void {
    const { pairId } = job;
    const life = LIFECYCLE[kind];
    const folder = workersFolder();
    const worker = new Worker(path.join(folder, "start.mjs"), {
      workerData: { entry: pathToFileURL(path.join(folder, "align.worker.ts")).href, job },
      // A small young generation keeps the Bank Act's peak under 150 MB at no cost in speed (npm run bench:scale).
      resourceLimits: { maxYoungGenerationSizeMb: 6 },
    });
    const current = { pairId, kind, worker, cancelled: false };
    this.current = current;
    const started = performance.now();
    let settled = false;
    let lastWrite = 0;
    let pending: number | null = null;
    let timer: NodeJS.Timeout | null = null;

    const flush = () => {
      timer = null;
      if (pending === null || settled) return;
      life.progress(pairId, pending, this.db);
      pending = null;
      lastWrite = Date.now();
    };
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      try {
        outcome();
      } catch (error) {
        const message =
          error instanceof AlignmentRejected
            ? error.message
            : `Tandem could not store the ${kind === "align" ? "alignment" : "realignment"}: ${error instanceof Error ? error.message : String(error)}`;
        this.options.log?.(`pair ${pairId}: ${message}`);
        life.fail(pairId, message, this.db);
      }
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
          if (current.cancelled) return;
          if (life.store(pairId, message.alignment, this.db)) {
            this.options.log?.(
              `pair ${pairId}: ${job.en.length}×${job.fr.length} segments ${kind === "align" ? "aligned" : `realigned around ${job.fixed?.length ?? 0} confirmed links`} in ${message.ms} ms (${Math.round(performance.now() - started)} ms with the worker), ${message.alignment.links.length} links`,
            );
          }
        });
      } else if (message.type === "error") {
        finish(() => life.fail(pairId, `The aligner stopped with an error: ${message.message}`, this.db));
      }
    });
    worker.on("error", (error) => {
      finish(() => life.fail(pairId, `${life.failed} could not run: ${error.message}`, this.db));
    });
    worker.on("exit", (code) => {
      finish(() => {
        if (!current.cancelled) life.fail(pairId, `${life.failed} stopped unexpectedly (exit code ${code}).`, this.db);
      });
      if (this.current === current) this.current = null;
      this.pump();
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
export function alignmentQueue(): AlignmentQueue {
  if (!globalThis.__tandemAlignmentQueue) {
    const queue = new AlignmentQueue(getDb(), { log: (line) => console.log(line), unref: true });
    globalThis.__tandemAlignmentQueue = queue;
    const resumed = queue.resume();
    if (resumed.length > 0) console.log(`alignments resumed after a restart: pairs ${resumed.join(", ")}`);
  }
  return globalThis.__tandemAlignmentQueue;
}
