import { MEMOQ_TMX } from "../../alignments/formats/tmx-codes.cases";
import { expect, test } from "./fixtures";
import { remember, importMemory } from "./steps";

/**
 * A memoQ memory with inline codes in the browser (decision 23): its title from its header, the report of what was
 * kept, the codes as chips in the editor that the text box will not let go, and no "unrelated" warning.
 */
test("a memory's inline codes show as chips the text box cannot delete; its support is measured, its title its own", async ({ page, context }) => {
  await remember(context);
  const stamp = Date.now();
  const report = await importMemory(page, `treaties-${stamp}.tmx`, MEMOQ_TMX);
  await expect(report.getByTestId("memory-title-from")).toHaveText("The title is the memory’s own name, from its header.");
  await expect(report.getByTestId("memory-codes")).toContainText("Kept 16 inline codes");
  await expect(report.getByTestId("memory-stamps")).toHaveText("3 units kept their creation and change dates and users.");
  await expect(report.getByTestId("memory-support")).toContainText("Lexical support:");
  await page.screenshot({ path: "tests/.artifacts/memories-import-report.png", fullPage: true });

  await report.getByRole("link", { name: "Review the pair" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("MLA treaties EN-FR");
  await expect(page.locator("[data-warning=unrelated]")).toHaveCount(0);
  await expect(page.getByTestId("support")).toContainText("of links");
  const first = page.locator('tr.link-row[data-position="0"]');
  await expect(first.locator(".pair-seg-text").first()).toHaveText("This Treaty enters into force on {1}.");
  await expect(first.getByTestId("code-chip").first()).toHaveAttribute("title", '<ph x="1" type="x-mq-ph">{1}</ph>');
  await expect(page.locator('tr.link-row[data-position="1"]').getByTestId("code-chip")).toHaveCount(12);
  await page.locator('tr.link-row[data-position="1"]').screenshot({ path: "tests/.artifacts/memories-chips.png" });

  // The text box: select everything and type over it; the codes would go, so the text stays as it was.
  await first.locator("td.link-num").click();
  await expect(first).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("e");
  const area = page.locator(".seg-editor textarea");
  await expect(area).toBeFocused();
  const before = await area.inputValue();
  await expect(page.getByTestId("codes-hint")).toContainText("This segment has an inline code");
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText("Gone");
  await expect(area).toHaveValue(before);
  await expect(page.getByTestId("codes-hint")).toContainText("Inline codes cannot be deleted");
  // Typing around the code is fine, and saved with the code where it was.
  await area.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(0, 0));
  await page.keyboard.type("Now: ");
  await page.keyboard.press("Enter");
  await expect(first.locator(".pair-seg-text").first()).toHaveText("Now: This Treaty enters into force on {1}.");
  await expect(first.getByTestId("code-chip")).toHaveCount(2);
});
