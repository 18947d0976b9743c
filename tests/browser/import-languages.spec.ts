import { expect, test, type Page } from "./fixtures";

/**
 * Detection of every language Tandem reads at import (issue 14 item 1): made-up texts, pasted with the language left on
 * "Detect automatically", get their language; a language Tandem does not read is refused, named, with the list of those it
 * reads; where franc hesitates, the likeliest language is preselected and one click imports it.
 */
const SPANISH =
  "La Comisión de Derecho Internacional examinó ayer el informe anual sobre la protección de las personas en casos de desastre " +
  "y pidió a los Estados que enviaran sus observaciones antes de fin de año.";
const RUSSIAN =
  "Комиссия международного права рассмотрела вчера ежегодный доклад о защите людей в случае бедствий " +
  "и просила государства представить свои замечания до конца года.";
const CATALAN =
  "La Comissió de Dret Internacional va examinar ahir l'informe anual sobre la protecció de les persones en cas de desastre " +
  "i va demanar als estats que enviessin les seves observacions abans de final d'any.";
// franc puts Portuguese first, Galician and Spanish a few hundredths behind: Tandem asks, Portuguese preselected.
const HESITANT_PORTUGUESE = "O auxílio judiciário mútuo em matéria penal é prestado sem demora pela autoridade central.";

const alert = (page: Page) => page.locator("#form-error");
const languageSelect = (page: Page) => page.getByLabel("Language", { exact: true });

async function paste(page: Page, title: string, text: string) {
  await page.goto("/documents/new");
  await expect(page.getByRole("heading", { name: "Add a document" })).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Text").fill(text);
  await expect(languageSelect(page)).toHaveValue("auto");
}

/** Deletes the documents a try made, found by their titles in the library (a failed try may have made some). */
async function deleteTitled(page: Page, titles: string[]) {
  for (const title of titles) {
    await page.goto("/");
    const link = page.getByRole("link", { name: title, exact: true });
    if ((await link.count()) === 0) continue;
    await link.first().click();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Delete document" }).click();
    await expect(page).not.toHaveURL(/\/documents\/\d+$/);
  }
}

test("a Spanish and a Russian text are detected and imported in their languages", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const titles = [`Informe ${stamp}`, `Доклад ${stamp}`];
  try {
    for (const [title, text, name, code] of [
      [titles[0], SPANISH, "Spanish", "es"],
      [titles[1], RUSSIAN, "Russian", "ru"],
    ]) {
      await paste(page, title, text);
      await page.getByRole("button", { name: "Import" }).click();
      await expect(page).toHaveURL(/\/documents\/\d+$/);
      await expect(page.locator("dl.meta")).toContainText(`${name} (detected: ${name}`);
      await expect(page.locator("article.document")).toHaveAttribute("lang", code);
    }
  } finally {
    await deleteTitled(page, titles);
  }
});

test("a Catalan text is refused, named, with the languages Tandem reads, and nothing is written", async ({ page }) => {
  const title = `Informe català ${Date.now().toString(36)}`;
  try {
    await paste(page, title, CATALAN);
    const response = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Import" }).click();
    expect((await response).status()).toBe(422);
    await expect(alert(page)).toContainText("This text looks Catalan, which Tandem does not read");
    await expect(alert(page)).toContainText("Arabic, Chinese (simplified), Chinese (traditional), English, French, Russian, Spanish, German, Italian, Portuguese, Dutch, Japanese");
    await expect(page.getByLabel("Text")).toHaveValue(CATALAN);
    await page.goto("/");
    await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);
  } finally {
    await deleteTitled(page, [title]);
  }
});

test("when detection hesitates, the likeliest language is preselected and can be overridden", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const titles = [`Auxílio ${stamp}`];
  try {
    await paste(page, titles[0], HESITANT_PORTUGUESE);
    await page.getByRole("button", { name: "Import" }).click();
    await expect(alert(page)).toContainText("could not tell this text's language with confidence");
    await expect(languageSelect(page)).toHaveValue("pt");
    // The override: the user says Spanish, and Spanish it is.
    await languageSelect(page).selectOption("es");
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page).toHaveURL(/\/documents\/\d+$/);
    await expect(page.locator("dl.meta")).toContainText("Spanish");
  } finally {
    await deleteTitled(page, titles);
  }
});

// A French document with an Arabic line in its title block (seed 004's shape; made-up), and its English original.
const FRENCH_WITH_ARABIC = ["146e Assemblée de l'Union", "المنامة، البحرين", "L'Assemblée s'est réunie à Manama du 11 au 15 mars 2023."];
const ENGLISH_ORIGINAL = ["146th Assembly of the Union", "Manama, Bahrain", "The Assembly met in Manama from 11 to 15 March 2023."];

test("an Arabic line in a French document is marked lang=ar, right to left, on the document page and in the editor", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const titles = { fr: `Assemblée ${stamp}`, en: `Assembly ${stamp}`, pair: `Manama ${stamp}` };
  let pairPath: string | null = null;
  try {
    for (const [title, lines, language] of [
      [titles.en, ENGLISH_ORIGINAL, "en"],
      [titles.fr, FRENCH_WITH_ARABIC, "fr"],
    ] as const) {
      await paste(page, title, lines.join("\n"));
      await languageSelect(page).selectOption(language);
      await page.getByLabel("Segments").selectOption("lines");
      await page.getByRole("button", { name: "Import" }).click();
      await expect(page).toHaveURL(/\/documents\/\d+$/);
    }
    // The French document's page: the Arabic line alone is marked.
    await expect(page.locator(".seg-text[lang]")).toHaveCount(1);
    await expect(page.locator("#s2 .seg-text")).toHaveAttribute("lang", "ar");
    await expect(page.locator("#s2 .seg-text")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("#s3 .seg-text")).toHaveAttribute("dir", "auto");

    await page.goto("/pairs/new");
    await page.getByLabel("Original in").selectOption({ label: "English" });
    await page.getByLabel("translated into").selectOption({ label: "French" });
    await page.getByRole("button", { name: "Show these languages" }).click();
    await page.getByLabel("English original").selectOption({ label: `${titles.en} (3 segments)` });
    await page.getByLabel("French translation").selectOption({ label: `${titles.fr} (3 segments)` });
    await page.getByLabel("Title").fill(titles.pair);
    await page.getByRole("button", { name: "Pair and align" }).click();
    await expect(page).toHaveURL(/\/pairs\/\d+$/);
    pairPath = new URL(page.url()).pathname;
    await expect(page.locator("tr.link-row")).toHaveCount(3, { timeout: 20_000 });
    const arabic = page.locator('.pair-seg[data-segment="1"] .pair-seg-text[lang="ar"]');
    await expect(arabic).toHaveText("المنامة، البحرين");
    await expect(arabic).toHaveAttribute("dir", "rtl");
    await expect(page.locator(".pair-seg-text[lang]")).toHaveCount(1);
  } finally {
    if (pairPath) {
      await page.goto(pairPath);
      if ((await page.getByRole("button", { name: "Delete pair" }).count()) > 0) {
        page.once("dialog", (dialog) => dialog.accept());
        await page.getByRole("button", { name: "Delete pair" }).click();
        await expect(page).not.toHaveURL(new RegExp(`${pairPath}$`));
      }
    }
    await deleteTitled(page, [titles.fr, titles.en]);
  }
});
