// @ts-check
/**
 * Loaded into the server by `npm run bench:load` only (node --import), never by `npm run serve`: answers the
 * benchmark's questions over the IPC channel it was started with, so the benchmark can tell the JavaScript
 * heap from the rest of the server's resident memory.
 *   "memory"   → process.memoryUsage() (rss, heapTotal, heapUsed, external, arrayBuffers)
 *   "gc"       → the same after a full collection (when the server runs with --expose-gc), else without one
 *   "snapshot" → a heap snapshot written into TANDEM_PROBE_DIR, its path
 * The probe holds nothing open: the IPC channel is unref'd so it cannot keep a stopping server alive.
 */
import path from "node:path";
import v8 from "node:v8";

if (process.send) {
  process.on("message", (/** @type {{ id: number; ask: string }} */ message) => {
    if (!message || typeof message !== "object") return;
    /** @type {unknown} */
    let answer;
    if (message.ask === "gc") {
      const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
      gc?.();
      answer = { ...process.memoryUsage(), collected: Boolean(gc) };
    } else if (message.ask === "snapshot") {
      answer = { file: v8.writeHeapSnapshot(path.join(process.env.TANDEM_PROBE_DIR ?? ".", `server-${Date.now()}.heapsnapshot`)) };
    } else {
      answer = process.memoryUsage();
    }
    process.send?.({ id: message.id, answer });
  });
  process.channel?.unref();
}
