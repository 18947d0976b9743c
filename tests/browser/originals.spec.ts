import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type Page } from "./fixtures";

/** Originals: PDF and Word uploads, and a web address served by a fixture server on 127.0.0.1 (no other network). */

const FIXTURES = path.join(import.meta.dirname, "../fixtures/originals");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

let server: http.Server;
let base: string;

test.beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === "/statement.html") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(fixture("statement.html"));
    else if (request.url === "/old-address") response.writeHead(301, { location: "/statement.html" }).end();
    else if (request.url === "/report.pdf") response.writeHead(200, { "content-type": "application/pdf" }).end(fixture("report.pdf"));
    else if (request.url === "/photo.png") response.writeHead(200, { "content-type": "image/png" }).end(Buffer.alloc(64));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function openForm(page: Page) {
  await page.goto("/documents/new");
  await expect(page.getByRole("heading", { name: "Add a document" })).toBeVisible();
}

const alert = (page: Page) => page.locator("#form-error");
const submit = (page: Page) => page.getByRole("button", { name: "Import" }).click();

test("a Word document is uploaded with its headings, list items and note", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("…or a file").setInputFiles({
    name: "statement.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: fixture("statement.docx"),
  });
  await submit(page);
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Putting people first in the cybercrime convention");
  await expect(page.locator(".meta")).toContainText("statement.docx");
  await expect(page.locator(".meta")).toContainText("Word document: 19 paragraphs, 1 note");
  await expect(page.locator(".meta")).toContainText("English");
  await expect(page.locator("#s1")).toHaveAttribute("data-kind", "heading");
  await expect(page.locator('[data-kind="item"] .seg-text').first()).toHaveText(/^Focus on crimes that depend on computers/);
  await expect(page.locator('[data-kind="note"] .seg-text')).toHaveText(["See the list of signatories at the end of this statement."]);
});

test("a PDF is uploaded: running heads, stamps and broken words are gone, and listed", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("Title").fill("Draft recommendations (PDF)");
  await page.getByLabel("…or a file").setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: fixture("report.pdf") });
  await submit(page);
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Draft recommendations (PDF)");
  await expect(page.locator(".meta")).toContainText("PDF, 3 pages: text read with pdftotext");
  const texts = (await page.locator(".seg-text").allTextContents()).join("\n");
  expect(texts).not.toMatch(/V\.26-01234|preserva-tion|au-thorities/);
  expect(texts).toContain("expedited preservation of stored computer data");
  expect(texts).toContain("non-governmental organizations");
  await page.locator("#removed summary").click();
  await expect(page.locator('.report-group[data-kind="line-end-hyphen"] h3')).toContainText("Hyphens of words broken at line ends");
  await expect(page.locator('.report-group[data-kind="page-stamp"]')).toContainText("running head or foot, repeated on 3 pages");
});

test("an encrypted PDF and a renamed ZIP are refused, the title is kept", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("Title").fill("Locked");
  await page.getByLabel("…or a file").setInputFiles({ name: "encrypted.pdf", mimeType: "application/pdf", buffer: fixture("encrypted.pdf") });
  let response = page.waitForResponse((r) => r.request().method() === "POST");
  await submit(page);
  expect((await response).status()).toBe(422);
  await expect(alert(page)).toContainText("encrypted.pdf is protected by a password");
  await expect(page.getByLabel("Title")).toHaveValue("Locked");
  await page.getByLabel("…or a file").setInputFiles({ name: "not-a-document.docx", mimeType: "application/octet-stream", buffer: fixture("not-a-document.docx") });
  response = page.waitForResponse((r) => r.request().method() === "POST");
  await submit(page);
  expect((await response).status()).toBe(415);
  await expect(alert(page)).toContainText("not-a-document.docx is a ZIP archive that is not a Word document");
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Locked" })).toHaveCount(0);
});

test("a web address on this machine is fetched because the test server allows it, which the form says, with no box to tick", async ({ page }) => {
  await openForm(page);
  // The setting is the server's (playwright.config.ts starts it with TANDEM_ALLOW_PRIVATE_URLS=1), not the form's.
  await expect(page.getByTestId("private-addresses")).toHaveText(
    "This server also fetches addresses on its own machine and on private networks: its administrator started it with TANDEM_ALLOW_PRIVATE_URLS=1.",
  );
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await page.getByLabel("…or a web address").fill(`${base}/old-address`);
  await submit(page);
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Putting people first in the UN cybercrime convention");
  await expect(page.locator(".meta")).toContainText("Source address");
  await expect(page.locator(".meta a", { hasText: `${base}/statement.html` })).toHaveAttribute("href", `${base}/statement.html`);
  await expect(page.locator(".meta")).toContainText(`redirected from ${base}/old-address`);
  const texts = (await page.locator(".seg-text").allTextContents()).join("\n");
  expect(texts).not.toMatch(/About us|cookies|Subscribe|All rights reserved/);
});

test("a PDF at a web address is imported; a picture is refused", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("…or a web address").fill(`${base}/photo.png`);
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await submit(page);
  expect((await response).status()).toBe(415);
  await expect(alert(page)).toContainText("sent image/png, not a document Tandem reads");
  await page.getByLabel("…or a web address").fill(`${base}/report.pdf`);
  await submit(page);
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.locator(".meta")).toContainText("PDF, 3 pages");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Expert Group on International Cooperation against Cybercrime (EG.4/2026/L.1)");
});

test("two sources at once are refused", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("Text").fill("Some pasted text that would be imported.");
  await page.getByLabel("…or a web address").fill("https://example.org/report.pdf");
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await submit(page);
  expect((await response).status()).toBe(400);
  await expect(alert(page)).toContainText("You gave pasted text and a web address");
});
