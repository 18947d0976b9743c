// Starts a TypeScript worker of app/workers/ from source. Node 20 does not apply a loader given as
// `execArgv: ["--import", "tsx"]` to a worker's own entry file ("Unknown file extension .ts"), so this
// plain module loads the entry (workerData.entry, a file URL) through tsx's API.
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.entry, import.meta.url);
