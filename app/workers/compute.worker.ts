/**
 * A long-lived worker for the server's heavy pure computations (term candidates, a large pair's first check,
 * renderings, variation): the server (app/models/compute.server.ts) posts a job's kind and plain input, and
 * this thread answers with its output, one job after another, so the server's own thread keeps answering
 * requests meanwhile. It touches no database and keeps nothing between jobs: the caches stay in the server.
 */
import { COMPUTE_JOBS } from "./compute-jobs";
import { serveJobs } from "./serve-jobs";

serveJobs(COMPUTE_JOBS);
