// @ts-check
/**
 * What the server refuses before the application sees a request (decision 16): a Host it is not configured
 * for (DNS rebinding), an unsafe method from another origin (cross-site request forgery), a read that another
 * site's page had the browser make other than by a navigation, a body larger than the route can take; and the
 * security headers every response carries. Pure functions over header values,
 * so that each rule is tested as a list of cases (tests/unit/security.test.ts).
 */
import { isIP } from "node:net";

/** Methods that change something; the others (GET, HEAD, OPTIONS) never write. */
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * @typedef {object} HostRules
 * @property {Set<string>} names host names served on any port ("localhost", the configured HOST, TANDEM_ALLOWED_HOSTS)
 * @property {Set<string>} origins origins (host[:port], lower case) trusted besides the request's own Host, from
 *   TANDEM_ALLOWED_HOSTS: the names a proxy in front of Tandem is reached by
 */

/**
 * The hosts the server answers for: loopback names, the name it listens on (HOST, when it is a name) and those
 * of TANDEM_ALLOWED_HOSTS (comma- or space-separated, with or without a port). A Host that is an IP address is
 * always served: DNS rebinding needs a name the attacker controls, and an address is nobody's name.
 * @param {{ host: string, allowedHosts?: string }} settings
 * @returns {HostRules}
 */
export function hostRules(settings) {
  const names = new Set(["localhost"]);
  const origins = new Set();
  const bound = settings.host.trim().toLowerCase();
  if (bound && !isIP(bound.replace(/^\[|\]$/g, ""))) names.add(bound);
  for (const entry of (settings.allowedHosts ?? "").split(/[\s,]+/)) {
    const value = entry.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
    if (!value) continue;
    const parsed = splitHost(value);
    if (!parsed) continue;
    names.add(parsed.name);
    origins.add(value);
  }
  return { names, origins };
}

/**
 * A Host header's name and port ("[::1]:3000" → "::1", "3000"), or null when it is not a host.
 * @param {string} value
 * @returns {{ name: string, port: string } | null}
 */
function splitHost(value) {
  const match = /^(\[[0-9a-f:.]+\]|[^:\s[\]/]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return null;
  return { name: match[1].toLowerCase().replace(/^\[|\]$/g, ""), port: match[2] ?? "" };
}

/**
 * Why a request's Host is refused, or null when it is served.
 * @param {string | undefined} hostHeader
 * @param {HostRules} rules
 * @returns {{ status: 400 | 421, message: string } | null}
 */
export function hostRefusal(hostHeader, rules) {
  const parsed = hostHeader ? splitHost(hostHeader) : null;
  if (!parsed) return { status: 400, message: "This request has no valid Host header, so Tandem cannot tell which site it is for." };
  if (isIP(parsed.name) || rules.names.has(parsed.name) || parsed.name.endsWith(".localhost")) return null;
  return {
    status: 421,
    message:
      `Tandem does not serve the host “${parsed.name}”. If you reach it through a proxy or by a name of your own, ` +
      "add that name to the server setting TANDEM_ALLOWED_HOSTS.",
  };
}

/**
 * Why a request is refused as coming from another site, or null when it may proceed. Only unsafe methods are
 * checked. The Origin header decides when it is there (`null`, sent by sandboxed frames and some redirects, is
 * foreign); without it, Sec-Fetch-Site (`cross-site`, `same-site`) and then a Referer from another host do.
 * A request with none of the three (curl, a script on the machine) is not a browser's and is let through.
 * @param {{ method?: string, host?: string, origin?: string, secFetchSite?: string, referer?: string }} request
 * @param {HostRules} rules
 * @returns {string | null}
 */
export function crossSiteRefusal(request, rules) {
  if (!UNSAFE_METHODS.has((request.method ?? "GET").toUpperCase())) return null;
  const own = (request.host ?? "").toLowerCase();
  const refusal = "Tandem refused this request: it came from another site. Changes can only be made from Tandem's own pages.";
  const trusted = (/** @type {string} */ url) => {
    try {
      const { host, protocol } = new URL(url);
      if (protocol !== "http:" && protocol !== "https:") return false;
      return host === own || rules.origins.has(host);
    } catch {
      return false;
    }
  };
  if (request.origin !== undefined) return trusted(request.origin) ? null : refusal;
  const site = (request.secFetchSite ?? "").toLowerCase();
  if (site === "cross-site" || site === "same-site") return refusal;
  if (request.referer && !trusted(request.referer)) return refusal;
  return null;
}

/**
 * Why a request that writes nothing is refused as another site's use of Tandem, or null when it may proceed
 * (Fetch Metadata's resource isolation). A page of another site may link to Tandem: following the link is a
 * navigation of the whole window and is served. But it may not have the browser fetch Tandem's pages and data
 * as images, scripts, frames or no-cors fetches: the answer is useless to it (Cross-Origin-Resource-Policy),
 * while the server would do the work, such as a search over the whole corpus for each `<img>` of the page.
 * Only browsers send Sec-Fetch-Site; a request without it (curl, a script, an older browser) is served.
 * `same-site` (another port of localhost, another name of the same domain) is another site here too.
 * @param {{ method?: string, secFetchSite?: string, secFetchMode?: string, secFetchDest?: string }} request
 * @returns {string | null}
 */
export function crossSiteReadRefusal(request) {
  if (UNSAFE_METHODS.has((request.method ?? "GET").toUpperCase())) return null;
  const site = (request.secFetchSite ?? "").toLowerCase();
  if (site !== "cross-site" && site !== "same-site") return null;
  const mode = (request.secFetchMode ?? "").toLowerCase();
  const destination = (request.secFetchDest ?? "document").toLowerCase();
  if (mode === "navigate" && destination === "document") return null;
  return "Tandem refused this request: a page of another site asked for it. Open Tandem's pages from Tandem itself, or follow a link to them.";
}

/**
 * @typedef {object} BodyLimits
 * @property {number} form any body that is not an upload (forms, edits, JSON)
 * @property {number} upload a multipart/form-data body (a file and its form's fields)
 */

/** Used until the build says otherwise (app/entry.server.tsx exports the application's own). */
export const DEFAULT_BODY_LIMITS = /** @type {BodyLimits} */ ({ form: 1024 * 1024, upload: 51 * 1024 * 1024 });

/**
 * The most bytes a request's body may hold.
 * @param {string | undefined} contentType
 * @param {BodyLimits} limits
 */
export function bodyLimit(contentType, limits) {
  return /^\s*multipart\/form-data/i.test(contentType ?? "") ? limits.upload : limits.form;
}

/**
 * The answer for a body over its limit.
 * @param {number} limit
 */
export function tooLargeMessage(limit) {
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.round(limit / 1024)} KB`;
  return `This request is larger than Tandem accepts here (${size}). Nothing was saved.`;
}

/**
 * The headers every response carries. Scripts: the app's own files and the inline script Remix writes into
 * each page, which carries `nonce`; styles: the app's own style sheets only (no style attributes in markup,
 * which is why components set computed sizes through the DOM); no framing, no plugins, forms post only here.
 * @param {string} nonce a fresh value for each response
 * @returns {Record<string, string>}
 */
export function securityHeaders(nonce) {
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "content-security-policy": policy,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
  };
}

/**
 * Whether listening on `host` reaches beyond this machine (every interface, or an address of the network).
 * @param {string} host
 */
export function listensBeyondLoopback(host) {
  const name = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  if (name === "localhost" || name === "::1" || /^127\./.test(name)) return false;
  return true;
}
