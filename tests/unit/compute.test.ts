import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compute, ComputeBusy, ComputeCancelled, ComputeWorker } from "../../app/models/compute.server";
import { CASE_GLOSSARY } from "../../alignments/terms/checks.cases";

const UNITS = [
  { link: 0, en: "Mutual legal assistance shall be afforded within 30 days.", fr: "L'entraide judiciaire est accordée dans les 30 jours." },
  { link: 1, en: "The request shall be sent.", fr: "La demande d’entraide judiciaire est envoyée." },
];
/** A worker thread starts from source through tsx: allow for a slow, busy machine. */
const WORKER_TIMEOUT = 30_000;

let worker: ComputeWorker | null = null;
afterEach(async () => {
  await worker?.close();
  worker = null;
});

describe("the compute worker", () => {
  it("runs a job in its thread with the result the same function gives on this one", { timeout: WORKER_TIMEOUT }, async () => {
    worker = new ComputeWorker();
    const input = { units: UNITS, terms: [...CASE_GLOSSARY] };
    const there = await worker.run("check", input);
    expect(there).toEqual(await compute("check", input, { inline: true }));
    expect(there[1].findings.map((f) => f.kind)).toEqual(["missing-en"]);
    expect(worker.stats).toEqual({ jobs: 1, cancelled: 0, starts: 1 });
    // The same thread answers the next job.
    await worker.run("candidates", { units: UNITS, options: {} });
    expect(worker.stats).toEqual({ jobs: 2, cancelled: 0, starts: 1 });
  });

  it("refuses a job that fails with its message, and goes on with the next", { timeout: WORKER_TIMEOUT }, async () => {
    worker = new ComputeWorker();
    await expect(worker.run("check", { units: UNITS, terms: null as never })).rejects.toThrow(/^The computation failed: /);
    await expect(worker.run("nothing" as never, {} as never)).rejects.toThrow("The computation failed: unknown job “nothing”");
    expect(await worker.run("check", { units: [], terms: [] })).toEqual([]);
    expect(worker.stats.starts).toBe(1);
  });

  it("refuses the jobs waiting on a worker that stops, and starts a new one for the next job", { timeout: WORKER_TIMEOUT }, async () => {
    worker = new ComputeWorker();
    const refused = worker.run("candidates", { units: UNITS, options: {} }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(worker.pending).toBe(1);
    await worker.close();
    expect(await refused).toBe("The compute worker was stopped.");
    expect(worker.pending).toBe(0);
    expect(await worker.run("check", { units: [], terms: [] })).toEqual([]);
    expect(worker.stats.starts).toBe(2);
  });

  it("refuses its jobs when the worker cannot start", { timeout: WORKER_TIMEOUT }, async () => {
    // Inside the project, so that start.mjs finds tsx in node_modules.
    mkdirSync("tests/.artifacts", { recursive: true });
    const broken = mkdtempSync(path.resolve("tests/.artifacts", "workers-"));
    cpSync("app/workers/start.mjs", path.join(broken, "start.mjs"));
    writeFileSync(path.join(broken, "compute.worker.ts"), 'throw new Error("the worker is broken");\n');
    try {
      worker = new ComputeWorker({ folder: broken });
      await expect(worker.run("check", { units: [], terms: [] })).rejects.toThrow(/The compute worker stopped with an error: the worker is broken/);
      expect(worker.pending).toBe(0);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it("stops after a while without a job, and starts again for the next", { timeout: WORKER_TIMEOUT }, async () => {
    worker = new ComputeWorker({ idleMs: 50 });
    await worker.run("check", { units: [], terms: [] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await worker.run("check", { units: [], terms: [] });
    expect(worker.stats).toEqual({ jobs: 2, cancelled: 0, starts: 2 });
  });

  /**
   * A worker of this test's own (a folder with start.mjs and a compute.worker.ts that takes 300 ms per job and
   * answers each with the kinds it was given so far), so that what ran, and in which order, is known.
   */
  function slowWorker(): { folder: string; dispose: () => void } {
    mkdirSync("tests/.artifacts", { recursive: true });
    const folder = mkdtempSync(path.resolve("tests/.artifacts", "workers-"));
    cpSync("app/workers/start.mjs", path.join(folder, "start.mjs"));
    writeFileSync(
      path.join(folder, "compute.worker.ts"),
      `import { parentPort } from "node:worker_threads";
const seen: string[] = [];
parentPort?.on("message", (request: { id: number; input: { name: string } }) => {
  seen.push(request.input.name);
  setTimeout(() => parentPort?.postMessage({ id: request.id, ok: true, output: [...seen], ms: 300 }), 300);
});
`,
    );
    return { folder, dispose: () => rmSync(folder, { recursive: true, force: true }) };
  }

  it("drops a waiting job whose request was abandoned: it never runs, and the next one does", { timeout: WORKER_TIMEOUT }, async () => {
    const slow = slowWorker();
    try {
      worker = new ComputeWorker({ folder: slow.folder });
      const run = (name: string, signal?: AbortSignal) => worker!.run("check", { name } as never, { signal }) as unknown as Promise<string[]>;
      const first = run("first");
      const left = new AbortController();
      const abandoned = run("abandoned", left.signal).then(
        () => "ran",
        (error: Error) => (error instanceof ComputeCancelled ? "cancelled" : error.message),
      );
      const last = run("last");
      expect(worker.pending).toBe(3);
      left.abort();
      expect(await abandoned).toBe("cancelled");
      expect(worker.pending).toBe(2);
      expect(await first).toEqual(["first"]);
      // The worker was never given the abandoned job.
      expect(await last).toEqual(["first", "last"]);
      expect(worker.stats).toEqual({ jobs: 2, cancelled: 1, starts: 1 });
      // A request already gone is not even queued.
      await expect(run("late", AbortSignal.abort())).rejects.toBeInstanceOf(ComputeCancelled);
      expect(worker.stats.cancelled).toBe(2);
    } finally {
      slow.dispose();
    }
  });

  it("refuses a job when too many wait already, and takes jobs again once they are done", { timeout: WORKER_TIMEOUT }, async () => {
    const slow = slowWorker();
    try {
      worker = new ComputeWorker({ folder: slow.folder, maxWaiting: 2 });
      const run = (name: string) => worker!.run("check", { name } as never) as unknown as Promise<string[]>;
      const accepted = [run("a"), run("b"), run("c")];
      await expect(run("d")).rejects.toBeInstanceOf(ComputeBusy);
      await Promise.all(accepted);
      expect(await run("e")).toEqual(["a", "b", "c", "e"]);
    } finally {
      slow.dispose();
    }
  });
});
