import { describe, expect, it } from "vitest";
import { bodyLimit, crossSiteRefusal, DEFAULT_BODY_LIMITS, hostRefusal, hostRules, listensBeyondLoopback, tooLargeMessage } from "../../server/security.mjs";

/** The production server's rules (decision 16), one case list each; app-server.test.ts checks them through a real server. */

describe("the hosts served (DNS rebinding)", () => {
  const loopback = hostRules({ host: "127.0.0.1" });
  const named = hostRules({ host: "tandem.lan", allowedHosts: "Tandem.Example.org, https://proxy.example:8443/ other.example" });
  const cases: Array<[string, ReturnType<typeof hostRules>, string | undefined, 400 | 421 | null]> = [
    ["an address", loopback, "127.0.0.1:3000", null],
    ["an IPv6 address", loopback, "[::1]:3000", null],
    ["a network address (rebinding needs a name)", loopback, "192.168.1.20:3000", null],
    ["localhost", loopback, "localhost:3000", null],
    ["a name under .localhost", loopback, "app.localhost", null],
    ["upper case", loopback, "LOCALHOST:3000", null],
    ["an attacker's name", loopback, "attacker.example:3000", 421],
    ["a name that ends like localhost", loopback, "evil-localhost:3000", 421],
    ["no Host", loopback, undefined, 400],
    ["an empty Host", loopback, "", 400],
    ["a Host with a path", loopback, "127.0.0.1/x", 400],
    ["a Host with a space", loopback, "a b", 400],
    ["the name the server listens on", named, "tandem.lan:3000", null],
    ["a name of TANDEM_ALLOWED_HOSTS, any case", named, "tandem.example.org", null],
    ["a name of TANDEM_ALLOWED_HOSTS given with scheme, port and path", named, "proxy.example:8443", null],
    ["the last of a space-separated list", named, "other.example", null],
    ["a name not listed", named, "tandem.example.com", 421],
  ];
  for (const [what, rules, host, status] of cases) {
    it(what, () => expect(hostRefusal(host, rules)?.status ?? null).toBe(status));
  }
  it("names the setting in its refusal", () => expect(hostRefusal("attacker.example", loopback)?.message).toMatch(/TANDEM_ALLOWED_HOSTS/));
});

describe("writes from another site (cross-site request forgery)", () => {
  const rules = hostRules({ host: "127.0.0.1", allowedHosts: "tandem.example.org" });
  const host = "127.0.0.1:3000";
  const cases: Array<[string, Parameters<typeof crossSiteRefusal>[0], boolean]> = [
    ["a GET from anywhere is read-only", { method: "GET", host, origin: "http://attacker.example" }, false],
    ["HEAD and OPTIONS too", { method: "OPTIONS", host, origin: "http://attacker.example" }, false],
    ["a POST from the page itself", { method: "POST", host, origin: "http://127.0.0.1:3000" }, false],
    ["a POST from another site", { method: "POST", host, origin: "http://attacker.example" }, true],
    ["Origin: null (sandboxed frames, some redirects)", { method: "POST", host, origin: "null" }, true],
    ["the same host on another port is another origin", { method: "POST", host, origin: "http://127.0.0.1:3001" }, true],
    ["localhost is not 127.0.0.1", { method: "POST", host, origin: "http://localhost:3000" }, true],
    ["an origin that is not http(s)", { method: "POST", host, origin: "file://127.0.0.1:3000" }, true],
    ["an origin that is not a URL", { method: "POST", host, origin: "127.0.0.1:3000" }, true],
    ["the proxy's name of TANDEM_ALLOWED_HOSTS", { method: "POST", host, origin: "https://tandem.example.org" }, false],
    ["PUT, PATCH and DELETE as POST", { method: "DELETE", host, origin: "http://attacker.example" }, true],
    ["lower-case method", { method: "patch", host, origin: "http://attacker.example" }, true],
    ["no Origin, Sec-Fetch-Site cross-site", { method: "POST", host, secFetchSite: "cross-site" }, true],
    ["no Origin, Sec-Fetch-Site same-site (a sibling subdomain)", { method: "POST", host, secFetchSite: "same-site" }, true],
    ["no Origin, Sec-Fetch-Site same-origin", { method: "POST", host, secFetchSite: "same-origin" }, false],
    ["no Origin, a foreign Referer", { method: "POST", host, referer: "http://attacker.example/page" }, true],
    ["no Origin, the page's own Referer", { method: "POST", host, referer: "http://127.0.0.1:3000/pairs/1" }, false],
    ["no Origin, a Referer that is not a URL", { method: "POST", host, referer: "nonsense" }, true],
    ["no browser header at all (curl, a script on the machine)", { method: "POST", host }, false],
  ];
  for (const [what, request, refused] of cases) {
    it(what, () => expect(crossSiteRefusal(request, rules) !== null).toBe(refused));
  }
});

describe("body limits", () => {
  it("gives uploads the upload limit and everything else the form limit", () => {
    expect(bodyLimit("multipart/form-data; boundary=----x", DEFAULT_BODY_LIMITS)).toBe(DEFAULT_BODY_LIMITS.upload);
    expect(bodyLimit("  Multipart/Form-Data; boundary=x", DEFAULT_BODY_LIMITS)).toBe(DEFAULT_BODY_LIMITS.upload);
    expect(bodyLimit("application/x-www-form-urlencoded", DEFAULT_BODY_LIMITS)).toBe(DEFAULT_BODY_LIMITS.form);
    expect(bodyLimit("text/plain; boundary=multipart/form-data", DEFAULT_BODY_LIMITS)).toBe(DEFAULT_BODY_LIMITS.form);
    expect(bodyLimit(undefined, DEFAULT_BODY_LIMITS)).toBe(DEFAULT_BODY_LIMITS.form);
  });
  it("says the limit in MB or KB", () => {
    expect(tooLargeMessage(1024 * 1024)).toMatch(/\(1 MB\)/);
    expect(tooLargeMessage(64 * 1024)).toMatch(/\(64 KB\)/);
  });
});

describe("listening beyond this machine", () => {
  const cases: Array<[string, boolean]> = [
    ["127.0.0.1", false],
    ["127.0.0.2", false],
    ["localhost", false],
    ["::1", false],
    ["[::1]", false],
    ["0.0.0.0", true],
    ["::", true],
    ["192.168.1.20", true],
    ["tandem.lan", true],
  ];
  for (const [host, beyond] of cases) it(host, () => expect(listensBeyondLoopback(host)).toBe(beyond));
});
