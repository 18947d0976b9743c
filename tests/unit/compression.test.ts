import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppServer } from "../../server/app-server.mjs";
import { isLoopbackAddress, responseCompression } from "../../server/compression.mjs";

/**
 * The server's compression (server/compression.mjs, decision 20): none for a client on this machine, gzip or
 * brotli with a 1 MB window for others. A client elsewhere is played by giving the request another peer address
 * before the middleware sees it (tests stay on 127.0.0.1).
 */

const TEXT = JSON.stringify(Array.from({ length: 4000 }, (_, i) => `Segment ${i}: la demande d’entraide judiciaire est envoyée au ministre.`));
const servers: http.Server[] = [];
let folder: string;

async function listen(server: http.Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function get(url: string, encoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { "accept-encoding": encoding } }, (response) => {
        const pieces: Buffer[] = [];
        response.on("data", (piece: Buffer) => pieces.push(piece));
        response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(pieces) }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/** A server with only the compression middleware, whose requests seem to come from `peer`. */
async function compressingServer(peer: string): Promise<string> {
  const app = express();
  app.use((req, _res, next) => {
    Object.defineProperty(req.socket, "remoteAddress", { value: peer, configurable: true });
    next();
  });
  app.use(responseCompression());
  app.use((_req, res) => {
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.end(TEXT);
  });
  return listen(http.createServer(app));
}

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "tandem-compression-test-"));
  mkdirSync(path.join(folder, "build"), { recursive: true });
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(folder, { recursive: true, force: true });
});

describe("compression", () => {
  it("leaves the answers to a client on this machine as they are, whatever it accepts", async () => {
    const base = await listen(
      createAppServer({
        handleRequest: async () => new Response(TEXT, { headers: { "content-type": "application/json; charset=utf-8" } }),
        publicDirectory: folder,
        assetsBuildDirectory: path.join(folder, "build"),
        publicPath: "/build/",
        log: null,
      }),
    );
    const answer = await get(`${base}/pairs/1/texts`, "gzip, deflate, br, zstd");
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body.toString()).toBe(TEXT);
  });

  it("gives a client elsewhere brotli with a 1 MB window, or gzip", async () => {
    const base = await compressingServer("192.0.2.7");
    const brotli = await get(base, "gzip, deflate, br");
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(brotli.body).toString()).toBe(TEXT);
    expect(brotli.body.byteLength).toBeLessThan(TEXT.length / 5);
    // A brotli stream opens with its window size (RFC 7932, 9.1): a set bit, then 3 bits n for 2^(17 + n).
    // 20 bits (1 MB) is n = 3: the low four bits 0111. Brotli's default, 22 bits (4 MB), would be 1011.
    expect(brotli.body[0] & 0x0f).toBe(0b0111);
    const gzip = await get(base, "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(TEXT);
  });

  it("takes 127.0.0.0/8 and ::1, in either notation, for this machine, and nothing else", () => {
    for (const address of ["127.0.0.1", "127.3.2.1", "::1", "::ffff:127.0.0.1", "::FFFF:127.0.0.9"]) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ["192.0.2.7", "::ffff:192.0.2.7", "10.0.0.1", "fe80::1", "::", "0.0.0.0", "128.0.0.1", undefined]) {
      expect(isLoopbackAddress(address), String(address)).toBe(false);
    }
  });
});
