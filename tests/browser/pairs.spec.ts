import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "./fixtures";

const CORPORA = process.env.TANDEM_CORPORA ?? path.resolve("..", "shared", "corpora");
const hasCorpora = existsSync(CORPORA);

const MLA = "Mutual Legal Assistance in Criminal Matters Act (Canada) ↔ Loi sur l’entraide juridique en matière criminelle (Canada)";
const UDHR = "Universal Declaration of Human Rights ↔ Déclaration universelle des droits de l’homme";
const UDHR_EN = "Universal Declaration of Human Rights (92 segments)";
const UDHR_FR = "Déclaration universelle des droits de l’homme (91 segments)";
const MLA_FR = "Loi sur l’entraide juridique en matière criminelle (Canada) (488 segments)";

test.beforeEach(() => {
  test.skip(!hasCorpora, `no shared corpora at ${CORPORA}`);
});

async function openPair(page: Page, title: string) {
  await page.goto("/pairs");
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(/\/pairs\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

type Upload = { name: string; mimeType: string; buffer: Buffer };

async function createPair(page: Page, en: string, fr: string, title?: string, dictionary?: Upload) {
  await page.goto("/pairs/new");
  await page.getByLabel("English original").selectOption({ label: en });
  await page.getByLabel("French translation").selectOption({ label: fr });
  if (title) await page.getByLabel("Title").fill(title);
  if (dictionary) await page.getByLabel("Dictionary (optional)").setInputFiles(dictionary);
  await page.getByRole("button", { name: "Pair and align" }).click();
  await expect(page).toHaveURL(/\/pairs\/\d+$/);
}

const rows = (page: Page) => page.locator("table.alignment tbody tr.link-row");

test("the demo pairs are there on first start, aligned, with rows", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Pairs" }).click();
  await expect(page.getByRole("heading", { name: "Pairs", level: 1 })).toBeVisible();
  for (const [title, links] of [
    [MLA, /^\d{3}$/],
    [UDHR, /^9\d$/],
  ] as const) {
    const row = page.locator("tbody tr", { has: page.getByRole("link", { name: title, exact: true }) });
    await expect(row.locator("[data-status]")).toHaveText("Aligned");
    await expect(row.locator("td.num").first()).toHaveText(links);
  }

  await openPair(page, MLA);
  await expect(page.locator(".meta--pair")).toContainText("496 segments");
  await expect(page.locator(".meta--pair")).toContainText("488 segments");
  await expect(page.locator(".type-count[data-type='1-1']")).toBeVisible();
  await expect(page.locator("[data-testid=low-share]")).toContainText("% of links");
  await expect(page.locator("[data-warning=unrelated]")).toHaveCount(0);
  // Only the rows on screen (and a margin) are in the page; the others come as the table scrolls.
  await expect(page.locator("[data-testid=shown-count]")).toHaveText(/^4\d\d links$/);
  const rendered = await rows(page).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);
  const first = rows(page).first();
  await expect(first.locator("td").nth(1)).toContainText("An Act to provide for the implementation of treaties for mutual legal assistance");
  await expect(first.locator("td").nth(2)).toContainText("Loi portant mise en oeuvre des traités d’entraide juridique");
  await expect(first.locator("td").nth(2)).toHaveAttribute("lang", "fr");
  await expect(first.locator("td").nth(3)).toHaveText("1-1");
  await expect(first.locator("td").nth(4)).toHaveText(/^\d{1,3}%$/);
  await page.screenshot({ path: "tests/.artifacts/pair-mla.png" });
  // English segments with no French counterpart show an empty cell that says so.
  await page.getByLabel("Not 1-1").check();
  const alone = page.locator("tr[data-type='1-0'], tr[data-type='0-1']").first();
  await expect(alone.locator(".no-counterpart")).toHaveText("— no counterpart");
  await page.getByLabel("Not 1-1").uncheck();

  // The last rows are there once scrolled to.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(rows(page).last().locator(".link-num")).toHaveText(/^4\d\d$/);
  expect(await rows(page).count()).toBeLessThan(100);
});

test("low-confidence rows are tinted and marked", async ({ page }) => {
  await openPair(page, MLA);
  await page.getByLabel("Low confidence").check();
  await expect(page.locator("[data-testid=shown-count]")).toHaveText(/^\d+ of 4\d\d links shown$/);
  const low = page.locator("tr.link-row--low");
  expect(await low.count()).toBeGreaterThan(0);
  const row = low.first();
  await expect(row.locator(".low-mark")).toHaveAttribute("title", "Low confidence: check this link");
  await expect(row.locator(".low-mark")).toContainText("low confidence");
  const confidence = Number((await row.locator(".confidence-value").innerText()).replace("%", ""));
  expect(confidence).toBeLessThan(50);
  // Every row shown is low; the first one is selected (tinted blue): compare the second with a plain row.
  expect(await low.count()).toBe(await rows(page).count());
  const tint = await low.nth(1).evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.getByLabel("Low confidence").uncheck();
  const plain = await page.locator("tr.link-row:not(.link-row--low):not(.link-row--selected)").first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(tint).not.toBe(plain);
  // Rows at or above 50% carry no mark.
  expect(await page.locator("tr.link-row:not(.link-row--low) .low-mark").count()).toBe(0);
});

test("pairing the UDHR documents shows progress or the result, then a table with types and confidences", async ({ page }) => {
  const glossary = { name: "rights.csv", mimeType: "text/csv", buffer: Buffer.from("english,french\nrights,droits\ndignity,dignité\n") };
  await createPair(page, UDHR_EN, UDHR_FR, "UDHR, my pair", glossary);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("UDHR, my pair");
  await expect(page.locator(".meta--pair")).toContainText("rights.csv (2 word pairs)");
  // Either the progress bar (still aligning) or the table (already done) is there at once.
  await expect(page.locator("[data-testid=aligning], table.alignment").first()).toBeVisible();
  await expect(rows(page).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("progressbar", { name: "Alignment progress" })).toHaveCount(0);
  await expect(page.locator("[data-status]")).toHaveText("Aligned");
  await expect(page.locator("[data-testid=link-count]")).toHaveText(/^(8[89]|9\d)$/);
  await expect(rows(page).nth(1).locator("td").nth(1)).toHaveText(/Preamble/);
  await expect(rows(page).nth(1).locator("td").nth(2)).toHaveText(/Préambule/);
  for (const type of await page.locator("table.alignment tbody td:nth-child(4)").allInnerTexts()) expect(type).toMatch(/^\d-\d$/);
  for (const value of await page.locator("table.alignment .confidence-value").allInnerTexts()) expect(value).toMatch(/^\d{1,3}%$/);
  await expect(page.locator("[data-testid=support]")).toHaveText(/^([4-9]\d|100)% of links$/);
  await expect(page.locator("[data-warning]")).toHaveCount(0);
  await page.goto("/pairs");
  await expect(page.locator("tbody tr", { hasText: "UDHR, my pair" }).locator("[data-status]")).toHaveText("Aligned");
});

test("a pair aligned with the app's glossary as its dictionary says so on its page", async ({ page }) => {
  await page.goto("/pairs/new");
  await page.getByLabel("English original").selectOption({ label: UDHR_EN });
  await page.getByLabel("French translation").selectOption({ label: UDHR_FR });
  await page.getByLabel("Title").fill("UDHR with the glossary");
  const whole = page.getByLabel("Dictionary from the glossary").locator("option", { hasText: "The whole glossary" });
  await page.getByLabel("Dictionary from the glossary").selectOption({ label: (await whole.textContent())! });
  await page.getByRole("button", { name: "Pair and align" }).click();
  await expect(page).toHaveURL(/\/pairs\/\d+$/);
  await expect(page.locator(".meta--pair")).toContainText(/Tandem glossary \(all \d+ entries\) \([\d,]+ word pairs\)/);
  await expect(page.locator("[data-status]")).toHaveText("Aligned", { timeout: 20_000 });

  // The glossary and a file at once: one dictionary only, and the form says so.
  await page.goto("/pairs/new");
  await page.getByLabel("English original").selectOption({ label: UDHR_EN });
  await page.getByLabel("French translation").selectOption({ label: UDHR_FR });
  await page.getByLabel("Dictionary from the glossary").selectOption({ label: (await whole.textContent())! });
  await page.getByLabel("Dictionary (optional)").setInputFiles({ name: "rights.csv", mimeType: "text/csv", buffer: Buffer.from("english,french\nrights,droits\n") });
  await page.getByRole("button", { name: "Pair and align" }).click();
  await expect(page.locator("#form-error")).toHaveText("Choose the glossary or a dictionary file, not both: Tandem adds one dictionary to its built-in word list.");
});

test("an unrelated pair shows the warning", async ({ page }) => {
  await createPair(page, UDHR_EN, MLA_FR);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Universal Declaration of Human Rights ↔ Loi sur l’entraide juridique en matière criminelle (Canada)",
  );
  await expect(page.locator("[data-warning=unrelated]")).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("[data-warning=unrelated]")).toContainText("These documents look unrelated");
  await expect(page.locator("[data-warning=lengths]")).toContainText("92 English segments and 488 French ones");
  await page.screenshot({ path: "tests/.artifacts/pair-unrelated.png" });
  await page.goto("/pairs");
  await expect(page.locator("tbody tr", { hasText: "Loi sur l’entraide juridique en matière criminelle (Canada)" }).locator(".support-low")).toBeVisible();
});

test("two documents in the same language cannot be chosen, and are refused by the server", async ({ page }) => {
  // Each side lists the documents of its language only (names.spec.ts has the form's proposal).
  await page.goto("/pairs/new");
  await expect(page.getByLabel("English original").locator("option", { hasText: MLA_FR })).toHaveCount(0);
  await expect(page.getByLabel("French translation").locator("option", { hasText: UDHR_FR })).toHaveCount(1);

  // A request made without the form: the server answers 422, and nothing was created.
  const response = await page.request.post("/pairs/new", { multipart: { intent: "create", en: "1", fr: "2" } });
  expect(response.status()).toBe(422);
  const none = await page.request.post("/pairs/new", { multipart: { intent: "create", en: "", fr: "2" } });
  expect(none.status()).toBe(400);
  await page.goto("/pairs");
  await expect(page.locator("tbody tr", { hasText: "Manifeste" })).toHaveCount(0);
});

test("a file that is not a dictionary is refused, and the documents stay chosen", async ({ page }) => {
  await page.goto("/pairs/new");
  await page.getByLabel("English original").selectOption({ label: UDHR_EN });
  await page.getByLabel("French translation").selectOption({ label: UDHR_FR });
  await page
    .getByLabel("Dictionary (optional)")
    .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Some notes about the translation\nwith no entries\n") });
  await page.getByRole("button", { name: "Pair and align" }).click();
  await expect(page.locator("#form-error")).toContainText("Tandem found no entries in notes.txt");
  await expect(page.getByLabel("Dictionary (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("English original").locator("option:checked")).toHaveText(UDHR_EN);
  await expect(page.getByLabel("French translation").locator("option:checked")).toHaveText(UDHR_FR);
  await expect(page.locator(".pair-form")).toContainText("choose the dictionary again");
});

test("a document page offers “Pair with…”, and a paired document cannot be deleted", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Universal Declaration of Human Rights", exact: true }).click();
  await expect(page.locator(".doc-pairs")).toContainText(UDHR);
  await page.getByRole("link", { name: "Pair with…" }).click();
  await expect(page).toHaveURL(/\/pairs\/new\?en=\d+$/);
  await expect(page.getByLabel("English original").locator("option:checked")).toHaveText(UDHR_EN);

  await page.goBack();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete document" }).click();
  await expect(page.getByRole("alert")).toContainText(/cannot delete it: delete (the pair|those pairs) first/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Universal Declaration of Human Rights");
});

test("pair pages hydrate without errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  for (const url of ["/pairs", "/pairs/new", "/pairs/1", "/pairs/1#link-300", "/pairs/999999"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
  expect((await page.goto("/pairs/999999"))?.status()).toBe(404);
});
