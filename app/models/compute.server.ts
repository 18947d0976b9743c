import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { COMPUTE_JOBS, type ComputeJobs, type JobInput, type JobKind, type JobOutput } from "../workers/compute-jobs";
import type { JobAnswer, JobRequest, JobTable } from "../workers/serve-jobs";
import { workersFolder } from "./alignment-queue.server";

/**
 * The server's heavy computations (term candidates, a large pair's first check, renderings, and the searches
 * over the whole corpus: concordance, evidence, TBX counts, variation) run in one long-lived worker thread, so
 * that the server's own thread keeps answering other requests meanwhile (decision 0012). The worker is
 * app/workers/compute.worker.ts, started from source like the alignment worker (app/workers/start.mjs, through
 * tsx); it runs the jobs of app/workers/compute-jobs.ts one after another.
 *
 * The jobs wait here, not in the worker: it is given one at a time, so a job whose request was abandoned
 * while it waited (its signal aborted: the client went away) is dropped and never runs, and at most
 * `maxWaiting` (32) may wait, beyond which a job is refused at once (ComputeBusy, a 503 for the routes).
 *
 * Starting the worker costs about half a second (tsx compiles the core), so it stays up between jobs and
 * stops after a while without any, giving back the memory a large job left. It holds the process open only
 * while a job runs, so a stopping server or a script is not kept alive by an idle worker.
 *
 * The same class runs the import worker (app/models/import-worker.server.ts, decision 0017) with its own entry,
 * job table and heap limit.
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
  /** Jobs that may wait behind the running one; a job beyond is refused with ComputeBusy (default 32). */
  maxWaiting?: number;
}

/** The worker itself failed (an error at start, running out of memory, an exit) while jobs waited on it. */
export class WorkerStoppedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkerStoppedError";
  }
}

export interface RunOptions {
  /**
   * The request the job is for (a loader's request.signal): when it is aborted (the client went away) while
   * the job still waits, the job is dropped and never runs. A job already running is left to finish.
   */
  signal?: AbortSignal;
  /** ArrayBuffers of the input to move to the worker instead of copying them (an upload's bytes). */
  transfer?: ArrayBuffer[];
}

/** A job dropped because the request it was for was abandoned before it ran. */
export class ComputeCancelled extends Error {
  constructor() {
    super("The computation was not run: the request it was for was cancelled.");
    this.name = "ComputeCancelled";
  }
}

/** A job refused because too many wait already (many searches at once): the page says to try again. */
export class ComputeBusy extends Error {
  constructor() {
    super("Tandem is busy with other searches and checks; try again in a moment.");
    this.name = "ComputeBusy";
  }
}

interface Job {
  id: number;
  kind: string;
  input: unknown;
  transfer: ArrayBuffer[];
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  /** Takes the abort listener off the job's signal. */
  release: () => void;
}

export class ComputeWorker<Jobs extends JobTable = ComputeJobs> {
  private worker: Worker | null = null;
  /** Jobs not sent to the worker yet, in order; the worker is given one at a time, so a waiting job can still be dropped. */
  private readonly queue: Job[] = [];
  private running: Job | null = null;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Jobs answered, jobs dropped before they ran, and the worker threads started, since this object was made (tests, benchmarks). */
  readonly stats = { jobs: 0, cancelled: 0, starts: 0 };

  constructor(private readonly options: ComputeOptions = {}) {}

  /** Runs one job in the worker thread: resolves to its output, or rejects with the job's error or the worker's failure. */
  run<K extends keyof Jobs & string>(kind: K, input: Parameters<Jobs[K]>[0], options: RunOptions = {}): Promise<Awaited<ReturnType<Jobs[K]>>> {
    const { signal, transfer = [] } = options;
    if (signal?.aborted) {
      this.stats.cancelled++;
      return Promise.reject(new ComputeCancelled());
    }
    if (this.queue.length >= (this.options.maxWaiting ?? 32)) return Promise.reject(new ComputeBusy());
    return new Promise<Awaited<ReturnType<Jobs[K]>>>((resolve, reject) => {
      const job: Job = { id: this.nextId++, kind, input, transfer, resolve: resolve as (output: unknown) => void, reject, release: () => {} };
      if (signal) {
        const onAbort = () => {
          const at = this.queue.indexOf(job);
          if (at < 0) return;
          this.queue.splice(at, 1);
          this.stats.cancelled++;
          reject(new ComputeCancelled());
          if (!this.running && this.queue.length === 0 && this.worker) this.idle(this.worker);
        };
        signal.addEventListener("abort", onAbort, { once: true });
        job.release = () => signal.removeEventListener("abort", onAbort);
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /** Jobs sent and not answered yet: the running one and those waiting. */
  get pending(): number {
    return this.queue.length + (this.running ? 1 : 0);
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

  /** Sends the next waiting job when none runs. */
  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    job.release();
    const worker = this.worker ?? this.start();
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    this.running = job;
    worker.ref();
    worker.postMessage({ id: job.id, kind: job.kind, input: job.input } satisfies JobRequest, job.transfer);
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
      const job = this.running;
      if (!job || job.id !== answer.id || this.worker !== worker) return;
      this.running = null;
      this.stats.jobs++;
      if (answer.ok) job.resolve(answer.output);
      else job.reject(new Error(`The computation failed: ${answer.message}`));
      if (this.queue.length > 0) this.pump();
      else this.idle(worker);
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
      if (this.worker === worker && this.pending === 0) {
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
    const refused = [...(this.running ? [this.running] : []), ...this.queue.splice(0)];
    this.running = null;
    for (const job of refused) {
      job.release();
      job.reject(error);
    }
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
export function compute<K extends JobKind>(kind: K, input: JobInput<K>, options: { inline: boolean } & RunOptions): Promise<JobOutput<K>> {
  if (options.inline) {
    try {
      return Promise.resolve((COMPUTE_JOBS[kind] as (input: JobInput<K>) => JobOutput<K>)(input));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return computeWorker().run(kind, input, { signal: options.signal });
}

/** The characters of a set of units or texts, to choose between `inline` and the worker. */
export function textSize(items: ReadonlyArray<{ en?: string; fr?: string; text?: string }>): number {
  let size = 0;
  for (const item of items) size += (item.en?.length ?? 0) + (item.fr?.length ?? 0) + (item.text?.length ?? 0);
  return size;
}
