import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { installGlobals } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeGracefully, createAppServer } from "../../server/app-server.mjs";

/**
 * The production server's bridge between Node and the Fetch API (server/app-server.mjs), with an application
 * written here instead of the Remix build, on 127.0.0.1 (port 0). Remix's globals are installed as
 * server/index.mjs installs them, so Request, Response and Headers are the ones the app meets in production.
 */

const MB = 1024 * 1024;
const PIECE = new Uint8Array(64 * 1024).fill(97);

/** A body of `total` bytes made on demand, one 64 KB piece per pull, that counts what was pulled. */
function countedStream(total: number) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += PIECE.length;
      controller.enqueue(PIECE);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

const waitFor = async (condition: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
};

/** Waits until `value()` has not changed for `quietMs`, and returns it. */
const settle = async (value: () => number, quietMs: number, maxMs: number) => {
  const until = Date.now() + maxMs;
  let last = value();
  let since = Date.now();
  while (Date.now() < until && Date.now() - since < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (value() !== last) {
      last = value();
      since = Date.now();
    }
  }
  return last;
};

type Handler = (request: Request) => Promise<Response>;
const routes: Record<string, Handler> = {};
const seen: { signalAborted?: boolean } = {};
const logged: string[] = [];
let server: http.Server;
let base: string;
let folder: string;
const globalsBefore = { Request: globalThis.Request, Response: globalThis.Response, Headers: globalThis.Headers, fetch: globalThis.fetch, FormData: globalThis.FormData, File: globalThis.File };

beforeAll(async () => {
  installGlobals({ nativeFetch: false });
  folder = mkdtempSync(path.join(tmpdir(), "tandem-server-test-"));
  mkdirSync(path.join(folder, "public/build"), { recursive: true });
  writeFileSync(path.join(folder, "public/favicon.ico"), Buffer.alloc(100, 1));
  writeFileSync(path.join(folder, "public/build/entry-ABC123.js"), "console.log('fingerprinted');\n".repeat(100));
  server = createAppServer({
    handleRequest: async (request) => {
      const route = routes[new URL(request.url).pathname];
      return route ? route(request) : new Response("not here\n", { status: 404 });
    },
    publicDirectory: path.join(folder, "public"),
    assetsBuildDirectory: path.join(folder, "public/build"),
    publicPath: "/build/",
    log: (line) => logged.push(line),
    bodyLimits: { form: 4 * MB, upload: 8 * MB },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(folder, { recursive: true, force: true });
  Object.assign(globalThis, globalsBefore);
});

/** A request on a connection of its own; resolves with the response, its body unread. */
function request(pathname: string, options: http.RequestOptions = {}, body?: Buffer): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${pathname}`, { agent: false, ...options }, resolve);
    req.on("error", reject);
    req.end(body);
  });
}

async function text(response: http.IncomingMessage): Promise<string> {
  const pieces: Buffer[] = [];
  for await (const piece of response) pieces.push(piece as Buffer);
  return Buffer.concat(pieces).toString("utf8");
}

describe("the production server's bridge to the application", () => {
  it("hands the application the method, the URL, every header and the body as it came", async () => {
    routes["/echo"] = async (req) => {
      const bytes = new Uint8Array(await req.arrayBuffer());
      const echoed = JSON.stringify({
        method: req.method,
        url: req.url,
        many: req.headers.get("x-many"),
        type: req.headers.get("content-type"),
        length: bytes.length,
        sha: createHash("sha256").update(bytes).digest("hex"),
      });
      return new Response(echoed, { headers: { "content-type": "application/json" } });
    };
    const upload = Buffer.alloc(3 * MB + 17, "é");
    const response = await request(
      "/echo?a=1&b=%C3%A9",
      { method: "POST", headers: { "content-type": "application/octet-stream", "x-many": ["one", "two"] } },
      upload,
    );
    expect(response.statusCode).toBe(200);
    const echoed = JSON.parse(await text(response));
    expect(echoed).toEqual({
      method: "POST",
      url: `${base}/echo?a=1&b=%C3%A9`,
      many: "one, two",
      type: "application/octet-stream",
      length: upload.length,
      sha: createHash("sha256").update(upload).digest("hex"),
    });
  });

  it("writes the status, its text, every header and each Set-Cookie on a line of its own", async () => {
    routes["/cookies"] = async () => {
      const headers = new Headers({ "content-type": "text/plain; charset=utf-8", "x-tandem": "yes" });
      headers.append("set-cookie", "tandem_user=Ana; Path=/; HttpOnly");
      headers.append("set-cookie", "tandem_flash=saved; Path=/; Max-Age=10");
      return new Response("made\n", { status: 201, statusText: "Made", headers });
    };
    const response = await request("/cookies");
    expect(response.statusCode).toBe(201);
    expect(response.statusMessage).toBe("Made");
    expect(response.headers["set-cookie"]).toEqual(["tandem_user=Ana; Path=/; HttpOnly", "tandem_flash=saved; Path=/; Max-Age=10"]);
    expect(response.headers["x-tandem"]).toBe("yes");
    expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(await text(response)).toBe("made\n");
  });

  it("reads a streamed body only as fast as the client takes it, and cancels it when the client leaves", async () => {
    // 256 MB on offer: without back-pressure the server would pull all of it into memory within a second.
    const { stream, state } = countedStream(256 * MB);
    routes["/big"] = async () => new Response(stream, { headers: { "content-type": "application/octet-stream" } });
    const response = await request("/big");
    response.pause();
    // What loopback's socket buffers and Node's stream buffers hold, and no more.
    const pulled = await settle(() => state.pulled, 500, 10_000);
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(32 * MB);
    // The client reads a little, then the server pulls a little more.
    let received = 0;
    response.on("data", (piece: Buffer) => {
      received += piece.length;
      if (received > 8 * MB) response.pause();
    });
    response.resume();
    await waitFor(() => received > 8 * MB, 10_000);
    expect(await settle(() => state.pulled, 500, 10_000)).toBeLessThan(received + 32 * MB);
    response.destroy();
    expect(await waitFor(() => state.cancelled, 5000)).toBe(true);
    expect(state.pulled).toBeLessThan(256 * MB);
  });

  it("lets the event loop turn between the pieces of a body whose client reads as fast as they come", async () => {
    // Pieces made at once (as an export's are) for a client that keeps up (as one on this machine does): the
    // socket's "drain" then comes within the same turn of the event loop, and without a turn between pieces the
    // body would be made while every other request waits. Counted: the most pieces pulled within one turn.
    let pulled = 0;
    let sinceTurn = 0;
    let mostInOneTurn = 0;
    let turnAwaited = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 16 * MB) return controller.close();
        pulled += PIECE.length;
        mostInOneTurn = Math.max(mostInOneTurn, ++sinceTurn);
        if (!turnAwaited) {
          turnAwaited = true;
          setImmediate(() => {
            turnAwaited = false;
            sinceTurn = 0;
          });
        }
        controller.enqueue(PIECE);
      },
    });
    routes["/fast"] = async () => new Response(stream, { headers: { "content-type": "application/octet-stream" } });
    const body = await text(await request("/fast"));
    expect(body.length).toBe(16 * MB);
    expect(mostInOneTurn).toBeLessThanOrEqual(3);
  });

  it("aborts the request's signal when the client leaves before the answer", async () => {
    let entered = false;
    routes["/slow"] = async (req) => {
      entered = true;
      await new Promise((resolve) => {
        req.signal.addEventListener("abort", resolve);
        setTimeout(resolve, 5000);
      });
      seen.signalAborted = req.signal.aborted;
      return new Response("too late");
    };
    const client = http.get(`${base}/slow`, { agent: false });
    client.on("error", () => {});
    await waitFor(() => entered, 5000);
    client.destroy();
    expect(await waitFor(() => seen.signalAborted !== undefined, 5000)).toBe(true);
    expect(seen.signalAborted).toBe(true);
  });

  it("answers HEAD without a body and cancels the one the application made", async () => {
    const { stream, state } = countedStream(64 * MB);
    routes["/head"] = async () => new Response(stream, { headers: { "content-type": "text/plain" } });
    const response = await request("/head", { method: "HEAD" });
    expect(response.statusCode).toBe(200);
    expect(await text(response)).toBe("");
    expect(await waitFor(() => state.cancelled, 5000)).toBe(true);
    expect(state.pulled).toBeLessThan(2 * MB);
  });

  it("cuts the connection when a body fails while streaming, and keeps serving", async () => {
    routes["/broken"] = async () => {
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ === 3) controller.error(new Error("the export failed half way (a test)"));
          else controller.enqueue(PIECE);
        },
      });
      return new Response(stream);
    };
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...parts: unknown[]) => errors.push(parts[0]);
    try {
      const response = await request("/broken");
      expect(response.statusCode).toBe(200);
      await expect(text(response)).rejects.toThrow(/aborted/);
    } finally {
      console.error = original;
    }
    expect(String(errors[0])).toMatch(/half way/);
    routes["/after"] = async () => new Response("still here");
    expect(await text(await request("/after"))).toBe("still here");
  });

  it("serves the build's files for a year and public files for an hour, uncompressed on loopback, and logs only application requests", async () => {
    logged.length = 0;
    const built = await request("/build/entry-ABC123.js", { headers: { "accept-encoding": "gzip" } });
    expect(built.statusCode).toBe(200);
    expect(built.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(built.headers["content-type"]).toMatch(/^application\/javascript/);
    // Compressed for clients elsewhere only (compression.test.ts).
    expect(built.headers["content-encoding"]).toBeUndefined();
    built.resume();
    const icon = await request("/favicon.ico");
    expect(icon.statusCode).toBe(200);
    expect(icon.headers["cache-control"]).toBe("public, max-age=3600");
    icon.resume();
    const missing = await request("/build/gone-XYZ.js");
    expect(missing.statusCode).toBe(404);
    expect(await text(missing)).toBe("not here\n");
    expect(logged).toEqual([expect.stringMatching(/^GET \/build\/gone-XYZ\.js 404 - - [\d.]+ ms$/)]);
  });

  it("stops gracefully: no new connections, the download in progress finishes", async () => {
    const other = createAppServer({
      handleRequest: async () => new Response(countedStream(4 * MB).stream),
      publicDirectory: path.join(folder, "public"),
      assetsBuildDirectory: path.join(folder, "public/build"),
      publicPath: "/build/",
      log: null,
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const port = (other.address() as AddressInfo).port;
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(`http://127.0.0.1:${port}/`, { agent: false }, resolve).on("error", reject));
    response.pause();
    let closed = false;
    const stopping = closeGracefully(other, 10_000).then(() => (closed = true));
    await expect(
      new Promise((resolve, reject) => http.get(`http://127.0.0.1:${port}/`, { agent: false }, resolve).on("error", reject)),
    ).rejects.toThrow(/ECONNREFUSED/);
    expect(closed).toBe(false);
    const body = await text(response);
    expect(body.length).toBe(4 * MB);
    await stopping;
    expect(closed).toBe(true);
  });
});

describe("what the production server refuses before the application (decision 16)", () => {
  const calls: string[] = [];
  const record = (name: string) => async (req: Request) => {
    calls.push(name);
    await req.arrayBuffer().catch(() => {});
    return new Response("written\n");
  };

  it("puts the security headers on pages and static files alike, with a fresh nonce each time", async () => {
    routes["/page"] = async () => new Response("<p>page</p>", { headers: { "content-type": "text/html" } });
    const policies: string[] = [];
    for (const pathname of ["/page", "/page", "/favicon.ico"]) {
      const response = await request(pathname);
      await text(response);
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["referrer-policy"]).toBe("same-origin");
      expect(response.headers["cross-origin-opener-policy"]).toBe("same-origin");
      policies.push(String(response.headers["content-security-policy"]));
    }
    expect(policies[0]).toContain("frame-ancestors 'none'");
    expect(policies[0]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(policies[0]).not.toBe(policies[1]);
  });

  it("refuses a Host it does not serve with 421, and serves addresses and loopback names", async () => {
    routes["/page"] = async () => new Response("page\n");
    const port = new URL(base).port;
    for (const [host, status] of [
      ["attacker.example:" + port, 421],
      ["localhost:" + port, 200],
      ["127.0.0.1:" + port, 200],
      ["[::1]:" + port, 200],
    ] as const) {
      const response = await request("/page", { headers: { host } });
      await text(response);
      expect(response.statusCode, host).toBe(status);
    }
  });

  it("refuses an unsafe request from another site with 403 before the application sees it", async () => {
    routes["/write"] = record("write");
    calls.length = 0;
    const own = new URL(base).host;
    const cases: Array<[Record<string, string>, number]> = [
      [{ origin: "http://attacker.example" }, 403],
      [{ origin: "null" }, 403],
      [{ "sec-fetch-site": "cross-site" }, 403],
      [{ referer: "http://attacker.example/page" }, 403],
      [{ origin: `http://${own}` }, 200],
      [{ "sec-fetch-site": "same-origin", referer: `http://${own}/pairs` }, 200],
      [{}, 200],
    ];
    for (const [headers, status] of cases) {
      const response = await request("/write", { method: "POST", headers: { ...headers, "content-type": "application/x-www-form-urlencoded" } }, Buffer.from("intent=delete"));
      const said = await text(response);
      expect(response.statusCode, JSON.stringify(headers)).toBe(status);
      if (status === 403) expect(said).toMatch(/another site/);
    }
    expect(calls).toHaveLength(3);
    // A GET from anywhere is read-only and served (its loaders never write).
    const read = await request("/write", { headers: { origin: "http://attacker.example" } });
    await text(read);
    expect(read.statusCode).toBe(200);
  });

  it("refuses a read another site's page had the browser make (an image, a script, a frame, a no-cors fetch), and serves a link followed from it", async () => {
    const seen: string[] = [];
    routes["/terminology/concordance"] = async (req) => {
      seen.push(req.headers.get("sec-fetch-dest") ?? "none");
      return new Response("searched\n");
    };
    const cases: Array<[Record<string, string>, number]> = [
      [{ "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors", "sec-fetch-dest": "image" }, 403],
      [{ "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors", "sec-fetch-dest": "script" }, 403],
      [{ "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", "sec-fetch-dest": "iframe" }, 403],
      [{ "sec-fetch-site": "same-site", "sec-fetch-mode": "cors", "sec-fetch-dest": "empty" }, 403],
      [{ "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" }, 200],
      [{ "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors", "sec-fetch-dest": "empty" }, 200],
      [{ "sec-fetch-site": "none", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" }, 200],
      [{}, 200],
    ];
    for (const [headers, status] of cases) {
      const response = await request("/terminology/concordance?q=entraide", { headers });
      const said = await text(response);
      expect(response.statusCode, JSON.stringify(headers)).toBe(status);
      if (status === 403) expect(said).toMatch(/a page of another site asked for it/);
    }
    // The application saw only the requests it served.
    expect(seen).toEqual(["document", "empty", "document", "none"]);
  });

  it("answers 413 for a body over its limit, declared or streamed, and the application's answer is not sent", async () => {
    routes["/write"] = record("write");
    calls.length = 0;
    const declared = await request("/write", { method: "POST", headers: { "content-type": "text/plain", "content-length": String(5 * MB) } });
    expect(declared.statusCode).toBe(413);
    expect(await text(declared)).toMatch(/larger than Tandem accepts here \(4 MB\)/);
    expect(calls).toEqual([]);
    const streamed = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(`${base}/write`, { agent: false, method: "POST", headers: { "content-type": "text/plain", "transfer-encoding": "chunked" } }, resolve);
      req.on("error", reject);
      const piece = Buffer.alloc(256 * 1024, 97);
      let sent = 0;
      const more = () => {
        while (sent < 6 * MB) {
          sent += piece.length;
          if (!req.write(piece)) return void req.once("drain", more);
        }
        req.end();
      };
      more();
    });
    expect(streamed.statusCode).toBe(413);
    await text(streamed);
    // Under the limit for uploads, the same size is taken.
    const upload = await request("/write", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" } }, Buffer.alloc(6 * MB, 97));
    await text(upload);
    expect(upload.statusCode).toBe(200);
  });
});

