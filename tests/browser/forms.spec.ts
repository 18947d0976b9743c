import { expect, test, type Locator, type Page } from "./fixtures";

/**
 * The forms Conform reads (decision 0034): after a refusal every value typed is still there, every issue is
 * shown (at the top and beside its field), the focus is on the first refused field, and a form works as a plain
 * post without JavaScript. Limits the browser would enforce (`maxlength`) are lifted first, as a script or an
 * old browser would send past them: the server's schema is what is tested.
 */

const LONG_TITLE = "T".repeat(301);
const LONG_URL = `https://example.org/${"a".repeat(2000)}`;
/** A Chinese value (the Charter's opening words) typed into a field, to see it kept as typed. */
const CHINESE = "我联合国人民同兹决心，欲免后世再遭今代人类两度身历惨不堪言之战祸。";
const TITLE_ISSUE = "Keep the title under 300 characters.";
const URL_ISSUE = "Keep the web address under 2000 characters.";

async function liftLengthLimits(scope: Page | Locator) {
  await scope.locator("[maxlength]").evaluateAll((fields) => fields.forEach((field) => field.removeAttribute("maxlength")));
}

async function screenshot(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `tests/.artifacts/forms-${name}.png`, fullPage: false });
}

test.describe("adding a document", () => {
  async function refuseTwice(page: Page) {
    await page.goto("/documents/new");
    await liftLengthLimits(page);
    await page.getByLabel("Title").fill(LONG_TITLE);
    await page.getByLabel("Text").fill(CHINESE);
    await page.getByLabel("…or a web address").fill(LONG_URL);
    await page.getByLabel("Segments").selectOption("lines");
    await page.getByRole("button", { name: "Import" }).click();
  }

  test("a refused import keeps every value and shows both issues, each beside its field, the first field focused", async ({ page }) => {
    await refuseTwice(page);
    const summary = page.locator("#form-error");
    await expect(summary.getByRole("listitem")).toHaveText([TITLE_ISSUE, URL_ISSUE]);
    await expect(page.locator(".field", { has: page.getByLabel("Title") }).locator(".field-issue")).toHaveText(TITLE_ISSUE);
    await expect(page.locator(".field", { has: page.getByLabel("…or a web address") }).locator(".field-issue")).toHaveText(URL_ISSUE);
    await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("…or a web address")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Text")).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Title")).toHaveValue(LONG_TITLE);
    await expect(page.getByLabel("Text")).toHaveValue(CHINESE);
    await expect(page.getByLabel("…or a web address")).toHaveValue(LONG_URL);
    await expect(page.getByLabel("Segments")).toHaveValue("lines");
    await expect(page.getByLabel("Title")).toBeFocused();
    await screenshot(page, "document-refused");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the form is a plain post: refused, it comes back with every value and both issues", async ({ page }) => {
      await refuseTwice(page);
      await expect(page.locator("#form-error").getByRole("listitem")).toHaveText([TITLE_ISSUE, URL_ISSUE]);
      await expect(page.getByLabel("Title")).toHaveAttribute("aria-describedby", /\S/);
      await expect(page.getByLabel("Text")).toHaveValue(CHINESE);
      await expect(page.getByLabel("Title")).toHaveValue(LONG_TITLE);
      await expect(page.getByLabel("Segments")).toHaveValue("lines");
    });
  });
});

test("a refused memory import keeps the title and says both what is wrong with it and that no file was chosen", async ({ page }) => {
  await page.goto("/pairs/import");
  await liftLengthLimits(page);
  const title = `${CHINESE}${"。".repeat(300)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.locator("#memory-error").getByRole("listitem")).toHaveText([TITLE_ISSUE, "Choose a TMX file to import."]);
  await expect(page.locator(".field", { has: page.getByLabel("Title") }).locator(".field-issue")).toHaveText(TITLE_ISSUE);
  await expect(page.locator(".field", { has: page.getByLabel("TMX file") }).locator(".field-issue")).toHaveText("Choose a TMX file to import.");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("TMX file")).toBeFocused();
  await screenshot(page, "memory-refused");
});

test("a refused new glossary entry keeps every value and shows the issue of the term and of the key, each beside its field", async ({ page }) => {
  await page.goto("/glossary");
  const form = page.locator("form", { has: page.getByRole("button", { name: "Add entry" }) });
  await liftLengthLimits(form);
  const longTerm = "entraide ".repeat(23);
  const longKey = `clé-${"k".repeat(100)}`;
  await form.getByLabel("French term", { exact: true }).fill(longTerm);
  await form.getByLabel("English term", { exact: true }).fill("mutual assistance");
  await form.getByLabel("Status of the English term").selectOption("admitted");
  await form.getByLabel("Key", { exact: true }).fill(longKey);
  await form.getByLabel("Note", { exact: true }).fill(CHINESE);
  await form.getByRole("button", { name: "Add entry" }).click();
  await expect(page.locator("#create-error").getByRole("listitem")).toHaveText(["Keep the key under 100 characters.", "Keep each term under 200 characters."]);
  await expect(page.locator(".field", { has: page.getByLabel("French term", { exact: true }) }).locator(".field-issue")).toHaveText("Keep each term under 200 characters.");
  await expect(page.locator(".field", { has: page.getByLabel("Key", { exact: true }) }).locator(".field-issue")).toHaveText("Keep the key under 100 characters.");
  await expect(form.getByLabel("French term", { exact: true })).toHaveValue(longTerm);
  await expect(form.getByLabel("English term", { exact: true })).toHaveValue("mutual assistance");
  await expect(form.getByLabel("Status of the English term")).toHaveValue("admitted");
  await expect(form.getByLabel("Key", { exact: true })).toHaveValue(longKey);
  await expect(form.getByLabel("Note", { exact: true })).toHaveValue(CHINESE);
  await expect(form.getByLabel("French term", { exact: true })).toBeFocused();
  await form.scrollIntoViewIfNeeded();
  await screenshot(page, "new-entry-refused");
});

test.describe("editing a glossary entry", () => {
  /** An Arabic note (the Universal Declaration's name), kept as typed. */
  const ARABIC = "الإعلان العالمي لحقوق الإنسان";

  /** A new entry of one French and one English term under a key no other try uses; its page's address. */
  async function newEntry(page: Page, key: string) {
    await page.goto("/glossary");
    const form = page.locator("form", { has: page.getByRole("button", { name: "Add entry" }) });
    await form.getByLabel("French term", { exact: true }).fill("gel des avoirs");
    await form.getByLabel("English term", { exact: true }).fill("asset freezing");
    await form.getByLabel("Key", { exact: true }).fill(key);
    await form.getByRole("button", { name: "Add entry" }).click();
    await expect(page).toHaveURL(/\/glossary\/\d+$/);
    return page.url();
  }

  async function deleteEntry(page: Page, url: string) {
    await page.goto(url);
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Delete entry" }).click();
    await expect(page).toHaveURL(/\/glossary$/);
  }

  test("a refused entry keeps its rows and shows the issue of a term row and of the key together, beside each", async ({ page }) => {
    const url = await newEntry(page, `forms-refused-${Date.now().toString(36)}`);
    try {
      await page.getByRole("button", { name: "+ English term" }).click();
      await liftLengthLimits(page.locator("form#entry"));
      const longTerm = "freezing ".repeat(23);
      const longKey = "k".repeat(101);
      await page.getByLabel("English term 3").fill(longTerm);
      await page.getByLabel("Status of term 3").selectOption("deprecated");
      await page.locator("#key").fill(longKey);
      await page.getByLabel("Note", { exact: true }).fill(ARABIC);
      await page.getByRole("button", { name: "Save entry" }).click();
      await expect(page.locator("#entry-issues").getByRole("listitem")).toHaveText(["Keep the key under 100 characters.", "Keep each term under 200 characters."]);
      await expect(page.locator("[data-term-row='3'] .field-issue")).toHaveText("Keep each term under 200 characters.");
      await expect(page.locator(".field", { has: page.locator("#key") }).locator(".field-issue")).toHaveText("Keep the key under 100 characters.");
      await expect(page.getByLabel("English term 3")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("French term 1")).not.toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("[data-term-row]")).toHaveCount(3);
      await expect(page.getByLabel("English term 3")).toHaveValue(longTerm);
      await expect(page.getByLabel("Status of term 3")).toHaveValue("deprecated");
      await expect(page.locator("#key")).toHaveValue(longKey);
      await expect(page.getByLabel("Note", { exact: true })).toHaveValue(ARABIC);
      await expect(page.getByLabel("English term 3")).toBeFocused();
      await screenshot(page, "entry-refused");
    } finally {
      await deleteEntry(page, url);
    }
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("a term row is added and removed by plain posts, what was typed kept, and the entry saved", async ({ page }) => {
      const url = await newEntry(page, `forms-plain-${Date.now().toString(36)}`);
      try {
        await page.getByLabel("French term 1").fill("gel des fonds");
        await page.getByRole("button", { name: "+ English term" }).click();
        await expect(page.locator("[data-term-row]")).toHaveCount(3);
        await expect(page.getByLabel("French term 1")).toHaveValue("gel des fonds");
        await page.getByLabel("English term 3").fill("freezing of funds");
        await page.getByRole("button", { name: "Remove term 2 “asset freezing”" }).click();
        await expect(page.locator("[data-term-row]")).toHaveCount(2);
        await expect(page.getByLabel("English term 2")).toHaveValue("freezing of funds");
        await page.getByRole("button", { name: "Save entry" }).click();
        await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
        await page.goto(url);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("gel des fonds ↔ freezing of funds");
      } finally {
        await deleteEntry(page, url);
      }
    });
  });
});

test("a refused rename puts the focus back on the title, which keeps what was typed and names its issue", async ({ page }) => {
  const title = `Forms rename ${Date.now().toString(36)}`;
  await page.goto("/documents/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Text").fill("The Minister may help a foreign State.\nThe request is written.");
  await page.getByLabel("Language").selectOption("en");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await page.locator(".rename summary").click();
  const input = page.getByLabel("New title of the document");
  await input.evaluate((element) => element.removeAttribute("maxlength"));
  const long = CHINESE.repeat(10);
  await input.fill(long);
  await page.locator(".rename-form").getByRole("button", { name: "Rename" }).click();
  await expect(page.locator(".rename-form").getByRole("alert")).toHaveText(`This title is ${long.length} characters long; keep it to 300 characters at most.`);
  await expect(input).toHaveValue(long);
  await expect(input).toBeFocused();
  await screenshot(page, "rename-refused");
});

test.describe("pairing two documents", () => {
  const UDHR_EN = "Universal Declaration of Human Rights (92 segments)";
  const FRENCH_ISSUE = "Choose the French document.";

  /** The English side chosen, the French one emptied again (the form proposes a counterpart), and a title too long. */
  async function refuseTwice(page: Page) {
    await page.goto("/pairs/new");
    await liftLengthLimits(page);
    await page.getByLabel("English original").selectOption({ label: UDHR_EN });
    await page.getByLabel("French translation").selectOption("");
    await page.getByLabel("Title").fill(LONG_TITLE);
    await page.getByRole("button", { name: "Pair and align" }).click();
  }

  test("a refused pair keeps what was chosen and typed and shows both issues, each beside its field, the first field focused", async ({ page }) => {
    await refuseTwice(page);
    await expect(page.locator("#form-error").getByRole("listitem")).toHaveText([FRENCH_ISSUE, TITLE_ISSUE]);
    await expect(page.locator(".field", { has: page.getByLabel("French translation") }).locator(".field-issue")).toHaveText(FRENCH_ISSUE);
    await expect(page.locator(".field", { has: page.getByLabel("Title") }).locator(".field-issue")).toHaveText(TITLE_ISSUE);
    await expect(page.getByLabel("French translation")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("English original")).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("English original").locator("option:checked")).toHaveText(UDHR_EN);
    await expect(page.getByLabel("Title")).toHaveValue(LONG_TITLE);
    await expect(page.getByLabel("French translation")).toBeFocused();
    await screenshot(page, "pair-refused");
  });

  test("two languages alike on the language line are refused beside the second, which keeps its value and has the focus", async ({ page }) => {
    await page.goto("/pairs/new?source=de&target=de");
    const issue = "Choose two different languages: an original and the language it is translated into.";
    const line = page.getByRole("form", { name: "The pair's languages" });
    await expect(line.getByRole("alert")).toHaveText(issue);
    await expect(line.locator(".field-issue")).toHaveText(issue);
    await expect(page.getByLabel("translated into")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Original in")).toHaveValue("de");
    await expect(page.getByLabel("translated into")).toHaveValue("de");
    await expect(page.getByLabel("translated into")).toBeFocused();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the form is a plain post: refused, it comes back with what was chosen and typed and both issues", async ({ page }) => {
      await refuseTwice(page);
      await expect(page.locator("#form-error").getByRole("listitem")).toHaveText([FRENCH_ISSUE, TITLE_ISSUE]);
      await expect(page.locator(".field", { has: page.getByLabel("French translation") }).locator(".field-issue")).toHaveText(FRENCH_ISSUE);
      await expect(page.getByLabel("English original").locator("option:checked")).toHaveText(UDHR_EN);
      await expect(page.getByLabel("Title")).toHaveValue(LONG_TITLE);
    });
  });
});

test.describe("importing a glossary file", () => {
  const NO_FILE = "Choose a CSV or TBX file to import.";
  const fileField = (page: Page) => page.locator(".field", { has: page.getByLabel("Glossary file") });

  async function importNothing(page: Page) {
    await page.goto("/glossary");
    await page.getByLabel("Keep them as they are").check();
    await page.getByRole("button", { name: "Import", exact: true }).click();
  }

  test("a refused import says its issue at the top and beside the file, keeps the choice made and focuses the file", async ({ page }) => {
    await importNothing(page);
    await expect(page.getByTestId("import-result")).toHaveText(NO_FILE);
    await expect(fileField(page).locator(".field-issue")).toHaveText(NO_FILE);
    await expect(page.getByLabel("Glossary file")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Keep them as they are")).toBeChecked();
    await expect(page.getByLabel("Glossary file")).toBeFocused();
  });

  test("a file with bad lines lists them at the top, and the file field is marked refused", async ({ page }) => {
    await page.goto("/glossary");
    await page.getByLabel("Glossary file").setInputFiles({ name: "forms-bad.csv", mimeType: "text/csv", buffer: Buffer.from("entry,language,term\nx,xx,terme\n") });
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByTestId("import-result").locator("li")).toHaveText(["Line 2: the language is “xx”; use fr or en."]);
    await expect(fileField(page).locator(".field-issue")).toContainText("forms-bad.csv: One line has a problem, so nothing was imported.");
    await expect(page.getByLabel("Glossary file")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Glossary file")).toBeFocused();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the form is a plain post: refused, it comes back with the choice made and the issue beside the file", async ({ page }) => {
      await importNothing(page);
      await expect(page.getByTestId("import-result")).toHaveText(NO_FILE);
      await expect(fileField(page).locator(".field-issue")).toHaveText(NO_FILE);
      await expect(page.getByLabel("Keep them as they are")).toBeChecked();
    });
  });
});
