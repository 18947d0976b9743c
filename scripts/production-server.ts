import type { ChildProcess } from "node:child_process";

/**
 * A production server (server/index.mjs, or another) started by a benchmark as a child process: waiting for it to
 * answer, and stopping it as npm run serve is stopped.
 */

/** Resolves once `url` answers 200 while the child still runs (so not another server on the same port); fails after 30 s or if it exits. */
export async function untilServing(child: ChildProcess, url: string, name = "the server"): Promise<ChildProcess> {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok && child.exitCode === null) return child;
    } catch {
      // not listening yet
    }
    if (i > 300 || child.exitCode !== null) throw new Error(`${name} did not start (${url})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** SIGTERM, as a user stops it; SIGKILL if it has not exited 15 s later. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}
