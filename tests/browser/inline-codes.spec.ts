import { MEMOQ_TMX } from "../../alignments/formats/tmx-codes.cases";
import { expect, test } from "./fixtures";
import { remember, importMemory } from "./steps";

/**
 * A memory's inline codes are chips wherever a segment's text is shown (decision 23), not only in the editor's
 * rows: the concordance (both sides), the terminology page's findings and the document page. Never the raw
 * private-use character, which a browser draws as a box or nothing.
 */
const PH = '<ph x="1" type="x-mq-ph">{1}</ph>';
// The French of the first unit without its code: an "inline codes" finding, so the unit is listed on the terminology page.
const MEMORY = MEMOQ_TMX.replace(`entre en vigueur le ${PH}.`, "entre en vigueur le premier jour.");
/** Any character of the supplementary private use areas, where the codes live. */
const RAW_CODE = /[\u{F0000}-\u{10FFFD}]/u;

test("a memory's codes show as chips in the concordance, the terminology page and the document page", async ({ page, context }) => {
  await remember(context);
  const stamp = Date.now();
  const report = await importMemory(page, `codes-${stamp}.tmx`, MEMORY);
  await expect(report.getByTestId("memory-codes")).toContainText("Kept");
  const documentHref = await report.getByRole("link", { name: /segment/ }).first().getAttribute("href");
  await report.getByRole("link", { name: "Review the pair" }).click();
  await page.waitForURL(/\/pairs\/\d+$/);
  const pairPath = new URL(page.url()).pathname;

  // The concordance, in this pair only: the match's own line and the counterpart of the French side.
  await page.goto(`/terminology/concordance?q=treaty&match=inflected&sort=document&pair=${pairPath.split("/").pop()}`);
  const line = page.getByTestId("kwic-line").first();
  await expect(line.locator(".kwic-right").getByTestId("code-chip")).toHaveAttribute("title", PH);
  await expect(line.locator(".kwic-right")).toHaveText(" enters into force on {1}.");
  await page.goto(`/terminology/concordance?q=article&match=inflected&sort=document&pair=${pairPath.split("/").pop()}`);
  const french = page.getByTestId("kwic-line").first();
  await expect(french.getByTestId("code-chip").first()).toBeVisible();
  for (const table of await page.locator("table.kwic").all()) expect(await table.innerText()).not.toMatch(RAW_CODE);

  // The terminology page lists the unit whose French lost its code, its English with the chip.
  await page.goto(`${pairPath}/terminology`);
  const row = page.locator("tr[data-link='1']");
  await expect(row.locator("[lang=en]").getByTestId("code-chip")).toHaveAttribute("title", PH);
  expect(await page.locator("main").innerText()).not.toMatch(RAW_CODE);

  // The document page.
  await page.goto(documentHref!);
  await expect(page.locator("#s1 .seg-text")).toHaveText("This Treaty enters into force on {1}.");
  await expect(page.locator("#s2").getByTestId("code-chip")).toHaveCount(6);
  expect(await page.locator("main").innerText()).not.toMatch(RAW_CODE);
});
