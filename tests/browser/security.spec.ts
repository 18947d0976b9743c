import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { importText } from "./steps";

/**
 * Cross-site request forgery, as a browser does it (decision 16): a page on another origin (a server of this
 * test's own, on localhost, while Tandem is 127.0.0.1) posts a self-submitting form and a no-cors fetch to
 * Tandem's routes; both are refused and the document is still there.
 */
test("a page on another site can neither delete a document by a form nor by a fetch", async ({ page }) => {
  await importText(page, "CSRF target", "English", ["A line that must survive.", "Another line."]);
  const documentPath = new URL(page.url()).pathname;
  const tandem = new URL(page.url()).origin;
  const attacker = http.createServer((req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    if (req.url === "/form") {
      res.end(`<form method="post" action="${tandem}${documentPath}"><input name="intent" value="delete"></form><script>document.forms[0].submit()</script>`);
    } else {
      res.end(
        `<script>fetch("${tandem}${documentPath}?_data=routes%2Fdocuments.%24id", { method: "POST", mode: "no-cors", body: new URLSearchParams({ intent: "delete" }) }).then(() => { document.title = "sent"; }, () => { document.title = "sent"; });</script>`,
      );
    }
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  const foreign = `http://localhost:${(attacker.address() as AddressInfo).port}`;
  try {
    const refused = page.waitForResponse((response) => response.url().startsWith(`${tandem}${documentPath}`) && response.request().method() === "POST");
    await page.goto(`${foreign}/form`);
    const answer = await refused;
    expect(answer.status()).toBe(403);
    await expect(page.getByText("it came from another site")).toBeVisible();

    await page.goto(`${foreign}/fetch`);
    await expect(page).toHaveTitle("sent");

    await page.goto(documentPath);
    await expect(page.getByRole("heading", { name: "CSRF target" })).toBeVisible();
    // The same form from Tandem's own page still works.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Delete document" }).click();
    await expect(page).not.toHaveURL(new RegExp(`${documentPath}$`));
  } finally {
    attacker.closeAllConnections();
    await new Promise((resolve) => attacker.close(resolve));
  }
});
