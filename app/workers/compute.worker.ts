/**
 * A long-lived worker for the server's heavy computations (term candidates, a large pair's first check,
 * renderings, the searches over the whole corpus): the server (app/models/compute.server.ts) posts a job's
 * kind and plain input, and this thread answers with its output, one job after another, so the server's own
 * thread keeps answering requests meanwhile. The searches read the database through a read-only connection
 * of this thread's own (app/models/corpus-read.server.ts); nothing here writes.
 */
import { COMPUTE_JOBS } from "./compute-jobs";
import { serveJobs } from "./serve-jobs";

serveJobs(COMPUTE_JOBS);
