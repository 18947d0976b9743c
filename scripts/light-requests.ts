/**
 * The latency other people's requests see while a benchmark's heavy work runs (bench:terms, bench:searches).
 */
import { readyPairs } from "../app/models/corpus-read.server";
import { glossarySnapshot } from "../app/models/glossary-snapshot.server";
import type { Db } from "../db/client.server";

/**
 * A light request (the pairs list and the glossary, as a small page's loader reads them) due every 50 ms while
 * `heavy` runs, as requests from other people would arrive at the server: each one's latency, from when it was
 * due to when it was answered, and how long `heavy` took. Work on the main thread makes the requests due
 * meanwhile wait for it.
 */
export async function latencyDuring(db: Db, heavy: () => unknown): Promise<{ ms: number; latencies: number[] }> {
  const latencies: number[] = [];
  let end = Number.POSITIVE_INFINITY;
  const requests = (async () => {
    for (let due = performance.now() + 50; due <= end; due += 50) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      readyPairs(db);
      glossarySnapshot(db);
      latencies.push(performance.now() - due);
    }
  })();
  const started = performance.now();
  await heavy();
  end = performance.now();
  await requests;
  return { ms: end - started, latencies };
}
