import { Session } from "node:inspector/promises";

/**
 * Bytes of JavaScript heap allocated while `run` runs, garbage included: V8's sampling heap profiler, counting the
 * objects collected meanwhile too. A sample every 512 bytes makes the sum exact to about a percent over a few MB.
 * Memory outside the heap (a Buffer's bytes) is not counted. What the process does meanwhile is counted too, so
 * `run` should be the only thing running (a test's synchronous code, or one awaited call).
 */
export async function allocatedBy(run: () => unknown): Promise<number> {
  const session = new Session();
  session.connect();
  try {
    await session.post("HeapProfiler.enable");
    await session.post("HeapProfiler.startSampling", {
      samplingInterval: 512,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    await run();
    const { profile } = await session.post("HeapProfiler.stopSampling");
    let total = 0;
    const visit = (node: typeof profile.head) => {
      total += node.selfSize;
      node.children.forEach(visit);
    };
    visit(profile.head);
    return total;
  } finally {
    session.disconnect();
  }
}
