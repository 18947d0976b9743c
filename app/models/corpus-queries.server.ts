/**
 * The server's side of the searches over the whole corpus (concordance-search, term-evidence and variation .server.ts): the concordance, a
 * glossary entry's evidence, the TBX export's count per term and the variation across documents. Each
 * question goes to the compute worker, which reads the database file itself, so the server's thread does no
 * work that grows with the corpus or the query: it posts a few fields and waits.
 *
 * A request that asks the same question as one still running shares its run. A request whose client went
 * away (its signal, which the production server aborts) stops waiting at once, and the run is dropped if
 * nobody else waits for it and it has not started yet (ComputeWorker drops waiting jobs). When too many jobs
 * wait already, the question is refused with ComputeBusy (answerRefusal answers 503).
 */
import type { Language } from "../../alignments/languages";
import { getDb, type Db } from "../../db/client.server";
import type { JobInput, JobKind, JobOutput } from "../workers/compute-jobs";
import { ComputeCancelled, computeWorker } from "./compute.server";
import { databaseFile } from "./corpus-read.server";
import { CONCORDANCE_LIMIT, type ConcordanceAnswer, type ConcordanceFileQuestion, type ConcordanceQuestion } from "./concordance-search.server";
import type { PairEvidence } from "./term-evidence.server";
import type { VariationResult } from "./variation.server";

export interface SearchOptions {
  /** The request's signal: its client going away cancels the wait (and the run, if it is the only one waiting). */
  signal?: AbortSignal;
}

interface SharedRun {
  promise: Promise<unknown>;
  controller: AbortController;
  /** Requests waiting that may still go away (one that cannot, without a signal, keeps the run for good). */
  waiting: number;
  keep: boolean;
}

/** Runs under way, by question (kind, database and input). */
const running = new Map<string, SharedRun>();

/** The database file the worker is to read: the application's own, never one in memory. */
function fileOf(db: Db): string {
  const file = databaseFile(db);
  if (!file) throw new Error("The searches over the corpus read the database from its file; this database is in memory.");
  return file;
}

/** Asks the compute worker a question about the corpus, sharing the run with any request asking the same one now. */
function ask<K extends JobKind>(kind: K, input: JobInput<K>, options: SearchOptions): Promise<JobOutput<K>> {
  const key = `${kind}\u0000${JSON.stringify(input)}`;
  let run = running.get(key);
  if (!run) {
    const controller = new AbortController();
    const promise = computeWorker()
      .run(kind, input, { signal: controller.signal })
      .finally(() => {
        if (running.get(key) === run) running.delete(key);
      });
    // Whoever waits sees a failure; a run nobody waits for any more must not count as an unhandled one.
    promise.catch(() => {});
    run = { promise, controller, waiting: 0, keep: false };
    running.set(key, run);
  }
  const shared = run;
  const { signal } = options;
  if (!signal) {
    shared.keep = true;
    return shared.promise as Promise<JobOutput<K>>;
  }
  shared.waiting++;
  return new Promise<JobOutput<K>>((resolve, reject) => {
    const leave = () => {
      shared.waiting--;
      if (shared.waiting === 0 && !shared.keep) {
        if (running.get(key) === shared) running.delete(key);
        shared.controller.abort();
      }
      reject(new ComputeCancelled());
    };
    if (signal.aborted) return leave();
    signal.addEventListener("abort", leave, { once: true });
    shared.promise.then(
      (output) => {
        signal.removeEventListener("abort", leave);
        resolve(output as JobOutput<K>);
      },
      (error: Error) => {
        signal.removeEventListener("abort", leave);
        reject(error);
      },
    );
  });
}

/**
 * Every occurrence of a word or term in the documents of one language (all, one, or a pair's), counted, the
 * first `limit` (200) in context, in the documents' order or sorted by their context, with their counterparts.
 */
export function searchConcordance(
  query: string,
  language: Language,
  options: Omit<ConcordanceQuestion, "query" | "language"> & SearchOptions = {},
  db: Db = getDb(),
): Promise<ConcordanceAnswer> {
  const { signal, ...rest } = options;
  return ask("concordance", { database: fileOf(db), query, language, ...rest, limit: rest.limit ?? CONCORDANCE_LIMIT }, { signal });
}

/** Every occurrence as a CSV or TSV file (null over the file's limit, with the count), made in the compute worker. */
export function concordanceFileOf(question: ConcordanceFileQuestion, options: SearchOptions = {}, db: Db = getDb()): Promise<{ total: number; file: string | null }> {
  return ask("concordanceFile", { database: fileOf(db), ...question }, options);
}

/** A glossary entry's evidence in the ready pairs (the first `limit` links, all counted); null when there is no such entry. */
export function entryEvidence(entryId: number, options: { limit?: number } & SearchOptions = {}, db: Db = getDb()): Promise<{ pairs: PairEvidence[]; total: number } | null> {
  return ask("evidence", { database: fileOf(db), entryId, limit: options.limit }, options);
}

/** How many links of the ready pairs each glossary term occurs in, by the TBX writer's key. */
export function termEvidenceCounts(db: Db = getDb(), options: SearchOptions = {}): Promise<Map<string, number>> {
  return ask("termCounts", { database: fileOf(db) }, options);
}

/** Concepts written in more than one way across the documents of one language (of the given origins, or all). */
export function documentVariation(language: Language, origins: readonly string[] | null, db: Db = getDb(), options: SearchOptions = {}): Promise<VariationResult> {
  return ask("documentVariation", { database: fileOf(db), language, origins: origins ? [...origins] : null }, options);
}
