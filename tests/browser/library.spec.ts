import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

const CORPORA = process.env.TANDEM_CORPORA ?? path.resolve("..", "shared", "corpora");
const hasCorpora = existsSync(CORPORA);

const SEED_TITLES = [
  /^Manifeste multipartite/,
  /^Lettre ouverte à l’Assemblée générale/,
  /^Groupe d’experts sur la cybercriminalité/,
  /^Les États membres de l’ONU approuvent/,
  /^UIP, 146e Assemblée/,
];

test("the library lists the five French seeds with their segment counts", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Library", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add a document" }).first()).toBeVisible();
  for (const title of SEED_TITLES) {
    const row = page.locator("tbody tr", { has: page.getByRole("link", { name: title }) });
    await expect(row).toHaveCount(1);
    await expect(row.locator("td").nth(1)).toHaveText("FR");
    await expect(row.locator("td").nth(2)).toHaveText("Seed corpus");
    const segments = Number(await row.locator("td").nth(3).innerText());
    expect(segments).toBeGreaterThan(10);
    await expect(row.locator("td").nth(4)).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  }
  await page.screenshot({ path: "tests/.artifacts/library.png", fullPage: true });
});

test("the library lists the demo documents from the shared corpora", async ({ page }) => {
  test.skip(!hasCorpora, `no shared corpora at ${CORPORA}`);
  await page.goto("/");
  const expected: Array<[string, string, string]> = [
    ["Mutual Legal Assistance in Criminal Matters Act (Canada)", "EN", "496"],
    ["Loi sur l’entraide juridique en matière criminelle (Canada)", "FR", "488"],
    ["Universal Declaration of Human Rights", "EN", "92"],
    ["Déclaration universelle des droits de l’homme", "FR", "91"],
  ];
  for (const [title, language, count] of expected) {
    const row = page.locator("tbody tr", { has: page.getByRole("link", { name: title, exact: true }) });
    await expect(row.locator("td").nth(1)).toHaveText(language);
    await expect(row.locator("td").nth(2)).toHaveText("Demo");
    await expect(row.locator("td").nth(3)).toHaveText(count);
  }
  // The Canadian act's titles and marginal notes are headings.
  await page.getByRole("link", { name: "Mutual Legal Assistance in Criminal Matters Act (Canada)" }).click();
  await expect(page.locator("#s2")).toHaveAttribute("data-kind", "heading");
  await expect(page.locator("#s5")).toHaveAttribute("data-kind", "body");
});

test("seed 001 shows headings, list items, notes and what import removed", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /^Lettre ouverte à l’Assemblée générale/ }).click();
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Lettre ouverte/);
  await expect(page.locator(".meta")).toContainText("French");
  await expect(page.locator(".meta")).toContainText("Seed corpus");
  await expect(page.locator(".meta")).toContainText("001_6e18df5cbf6a0a2e.txt");

  // Numbered segments, 1-based, with headings and items marked.
  await expect(page.locator("#s1 .seg-num")).toHaveText("1");
  await expect(page.locator("#s1")).toHaveAttribute("data-kind", "heading");
  await expect(page.locator(".para--heading .kind-tag").first()).toHaveText("Heading");
  expect(await page.locator(".para--item").count()).toBeGreaterThan(10);
  await expect(page.getByText("Access Now", { exact: true })).toBeVisible();

  // Notes, and footnote calls that link to them.
  const notes = page.locator("section.notes");
  await expect(notes.getByRole("heading", { name: "Notes" })).toBeVisible();
  expect(await notes.locator(".para--note").count()).toBeGreaterThanOrEqual(7);
  await expect(notes.locator("#note-1")).toContainText("Rapport 2019 du Rapporteur spécial");
  const call = page.locator("section.text:not(.notes) .note-call a", { hasText: /^1$/ }).first();
  await expect(call).toHaveAttribute("href", "#note-1");
  await page.screenshot({ path: "tests/.artifacts/seed-001.png" });
  await call.click();
  await expect(page).toHaveURL(/#note-1$/);

  // Nothing lost silently: removals grouped by kind, and re-joins.
  const removed = page.locator("details#removed");
  await removed.locator("summary").click();
  await expect(removed.locator(".report-group[data-kind='page-number'] h3")).toContainText("Page numbers");
  await expect(removed.locator(".report-group[data-kind='link-list']")).toContainText("spcommreports.ohchr.org");
  await expect(removed.locator(".report-group[data-kind='note-call'] h3")).toContainText("Note calls moved to notes");
  const rejoined = page.locator("details#rejoined");
  await rejoined.locator("summary").click();
  await expect(rejoined).toContainText("Sentence joined across a page break");
  await page.locator("section.import-report").screenshot({ path: "tests/.artifacts/seed-001-report.png" });
  await page.screenshot({ path: "tests/.artifacts/seed-001-full.png", fullPage: true });
});

test("an unknown document answers 404 with a friendly page, and the server keeps serving", async ({ page }) => {
  const response = await page.goto("/documents/999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("alert")).toContainText("does not exist");
  await page.getByRole("link", { name: "Back to the library" }).click();
  await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
  expect((await page.goto("/documents/abc"))?.status()).toBe(404);
});

test("pages hydrate without errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  for (const url of ["/", "/documents/new", "/documents/1", "/documents/999999"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
});
