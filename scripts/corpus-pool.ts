/**
 * The corpus command: every `NAME.A` + `NAME.B` of a folder aligned into `OUT/NAME.links` (or `.tmx`, `.tsv`) on N worker
 * threads. The main thread lists the pairs, hands them out largest first (so that the last pair to finish is a small
 * one), writes each answer atomically (a temporary file, then a rename: an interrupted run leaves no half file, and the
 * next run skips what is whole) and reports a broken pair by its name while the others go on. Each pair is aligned by
 * itself, by the same code whatever N is, so the outputs do not depend on N.
 *
 * This module is also the workers' code: a worker thread started on it with `workerData.role === WORKER_ROLE` answers
 * jobs. Under tsx (scripts/align.ts) the worker loads this file; in the built command (dist/tandem.mjs) everything is one
 * bundle, so the worker loads the bundle, whose programs run only on the main thread.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { TextLanguage } from "../alignments/languages";
import { alignPair, type PairOptions } from "./align-pair";
import { CommandError } from "./cli";
import { CorpusProgress, type ProgressStream } from "./corpus-progress";
import { inShard, type Shard } from "./corpus-shard";

const WORKER_ROLE = "tandem-corpus-worker";

export interface CorpusOptions extends PairOptions {
  corpus: string;
  out: string;
  /** Worker threads; the number of cores by default. */
  jobs?: number;
  /** Align again pairs whose output is already there. */
  force: boolean;
  /** This machine's part of the corpus (--shard K/N, corpus-shard.ts); all of it by default. */
  shard?: Shard;
}

export interface CorpusPair {
  name: string;
  first: string;
  second: string;
  bytes: number;
  created: number;
}

interface Job {
  name: string;
  first: string;
  second: string;
  created: number;
}
type Answer = { name: string; ok: true; output: string; segments: number; notes: string[] } | { name: string; ok: false; message: string };

/** A file's name for a language: `NAME.zh-Hans`, or `NAME.zh` as the shared corpora name Chinese. */
function fileFor(dir: string, name: string, language: TextLanguage): string | null {
  for (const suffix of new Set([language, language.split("-")[0]])) {
    const path = join(dir, `${name}.${suffix}`);
    if (existsSync(path)) return path;
  }
  return null;
}

/**
 * The folder's pairs (those of `shard` alone if given), by name, a note for each file whose counterpart is missing, and
 * how many names belong to the other shards.
 */
export function corpusPairs(
  dir: string,
  languages: readonly [TextLanguage, TextLanguage],
  shard?: Shard,
): { pairs: CorpusPair[]; lonely: string[]; elsewhere: number } {
  const names = new Map<string, Set<number>>();
  for (const file of readdirSync(dir)) {
    languages.forEach((language, side) => {
      for (const suffix of new Set([language, language.split("-")[0]])) {
        if (file.endsWith(`.${suffix}`) && file.length > suffix.length + 1) {
          const name = file.slice(0, -suffix.length - 1);
          names.set(name, (names.get(name) ?? new Set()).add(side));
        }
      }
    });
  }
  const pairs: CorpusPair[] = [];
  const lonely: string[] = [];
  // A lonely file is named by its own shard's machine alone, as its pair would have been aligned there.
  const mine = [...names.keys()].sort().filter((name) => inShard(name, shard));
  for (const name of mine) {
    const first = fileFor(dir, name, languages[0]);
    const second = fileFor(dir, name, languages[1]);
    if (!first || !second) {
      lonely.push(`${name}: no ${first ? languages[1] : languages[0]} file beside ${first ?? second}; left out`);
      continue;
    }
    const [a, b] = [statSync(first), statSync(second)];
    pairs.push({ name, first, second, bytes: a.size + b.size, created: Math.max(a.mtimeMs, b.mtimeMs) });
  }
  return { pairs, lonely, elsewhere: names.size - mine.length };
}

function outputPath(options: CorpusOptions, name: string): string {
  return join(options.out, `${name}.${options.format}`);
}

/** Writes whole or not at all: the temporary file is named after the output, so a rerun overwrites an orphan. */
function writeAtomically(path: string, text: string) {
  const temporary = `${path}.partial`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * When every core aligns, V8's background compiler has no core of its own: each thread then runs its unoptimised code
 * until a starved compile job comes back, and that wait costs more CPU than compiling in place. Measured on TransRead's
 * novels with two threads on two cores: 2.7–2.9 s of CPU instead of 3.2–3.4 s (decision 45). V8's flags are the
 * process's: set before the first worker starts, they hold for every thread. Code is compiled differently, never run
 * differently, so the links are the same bytes.
 */
function compileOnTheAligningThreads() {
  setFlagsFromString("--no-concurrent-recompilation");
}

/** A worker thread running this module (the bundle, in the built command). */
function workerOnThisModule(data: { role: string; options: PairOptions }): Worker {
  const self = import.meta.url;
  if (!self.endsWith(".ts")) return new Worker(new URL(self), { workerData: data });
  // Under tsx (development) a worker does not get tsx's loader on Node 20: the worker registers it before loading us.
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(self)}); })`;
  return new Worker(code, { eval: true, workerData: data });
}

/** Aligns the corpus; resolves to the exit status: 0, or 1 if a pair failed. */
export async function alignCorpus(options: CorpusOptions, stderr: ProgressStream = process.stderr): Promise<number> {
  if (!existsSync(options.corpus) || !statSync(options.corpus).isDirectory()) throw new CommandError(`${options.corpus} is not a folder`);
  const { shard } = options;
  const { pairs, lonely, elsewhere } = corpusPairs(options.corpus, options.languages, shard);
  if (pairs.length === 0 && elsewhere === 0) {
    throw new CommandError(`${options.corpus} holds no pair of NAME.${options.languages[0]} and NAME.${options.languages[1]} files`);
  }
  const todo = pairs.filter((pair) => options.force || !existsSync(outputPath(options, pair.name)));
  // Largest first: the threads finish close together instead of one aligning a novel while the others wait.
  todo.sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1));
  const threads = Math.max(1, Math.min(options.jobs ?? availableParallelism(), todo.length));
  if (threads >= availableParallelism()) compileOnTheAligningThreads();
  for (const note of lonely) stderr.write(`${note}\n`);
  const skipped = pairs.length - todo.length;
  stderr.write(
    (shard ? `shard ${shard.index}/${shard.count} (${elsewhere} names of the folder in the other shards): ` : "") +
      `${todo.length} of ${pairs.length} pairs to align on ${threads} thread${threads === 1 ? "" : "s"}` +
      (skipped > 0 ? ` (${skipped} already done, skipped; --force aligns them again)` : "") +
      "\n",
  );
  if (todo.length === 0) return 0;
  mkdirSync(options.out, { recursive: true });

  const progress = new CorpusProgress(stderr, todo.length, todo.reduce((sum, pair) => sum + pair.bytes, 0));
  const failed: string[] = [];
  const { languages, presegmented, lexicon, format, confidence, monotone } = options;
  const pairOptions: PairOptions = { languages, presegmented, lexicon, format, confidence, monotone };
  const queue = [...todo];
  const byName = new Map(todo.map((pair) => [pair.name, pair]));

  const settle = (answer: Answer) => {
    const pair = byName.get(answer.name)!;
    if (answer.ok) {
      for (const note of answer.notes) progress.say(`${answer.name}: ${note}`);
      try {
        writeAtomically(outputPath(options, answer.name), answer.output);
      } catch (error) {
        return fail(pair, `cannot write ${outputPath(options, answer.name)}: ${(error as Error).message}`);
      }
      progress.finished(answer.name, pair.bytes, answer.segments);
    } else fail(pair, answer.message);
  };
  const fail = (pair: CorpusPair, message: string) => {
    failed.push(pair.name);
    progress.say(`${pair.name}: failed: ${message}`);
    progress.finished(pair.name, pair.bytes, 0);
  };

  /** One thread's loop: a job at a time until the queue is empty; a thread that dies fails its pair and is replaced. */
  const thread = () =>
    new Promise<void>((resolve) => {
      const worker = workerOnThisModule({ role: WORKER_ROLE, options: pairOptions });
      let current: CorpusPair | undefined;
      let stopped = "";
      const next = () => {
        current = queue.shift();
        if (current) worker.postMessage({ name: current.name, first: current.first, second: current.second, created: current.created } satisfies Job);
        else void worker.terminate();
      };
      // The worker gets its next pair before this one is written: the main thread's writing and progress line are
      // never on the path of the aligning.
      worker.on("message", (answer: Answer) => {
        next();
        settle(answer);
      });
      worker.on("error", (error) => (stopped = error.message));
      // Every end comes here, an error's too; a worker that ends while aligning a pair fails that pair alone.
      worker.on("exit", (code) => {
        if (!current) return resolve();
        fail(current, `the aligner stopped: ${stopped || `exit code ${code}`}`);
        void thread().then(resolve);
      });
      next();
    });
  await Promise.all(Array.from({ length: threads }, thread));
  progress.end();
  if (failed.length > 0) {
    stderr.write(`${failed.length} of ${todo.length} pairs failed: ${failed.join(", ")}; the others are written in ${options.out}\n`);
    return 1;
  }
  return 0;
}

/** A worker's side: align each pair it is given and answer with the text to write, or the reason it could not. */
function answerJobs(options: PairOptions) {
  parentPort!.on("message", async (job: Job) => {
    let answer: Answer;
    try {
      const aligned = await alignPair({ first: job.first, second: job.second, created: new Date(job.created) }, options);
      answer = { name: job.name, ok: true, ...aligned };
    } catch (error) {
      const message = error instanceof CommandError ? error.message : `unexpected error: ${(error as Error).message ?? error}`;
      answer = { name: job.name, ok: false, message };
    }
    parentPort!.postMessage(answer);
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) {
  answerJobs((workerData as { options: PairOptions }).options);
}
