/**
 * The import worker: reads, cleans, segments and stores every import (documents, memories, glossaries, a pair's
 * dictionary, a document's new language) off the server's thread, one after another, with its own connection
 * to the database. The server's side is app/models/import-worker.server.ts; the jobs are in import-jobs.ts.
 */
import { IMPORT_JOBS } from "./import-jobs";
import { serveJobs } from "./serve-jobs";

serveJobs(IMPORT_JOBS);
