import { isolated } from "../../app/utils/bidi";
import { expect, test, type Page } from "./fixtures";
import { importText, pairOf, remember } from "./steps";

/**
 * Titles and names people give are isolated from the app's words around them (app/utils/bidi.ts): an Arabic or
 * Hebrew title ending in figures and brackets, shown beside Latin ones, keeps its own order and does not pull
 * "(12 segments)" or "↔" into it. Each page is checked in the DOM (every text holding such a title is inside an
 * element Chromium isolates: <bdi> or dir="auto"; options and the window's title carry FSI … PDI), and
 * screenshots are kept in tests/.artifacts/bidi-*.png for a person to look at.
 */

const ARABIC = "قانون الجرائم الإلكترونية (2024)";
const HEBREW = "חוק העונשין, 1977!";
/** A right-to-left override and a stray PDI: what would reverse the rest of the line if it leaked out. */
const OVERRIDE = "Bad\u2069\u202Edrow";
const PAIR = `Cybercrime ↔ ${ARABIC}`;
const KEY = "מונח-בדיקה";
const REVIEWER = "ליאת";

/**
 * Texts holding one of `titles` that nothing isolates from their line: no <bdi> or dir="auto" element (or an inline
 * one with unicode-bidi isolate or plaintext) between the text and the block that holds it. The block itself does
 * not count: Chromium isolates every block (td, li, h1…) from its neighbours, not a title from the words beside
 * it in the same line, nor does it give the title its own direction.
 */
async function unisolated(page: Page, titles: string[]): Promise<string[]> {
  return page.evaluate((titles) => {
    const strip = (text: string) => text.replace(/[\u2066-\u2069]/g, "");
    const wanted = titles.map(strip);
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      if (!wanted.some((title) => strip(text).includes(title))) continue;
      const parent = node.parentElement!;
      if (parent.closest("option, script, title, textarea")) continue;
      let isolatedBy: Element | null = null;
      for (let element: Element | null = parent; element && !isolatedBy; element = element.parentElement) {
        const style = getComputedStyle(element);
        const inline = style.display.startsWith("inline");
        if (element.matches("bdi, [dir=auto i]") || style.unicodeBidi === "plaintext" || (inline && style.unicodeBidi === "isolate")) isolatedBy = element;
        if (!inline) break;
      }
      if (!isolatedBy) found.push(`${parent.tagName.toLowerCase()}: ${text.trim()}`);
    }
    return found;
  }, titles);
}

/** Options that hold one of `titles` outside any FSI … PDI. */
async function unisolatedOptions(page: Page, titles: string[]): Promise<string[]> {
  return page.evaluate(
    (titles) =>
      [...document.querySelectorAll("option")]
        .map((o) => o.text)
        .filter((text) => titles.some((t) => text.includes(t) && !(text.match(/\u2068[^\u2069]*\u2069/g) ?? []).some((span) => span.includes(t)))),
    titles,
  );
}

test("right-to-left titles and names are isolated on every page, beside Latin ones", async ({ page, context }) => {
  test.setTimeout(90_000);
  await remember(context, REVIEWER);
  await importText(page, ARABIC, "English", ["The law on cybercrime was adopted in 2024.", "It protects computer systems.", "Offenders are punished."]);
  const arabicDocument = new URL(page.url()).pathname;
  await importText(page, HEBREW, "French", ["La loi sur la cybercriminalité a été adoptée en 2024.", "Elle protège les systèmes informatiques.", "Les auteurs sont punis."]);
  const hebrewDocument = new URL(page.url()).pathname;
  await importText(page, OVERRIDE, "English", ["A title with a right-to-left override must not reverse the page."]);
  const pair = await pairOf(page, `${isolated(ARABIC)} (3 segments)`, `${isolated(HEBREW)} (3 segments)`, PAIR);
  const pairId = pair.split("/").pop();
  // A reviewer's name in the history: confirm a link under the Hebrew name remembered above.
  const first = page.locator('tr.link-row[data-position="0"]');
  await first.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(first).toHaveAttribute("data-review", "confirmed");
  await page.locator("[data-testid=history] summary").click();
  await expect(page.locator("[data-testid=history] li").first()).toContainText(REVIEWER);

  await page.goto("/glossary");
  await page.getByRole("textbox", { name: "Key" }).fill(KEY);
  await page.getByRole("textbox", { name: "French term" }).fill("loi pénale d'essai");
  await page.getByRole("textbox", { name: "English term" }).fill("test penal law");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page).toHaveURL(/\/glossary\/\d+$/);
  const entry = new URL(page.url()).pathname;

  const titles = [ARABIC, HEBREW, OVERRIDE, KEY, REVIEWER];
  const pages: Array<[string, string]> = [
    ["/", "library"],
    [arabicDocument, "document-arabic"],
    [hebrewDocument, "document-hebrew"],
    ["/pairs", "pairs"],
    [pair, "pair"],
    ["/pairs/new", "pair-form"],
    ["/glossary", "glossary"],
    [entry, "glossary-entry"],
    ["/terminology", "terminology"],
    [`/terminology/concordance?q=cybercrime&lang=en&pair=${pairId}`, "concordance"],
    [`/pairs/${pairId}/terminology`, "pair-terminology"],
    [`/pairs/${pairId}/candidates`, "pair-candidates"],
  ];
  for (const [path, name] of pages) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `tests/.artifacts/bidi-${name}.png`, fullPage: name !== "pair" });
    expect(await unisolated(page, titles), `${path}: titles not isolated`).toEqual([]);
    expect(await unisolatedOptions(page, titles), `${path}: options not isolated`).toEqual([]);
  }
  // The titles are on those pages, and the window's title isolates them too.
  await page.goto(arabicDocument);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ARABIC);
  expect(await page.title()).toBe(`\u2068${ARABIC}\u2069 · Tandem`);
  await page.goto(pair);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PAIR);
  expect(await page.title()).toBe(`\u2068${PAIR}\u2069 · Tandem`);
  await page.goto("/");
  await expect(page.locator("bdi", { hasText: "Bad" })).toHaveText("Bad\u202Edrow");
  await page.goto(`/pairs/${pairId}/terminology`);
  await expect(page.locator(".crumbs bdi")).toHaveText(PAIR);

  // Leave the glossary as it was: other tests count its entries.
  const deleted = await page.request.post(`${entry}?_data=${encodeURIComponent("routes/glossary.$id")}`, {
    form: { intent: "delete" },
    headers: { origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(deleted.status()).toBeLessThan(400);
});
