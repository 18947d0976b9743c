import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { ReactNode } from "react";
import { renderToPipeableStream } from "react-dom/server";

export interface RenderOptions {
  status: number;
  headers: Headers;
  /** Bots and SPA mode get the whole page at once; browsers get the shell first, then the rest as it is ready. */
  waitForAll: boolean;
  nonce: string;
  /** A render still running after this long is aborted (what is not rendered yet is left to the browser). */
  abortAfterMs: number;
  /** Errors while streaming, once the shell is sent (those before reject the promise). */
  onStreamError: (error: unknown) => void;
  /** The clock the deadline is set on (tests watch it). */
  timers?: Timers;
}

export interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const GLOBAL_TIMERS: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

/**
 * A page rendered by React as a streamed Response. The abort deadline is cleared once the render is done: a timer
 * left pending holds the render and its loader data (for the Bank Act pair's page, some 26 MB) until it fires, so
 * a burst of page requests kept five seconds' worth of them alive, and V8 grew its heap to hold them (decision 20).
 */
export function renderDocument(element: ReactNode, options: RenderOptions): Promise<Response> {
  let status = options.status;
  const timers = options.timers ?? GLOBAL_TIMERS;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    let deadline: unknown;
    let settled = false;
    const settle = () => {
      settled = true;
      if (deadline !== undefined) timers.clear(deadline);
    };
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      options.headers.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: options.headers, status }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(element, {
      nonce: options.nonce || undefined,
      onShellReady: options.waitForAll ? undefined : ready,
      onAllReady() {
        settle();
        if (options.waitForAll) ready();
      },
      onShellError(error) {
        settle();
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        if (shellRendered) options.onStreamError(error);
      },
    });
    if (!settled) deadline = timers.set(abort, options.abortAfterMs);
  });
}
