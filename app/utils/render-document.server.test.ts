import { createElement, Suspense, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { renderDocument, type RenderOptions } from "./render-document.server";

const pendingTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

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

function options(overrides: Partial<RenderOptions> = {}): RenderOptions & { errors: unknown[] } {
  const errors: unknown[] = [];
  return { status: 200, headers: new Headers(), waitForAll: false, nonce: "", abortAfterMs: 5_000, onStreamError: (error) => errors.push(error), errors, ...overrides };
}

describe("renderDocument", () => {
  it("streams the page and leaves no timer behind once it is rendered (the deadline held every page's data for 5 s)", async () => {
    const before = pendingTimers();
    const responses = await Promise.all([1, 2, 3, 4, 5].map(() => renderDocument(page(), options())));
    const texts = await Promise.all(responses.map((response) => response.text()));
    expect(texts[0]).toContain("<h1>A pair</h1>");
    expect(responses[0].headers.get("content-type")).toBe("text/html");
    expect(pendingTimers()).toBe(before);
  });

  it("sends the shell first and the suspended part when it is ready, then clears the deadline", async () => {
    const before = pendingTimers();
    let finish!: () => void;
    const data = new Promise<void>((resolve) => (finish = resolve));
    const response = await renderDocument(page(suspended(data, "the rows")), options());
    expect(response.status).toBe(200);
    setTimeout(finish, 30);
    const html = await response.text();
    expect(html).toContain("loading");
    expect(html).toContain("the rows");
    expect(pendingTimers()).toBe(before);
  });

  it("waits for everything for a bot, and clears the deadline", async () => {
    const before = pendingTimers();
    const data = new Promise<void>((resolve) => setTimeout(resolve, 30));
    const html = await (await renderDocument(page(suspended(data, "the rows")), options({ waitForAll: true }))).text();
    expect(html).toContain("the rows");
    expect(html).not.toContain("loading");
    expect(pendingTimers()).toBe(before);
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
    const before = pendingTimers();
    const Broken = (): ReactNode => {
      throw new Error("no shell");
    };
    await expect(renderDocument(createElement(Broken), options())).rejects.toThrow("no shell");
    expect(pendingTimers()).toBe(before);
  });
});
