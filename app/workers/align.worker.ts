/**
 * Runs one alignment off the server's main thread, reading its input and storing its result from here too
 * (decision 18). The queue (app/models/alignment-queue.server.ts) claims the job, then starts this file from source
 * through tsx with the database file, the pair, the job's kind and its claimant in `workerData`; it posts back
 * progress fractions, then whether the result was stored (or why not). This thread has its own connection to the
 * file, so the server's event loop never reads a large pair's segments, nor spends its inserts or waits for the lock.
 */
import { parentPort, workerData } from "node:worker_threads";
import { alignSegments } from "../../alignments/align/aligner";
import { openDatabase, type Db } from "../../db/client.server";
import { JOBS, jobInput, type AlignmentInput } from "../models/alignment-jobs.server";
import { AlignmentRejected } from "../models/pairs.server";

export type AlignJob = AlignmentInput;

/** The job: the database file, the pair, the job's kind and its claimant (the server's lease id). */
export interface AlignTask {
  file: string;
  pairId: number;
  kind: "align" | "realign";
  holder: string;
}

export type AlignMessage =
  | { type: "progress"; fraction: number }
  /** `stored` false: the pair was deleted, changed or re-queued meanwhile (a realignment says why on the pair). */
  | { type: "done"; stored: boolean; en: number; fr: number; fixed: number; links: number; ms: number; storeMs: number }
  /** The aligner failed. */
  | { type: "error"; message: string }
  /** The result could not be stored; `rejected`: it did not fit the documents (the message says so to a person). */
  | { type: "store-failed"; message: string; rejected: boolean };

/** The worker may wait, blocking only itself, for a server's or a script's write to finish. */
const STORE_WAIT_MS = 30_000;

const task = workerData?.task as AlignTask | undefined;
const post = (message: AlignMessage) => parentPort?.postMessage(message);

function store(db: Db, job: AlignJob, alignment: ReturnType<typeof alignSegments>, ms: number): void {
  const started = performance.now();
  try {
    const stored = JOBS[task!.kind].store(job.pairId, alignment, db, task!.holder);
    const counts = { en: job.en.length, fr: job.fr.length, fixed: job.fixed?.length ?? 0, links: alignment.links.length };
    post({ type: "done", stored, ...counts, ms, storeMs: Math.round(performance.now() - started) });
  } catch (error) {
    post({ type: "store-failed", message: error instanceof Error ? error.message : String(error), rejected: error instanceof AlignmentRejected });
  }
}

function run({ file, pairId, kind }: AlignTask): void {
  const db = openDatabase(file, { migrate: false, busyTimeoutMs: STORE_WAIT_MS });
  try {
    const job: AlignJob | null = jobInput(kind, pairId, db);
    if (!job) {
      post({ type: "done", stored: false, en: 0, fr: 0, fixed: 0, links: 0, ms: 0, storeMs: 0 });
      return;
    }
    const started = performance.now();
    let alignment: ReturnType<typeof alignSegments>;
    try {
      alignment = alignSegments(job.en, job.fr, {
        lexicon: job.lexicon,
        languages: job.languages,
        fixed: job.fixed,
        onProgress: (fraction) => post({ type: "progress", fraction }),
      });
    } catch (error) {
      post({ type: "error", message: error instanceof Error ? error.message : String(error) });
      return;
    }
    store(db, job, alignment, Math.round(performance.now() - started));
  } finally {
    db.$client.close();
  }
}

if (task) run(task);
