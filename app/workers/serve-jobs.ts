/**
 * The worker side of app/models/compute.server.ts's ComputeWorker: the server posts a job's id, kind and plain
 * input; the worker runs the job's function and answers with its output (or its error's message), one job
 * after another, a job that returns a promise (an import waiting on pdftotext) finishing before the next starts.
 */
import { parentPort } from "node:worker_threads";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobTable = Record<string, (input: any) => unknown>;

/** What the server posts to a worker, and what the worker answers. */
export interface JobRequest {
  id: number;
  kind: string;
  input: unknown;
}
export type JobAnswer = { id: number; ok: true; output: unknown; ms: number } | { id: number; ok: false; message: string };

export function serveJobs(jobs: JobTable): void {
  let previous: Promise<void> = Promise.resolve();
  parentPort?.on("message", (request: JobRequest) => {
    previous = previous.then(async () => {
      const started = performance.now();
      let answer: JobAnswer;
      try {
        const run = Object.hasOwn(jobs, request.kind) ? jobs[request.kind] : undefined;
        if (typeof run !== "function") throw new Error(`unknown job “${String(request.kind)}”`);
        answer = { id: request.id, ok: true, output: await run(request.input), ms: performance.now() - started };
      } catch (error) {
        answer = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
      }
      parentPort?.postMessage(answer);
    });
  });
}
