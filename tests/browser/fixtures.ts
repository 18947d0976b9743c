import { expect, test as base } from "@playwright/test";

export { expect };
export type { BrowserContext, Download, Locator, Page } from "@playwright/test";

/**
 * Every browser test, with one more check after it: no page it opened reported a Content-Security-Policy
 * violation (Chromium logs each one as a console error, and the page fires `securitypolicyviolation`), so a
 * style attribute or an inline script without the nonce fails the test that renders it.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
        });
      });
      context.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(`${message.page()?.url() ?? ""}: ${message.text()}`);
      });
      await use(violations);
      expect(violations, "no page reports a Content-Security-Policy violation").toEqual([]);
    },
    { auto: true },
  ],
});
