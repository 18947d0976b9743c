// @ts-check
/**
 * `npm run serve`: serves the Remix build (build/index.js, or the path given as the first argument) on
 * HOST:PORT (127.0.0.1:3000 by default), from the project folder, as remix-serve did: the build's files and
 * public/ as static files, every other request through Remix (see app-server.mjs for why it is our own).
 * SIGTERM or SIGINT stops accepting connections and lets requests in progress finish (10 s at most); a
 * second signal stops at once. An alignment still running is left as it was with remix-serve: its worker
 * does not keep the process alive, the pair stays "aligning" and is queued again at the next start.
 *
 * One server per database file (decision 18): before it listens, the server takes the file's lease (the build's
 * startServing); while another live server holds it, this one prints who (pid, address) and exits with 1. A clean
 * stop gives the lease back; a server killed outright leaves one that the next start takes over.
 *
 * Security settings (decision 16): requests for another Host are refused (421) unless it is an address, a
 * loopback name, HOST itself or a name in TANDEM_ALLOWED_HOSTS; a HOST beyond loopback prints a warning.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

process.env.NODE_ENV = process.env.NODE_ENV ?? "production";
const mode = process.env.NODE_ENV;
const SHUTDOWN_GRACE_MS = 10_000;

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || "127.0.0.1";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not “${process.env.PORT}”.`);
  process.exit(1);
}

// Imported after NODE_ENV is set: React and Remix choose their production code when they load.
const { createRequestHandler, installGlobals } = await import("@remix-run/node");
const { closeGracefully, createAppServer } = await import("./app-server.mjs");
const { DEFAULT_BODY_LIMITS, hostRules, listensBeyondLoopback } = await import("./security.mjs");

const buildPath = path.resolve(process.argv[2] ?? "build/index.js");
/** @type {import("@remix-run/node").ServerBuild} */
const build = await import(pathToFileURL(buildPath).href);
// As remix-serve: Remix's fetch, Request, Response, Headers, FormData and File (Node's own with single fetch).
installGlobals({ nativeFetch: build.future.v3_singleFetch });

/** @type {{ startServing?: (address: string) => StartServing }} */
const entry = /** @type {never} */ (build.entry.module);
/** @typedef {{ ok: true, note: string | null, serving: { listening(address: string): void, stop(): void } } | { ok: false, message: string }} StartServing */
const url = (/** @type {string} */ name, /** @type {number} */ at) => `http://${name.includes(":") ? `[${name}]` : name}:${at}`;
const start = entry.startServing?.(url(host, port));
if (start && !start.ok) {
  console.error(start.message);
  process.exit(1);
}
if (start?.note) console.log(start.note);
const serving = start?.serving;

const server = createAppServer({
  handleRequest: createRequestHandler(build, mode),
  publicPath: build.publicPath,
  assetsBuildDirectory: path.resolve(build.assetsBuildDirectory),
  publicDirectory: path.resolve("public"),
  hosts: hostRules({ host, allowedHosts: process.env.TANDEM_ALLOWED_HOSTS }),
  // The application's own limits (app/entry.server.tsx), which know its upload forms.
  bodyLimits: /** @type {{ bodyLimits?: import("./security.mjs").BodyLimits }} */ (build.entry.module).bodyLimits ?? DEFAULT_BODY_LIMITS,
});

server.on("error", (error) => {
  console.error(`Tandem cannot serve on ${host}:${port}: ${error.message}`);
  serving?.stop();
  process.exit(1);
});
server.listen(port, host, () => {
  const address = server.address();
  const where = url(host, typeof address === "object" && address ? address.port : port);
  serving?.listening(where);
  console.log(`Tandem: ${where} (${mode})`);
  if (listensBeyondLoopback(host)) {
    console.warn(
      `Tandem: WARNING: HOST=${host} makes Tandem reachable from other machines. Tandem has no accounts yet: ` +
        "anyone who can reach this address can read, change and delete everything. Serve it on 127.0.0.1, " +
        "or behind a proxy that admits only your team (and list the proxy's name in TANDEM_ALLOWED_HOSTS).",
    );
  }
});

for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
  process.once(signal, () => {
    console.log(`Tandem: ${signal}, stopping (requests in progress get ${SHUTDOWN_GRACE_MS / 1000} s; another ${signal} stops at once)`);
    void closeGracefully(server, SHUTDOWN_GRACE_MS).then(() => {
      serving?.stop();
      console.log("Tandem: stopped");
    });
  });
}
