import { createElement, Suspense, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { renderDocument, type RenderOptions, type Timers } from "./render-document.server";

/** Real timers that count how many of the renders' deadlines are still pending. */
function watchedTimers(): Timers & { pending: () => number } {
  const live = new Set<ReturnType<typeof setTimeout>>();
  return {
    set: (run, ms) => {
      const handle: ReturnType<typeof setTimeout> = setTimeout(() => (live.delete(handle), run()), ms);
      live.add(handle);
      return handle;
    },
    clear: (handle) => {
      live.delete(handle as ReturnType<typeof setTimeout>);
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
    pending: () => live.size,
  };
}

/** A part of the page that suspends until `promise` settles, as a deferred loader value would. */
function Later({ promise, text }: { promise: Promise<void>; text: string }): ReactNode {
  const state = promise as Promise<void> & { done?: boolean };
  if (!state.done) {
    throw promise.then(() => {
      state.done = true;
    });
  }
  return createElement("p", null, text);
}

const page = (...children: ReactNode[]) => createElement("html", null, createElement("body", null, createElement("h1", null, "A pair"), ...children));
const suspended = (promise: Promise<void>, text: string) => createElement(Suspense, { fallback: createElement("p", null, "loading") }, createElement(Later, { promise, text }));

function options(overrides: Partial<Omit<RenderOptions, "timers">> = {}): RenderOptions & { errors: unknown[]; timers: ReturnType<typeof watchedTimers> } {
  const errors: unknown[] = [];
  const timers = watchedTimers();
  return { status: 200, headers: new Headers(), waitForAll: false, nonce: "", abortAfterMs: 5_000, onStreamError: (error) => errors.push(error), errors, timers, ...overrides };
}

describe("renderDocument", () => {
  it("streams the page and leaves no timer behind once it is rendered (the deadline held every page's data for 5 s)", async () => {
    const settings = [1, 2, 3, 4, 5].map(() => options());
    const responses = await Promise.all(settings.map((o) => renderDocument(page(), o)));
    const texts = await Promise.all(responses.map((response) => response.text()));
    expect(texts[0]).toContain("<h1>A pair</h1>");
    expect(responses[0].headers.get("content-type")).toBe("text/html");
    expect(settings.map((o) => o.timers.pending())).toEqual([0, 0, 0, 0, 0]);
  });

  it("sends the shell first and the suspended part when it is ready, then clears the deadline", async () => {
    let finish!: () => void;
    const data = new Promise<void>((resolve) => (finish = resolve));
    const settings = options();
    const response = await renderDocument(page(suspended(data, "the rows")), settings);
    expect(response.status).toBe(200);
    expect(settings.timers.pending()).toBe(1);
    setTimeout(finish, 30);
    const html = await response.text();
    expect(html).toContain("loading");
    expect(html).toContain("the rows");
    expect(settings.timers.pending()).toBe(0);
  });

  it("waits for everything for a bot, and clears the deadline", async () => {
    const data = new Promise<void>((resolve) => setTimeout(resolve, 30));
    const settings = options({ waitForAll: true });
    const html = await (await renderDocument(page(suspended(data, "the rows")), settings)).text();
    expect(html).toContain("the rows");
    expect(html).not.toContain("loading");
    expect(settings.timers.pending()).toBe(0);
  });

  it("aborts a render still running at its deadline: the page ends with what was ready", async () => {
    const never = new Promise<void>(() => {});
    const settings = options({ abortAfterMs: 50 });
    const started = Date.now();
    const html = await (await renderDocument(page(suspended(never, "never shown")), settings)).text();
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(html).toContain("<h1>A pair</h1>");
    expect(html).toContain("loading");
    expect(html).not.toContain("never shown");
    expect(settings.errors.length).toBeGreaterThan(0);
  });

  it("rejects when the shell itself fails, and clears the deadline", async () => {
    const Broken = (): ReactNode => {
      throw new Error("no shell");
    };
    const settings = options();
    await expect(renderDocument(createElement(Broken), settings)).rejects.toThrow("no shell");
    expect(settings.timers.pending()).toBe(0);
  });
});
