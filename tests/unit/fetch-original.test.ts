import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchOriginal, kindOfContentType, nonPublicReason, privateAddressesAllowed } from "../../app/models/fetch-original.server";
import { importSubmission } from "../../app/models/imports.server";
import { readOriginal } from "../../app/models/originals.server";
import { closeDb } from "../../db/client.server";
import { tempDatabase } from "./helpers";

/**
 * The fetcher against HTTP servers started here on 127.0.0.1 (port 0): no other address is ever contacted.
 * Loopback is what the fetcher refuses by default, so most tests allow it, as a server started with
 * TANDEM_ALLOW_PRIVATE_URLS=1 does.
 */

const FIXTURES = path.join(import.meta.dirname, "../fixtures/originals");
const PAGE = readFileSync(path.join(FIXTURES, "statement.html"));
const PDF = readFileSync(path.join(FIXTURES, "report.pdf"));
const MB = 1024 * 1024;

let server: http.Server;
let base: string;
let port: number;
/** Bytes the oversize routes managed to send before the client hung up. */
const sent: Record<string, number> = {};

function streamUntilClosed(name: string, response: http.ServerResponse, total: number, headers: http.OutgoingHttpHeaders) {
  response.writeHead(200, headers);
  sent[name] = 0;
  const chunk = Buffer.alloc(256 * 1024, "a");
  const pump = () => {
    while (sent[name] < total && !response.destroyed) {
      sent[name] += chunk.length;
      if (!response.write(chunk)) return void response.once("drain", pump);
    }
    if (!response.destroyed) response.end();
  };
  pump();
}

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const url = request.url ?? "/";
    const redirect = (to: string, status = 302) => {
      response.writeHead(status, { location: to });
      response.end();
    };
    if (url === "/page.html") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    else if (url === "/report.pdf") response.writeHead(200, { "content-type": "application/pdf", "content-length": PDF.length }).end(PDF);
    else if (url === "/download") response.writeHead(200, { "content-type": "application/octet-stream" }).end(PDF);
    else if (url === "/r1") redirect("/r2");
    else if (url === "/r2") redirect(`http://127.0.0.1:${port}/r3`, 301);
    else if (url === "/r3") redirect("page.html", 307);
    else if (url === "/loop-a") redirect("/loop-b");
    else if (url === "/loop-b") redirect("/loop-a");
    else if (url.startsWith("/chain/")) redirect(`/chain/${Number(url.slice(7)) + 1}`);
    else if (url === "/to-private") redirect(`http://127.0.0.2:${port}/page.html`);
    else if (url === "/nowhere") response.writeHead(302).end();
    else if (url === "/streamed-big") streamUntilClosed("streamed", response, 60 * MB, { "content-type": "text/html" });
    else if (url === "/declared-big") streamUntilClosed("declared", response, 60 * MB, { "content-type": "application/pdf", "content-length": 60 * MB });
    else if (url === "/gzipped.html") response.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(gzipSync(PAGE));
    else if (url === "/gzip-bomb") response.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(gzipSync(Buffer.alloc(60 * MB, 32)));
    else if (url === "/bad-gzip") response.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(Buffer.from("not gzip at all"));
    else if (url === "/image.png") response.writeHead(200, { "content-type": "image/png" }).end(Buffer.alloc(100));
    else if (url === "/silent") request.socket.setTimeout(5000); // never answers
    else response.writeHead(404, { "content-type": "text/plain" }).end("not here");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const allowed = { allowPrivate: true };

describe("fetching an original from a URL", () => {
  it("fetches a web page and a PDF, by their content type", async () => {
    const page = await fetchOriginal(`${base}/page.html`, allowed);
    expect(page).toMatchObject({ ok: true, kind: "html", finalUrl: `${base}/page.html`, redirects: [] });
    if (page.ok) expect(Buffer.from(page.bytes).equals(PAGE)).toBe(true);
    const pdf = await fetchOriginal(`${base}/report.pdf`, allowed);
    expect(pdf).toMatchObject({ ok: true, kind: "pdf" });
    if (pdf.ok) expect((await readOriginal(pdf.bytes, pdf.finalUrl, { contentType: pdf.contentType })).ok).toBe(true);
  });

  it("takes a generic download and leaves it to the content to say what it is", async () => {
    const download = await fetchOriginal(`${base}/download`, allowed);
    expect(download).toMatchObject({ ok: true, kind: "sniff" });
    if (download.ok) expect(await readOriginal(download.bytes, download.finalUrl, { contentType: download.contentType })).toMatchObject({ ok: true, kind: "pdf" });
  });

  it("follows a chain of redirects (relative, absolute, 301, 302, 307) and reports where it ended", async () => {
    const outcome = await fetchOriginal(`${base}/r1`, allowed);
    expect(outcome).toMatchObject({ ok: true, url: `${base}/r1`, finalUrl: `${base}/page.html`, redirects: [`${base}/r2`, `${base}/r3`, `${base}/page.html`] });
  });

  it("refuses a redirect loop", async () => {
    const outcome = await fetchOriginal(`${base}/loop-a`, allowed);
    expect(outcome).toMatchObject({ ok: false, status: 422 });
    if (!outcome.ok) expect(outcome.message).toBe(`${base}/loop-a redirects in a loop (${base}/loop-a → ${base}/loop-b → ${base}/loop-a). Nothing was imported.`);
  });

  it("refuses more than five redirects", async () => {
    const outcome = await fetchOriginal(`${base}/chain/1`, allowed);
    expect(outcome).toMatchObject({ ok: false, status: 422 });
    if (!outcome.ok) expect(outcome.message).toMatch(/redirects more than 5 times .*\/chain\/7\)/);
    expect(await fetchOriginal(`${base}/chain/1`, { ...allowed, maxRedirects: 1 })).toMatchObject({ ok: false });
    expect(await fetchOriginal(`${base}/r3`, { ...allowed, maxRedirects: 1 })).toMatchObject({ ok: true });
  });

  it("stops a streamed response with no Content-Length as soon as it passes 50 MB", async () => {
    const outcome = await fetchOriginal(`${base}/streamed-big`, allowed);
    expect(outcome).toMatchObject({ ok: false, status: 413 });
    if (!outcome.ok) expect(outcome.message).toMatch(/larger than 50 MB: the download was stopped at 50\.\d MB/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent.streamed).toBeLessThan(58 * MB); // the server was cut off well before its 60 MB
  });

  it("refuses a response whose Content-Length is over the limit without reading it", async () => {
    const outcome = await fetchOriginal(`${base}/declared-big`, allowed);
    expect(outcome).toMatchObject({ ok: false, status: 413 });
    if (!outcome.ok) expect(outcome.message).toBe(`${base}/declared-big is 60.0 MB (its Content-Length); Tandem fetches documents up to 50 MB. Nothing was downloaded.`);
  });

  it("inflates a body compressed although it was asked not to be, within the limit", async () => {
    const page = await fetchOriginal(`${base}/gzipped.html`, allowed);
    expect(page).toMatchObject({ ok: true, kind: "html" });
    if (page.ok) expect(Buffer.from(page.bytes).equals(PAGE)).toBe(true);
    const bomb = await fetchOriginal(`${base}/gzip-bomb`, allowed);
    expect(bomb).toMatchObject({ ok: false, status: 413 });
    const bad = await fetchOriginal(`${base}/bad-gzip`, allowed);
    expect(bad).toMatchObject({ ok: false, status: 422 });
    if (!bad.ok) expect(bad.message).toMatch(/sent a gzip body that cannot be decompressed/);
  });

  it("refuses a content type Tandem does not read", async () => {
    const outcome = await fetchOriginal(`${base}/image.png`, allowed);
    expect(outcome).toMatchObject({ ok: false, status: 415 });
    if (!outcome.ok) expect(outcome.message).toMatch(/sent image\/png, not a document Tandem reads/);
  });

  it("reports an error status, a redirect to nowhere, a refused connection, a timeout and a DNS failure", async () => {
    const missing = await fetchOriginal(`${base}/missing`, allowed);
    if (!missing.ok) expect(missing.message).toBe(`${base}/missing cannot be fetched: the server answered 404 Not Found.`);
    expect(missing.ok).toBe(false);
    const nowhere = await fetchOriginal(`${base}/nowhere`, allowed);
    if (!nowhere.ok) expect(nowhere.message).toMatch(/redirect\) without saying where to/);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await fetchOriginal(`http://127.0.0.1:${closedPort}/`, allowed);
    expect(refused).toMatchObject({ ok: false, status: 422 });
    if (!refused.ok) expect(refused.message).toBe(`http://127.0.0.1:${closedPort}/ cannot be fetched: 127.0.0.1:${closedPort} refused the connection.`);
    const silent = await fetchOriginal(`${base}/silent`, { ...allowed, timeoutMs: 300 });
    if (!silent.ok) expect(silent.message).toBe(`${base}/silent cannot be fetched: no complete answer within 300 ms.`);
    expect(silent.ok).toBe(false);
    const unknownName = await fetchOriginal("http://no-such-host.invalid/", {
      ...allowed,
      resolve: async () => {
        throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
      },
    });
    if (!unknownName.ok) expect(unknownName.message).toBe("http://no-such-host.invalid/ cannot be fetched: the name no-such-host.invalid was not found (DNS). Check the address.");
    expect(unknownName.ok).toBe(false);
  });

  it("refuses what is not an http(s) address", async () => {
    for (const bad of ["not a url", "file:///etc/passwd", "ftp://example.org/a.pdf", "http://user:secret@example.org/"]) {
      expect(await fetchOriginal(bad, allowed)).toMatchObject({ ok: false, status: 400 });
    }
  });
});

describe("local and private addresses", () => {
  it("refuses loopback unless the server allows it, and says how an administrator allows it", async () => {
    const outcome = await fetchOriginal(`${base}/page.html`);
    expect(outcome).toMatchObject({ ok: false, status: 422 });
    if (!outcome.ok) {
      expect(outcome.message).toBe(
        "127.0.0.1 is a loopback address. This server does not fetch addresses on its own machine or a private network; an administrator can allow them by starting it with TANDEM_ALLOW_PRIVATE_URLS=1.",
      );
    }
    const byName = await fetchOriginal(`http://localhost:${port}/page.html`, { resolve: async () => [{ address: "127.0.0.1", family: 4 }] });
    if (!byName.ok) expect(byName.message).toMatch(/^localhost resolves to 127\.0\.0\.1, a loopback address\./);
    expect(byName.ok).toBe(false);
  });

  // Here 127.0.0.1 stands for a public address and 127.0.0.2 for a private one: the tests reach loopback only.
  const pretend = (address: string) => (address === "127.0.0.1" ? null : "a private address");

  it("checks every address a name resolves to", async () => {
    const outcome = await fetchOriginal(`http://mixed.example:${port}/page.html`, {
      addressPolicy: pretend,
      resolve: async () => [{ address: "127.0.0.1", family: 4 }, { address: "127.0.0.2", family: 4 }],
    });
    expect(outcome).toMatchObject({ ok: false, status: 422 });
    if (!outcome.ok) expect(outcome.message).toMatch(/^mixed\.example resolves to 127\.0\.0\.2, a private address\./);
  });

  it("connects to the address it checked, whatever the name resolves to later", async () => {
    let calls = 0;
    const outcome = await fetchOriginal(`http://rebinding.example:${port}/page.html`, {
      addressPolicy: pretend,
      resolve: async () => (calls++ === 0 ? [{ address: "127.0.0.1", family: 4 }] : [{ address: "127.0.0.2", family: 4 }]),
    });
    expect(outcome).toMatchObject({ ok: true, kind: "html" });
    expect(calls).toBe(1);
  });

  it("checks the address again after a redirect", async () => {
    const outcome = await fetchOriginal(`${base}/to-private`, { addressPolicy: pretend });
    expect(outcome).toMatchObject({ ok: false, status: 422 });
    if (!outcome.ok) expect(outcome.message).toMatch(`127.0.0.2 is a private address (the address ${base}/to-private redirected there). This server does not fetch addresses on its own machine`);
  });

  it.each([
    ["127.0.0.1", "a loopback address"],
    ["10.1.2.3", "a private address"],
    ["172.16.0.1", "a private address"],
    ["172.31.255.255", "a private address"],
    ["192.168.1.1", "a private address"],
    ["169.254.169.254", "a link-local address"],
    ["100.64.0.1", "a shared (carrier-grade NAT) address"],
    ["0.0.0.0", "a reserved address"],
    ["224.0.0.1", "a multicast address"],
    ["255.255.255.255", "a reserved address"],
    ["::1", "a loopback address"],
    ["::", "the unspecified address"],
    ["fe80::1", "a link-local address"],
    ["fd12:3456::1", "a private (unique local) address"],
    ["192.88.99.1", "a reserved (6to4 relay) address"],
    ["fe80::1%eth0", "a link-local address"],
    // An IPv6 address that stands for an IPv4 one is judged as the IPv4 one, in every form that reaches it.
    ["::ffff:127.0.0.1", "a loopback address (127.0.0.1 in its IPv4-mapped IPv6 form)"],
    ["::ffff:7f00:1", "a loopback address (127.0.0.1 in its IPv4-mapped IPv6 form)"],
    ["0:0:0:0:0:ffff:7f00:1", "a loopback address (127.0.0.1 in its IPv4-mapped IPv6 form)"],
    ["::ffff:10.0.0.1", "a private address (10.0.0.1 in its IPv4-mapped IPv6 form)"],
    ["::ffff:c0a8:101", "a private address (192.168.1.1 in its IPv4-mapped IPv6 form)"],
    ["::ffff:a9fe:a9fe", "a link-local address (169.254.169.254 in its IPv4-mapped IPv6 form)"],
    ["::ffff:0:0", "a reserved address (0.0.0.0 in its IPv4-mapped IPv6 form)"],
    ["::7f00:1", "a loopback address (127.0.0.1 in its IPv4-compatible IPv6 form)"],
    ["::127.0.0.1", "a loopback address (127.0.0.1 in its IPv4-compatible IPv6 form)"],
    ["::a00:1", "a private address (10.0.0.1 in its IPv4-compatible IPv6 form)"],
    ["::ac10:1", "a private address (172.16.0.1 in its IPv4-compatible IPv6 form)"],
    ["::ffff:0:7f00:1", "a loopback address (127.0.0.1 in its IPv4-translated IPv6 form)"],
    ["::ffff:0:10.1.2.3", "a private address (10.1.2.3 in its IPv4-translated IPv6 form)"],
    ["2002:7f00:1::", "a loopback address (127.0.0.1 in its 6to4 IPv6 form)"],
    ["2002:a00:1:5::9", "a private address (10.0.0.1 in its 6to4 IPv6 form)"],
    ["2002:c0a8:101::1", "a private address (192.168.1.1 in its 6to4 IPv6 form)"],
    ["2002:a9fe:a9fe::", "a link-local address (169.254.169.254 in its 6to4 IPv6 form)"],
    ["2002:6440:1::", "a shared (carrier-grade NAT) address (100.64.0.1 in its 6to4 IPv6 form)"],
    ["64:ff9b::7f00:1", "a loopback address (127.0.0.1 in its NAT64 IPv6 form)"],
    ["64:ff9b::10.0.0.1", "a private address (10.0.0.1 in its NAT64 IPv6 form)"],
    ["64:ff9b:1::a00:1", "a local NAT64 address"],
    ["2001::1", "a Teredo tunnel address"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "a Teredo tunnel address"],
    ["2001:2::1", "a benchmarking address"],
    ["3fff::1", "a documentation address"],
    ["172.32.0.1", null],
    ["8.8.8.8", null],
    ["2001:4860:4860::8888", null],
    // The same forms of a public address are public.
    ["::ffff:8.8.8.8", null],
    ["::ffff:808:808", null],
    ["2002:808:808::1", null],
    ["64:ff9b::808:808", null],
  ])("%s is %s", (address, reason) => {
    expect(nonPublicReason(address)).toBe(reason);
  });
});

describe("the server's setting for local and private addresses", () => {
  it("is off unless TANDEM_ALLOW_PRIVATE_URLS is 1", () => {
    expect(privateAddressesAllowed({})).toBe(false);
    expect(privateAddressesAllowed({ TANDEM_ALLOW_PRIVATE_URLS: "0" })).toBe(false);
    expect(privateAddressesAllowed({ TANDEM_ALLOW_PRIVATE_URLS: "yes" })).toBe(false);
    expect(privateAddressesAllowed({ TANDEM_ALLOW_PRIVATE_URLS: "1" })).toBe(true);
  });

  it("decides a URL import on this machine, whatever the form sent", async () => {
    const { file, dispose } = tempDatabase();
    const saved = { path: process.env.DATABASE_PATH, allow: process.env.TANDEM_ALLOW_PRIVATE_URLS };
    process.env.DATABASE_PATH = file;
    delete process.env.TANDEM_ALLOW_PRIVATE_URLS;
    closeDb();
    try {
      // What a forged form (or one from before this setting) sends: a box ticked.
      const forged = { title: "", text: "", file: null, url: `${base}/page.html`, language: "auto" as const, allowPrivate: true, allowPrivateAddresses: "on" };
      const refused = await importSubmission(forged);
      expect(refused).toMatchObject({ ok: false, status: 422, field: "url" });
      if (!refused.ok) expect(refused.message).toMatch(/^127\.0\.0\.1 is a loopback address\. This server does not fetch/);
      process.env.TANDEM_ALLOW_PRIVATE_URLS = "1";
      expect(await importSubmission(forged)).toMatchObject({ ok: true });
    } finally {
      closeDb();
      for (const [name, value] of [["DATABASE_PATH", saved.path], ["TANDEM_ALLOW_PRIVATE_URLS", saved.allow]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      dispose();
    }
  });
});

describe("content types", () => {
  it.each([
    ["text/html; charset=utf-8", "html"],
    ["application/xhtml+xml", "html"],
    ["application/pdf", "pdf"],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
    ["text/plain", "text"],
    ["", "sniff"],
    ["application/octet-stream", "sniff"],
    ["image/png", null],
    ["application/json", null],
  ])("%s → %s", (type, kind) => {
    expect(kindOfContentType(type)).toBe(kind);
  });
});
