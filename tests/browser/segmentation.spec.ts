import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { importText, remember } from "./steps";

/**
 * One segment per line (decision 0021), through the real forms: the import form's automatic choice keeps the lines
 * of a text that came already cut and the import report says why; the document page cuts a document in no pair the
 * other way and back, and refuses, naming the pair, once it is paired.
 */

const BANK_ACT = path.resolve("../shared/corpora/canada-bank-act/B-1.01.en");
/** Lines 12–30 of the Bank Act: headings, definitions, and "branch" whose two paragraphs go on in lower case. */
const excerpt = () => readFileSync(BANK_ACT, "utf8").split("\n").slice(11, 30).join("\n");
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

test.skip(!existsSync(BANK_ACT), "the shared corpora are not here");

test("a text already cut one unit per line keeps its lines, and a document in no pair is cut again the other way", async ({ page }) => {
  await page.goto("/documents/new");
  await page.getByLabel("Title").fill(unique("Bank Act, definitions"));
  await page.getByLabel("Text").fill(excerpt());
  await expect(page.getByLabel("Segments")).toHaveValue("auto");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.getByTestId("segmentation")).toContainText("One segment per line");
  await expect(page.getByTestId("segment-count")).toContainText(/^19 /);
  await expect(page.getByTestId("segmentation-report")).toContainText("This text looks cut one segment per line (19 lines:");

  await page.getByRole("button", { name: "Cut into sentences instead" }).click();
  await expect(page.getByTestId("segmentation")).toContainText("Into sentences");
  // The pipeline takes "branch" and its two paragraphs, which go on in lower case, for one wrapped paragraph.
  await expect(page.getByTestId("segment-count")).not.toContainText(/^19 /);
  await expect(page.getByTestId("segmentation-report")).not.toContainText("looks cut");

  await page.getByRole("button", { name: "One segment per line instead" }).click();
  await expect(page.getByTestId("segmentation")).toContainText("One segment per line");
  await expect(page.getByTestId("segment-count")).toContainText(/^19 /);
});

test("the form's choice is taken as it is, and a paired document is not cut again", async ({ page }) => {
  await page.goto("/documents/new");
  await page.getByLabel("Title").fill(unique("Cut as chosen EN"));
  await page.getByLabel("Text").fill(excerpt());
  await page.getByLabel("Segments").selectOption({ label: "Clean up and cut into sentences" });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  const document = page.url();
  await expect(page.getByTestId("segmentation")).toContainText("Into sentences");

  await importText(page, unique("Cut as chosen FR"), "French", ["Les définitions qui suivent s’appliquent à la présente loi.", "Banque figurant aux annexes I ou II."]);
  const frId = new URL(page.url()).pathname.split("/").pop()!;
  const pairTitle = unique("Cut as chosen pair");
  await page.goto("/pairs/new");
  await page.getByLabel("English original").selectOption(new URL(document).pathname.split("/").pop()!);
  await page.getByLabel("French translation").selectOption(frId);
  await page.getByLabel("Title").fill(pairTitle);
  await page.getByRole("button", { name: "Pair and align" }).click();
  await expect(page).toHaveURL(/\/pairs\/\d+$/);

  await page.goto(document);
  await page.getByRole("button", { name: "One segment per line instead" }).click();
  await expect(page.getByRole("alert")).toContainText(`This document is in the pair “${pairTitle}”, whose links point at its segments, so Tandem cannot re-segment it: delete the pair first.`);
  await expect(page.getByTestId("segmentation")).toContainText("Into sentences");
});

test("cutting again a document whose segments were corrected in a pair's editor asks first, with the count, and changes nothing until told", async ({ page, context }) => {
  await remember(context);
  const en = unique("Corrected EN");
  await importText(page, en, "English", ["The request was made.", "It was answered.", "The court agreed."]);
  const document = page.url();
  const enId = new URL(document).pathname.split("/").pop()!;
  await importText(page, unique("Corrected FR"), "French", ["La demande a été faite.", "Elle a reçu une réponse.", "Le tribunal a accepté."]);
  const frId = new URL(page.url()).pathname.split("/").pop()!;
  await page.goto("/pairs/new");
  await page.getByLabel("English original").selectOption(enId);
  await page.getByLabel("French translation").selectOption(frId);
  await page.getByLabel("Title").fill(unique("Corrected pair"));
  await page.getByRole("button", { name: "Pair and align" }).click();
  await expect(page).toHaveURL(/\/pairs\/\d+$/);
  const row = page.locator('tr.link-row[data-position="1"]');
  await expect(row).toBeVisible({ timeout: 20_000 });

  // Correct the English of the second row in the editor, then delete the pair: the correction stays with the document.
  await row.locator("td.link-num").click();
  await page.keyboard.press("e");
  const area = page.locator(".seg-editor textarea");
  await expect(area).toBeFocused();
  await area.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(element.value.length - 1, element.value.length - 1));
  await page.keyboard.type(" at once");
  await page.keyboard.press("Enter");
  await expect(row.locator(".pair-seg-text").first()).toHaveText("It was answered at once.");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete pair" }).click();
  await expect(page).not.toHaveURL(/\/pairs\/\d+$/);

  await page.goto(document);
  await page.getByRole("button", { name: "One segment per line instead" }).click();
  await expect(page.getByRole("alert")).toContainText("1 segment was corrected in a pair’s editor (a corrected text, a split or a merge).");
  await expect(page.getByRole("alert")).toContainText("this correction would be lost. Nothing was changed");
  await expect(page.locator("#s2 .seg-text")).toHaveText("It was answered at once.");
  await expect(page.getByTestId("segmentation")).toContainText("Into sentences");

  await page.getByTestId("discard-corrections").getByRole("checkbox").check();
  await page.getByRole("button", { name: "One segment per line instead" }).click();
  await expect(page.getByTestId("segmentation")).toContainText("One segment per line");
  await expect(page.locator("#s2 .seg-text")).toHaveText("It was answered.");
});
