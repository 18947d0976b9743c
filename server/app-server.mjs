// @ts-check
/**
 * Tandem's production HTTP server, in place of remix-serve (decision 15): the same static files and
 * compression (express.static, compression; none for loopback clients since decision 20), and our own bridge
 * between Node's request and response and the Fetch API's Request and Response that Remix handles. The reason is the body: remix-serve's bridge
 * (@remix-run/node's writeReadableStreamToWritable) writes every piece of a streamed body without waiting
 * for the socket, so a client that reads slowly makes Node hold the rest of the file in memory. Here a
 * piece is read from the body only once the socket has taken the previous one, and a client that goes
 * away cancels the body (an export then closes its database snapshot).
 *
 * Plain JavaScript, checked by `tsc` (// @ts-check), so that `node server/index.mjs` runs it as it is.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import { Transform } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import express from "express";
import { responseCompression } from "./compression.mjs";
import { bodyLimit, crossSiteReadRefusal, crossSiteRefusal, DEFAULT_BODY_LIMITS, hostRefusal, hostRules, securityHeaders, tooLargeMessage } from "./security.mjs";

/**
 * @typedef {{ cspNonce: string, databaseBusy?: string }} LoadContext what the application gets besides the
 *   request (its CSP nonce), and what it says back: that a write found the database locked for its whole deadline
 *   (app/entry.server.tsx's handleError sets databaseBusy to the sentence to show; the answer is then a 503)
 * @typedef {(request: Request, context: LoadContext) => Promise<Response>} HandleRequest
 * @typedef {(line: string) => void} Log
 * @typedef {import("./security.mjs").HostRules} HostRules
 * @typedef {import("./security.mjs").BodyLimits} BodyLimits
 * @typedef {object} AppServerOptions
 * @property {HandleRequest} handleRequest the application (Remix's request handler for the build)
 * @property {string} publicDirectory files served as they are, cached for an hour (favicon.ico)
 * @property {string} assetsBuildDirectory the build's fingerprinted files, cached for a year
 * @property {string} publicPath the URL path of the build's files ("/build/")
 * @property {Log | null} [log] one line per application request (static files are not logged), or null for none
 * @property {HostRules} [hosts] the hosts served (security.mjs hostRules); loopback names and addresses by default
 * @property {BodyLimits} [bodyLimits] the largest bodies accepted (security.mjs DEFAULT_BODY_LIMITS by default)
 */

/**
 * An http.Server for the application: static files first, then every other request through `handleRequest`.
 * @param {AppServerOptions} options
 * @returns {http.Server}
 */
export function createAppServer(options) {
  const app = express();
  app.disable("x-powered-by");
  const hosts = options.hosts ?? hostRules({ host: "127.0.0.1" });
  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    nonces.set(req, nonce);
    for (const [name, value] of Object.entries(securityHeaders(nonce))) res.setHeader(name, value);
    const wrongHost = hostRefusal(req.headers.host, hosts);
    if (wrongHost) return refuse(res, wrongHost.status, wrongHost.message);
    const foreign = crossSiteRefusal(
      {
        method: req.method,
        host: req.headers.host,
        origin: req.headers.origin,
        secFetchSite: header(req, "sec-fetch-site"),
        referer: req.headers.referer,
      },
      hosts,
    );
    if (foreign) return refuse(res, 403, foreign);
    const embedded = crossSiteReadRefusal({
      method: req.method,
      secFetchSite: header(req, "sec-fetch-site"),
      secFetchMode: header(req, "sec-fetch-mode"),
      secFetchDest: header(req, "sec-fetch-dest"),
    });
    if (embedded) return refuse(res, 403, embedded);
    next();
  });
  app.use(responseCompression());
  app.use(options.publicPath, express.static(options.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
  app.use(express.static(options.publicDirectory, { maxAge: "1h" }));
  const log = options.log === undefined ? (/** @type {string} */ line) => console.log(line) : options.log;
  const handle = bridge(options.handleRequest, log, options.bodyLimits ?? DEFAULT_BODY_LIMITS);
  app.use((/** @type {http.IncomingMessage} */ req, /** @type {http.ServerResponse} */ res) => void handle(req, res));
  return http.createServer(app);
}

/** Each request's CSP nonce, from the first middleware to the application. */
const nonces = new WeakMap();

/**
 * A single-valued request header.
 * @param {http.IncomingMessage} req
 * @param {string} name
 */
function header(req, name) {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Answers a refused request with a plain message. The body is not read: the connection is closed after the
 * answer, so that a client still sending learns at once.
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
function refuse(res, status, message) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" }).end(`${message}\n`);
}

/**
 * Node's (req, res) to the application's Request and back.
 * @param {HandleRequest} handleRequest
 * @param {Log | null} log
 * @param {BodyLimits} limits
 */
function bridge(handleRequest, log, limits) {
  return async (/** @type {http.IncomingMessage} */ req, /** @type {http.ServerResponse} */ res) => {
    const started = performance.now();
    if (log) {
      res.once("close", () => {
        const length = res.getHeader("content-length");
        const ms = (performance.now() - started).toFixed(3);
        const outcome = res.writableFinished ? String(res.statusCode) : `${res.statusCode} (client went away)`;
        log(`${req.method} ${req.url} ${outcome} ${length ?? "-"} - ${ms} ms`);
      });
    }
    const limit = bodyLimit(req.headers["content-type"], limits);
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) return refuse(res, 413, tooLargeMessage(limit));
    const body = { tooLarge: false };
    /** @type {LoadContext} */
    const context = { cspNonce: nonces.get(req) ?? "" };
    let response;
    try {
      response = await handleRequest(toRequest(req, res, limit, body), context);
    } catch (error) {
      if (body.tooLarge) return refuse(res, 413, tooLargeMessage(limit));
      // Remix answers its own errors; this is for a failure of the bridge or the handler itself.
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("Internal Server Error\n");
      else res.destroy();
      return;
    }
    if (body.tooLarge) {
      // The application saw its body cut short; whatever it answered, the answer is that the body was too large.
      await response.body?.cancel().catch(() => {});
      return refuse(res, 413, tooLargeMessage(limit));
    }
    if (context.databaseBusy && response.status >= 500) {
      await response.body?.cancel().catch(() => {});
      return answerBusy(req, res, context.databaseBusy);
    }
    await sendResponse(req, res, response);
  };
}

/**
 * 503 with Retry-After for a request whose write met another connection's lock until its deadline (decision 18).
 * A data request of Remix's (`?_data=`: fetchers, forms submitted by script) gets the JSON its page reads,
 * `{ ok: false, busy: true, message }`, marked as Remix's own answer so that a fetcher receives it as data (the
 * editor retries by itself); a page or a resource gets the sentence as text.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {string} message
 */
function answerBusy(req, res, message) {
  const headers = { "retry-after": "1", "cache-control": "no-store" };
  if (new URL(requestUrl(req)).searchParams.has("_data")) {
    const body = JSON.stringify({ ok: false, busy: true, conflict: false, message });
    res.writeHead(503, { ...headers, "content-type": "application/json; charset=utf-8", "x-remix-response": "yes" }).end(body);
  } else {
    res.writeHead(503, { ...headers, "content-type": "text/plain; charset=utf-8" }).end(`${message}\n`);
  }
}

/**
 * The Fetch API Request for a Node request: method, URL, every header, the body as a stream, and a signal
 * that aborts when the client goes away before the response is finished. The body stops with an error
 * once it passes `limit` bytes (a chunked body declares no length), and `body.tooLarge` says so.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {number} limit
 * @param {{ tooLarge: boolean }} body
 * @returns {Request}
 */
function toRequest(req, res, limit, body) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else headers.set(name, value);
  }
  const url = requestUrl(req);
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  /** @type {RequestInit & { duplex?: "half" }} */
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(limited(req, limit, body));
    init.duplex = "half";
  }
  return new Request(url, init);
}

/**
 * The request's body, cut off with an error after `limit` bytes.
 * @param {http.IncomingMessage} req
 * @param {number} limit
 * @param {{ tooLarge: boolean }} body
 * @returns {import("node:stream").Readable}
 */
function limited(req, limit, body) {
  let seen = 0;
  const counter = new Transform({
    transform(piece, _encoding, done) {
      seen += piece.length;
      if (seen > limit) {
        body.tooLarge = true;
        req.unpipe(counter);
        req.pause();
        return done(new Error(tooLargeMessage(limit)));
      }
      done(null, piece);
    },
  });
  req.on("error", (error) => counter.destroy(error));
  return req.pipe(counter);
}

/**
 * The request's absolute URL, from its Host header (the server is reached directly or through a proxy that
 * keeps the Host header); a Host header that is not a host falls back to localhost.
 * @param {http.IncomingMessage} req
 */
function requestUrl(req) {
  const path = req.url ?? "/";
  try {
    return new URL(path, `http://${req.headers.host ?? "localhost"}`).href;
  } catch {
    return new URL(path, "http://localhost").href;
  }
}

/**
 * Writes the application's Response: status, every header (each Set-Cookie on its own line), then the body
 * one piece at a time, waiting for the socket to drain whenever it is full, and letting other requests in between
 * pieces when it is not. A client that goes away cancels the body; an error in the body while streaming cuts the
 * connection (the status is already sent).
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {Response} response
 */
async function sendResponse(req, res, response) {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  /** @type {string[]} */
  const cookies = [];
  for (const [name, value] of response.headers) {
    if (name.toLowerCase() === "set-cookie") cookies.push(value);
    else res.setHeader(name, value);
  }
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  const body = response.body;
  if (res.destroyed) {
    // The client left while the application was answering.
    await body?.cancel().catch(() => {});
    return;
  }
  if (!body || req.method === "HEAD") {
    if (body) await body.cancel().catch(() => {});
    res.end();
    return;
  }
  if (/text\/event-stream/i.test(response.headers.get("content-type") ?? "")) res.flushHeaders();
  // compression() adds flush(): each piece leaves the compressor when written, as remix-serve does it.
  const flushable = /** @type {http.ServerResponse & { flush?: () => void }} */ (res);
  const reader = body.getReader();
  let gone = false;
  /** @type {(() => void) | null} */
  let wake = null;
  // One listener each for the whole body. (compression() sends "drain" listeners to its compressor and
  // cannot remove them again, so listeners added per piece would pile up.)
  res.on("drain", () => wake?.());
  res.once("close", () => {
    gone = !res.writableFinished;
    if (gone) reader.cancel().catch(() => {});
    wake?.();
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || gone) break;
      const room = res.write(value);
      flushable.flush?.();
      if (!room && !gone) {
        await new Promise((resolve) => (wake = () => resolve(undefined)));
        wake = null;
      }
      // Let the event loop turn before the next piece. A socket that takes each piece at once (a client on this
      // machine reads as fast as we write) reports "drain" within the same turn, so without this a large body
      // would be made in one go while every other request waits for it.
      if (!gone) await new Promise((resolve) => setImmediate(resolve));
    }
    if (!gone) res.end();
  } catch (error) {
    if (!gone) {
      console.error(error);
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/**
 * Stops accepting connections, closes the idle ones and lets requests in progress finish; after `graceMs`
 * the connections still open are closed too, so a stalled download cannot hold a stopping server forever.
 * @param {http.Server} server
 * @param {number} graceMs
 * @returns {Promise<void>}
 */
export function closeGracefully(server, graceMs) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
