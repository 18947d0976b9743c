import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchOriginal, type FetchOptions } from "../../app/models/fetch-original.server";

/**
 * The fetcher over HTTPS, against TLS servers started here on 127.0.0.1 with certificates made for the test
 * by openssl: an authority of our own, a certificate it signs for the name docs.test, and an expired one.
 * docs.test resolves nowhere: the test's resolver gives 127.0.0.1, so a successful fetch shows the connection
 * went to the address that was checked while TLS verified the certificate against the name in the URL.
 * The authority reaches the fetcher through its test-only `trustedCertificates` option.
 */

const PAGE = readFileSync(path.join(import.meta.dirname, "../fixtures/originals/statement.html"));

let dir: string;
let authority: string;
const servers: https.Server[] = [];
/** The name each TLS connection asked for (SNI), per server. */
const servernames: string[] = [];
let goodPort: number;
let expiredPort: number;

function openssl(args: string[]) {
  execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
}

/** An authority, a certificate for docs.test that it signs (valid two days), and one that expired in 2020. */
function makeCertificates() {
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl(["req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Tandem test authority",
    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
  openssl(["req", ...ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=docs.test"]);
  writeFileSync(path.join(dir, "leaf.ext"), "subjectAltName=DNS:docs.test\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
  openssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-set_serial", "2", "-days", "2", "-extfile", "leaf.ext", "-out", "server.crt"]);
  // `openssl ca` is the one command that sets a certificate's dates in the past.
  writeFileSync(path.join(dir, "index.txt"), "");
  writeFileSync(path.join(dir, "serial"), "03\n");
  writeFileSync(
    path.join(dir, "ca.cnf"),
    "[ca]\ndefault_ca = test\n[test]\ndatabase = index.txt\nserial = serial\nnew_certs_dir = .\ndefault_md = sha256\npolicy = any\nunique_subject = no\n[any]\ncommonName = supplied\n",
  );
  openssl(["ca", "-batch", "-config", "ca.cnf", "-cert", "ca.crt", "-keyfile", "ca.key", "-in", "server.csr", "-out", "expired.crt",
    "-startdate", "20200101000000Z", "-enddate", "20200102000000Z", "-extfile", "leaf.ext", "-notext"]);
}

async function serve(certificate: string): Promise<number> {
  const server = https.createServer({ key: readFileSync(path.join(dir, "server.key")), cert: readFileSync(path.join(dir, certificate)) }, (request, response) => {
    if (request.url === "/page.html") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    else if (request.url === "/moved") response.writeHead(301, { location: "/page.html" }).end();
    else response.writeHead(404, { "content-type": "text/plain" }).end("not here");
  });
  server.on("secureConnection", (socket: TLSSocket) => servernames.push(String(socket.servername)));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "tandem-tls-"));
  makeCertificates();
  authority = readFileSync(path.join(dir, "ca.crt"), "utf8");
  goodPort = await serve("server.crt");
  expiredPort = await serve("expired.crt");
}, 30_000);

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Every name resolves to loopback (and only loopback may be reached); the names asked are kept. */
const asked: string[] = [];
const local: FetchOptions = {
  allowPrivate: true,
  resolve: async (hostname) => {
    asked.push(hostname);
    return [{ address: "127.0.0.1", family: 4 }];
  },
  addressPolicy: (address) => (address === "127.0.0.1" ? null : "not this test's server"),
};

describe("fetching an original over HTTPS", () => {
  it("fetches from the checked address while verifying the certificate for the name in the URL, redirects included", async () => {
    asked.length = 0;
    servernames.length = 0;
    const url = `https://docs.test:${goodPort}/moved`;
    const outcome = await fetchOriginal(url, { ...local, trustedCertificates: [authority] });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome).toMatchObject({ url, finalUrl: `https://docs.test:${goodPort}/page.html`, kind: "html", redirects: [`https://docs.test:${goodPort}/page.html`] });
    expect(Buffer.from(outcome.bytes).equals(PAGE)).toBe(true);
    expect(asked).toEqual(["docs.test", "docs.test"]);
    expect(servernames).toEqual(["docs.test", "docs.test"]);
  });

  it("refuses a certificate from an authority it does not trust, with a clear message", async () => {
    const url = `https://docs.test:${goodPort}/page.html`;
    // Node's bundled authorities (what the app uses) do not include the test's.
    const outcome = await fetchOriginal(url, local);
    expect(outcome).toEqual({
      ok: false,
      status: 422,
      message: `${url} cannot be fetched: docs.test:${goodPort}'s HTTPS certificate is not signed by an authority the server trusts (UNABLE_TO_VERIFY_LEAF_SIGNATURE).`,
    });
  });

  it("refuses a certificate for another name, and an expired one", async () => {
    const other = `https://elsewhere.test:${goodPort}/page.html`;
    expect(await fetchOriginal(other, { ...local, trustedCertificates: [authority] })).toEqual({
      ok: false,
      status: 422,
      message: `${other} cannot be fetched: the HTTPS certificate it presented is for another name than elsewhere.test (ERR_TLS_CERT_ALTNAME_INVALID).`,
    });
    const expired = `https://docs.test:${expiredPort}/page.html`;
    expect(await fetchOriginal(expired, { ...local, trustedCertificates: [authority] })).toEqual({
      ok: false,
      status: 422,
      message: `${expired} cannot be fetched: docs.test:${expiredPort}'s HTTPS certificate has expired (CERT_HAS_EXPIRED). The site must renew it.`,
    });
  });

  it("refuses a private address over HTTPS as over HTTP, without contacting it", async () => {
    servernames.length = 0;
    const url = `https://docs.test:${goodPort}/page.html`;
    const outcome = await fetchOriginal(url, {
      resolve: async () => [{ address: "127.0.0.1", family: 4 }],
      trustedCertificates: [authority],
    });
    expect(outcome).toMatchObject({ ok: false, status: 422 });
    if (!outcome.ok) expect(outcome.message).toMatch(/^docs\.test resolves to 127\.0\.0\.1, a loopback address\. This server does not fetch addresses on its own machine/);
    expect(servernames).toEqual([]);
  });
});
