import { expect, test as base } from "@playwright/test";

export { expect };
export type { BrowserContext, Download, Locator, Page } from "@playwright/test";

/**
 * Every browser test, with two more things around it:
 * - a check after it: no page it opened reported a Content-Security-Policy violation (Chromium logs each one as a
 *   console error, and the page fires `securitypolicyviolation`), so a style attribute or an inline script without
 *   the nonce fails the test that renders it;
 * - a record of what went wrong in its pages (uncaught errors, console errors, answers of 400 and more, and each
 *   open page's address and first lines of text), printed only when the test fails: CI keeps nothing but its log,
 *   and a failure in a browser says little without them.
 */
export const test = base.extend<{ cspViolations: string[]; pageTrouble: string[] }>({
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
  pageTrouble: [
    async ({ context }, use, testInfo) => {
      const trouble: string[] = [];
      const started = Date.now();
      const at = () => `+${((Date.now() - started) / 1000).toFixed(1)}s`;
      const watch = (page: import("@playwright/test").Page) => {
        page.on("pageerror", (error) => trouble.push(`${at()} page error on ${page.url()}: ${error.stack ?? error.message}`));
        page.on("console", (message) => {
          if (message.type() === "error") trouble.push(`${at()} console error on ${page.url()}: ${message.text()}`);
        });
        page.on("response", (response) => {
          if (response.status() >= 400) trouble.push(`${at()} ${response.status()} ${response.request().method()} ${response.url()}`);
        });
        page.on("framenavigated", (frame) => {
          if (frame === page.mainFrame()) trouble.push(`${at()} navigated to ${frame.url()}`);
        });
      };
      context.pages().forEach(watch);
      context.on("page", watch);
      await use(trouble);
      if (testInfo.status === testInfo.expectedStatus) return;
      for (const page of context.pages()) {
        const text = await page
          .locator("body")
          .innerText({ timeout: 1000 })
          .catch((error: Error) => `(no text: ${error.message})`);
        trouble.push(`open page ${page.url()}:\n${text.slice(0, 1500)}`);
      }
      console.log(`\n--- what the pages of “${testInfo.title}” showed ---\n${trouble.join("\n")}\n---`);
    },
    { auto: true },
  ],
});
