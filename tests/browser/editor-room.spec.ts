/**
 * Issue 12, items 14 to 16: counts that follow (findings accepted, links a person edited, the reviewer's name
 * asked where the eye is), room for the texts (the page's width, the overview bar, the panels hidden), the guide.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "./fixtures";
import { importText, pairOf, remember, udhrPair } from "./steps";

const CORPORA = process.env.TANDEM_CORPORA ?? path.resolve("..", "shared", "corpora");
const needsCorpora = () => test.skip(!existsSync(path.join(CORPORA, "udhr")), `no shared corpora at ${CORPORA}`);

const row = (page: Page, n: number) => page.locator(`tr.link-row[data-position="${n - 1}"]`);
const saved = (page: Page) => expect(page.getByTestId("save-state")).toHaveText("All changes saved");

/** Waits for the editor's terminology check; returns the count the "With findings" filter shows. */
async function findingsCount(page: Page): Promise<number> {
  const label = page.getByTestId("findings-rows");
  await expect(label).toHaveText(/^\(\d[\d,]*\)$/, { timeout: 15_000 });
  return Number((await label.textContent())!.replace(/[^\d]/g, ""));
}

test("“With findings (N)” drops when a row's findings are accepted and rises on un-accept, without a reload", async ({ page, context }) => {
  needsCorpora();
  await remember(context);
  await udhrPair(page, "Findings count");
  const before = await findingsCount(page);
  expect(before).toBeGreaterThan(0);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  // The first row with findings: accept each of them.
  await page.getByLabel(/With findings/).check();
  const first = page.locator("tr.link-row").first();
  const position = await first.getAttribute("data-position");
  await first.locator("td.link-num").click();
  const findings = page.getByTestId("row-finding");
  const total = await findings.count();
  for (let k = 0; k < total; k++) {
    const finding = findings.nth(k);
    await finding.getByRole("button", { name: "Accept…" }).click();
    await finding.getByRole("button", { name: "Accept", exact: true }).click();
    await expect(finding).toHaveAttribute("data-accepted", "yes");
  }
  await expect(page.getByTestId("findings-rows")).toHaveText(`(${before - 1})`);
  // The row stays under the filter while the page is open, its findings shown as accepted.
  await expect(page.locator(`tr.link-row[data-position="${position}"]`)).toBeVisible();

  await findings.first().getByRole("button", { name: "Un-accept" }).click();
  await expect(findings.first()).toHaveAttribute("data-accepted", "no");
  await expect(page.getByTestId("findings-rows")).toHaveText(`(${before})`);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test("a link a person reshaped shows “edited by a person”, who and when, instead of the aligner's confidence", async ({ page, context }) => {
  needsCorpora();
  await remember(context, "Marie");
  const url = await udhrPair(page, "Edited by");
  await expect(row(page, 2).locator(".confidence-value")).toHaveText(/^\d{1,3}%$/);
  await row(page, 2).locator("td.link-num").click();
  await page.keyboard.press("m");
  const cell = row(page, 2).getByTestId("by-person");
  await expect(cell).toContainText("edited by a person");
  await expect(row(page, 2).locator(".confidence-value")).toHaveCount(0);
  await saved(page);
  const today = new Date().toISOString().slice(0, 10);
  await expect(row(page, 2).getByTestId("last-change")).toContainText(`Marie · ${today}`);
  // A row no one touched keeps its figure; the edited one keeps its words after a reload.
  await expect(row(page, 4).locator(".confidence-value")).toHaveText(/^\d{1,3}%$/);
  await page.goto(url);
  await expect(row(page, 2).getByTestId("by-person")).toContainText("edited by a person");
  await expect(row(page, 2).locator(".confidence-value")).toHaveCount(0);
});

test("a corrected text, and an undo back to a shape a person made, show “edited by a person”; an undo to the aligner's own shows its figure", async ({ page, context }) => {
  needsCorpora();
  await remember(context, "Marie");
  const url = await udhrPair(page, "Corrected by");
  const figure = row(page, 3).locator(".confidence-value");
  await expect(figure).toHaveText(/^\d{1,3}%$/);
  const aligners = await figure.innerText();
  const personal = row(page, 3).getByTestId("by-person");

  // Correct the English text of row 3: the aligner's figure was about the old text (decision 29).
  await row(page, 3).locator("td.link-num").click();
  await page.keyboard.press("e");
  const editor = page.locator(".seg-editor textarea");
  await expect(editor).toBeFocused();
  await editor.fill(`${await editor.inputValue()} (corrected)`);
  await page.keyboard.press("Enter");
  await expect(personal).toContainText("edited by a person");
  await expect(figure).toHaveCount(0);
  await saved(page);
  await page.goto(url);
  await expect(personal).toContainText("edited by a person");

  // Confirm it, then undo the confirmation: unconfirmed again, still the person's text, still not the aligner's figure.
  await row(page, 3).locator("td.link-num").click();
  await page.keyboard.press("c");
  await saved(page);
  await page.keyboard.press("Control+z");
  await saved(page);
  await expect(row(page, 3)).toHaveAttribute("data-review", "automatic");
  await expect(personal).toContainText("edited by a person");

  // Undo the correction: the aligner's text and its own figure again.
  await page.keyboard.press("Control+z");
  await saved(page);
  await expect(figure).toHaveText(aligners);
  await page.goto(url);
  await expect(figure).toHaveText(aligners);
});

test("the reviewer's name is asked at the first change, under its row; remembered, and changed in the bar", async ({ page }) => {
  needsCorpora();
  const url = await udhrPair(page, "Reviewer name");
  await expect(page.getByTestId("name-prompt")).toHaveCount(0);
  // Far down the page, where a form above the table would be out of sight.
  await page.goto(`${url}#link-30`);
  await expect(row(page, 30)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("c");
  const prompt = page.locator("tr.row-tools").getByTestId("name-prompt");
  await expect(prompt).toBeVisible();
  const field = prompt.getByLabel("Your name, recorded with each change you make");
  await expect(field).toBeFocused();
  await expect(prompt).toBeInViewport({ ratio: 1 });
  const bar = (await page.locator(".editor-bar").boundingBox())!;
  expect((await prompt.boundingBox())!.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  await page.screenshot({ path: "tests/.artifacts/editor-name-prompt.png" });
  await expect(row(page, 30)).toHaveAttribute("data-review", "automatic");

  // Given once, the change waiting for it is made.
  await field.fill("Élise Durand");
  await field.press("Enter");
  await expect(row(page, 30)).toHaveAttribute("data-review", "confirmed");
  await saved(page);
  await expect(page.getByTestId("reviewer")).toContainText("Reviewing as Élise Durand");

  // Remembered: the next change asks nothing.
  await page.goto(url);
  await expect(page.getByTestId("reviewer")).toContainText("Reviewing as Élise Durand");
  await row(page, 1).locator("td.link-num").click();
  await page.keyboard.press("c");
  await saved(page);
  await expect(page.getByTestId("name-prompt")).toHaveCount(0);

  // Changed in the bar: the next change is recorded under the new name.
  await page.getByTestId("reviewer").getByRole("button", { name: "change" }).click();
  await page.locator(".editor-bar").getByLabel("Your name, recorded with each change you make").fill("Jo");
  await page.locator(".editor-bar").getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("reviewer")).toContainText("Reviewing as Jo");
  await row(page, 2).locator("td.link-num").click();
  await page.keyboard.press("c");
  await saved(page);
  await page.locator("[data-testid=history] summary").click();
  await expect(page.locator("[data-testid=history] li").first()).toContainText("Confirmed link 2 · Jo");
  await expect(page.locator("[data-testid=history] li").nth(1)).toContainText("Confirmed link 1 · Élise Durand");
});

/** The widths of the English and French columns, in CSS pixels, at a window width. */
async function columnWidths(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  await page.waitForFunction(() => document.querySelector(".editor-bar") !== null);
  return page.evaluate(() => {
    const heads = [...document.querySelectorAll<HTMLElement>("table.alignment--editor thead th")];
    const text = document.querySelector<HTMLElement>("tr.link-row .pair-seg-text");
    return { en: Math.round(heads[1].getBoundingClientRect().width), fr: Math.round(heads[2].getBoundingClientRect().width), text: Math.round(text!.getBoundingClientRect().width) };
  });
}

test("the two text columns use the page's width at 1366 and 1920 px", async ({ page, context }) => {
  needsCorpora();
  await remember(context);
  await udhrPair(page, "Widths");
  const narrow = await columnWidths(page, 1366, 768);
  const wide = await columnWidths(page, 1920, 1080);
  console.log(`columns at 1366 px: English ${narrow.en}, French ${narrow.fr} (a segment's text ${narrow.text}); at 1920 px: ${wide.en}, ${wide.fr} (${wide.text})`);
  expect(Math.min(narrow.en, narrow.fr)).toBeGreaterThanOrEqual(440);
  expect(Math.min(wide.en, wide.fr)).toBeGreaterThanOrEqual(620);
});

test("the overview bar stays beside the rows while scrolling, and a click on it goes there", async ({ page, context }) => {
  needsCorpora();
  await remember(context);
  await udhrPair(page, "Overview");
  const overview = page.getByTestId("overview-bar");
  for (const y of [2500, 6000]) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await expect(overview).toBeInViewport({ ratio: 1 });
    const bar = (await page.locator(".editor-bar").boundingBox())!;
    expect((await overview.boundingBox())!.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  }
  const box = (await overview.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.9);
  const selected = page.locator("tr.link-row--selected");
  await expect(selected).toBeInViewport();
  const position = Number(await selected.getAttribute("data-position"));
  expect(Math.abs(position - Math.floor(0.9 * 92))).toBeLessThanOrEqual(2);
});

test("the panels above the rows can be hidden, and stay hidden after a reload until shown again", async ({ page, context }) => {
  needsCorpora();
  await remember(context);
  const url = await udhrPair(page, "Panels");
  const firstRowTop = async () => (await row(page, 1).boundingBox())!.y + (await page.evaluate(() => window.scrollY));
  await expect(page.locator(".editor-help")).toBeVisible();
  const shown = await firstRowTop();
  await page.getByRole("button", { name: "Hide panels" }).click();
  for (const panel of [".editor-help", ".pair-summary", "[data-testid=export-box]", "dl.meta--pair"]) await expect(page.locator(panel)).toBeHidden();
  const hidden = await firstRowTop();
  expect(shown - hidden).toBeGreaterThan(250);
  await page.goto(url);
  await expect(page.getByRole("button", { name: "Show panels" })).toBeVisible();
  await expect(page.locator(".editor-help")).toHaveCount(0);
  await page.getByRole("button", { name: "Show panels" }).click();
  await expect(page.locator(".editor-help")).toBeVisible();
  await page.goto(url);
  await expect(page.locator(".editor-help")).toBeVisible();
});

test("the guide, linked from the navigation, lists the editor's own shortcuts", async ({ page, context }) => {
  needsCorpora();
  await remember(context);
  await udhrPair(page, "Guide");
  const panel = await page.locator("details.shortcuts dl > div").allTextContents();
  expect(panel.length).toBeGreaterThan(10);
  await page.getByRole("navigation").getByRole("link", { name: "Guide" }).click();
  await expect(page).toHaveURL(/\/guide$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Guide");
  for (const step of ["1. Import", "2. Pair", "3. Review", "4. Terminology", "5. Export", "Keyboard shortcuts"]) {
    await expect(page.getByRole("heading", { level: 2, name: step })).toBeVisible();
  }
  expect(await page.locator("#shortcuts dl").first().locator("> div").allTextContents()).toEqual(panel);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: "tests/.artifacts/guide-1366.png", fullPage: true });
});

test("screenshots at 1366 px: a row with right-to-left and CJK text", async ({ page, context }) => {
  await remember(context, "مريم");
  await page.setViewportSize({ width: 1366, height: 768 });
  const stamp = Date.now();
  await importText(page, `Mixed scripts ${stamp}`, "English", [
    "The United Nations (联合国, الأمم المتحدة) adopted the convention against cybercrime in 2024 after five years of negotiation.",
    "States shall cooperate with each other to the widest extent possible for the purposes of investigations.",
    "Each State Party shall adopt such legislative measures as may be necessary to establish criminal offences.",
  ]);
  await importText(page, `Écritures mêlées ${stamp}`, "French", [
    "L’Organisation des Nations Unies (联合国, الأمم المتحدة) a adopté la convention contre la cybercriminalité en 2024 après cinq ans de négociations.",
    "Les États coopèrent entre eux dans toute la mesure possible aux fins des enquêtes.",
    "Chaque État partie adopte les mesures législatives nécessaires pour conférer le caractère d’infraction pénale.",
  ]);
  await pairOf(page, `Mixed scripts ${stamp} (3 segments)`, `Écritures mêlées ${stamp} (3 segments)`, `Scripts ${stamp}`);
  await row(page, 1).locator("td.link-num").click();
  await row(page, 2).locator("td.link-num").click();
  await page.keyboard.press("m");
  await saved(page);
  await row(page, 1).locator("td.link-num").click();
  await expect(row(page, 1).locator("td[lang=en]")).toContainText("联合国");
  await page.screenshot({ path: "tests/.artifacts/editor-1366-scripts.png" });
  await page.getByRole("button", { name: "Hide panels" }).click();
  await page.screenshot({ path: "tests/.artifacts/editor-1366-panels-hidden.png" });
  await page.getByRole("button", { name: "Show panels" }).click();
});
