/**
 * Runs one alignment off the server's main thread, and stores its result from here too (decision 18). The queue
 * (app/models/alignment-queue.server.ts) starts this file from source through tsx, hands it both documents'
 * segments and the user's lexicon in `workerData`, with the database file and the job's claimant; it posts back
 * progress fractions, then whether the result was stored (or why not). The store opens its own connection to the
 * file, so the server's event loop never spends the inserts of a large pair nor waits for the write lock.
 */
import { parentPort, workerData } from "node:worker_threads";
import { alignSegments, type AlignSegment } from "../../alignments/align/aligner";
import type { LexiconEntry } from "../../alignments/align/lexicon";
import type { LinkSides } from "../../alignments/align/links";
import { openDatabase } from "../../db/client.server";
import { storeAlignment, storeRealignment } from "../models/alignment-store.server";
import { AlignmentRejected } from "../models/pairs.server";

export interface AlignJob {
  pairId: number;
  en: AlignSegment[];
  fr: AlignSegment[];
  lexicon: LexiconEntry[];
  /** Realigning the rest: the confirmed links, kept in place. */
  fixed?: LinkSides[];
}

/** Where the result goes: the database file, the job's kind and its claimant (the server's lease id). */
export interface StoreTarget {
  file: string;
  kind: "align" | "realign";
  holder: string;
}

export type AlignMessage =
  | { type: "progress"; fraction: number }
  /** `stored` false: the pair was deleted, changed or re-queued meanwhile (a realignment says why on the pair). */
  | { type: "done"; stored: boolean; links: number; ms: number; storeMs: number }
  /** The aligner failed. */
  | { type: "error"; message: string }
  /** The result could not be stored; `rejected`: it did not fit the documents (the message says so to a person). */
  | { type: "store-failed"; message: string; rejected: boolean };

/** The worker may wait, blocking only itself, for a server's or a script's write to finish. */
const STORE_WAIT_MS = 30_000;

const job = workerData?.job as AlignJob | undefined;
const target = workerData?.store as StoreTarget | undefined;
const post = (message: AlignMessage) => parentPort?.postMessage(message);

function store(alignment: ReturnType<typeof alignSegments>, ms: number): void {
  const started = performance.now();
  try {
    const db = openDatabase(target!.file, { migrate: false, busyTimeoutMs: STORE_WAIT_MS });
    try {
      const save = target!.kind === "align" ? storeAlignment : storeRealignment;
      const stored = save(job!.pairId, alignment, db, target!.holder);
      post({ type: "done", stored, links: alignment.links.length, ms, storeMs: Math.round(performance.now() - started) });
    } finally {
      db.$client.close();
    }
  } catch (error) {
    post({ type: "store-failed", message: error instanceof Error ? error.message : String(error), rejected: error instanceof AlignmentRejected });
  }
}

if (job && target) {
  const started = performance.now();
  let alignment: ReturnType<typeof alignSegments> | null = null;
  try {
    alignment = alignSegments(job.en, job.fr, {
      lexicon: job.lexicon,
      fixed: job.fixed,
      onProgress: (fraction) => post({ type: "progress", fraction }),
    });
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
  if (alignment) store(alignment, Math.round(performance.now() - started));
}
