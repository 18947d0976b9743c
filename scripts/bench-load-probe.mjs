// @ts-check
/**
 * Loaded into the server by `npm run bench:load` only (node --import), never by `npm run serve`: answers the
 * benchmark's questions over the IPC channel it was started with, so the benchmark can tell the JavaScript
 * heap from the rest of the server's resident memory.
 *   "memory"   → process.memoryUsage() (rss, heapTotal, heapUsed, external, arrayBuffers)
 *   "gc"       → the same after a full collection (when the server runs with --expose-gc), else without one
 *   "snapshot" → a heap snapshot written into TANDEM_PROBE_DIR, its path
 *   "delay"    → the event loop's longest delay since the last "delay" (ms; a 10 ms resolution), then starts over
 * The probe holds nothing open: the IPC channel is unref'd so it cannot keep a stopping server alive.
 */
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import v8 from "node:v8";

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();

if (process.send) {
  process.on("message", (/** @type {{ id: number; ask: string }} */ message) => {
    if (!message || typeof message !== "object") return;
    /** @type {unknown} */
    let answer;
    if (message.ask === "gc") {
      const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
      gc?.();
      answer = { ...process.memoryUsage(), collected: Boolean(gc) };
    } else if (message.ask === "delay") {
      answer = { maxMs: delay.max / 1e6 };
      delay.reset();
    } else if (message.ask === "snapshot") {
      answer = { file: v8.writeHeapSnapshot(path.join(process.env.TANDEM_PROBE_DIR ?? ".", `server-${Date.now()}.heapsnapshot`)) };
    } else {
      answer = process.memoryUsage();
    }
    process.send?.({ id: message.id, answer });
  });
  process.channel?.unref();
}
