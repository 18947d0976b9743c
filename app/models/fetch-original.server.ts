import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import type { Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { formatSize, MAX_ORIGINAL_BYTES, MAX_ORIGINAL_MB } from "../utils/limits";
import { RefusalOf } from "../utils/refusal";

/**
 * Fetches an original from a URL for import, with the safeguards a server that fetches for its users needs:
 * http and https only; every address the host resolves to is checked (loopback, private, link-local and
 * reserved ranges are refused unless the server's setting TANDEM_ALLOW_PRIVATE_URLS=1 allows them; an IPv6
 * address that stands for an IPv4 one is judged as that one), and the connection goes to an address that was
 * checked, so a second DNS answer cannot slip past; each redirect is checked again, loops and more than
 * five redirects are refused; a response over 50 MB is stopped as soon as its Content-Length or its bytes
 * pass the limit; the content type must be one Tandem reads; the whole fetch has a time limit.
 */

export type FetchedKind = "html" | "pdf" | "docx" | "text" | "sniff";

export type FetchOutcome =
  | { ok: true; url: string; finalUrl: string; contentType: string; kind: FetchedKind; bytes: Uint8Array; redirects: string[] }
  | { ok: false; status: 400 | 413 | 415 | 422; message: string };

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface FetchOptions {
  /** Fetch loopback and private addresses too: the server's setting (privateAddressesAllowed), never the user's. */
  allowPrivate?: boolean;
  maxBytes?: number;
  maxRedirects?: number;
  /** For the whole fetch, redirects included. */
  timeoutMs?: number;
  /** Name resolution (tests give their own). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** Why an address may not be fetched, or null (tests give their own: they may only reach loopback). */
  addressPolicy?: (address: string) => string | null;
  /**
   * Certificate authorities to trust for https:// instead of Node's bundled list. Tests only: they give
   * the authority they made for a local TLS server. The app never sets it, and nothing else changes it.
   */
  trustedCertificates?: string[];
}

/** The server setting that lets URL imports reach this machine and private networks (off unless exactly "1"). */
export const ALLOW_PRIVATE_SETTING = "TANDEM_ALLOW_PRIVATE_URLS";

/**
 * Whether this server fetches loopback, private and other non-public addresses for URL imports. A server
 * setting, never a form field: a page on another site, or anyone who can post to the form, could otherwise
 * tick it and make the server read internal services (server-side request forgery).
 */
export function privateAddressesAllowed(env: Record<string, string | undefined> = process.env): boolean {
  return env[ALLOW_PRIVATE_SETTING]?.trim() === "1";
}

export const MAX_REDIRECTS = 5;

/** Why a local or private address was not fetched, and who can change it. */
export const PRIVATE_REFUSAL = `This server does not fetch addresses on its own machine or a private network; an administrator can allow them by starting it with ${ALLOW_PRIVATE_SETTING}=1.`;

const RANGES: Array<[string, number, "ipv4" | "ipv6", string]> = [
  ["0.0.0.0", 8, "ipv4", "a reserved address"],
  ["10.0.0.0", 8, "ipv4", "a private address"],
  ["100.64.0.0", 10, "ipv4", "a shared (carrier-grade NAT) address"],
  ["127.0.0.0", 8, "ipv4", "a loopback address"],
  ["169.254.0.0", 16, "ipv4", "a link-local address"],
  ["172.16.0.0", 12, "ipv4", "a private address"],
  ["192.0.0.0", 24, "ipv4", "a reserved address"],
  ["192.0.2.0", 24, "ipv4", "a documentation address"],
  ["192.88.99.0", 24, "ipv4", "a reserved (6to4 relay) address"],
  ["192.168.0.0", 16, "ipv4", "a private address"],
  ["198.18.0.0", 15, "ipv4", "a benchmarking address"],
  ["198.51.100.0", 24, "ipv4", "a documentation address"],
  ["203.0.113.0", 24, "ipv4", "a documentation address"],
  ["224.0.0.0", 4, "ipv4", "a multicast address"],
  ["240.0.0.0", 4, "ipv4", "a reserved address"],
  ["::", 128, "ipv6", "the unspecified address"],
  ["::1", 128, "ipv6", "a loopback address"],
  // NAT64 for local use (RFC 8215): the IPv4 address may sit anywhere in it, so the whole range is refused.
  ["64:ff9b:1::", 48, "ipv6", "a local NAT64 address"],
  ["100::", 64, "ipv6", "a discard address"],
  // Teredo tunnels (2001::/32) carry an IPv4 address obfuscated, reach it through relays, and are out of use.
  ["2001::", 32, "ipv6", "a Teredo tunnel address"],
  ["2001:2::", 48, "ipv6", "a benchmarking address"],
  ["2001:db8::", 32, "ipv6", "a documentation address"],
  ["3fff::", 20, "ipv6", "a documentation address"],
  ["fc00::", 7, "ipv6", "a private (unique local) address"],
  ["fe80::", 10, "ipv6", "a link-local address"],
  ["fec0::", 10, "ipv6", "a site-local address"],
  ["ff00::", 8, "ipv6", "a multicast address"],
];
/** Each range as a list of its own, so that an address's reason is its range's. */
const RANGE_LISTS = RANGES.map(([network, prefix, family, reason]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { family, reason, list };
});

/** An IPv6 address as its eight 16-bit groups ("::ffff:127.0.0.1" → 0,0,0,0,0,ffff,7f00,1); null if it is not one. */
function ipv6Groups(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const part = (s: string | undefined) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const before = part(head);
  const after = part(tail);
  return tail === undefined ? before : [...before, ...Array(8 - before.length - after.length).fill(0), ...after];
}

/** The IPv4 address written in two 16-bit groups. */
const ipv4Of = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join(".");

/**
 * The IPv4 address an IPv6 address stands for, and the form it is written in: IPv4-mapped (::ffff:a.b.c.d),
 * IPv4-translated (::ffff:0:a.b.c.d), IPv4-compatible (::a.b.c.d), 6to4 (2002:aabb:ccdd::/48) or NAT64
 * (64:ff9b::a.b.c.d). Each reaches the IPv4 address, so each is judged as that address.
 */
function embeddedIpv4(g: number[]): { ipv4: string; form: string } | null {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return { ipv4: ipv4Of(g[6], g[7]), form: "IPv4-mapped" };
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return { ipv4: ipv4Of(g[6], g[7]), form: "IPv4-translated" };
  if (zeros(0, 6)) return { ipv4: ipv4Of(g[6], g[7]), form: "IPv4-compatible" };
  if (g[0] === 0x2002) return { ipv4: ipv4Of(g[1], g[2]), form: "6to4" };
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return { ipv4: ipv4Of(g[6], g[7]), form: "NAT64" };
  return null;
}

/** Why an address is not a public one, or null when it is. */
export function nonPublicReason(address: string): string | null {
  const family = isIP(address) === 6 ? "ipv6" : "ipv4";
  // Each list is checked in its own family only: Node's BlockList would match "::ffff:7f00:1" against an IPv4 range, but not "::7f00:1".
  const range = RANGE_LISTS.find((r) => r.family === family && r.list.check(address, family));
  if (range) return range.reason;
  const groups = ipv6Groups(address);
  const embedded = groups && embeddedIpv4(groups);
  if (!embedded) return null;
  const reason = nonPublicReason(embedded.ipv4);
  return reason && `${reason} (${embedded.ipv4} in its ${embedded.form} IPv6 form)`;
}

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

const CONTENT_TYPES: Array<[RegExp, FetchedKind]> = [
  [/^(text\/html|application\/xhtml\+xml)$/, "html"],
  [/^application\/(x-)?pdf$/, "pdf"],
  [/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/, "docx"],
  [/^text\/(plain|markdown|x-markdown)$/, "text"],
  [/^(application\/octet-stream|binary\/octet-stream|application\/download|application\/force-download)?$/, "sniff"],
];

export function kindOfContentType(contentType: string): FetchedKind | null {
  const type = contentType.split(";")[0].trim().toLowerCase();
  return CONTENT_TYPES.find(([pattern]) => pattern.test(type))?.[1] ?? null;
}

/** A refusal of the address or of what it sent, answered as the fetch's `{ ok: false }` result (see fetchOriginal). */
class FetchRefusal extends RefusalOf<400 | 413 | 415 | 422> {}

function networkMessage(url: URL, error: NodeJS.ErrnoException): string {
  const host = url.host;
  switch (error.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_NODATA":
    case "EAI_NONAME":
      return `${url.href} cannot be fetched: the name ${url.hostname} was not found (DNS). Check the address.`;
    case "ECONNREFUSED":
      return `${url.href} cannot be fetched: ${host} refused the connection.`;
    case "ECONNRESET":
    case "EPIPE":
      return `${url.href} cannot be fetched: ${host} closed the connection.`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${url.href} cannot be fetched: ${host} cannot be reached from the server.`;
    case "CERT_HAS_EXPIRED":
      return `${url.href} cannot be fetched: ${host}'s HTTPS certificate has expired (${error.code}). The site must renew it.`;
    case "CERT_NOT_YET_VALID":
      return `${url.href} cannot be fetched: ${host}'s HTTPS certificate is not valid yet (${error.code}).`;
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `${url.href} cannot be fetched: the HTTPS certificate it presented is for another name than ${url.hostname} (${error.code}).`;
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
      return `${url.href} cannot be fetched: ${host}'s HTTPS certificate is not signed by an authority the server trusts (${error.code}).`;
    case "CERT_REVOKED":
    case "CERT_SIGNATURE_FAILURE":
    case "CERT_UNTRUSTED":
    case "CERT_REJECTED":
    case "INVALID_CA":
      return `${url.href} cannot be fetched: ${host}'s HTTPS certificate is not valid (${error.code}).`;
    default:
      return `${url.href} cannot be fetched: ${error.message}.`;
  }
}

interface Hop {
  status: number;
  location: string | null;
  contentType: string;
  bytes: Uint8Array | null;
}

/** One request to one URL, connected to the addresses that were checked. */
function requestOnce(url: URL, addresses: ResolvedAddress[], maxBytes: number, deadline: number, trusted?: string[]): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const pinned: LookupFunction = (_hostname, options, callback) => {
      const family = typeof options === "object" && options.family ? options.family : 0;
      const usable = addresses.filter((a) => !family || a.family === family);
      if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, usable);
      else callback(null, usable[0]?.address ?? addresses[0].address, usable[0]?.family ?? addresses[0].family);
    };
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "GET",
        lookup: pinned,
        agent: false,
        ...(trusted && url.protocol === "https:" ? { ca: trusted } : {}),
        headers: {
          accept: "text/html,application/xhtml+xml,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9,text/plain;q=0.8",
          "accept-encoding": "identity",
          "user-agent": "Tandem/0.1 (translation alignment workbench; fetches one document on a user's request)",
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const contentType = String(response.headers["content-type"] ?? "");
        if (status >= 300 && status < 400) {
          response.resume();
          resolve({ status, location: response.headers.location ?? null, contentType, bytes: null });
          return;
        }
        if (status < 200 || status >= 300) {
          response.resume();
          resolve({ status, location: null, contentType, bytes: null });
          return;
        }
        if (kindOfContentType(contentType) === null) {
          request.destroy();
          reject(new FetchRefusal(415, `${url.href} sent ${contentType.split(";")[0]}, not a document Tandem reads. Tandem imports web pages (HTML), PDF, Word documents (.docx) and plain text.`));
          return;
        }
        const declared = Number(response.headers["content-length"] ?? NaN);
        if (Number.isFinite(declared) && declared > maxBytes) {
          request.destroy();
          reject(new FetchRefusal(413, `${url.href} is ${formatSize(declared)} (its Content-Length); Tandem fetches documents up to ${MAX_ORIGINAL_MB} MB. Nothing was downloaded.`));
          return;
        }
        // A server may compress although asked not to: the limit applies to what the content inflates to.
        const encoding = String(response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
        const decoders: Record<string, () => Transform> = { gzip: createGunzip, "x-gzip": createGunzip, deflate: createInflate, br: createBrotliDecompress };
        if (encoding !== "identity" && !decoders[encoding]) {
          request.destroy();
          reject(new FetchRefusal(415, `${url.href} was sent with the content encoding “${encoding}”, which Tandem does not read.`));
          return;
        }
        const body: NodeJS.ReadableStream = encoding === "identity" ? response : response.pipe(decoders[encoding]());
        const chunks: Buffer[] = [];
        let received = 0;
        body.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBytes) {
            request.destroy();
            reject(new FetchRefusal(413, `${url.href} is larger than ${MAX_ORIGINAL_MB} MB: the download was stopped at ${formatSize(received)}. Tandem fetches documents up to ${MAX_ORIGINAL_MB} MB.`));
            return;
          }
          chunks.push(chunk);
        });
        body.on("end", () => resolve({ status, location: null, contentType, bytes: new Uint8Array(Buffer.concat(chunks)) }));
        body.on("error", (error: Error) => reject(new FetchRefusal(422, `${url.href} sent a ${encoding} body that cannot be decompressed (${error.message}).`)));
        response.on("error", reject);
      },
    );
    const remaining = deadline - Date.now();
    const timer = setTimeout(() => request.destroy(Object.assign(new Error("timed out"), { code: "TANDEM_TIMEOUT" })), Math.max(0, remaining));
    request.on("close", () => clearTimeout(timer));
    request.on("error", reject);
    request.end();
  });
}

const STATUS_TEXT: Record<number, string> = { 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable" };

/** Fetches a document for import; every refusal is a sentence for the user. */
export async function fetchOriginal(input: string, options: FetchOptions = {}): Promise<FetchOutcome> {
  const maxBytes = options.maxBytes ?? MAX_ORIGINAL_BYTES;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const resolve = options.resolve ?? systemResolve;
  const policy = options.addressPolicy ?? nonPublicReason;
  const deadline = Date.now() + timeoutMs;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, status: 400, message: `“${input.trim().slice(0, 200)}” is not a web address. Give a full address, such as https://www.example.org/report.pdf.` };
  }
  const start = url.href;
  const visited = [url.href];
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new FetchRefusal(400, `Tandem fetches http:// and https:// addresses only, not ${url.protocol}//.`);
      }
      if (url.username || url.password) throw new FetchRefusal(400, "Tandem does not fetch addresses with a user name or password in them.");
      const hostname = url.hostname.replace(/^\[|\]$/g, "");
      let addresses: ResolvedAddress[];
      if (isIP(hostname)) addresses = [{ address: hostname, family: isIP(hostname) }];
      else {
        try {
          addresses = await Promise.race([
            resolve(hostname),
            new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error("timed out"), { code: "TANDEM_TIMEOUT" })), Math.max(0, deadline - Date.now()))),
          ]);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === "TANDEM_TIMEOUT") throw error;
          throw new FetchRefusal(422, networkMessage(url, { ...(error as NodeJS.ErrnoException), code: code ?? "ENOTFOUND" }));
        }
        if (addresses.length === 0) throw new FetchRefusal(422, networkMessage(url, Object.assign(new Error("no address"), { code: "ENOTFOUND" })));
      }
      if (!options.allowPrivate) {
        for (const { address } of addresses) {
          const reason = policy(address);
          if (reason) {
            const where = isIP(hostname) ? `${hostname} is ${reason}` : `${hostname} resolves to ${address}, ${reason}`;
            const after = hop > 0 ? ` (the address ${start} redirected there)` : "";
            throw new FetchRefusal(
              422,
              `${where}${after}. ${PRIVATE_REFUSAL}`,
            );
          }
        }
      }
      const response = await requestOnce(url, addresses, maxBytes, deadline, options.trustedCertificates);
      if (response.status >= 300 && response.status < 400) {
        if (!response.location) throw new FetchRefusal(422, `${url.href} answered ${response.status} (a redirect) without saying where to.`);
        const next = new URL(response.location, url);
        if (visited.includes(next.href)) {
          throw new FetchRefusal(422, `${start} redirects in a loop (${[...visited, next.href].join(" → ")}). Nothing was imported.`);
        }
        if (hop + 1 > maxRedirects) {
          throw new FetchRefusal(422, `${start} redirects more than ${maxRedirects} times (${[...visited, next.href].join(" → ")}). Nothing was imported.`);
        }
        visited.push(next.href);
        url = next;
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        const text = STATUS_TEXT[response.status] ? ` ${STATUS_TEXT[response.status]}` : "";
        throw new FetchRefusal(422, `${url.href} cannot be fetched: the server answered ${response.status}${text}.`);
      }
      return {
        ok: true,
        url: start,
        finalUrl: url.href,
        contentType: response.contentType,
        kind: kindOfContentType(response.contentType) ?? "sniff",
        bytes: response.bytes ?? new Uint8Array(),
        redirects: visited.slice(1),
      };
    }
  } catch (error) {
    if (error instanceof FetchRefusal) return { ok: false, status: error.status, message: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "TANDEM_TIMEOUT") {
      return { ok: false, status: 422, message: `${url.href} cannot be fetched: no complete answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}.` };
    }
    return { ok: false, status: 422, message: networkMessage(url, error as NodeJS.ErrnoException) };
  }
}
