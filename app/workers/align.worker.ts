/**
 * Runs one alignment off the server's main thread. The queue (app/models/alignment-queue.server.ts) starts
 * this file from source through tsx, hands it both documents' segments and the user's lexicon in
 * `workerData`, and stores what it posts back: progress fractions, then the alignment or an error.
 * It touches no database: only the pure core.
 */
import { parentPort, workerData } from "node:worker_threads";
import { alignSegments, type Alignment, type AlignSegment } from "../../alignments/align/aligner";
import type { LexiconEntry } from "../../alignments/align/lexicon";
import type { LinkSides } from "../../alignments/align/links";

export interface AlignJob {
  pairId: number;
  en: AlignSegment[];
  fr: AlignSegment[];
  lexicon: LexiconEntry[];
  /** Realigning the rest: the confirmed links, kept in place. */
  fixed?: LinkSides[];
}

export type AlignMessage =
  | { type: "progress"; fraction: number }
  | { type: "done"; alignment: Alignment; ms: number }
  | { type: "error"; message: string };

const job = workerData?.job as AlignJob | undefined;
const post = (message: AlignMessage) => parentPort?.postMessage(message);

if (job) {
  const started = performance.now();
  try {
    const alignment = alignSegments(job.en, job.fr, {
      lexicon: job.lexicon,
      fixed: job.fixed,
      onProgress: (fraction) => post({ type: "progress", fraction }),
    });
    post({ type: "done", alignment, ms: Math.round(performance.now() - started) });
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
}
