/**
 * A long-lived worker for the server's heavy computations (term candidates, a large pair's first check,
 * renderings, the searches over the whole corpus): the server (app/models/compute.server.ts) posts a job's
 * kind and plain input, and this thread answers with its output, one job after another, so the server's own
 * thread keeps answering requests meanwhile. The searches read the database through a read-only connection
 * of this thread's own (app/models/corpus-read.server.ts); nothing here writes.
 */
import { parentPort } from "node:worker_threads";
import { COMPUTE_JOBS, type JobAnswer, type JobRequest } from "./compute-jobs";

parentPort?.on("message", (request: JobRequest) => {
  const started = performance.now();
  let answer: JobAnswer;
  try {
    const run = COMPUTE_JOBS[request.kind] as (input: unknown) => unknown;
    if (typeof run !== "function") throw new Error(`unknown job “${String(request.kind)}”`);
    answer = { id: request.id, ok: true, output: run(request.input), ms: performance.now() - started };
  } catch (error) {
    answer = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
