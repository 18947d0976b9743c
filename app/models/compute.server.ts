import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { COMPUTE_JOBS, type ComputeJobs, type JobInput, type JobKind, type JobOutput } from "../workers/compute-jobs";
import type { JobAnswer, JobRequest, JobTable } from "../workers/serve-jobs";
import { workersFolder } from "./alignment-queue.server";

/**
 * The server's heavy pure computations (term candidates, a large pair's first check, renderings, variation)
 * run in one long-lived worker thread, so that the server's own thread keeps answering other requests
 * meanwhile (decision 0012). The worker is app/workers/compute.worker.ts, started from source like the
 * alignment worker (app/workers/start.mjs, through tsx); it runs the jobs of app/workers/compute-jobs.ts one
 * after another and keeps nothing: the caches stay in the models.
 *
 * Starting the worker costs about half a second (tsx compiles the core), so it stays up between jobs and
 * stops after a while without any, giving back the memory a large job left. It holds the process open only
 * while a job runs, so a stopping server or a script is not kept alive by an idle worker.
 */

export interface ComputeOptions {
  /** Stop the worker after this long without a job, in ms (default 60 s). */
  idleMs?: number;
  /** The folder holding start.mjs and the worker's entry (default: as the alignment worker's). */
  folder?: string;
  /** The worker's entry in that folder, serving its jobs with serve-jobs.ts (default compute.worker.ts). */
  entry?: string;
  /** What the worker's messages call it ("compute", "import"). */
  name?: string;
  /** The worker's heap limits: past them it stops, and its jobs are refused, the server is untouched. */
  resourceLimits?: ResourceLimits;
}

/** The worker itself failed (an error at start, running out of memory, an exit) while jobs waited on it. */
export class WorkerStoppedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkerStoppedError";
  }
}

interface Waiting {
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
}

export class ComputeWorker<Jobs extends JobTable = ComputeJobs> {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Jobs answered, and the worker threads started, since this object was made (tests, benchmarks). */
  readonly stats = { jobs: 0, starts: 0 };

  constructor(private readonly options: ComputeOptions = {}) {}

  /**
   * Runs one job in the worker thread: resolves to its output, or rejects with the job's error or the worker's
   * failure. `transfer` lists ArrayBuffers of the input to move to the worker instead of copying them.
   */
  run<K extends keyof Jobs & string>(kind: K, input: Parameters<Jobs[K]>[0], transfer: ArrayBuffer[] = []): Promise<Awaited<ReturnType<Jobs[K]>>> {
    const worker = this.worker ?? this.start();
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    const id = this.nextId++;
    const promise = new Promise<Awaited<ReturnType<Jobs[K]>>>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (output: unknown) => void, reject }));
    worker.ref();
    worker.postMessage({ id, kind, input } satisfies JobRequest, transfer);
    return promise;
  }

  /** Jobs sent and not answered yet. */
  get pending(): number {
    return this.waiting.size;
  }

  /** Stops the worker; jobs still waiting are refused. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.stopped(worker, new Error(`The ${this.label} worker was stopped.`));
    await worker.terminate();
  }

  private get label(): string {
    return this.options.name ?? "compute";
  }

  private start(): Worker {
    const entry = this.options.entry ?? "compute.worker.ts";
    const folder = this.options.folder ?? workersFolder(entry);
    const worker = new Worker(path.join(folder, "start.mjs"), {
      workerData: { entry: pathToFileURL(path.join(folder, entry)).href },
      resourceLimits: this.options.resourceLimits,
    });
    this.worker = worker;
    this.stats.starts++;
    worker.on("message", (answer: JobAnswer) => {
      const waiting = this.waiting.get(answer.id);
      if (!waiting) return;
      this.waiting.delete(answer.id);
      this.stats.jobs++;
      if (answer.ok) waiting.resolve(answer.output);
      else waiting.reject(new Error(`The computation failed: ${answer.message}`));
      if (this.waiting.size === 0 && this.worker === worker) this.idle(worker);
    });
    worker.on("error", (error) => this.stopped(worker, new WorkerStoppedError(`The ${this.label} worker stopped with an error: ${error.message}`)));
    worker.on("exit", (code) => this.stopped(worker, new WorkerStoppedError(`The ${this.label} worker stopped unexpectedly (exit code ${code}).`)));
    return worker;
  }

  /** Nothing waits: let the process exit without the worker, and stop it after a while. */
  private idle(worker: Worker): void {
    worker.unref();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.worker === worker && this.waiting.size === 0) {
        this.worker = null;
        void worker.terminate();
      }
    }, this.options.idleMs ?? 60_000);
    this.idleTimer.unref();
  }

  /** The worker is gone (an error, an exit, or close): refuse what waited on it; the next job starts a new one. */
  private stopped(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) w.reject(error);
  }
}

declare global {
  // One compute worker per server process (survives module reloads in `remix dev`).
  // eslint-disable-next-line no-var
  var __tandemComputeWorker: ComputeWorker | undefined;
}

/** The process's compute worker, made on first use. */
export function computeWorker(): ComputeWorker {
  globalThis.__tandemComputeWorker ??= new ComputeWorker();
  return globalThis.__tandemComputeWorker;
}

/**
 * Characters of text under which a job runs on the calling thread: below it, the worker's round trip
 * (copying the input, waiting behind another job) costs more than the few milliseconds it would block.
 * About 50k characters: some 10 ms of checking, 40 ms of term candidates, here.
 */
export const INLINE_CHARS = 50_000;

/**
 * Runs a job: on this thread when `inline` (small inputs), else in the compute worker. Either way the result
 * comes from the same function of compute-jobs.ts.
 */
export function compute<K extends JobKind>(kind: K, input: JobInput<K>, options: { inline: boolean }): Promise<JobOutput<K>> {
  if (options.inline) {
    try {
      return Promise.resolve((COMPUTE_JOBS[kind] as (input: JobInput<K>) => JobOutput<K>)(input));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return computeWorker().run(kind, input);
}

/** The characters of a set of units or texts, to choose between `inline` and the worker. */
export function textSize(items: ReadonlyArray<{ en?: string; fr?: string; text?: string }>): number {
  let size = 0;
  for (const item of items) size += (item.en?.length ?? 0) + (item.fr?.length ?? 0) + (item.text?.length ?? 0);
  return size;
}
