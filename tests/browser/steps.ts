import { expect, test, type BrowserContext, type Page } from "@playwright/test";

/** The editor asks a reviewer's name once and keeps it in a cookie; tests set it ahead. */
export async function remember(context: BrowserContext, name = "Marie") {
  await context.addCookies([{ name: "tandem_user", value: encodeURIComponent(name), url: test.info().project.use.baseURL! }]);
}

/** Imports pasted lines as a document of the given language, one paragraph each. */
export async function importText(page: Page, title: string, language: "English" | "French", lines: string[]) {
  await page.goto("/documents/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Text").fill(lines.join("\n\n"));
  await page.getByLabel("Language").selectOption({ label: language });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/documents\/\d+$/);
}

/** Pairs two documents (named as the form lists them), waits for the editor's links, returns the pair's address. */
export async function pairOf(page: Page, en: string, fr: string, title: string): Promise<string> {
  await page.goto("/pairs/new");
  await page.getByLabel("English original").selectOption({ label: en });
  await page.getByLabel("French translation").selectOption({ label: fr });
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Pair and align" }).click();
  await expect(page).toHaveURL(/\/pairs\/\d+$/);
  await expect(page.locator("tr.link-row").first()).toBeVisible({ timeout: 20_000 });
  await page.waitForLoadState("networkidle");
  return new URL(page.url()).pathname;
}

/** Imports a translation memory through its page, as a file named `name`; answers the report the page then shows. */
export async function importMemory(page: Page, name: string, tmx: string) {
  await page.goto("/pairs/import");
  await page.getByLabel("TMX file").setInputFiles({ name, mimeType: "application/x-tmx+xml", buffer: Buffer.from(tmx, "utf8") });
  await page.getByRole("button", { name: "Import" }).click();
  return page.getByTestId("memory-report");
}

export const UDHR_EN = "Universal Declaration of Human Rights (92 segments)";
export const UDHR_FR = "Déclaration universelle des droits de l’homme (91 segments)";

/** A UDHR pair of the test's own (the demo documents, from ../shared/corpora), its editor loaded; returns its address. */
export function udhrPair(page: Page, title: string): Promise<string> {
  return pairOf(page, UDHR_EN, UDHR_FR, `${title} ${Date.now()}`);
}
