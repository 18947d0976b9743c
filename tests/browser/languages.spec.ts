import { readFileSync } from "node:fs";
import { expect, test, type Download, type Page } from "./fixtures";
import { remember } from "./steps";

// Made-up texts, a German original and its French translation (issue 14 item 2: pairs not through English).
const GERMAN = [
  "Die Fähre nach Lindau fährt jeden Morgen um 7 Uhr ab.",
  "Fahrräder werden auf dem unteren Deck abgestellt.",
  "Der Kiosk verkauft Fahrkarten für 12 Euro.",
];
const FRENCH = ["Le bac pour Lindau part chaque matin à 7 heures.", "Les vélos sont rangés sur le pont inférieur.", "Le kiosque vend des billets à 12 euros."];

async function importIn(page: Page, title: string, language: string, lines: string[]): Promise<string> {
  await page.goto("/documents/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Text").fill(lines.join("\n\n"));
  await page.getByLabel("Language", { exact: true }).selectOption({ label: language });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  return new URL(page.url()).pathname;
}

/** Deletes what the test made (a pair first: its documents cannot go while it holds them), as a person would. */
async function remove(page: Page, path: string, button: string) {
  await page.goto(path);
  if ((await page.getByRole("button", { name: button }).count()) === 0) return;
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: button }).click();
  await expect(page).not.toHaveURL(new RegExp(`${path}$`));
}

test("a German original and its French translation: imported, paired, aligned, a link confirmed, exported as TMX tagged de and fr", async ({ page, context }) => {
  await remember(context);
  const stamp = Date.now();
  const made: Array<[string, string]> = [];
  try {
    made.push([await importIn(page, `Fährordnung ${stamp}`, "German", GERMAN), "Delete document"]);
    await expect(page.locator("dl.meta")).toContainText("German");
    made.push([await importIn(page, `Règlement du bac ${stamp}`, "French", FRENCH), "Delete document"]);

    await page.goto("/pairs/new");
    await page.getByLabel("Original in").selectOption({ label: "German" });
    await page.getByLabel("translated into").selectOption({ label: "French" });
    await page.getByRole("button", { name: "Show these languages" }).click();
    await expect(page).toHaveURL(/source=de&target=fr/);
    await page.getByLabel("German original").selectOption({ label: `Fährordnung ${stamp} (3 segments)` });
    await page.getByLabel("French translation").selectOption({ label: `Règlement du bac ${stamp} (3 segments)` });
    await page.getByLabel("Title").fill(`Fähre ${stamp}`);
    await page.getByRole("button", { name: "Pair and align" }).click();
    await expect(page).toHaveURL(/\/pairs\/\d+$/);
    made.unshift([new URL(page.url()).pathname, "Delete pair"]);
    const rows = page.locator("tr.link-row");
    await expect(rows).toHaveCount(3, { timeout: 20_000 });
    await page.waitForLoadState("networkidle");

    // The page and the editor name the pair's own languages, and mark each column's text with its language.
    await expect(page.locator("dl.meta--pair")).toContainText("German original");
    await expect(page.locator("dl.meta--pair")).toContainText("French translation");
    await expect(page.getByRole("columnheader", { name: "German (original)" })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Search the German or French text" })).toBeVisible();
    const first = page.locator('tr.link-row[data-position="0"]');
    await expect(first.locator("td.side").first()).toHaveAttribute("lang", "de");
    await expect(first.getByRole("link", { name: "1", exact: true }).first()).toHaveAttribute("title", "German segment 1");
    // These made-up texts share few words: the warning names the pair's languages too.
    await expect(page.getByText("Check that the French document translates the German one.")).toBeVisible();
    await page.screenshot({ path: "tests/.artifacts/languages-de-fr-pair.png" });
    await first.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(first).toHaveAttribute("data-review", "confirmed");
    await expect(page.getByTestId("save-state")).toHaveText("All changes saved");

    const box = page.getByTestId("export-box");
    await box.getByLabel("Export format").selectOption("tmx");
    const [file]: [Download, void] = await Promise.all([page.waitForEvent("download"), box.getByRole("button", { name: "Download" }).click()]);
    const saved = test.info().outputPath(file.suggestedFilename());
    await file.saveAs(saved);
    const tmx = readFileSync(saved, "utf8");
    expect(tmx).toContain('srclang="de"');
    expect(tmx).toContain(`<tuv xml:lang="de"><seg>${GERMAN[0]}</seg></tuv>`);
    expect(tmx).toContain(`<tuv xml:lang="fr"><seg>${FRENCH[0]}</seg></tuv>`);
    expect(tmx).not.toContain('xml:lang="en"');
  } finally {
    for (const [path, button] of made) await remove(page, path, button);
  }
});
