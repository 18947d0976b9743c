import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "./fixtures";

const CORPORA = process.env.TANDEM_CORPORA ?? path.resolve("..", "shared", "corpora");
const HEADER = "entry,language,term,status,match,domain,source,note\n";

const csvFile = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
const entryRows = (page: Page) => page.locator("table.glossary-list tbody tr");

async function search(page: Page, q: string) {
  await page.goto("/glossary");
  await page.getByRole("searchbox", { name: "Search the glossary" }).fill(q);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=/);
}

/** Chooses a glossary file and imports it; the server's answer. */
async function importFile(page: Page, name: string, text: string) {
  await page.getByLabel("Glossary file").setInputFiles(csvFile(name, text));
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Import", exact: true }).click(),
  ]);
  return answer;
}

async function entryCount(page: Page): Promise<number> {
  await page.goto("/glossary");
  const lede = await page.getByTestId("glossary-counts").textContent();
  return Number(/^(\d+) entr/.exec(lede ?? "")?.[1]);
}

test("the starter glossary is in the navigation, counted by status, marked as starter, and searched without accents", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Glossary" }).click();
  await expect(page.getByRole("heading", { name: "Glossary", level: 1 })).toBeVisible();
  await expect(page.getByTestId("glossary-counts")).toHaveText(/^50 entries, 131 terms: \d+ preferred · \d+ admitted · \d+ deprecated · \d+ forbidden$/);
  await expect(entryRows(page)).toHaveCount(50);
  await page.screenshot({ path: "tests/.artifacts/glossary-list.png" });

  await search(page, "PREUVE electronique");
  await expect(page.getByTestId("search-count")).toContainText("1 entry matches");
  await expect(entryRows(page)).toHaveCount(1);
  await expect(entryRows(page).first()).toContainText("preuve électronique");
  await expect(entryRows(page).first()).toContainText("Starter");
  await entryRows(page).first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/glossary\/\d+$/);
  await expect(page.getByTestId("starter-note")).toContainText("Starter entry, written by the Tandem team as a fact of the domain");

  await search(page, "zzz-nothing");
  await expect(page.getByText("No term or key contains “zzz-nothing”.")).toBeVisible();
});

test("create an entry, edit its terms, refuse a taken key keeping what was typed, delete it after confirmation", async ({ page }) => {
  await page.goto("/glossary");
  // Refused: no term. What was typed stays in the form.
  await page.getByLabel("Key", { exact: true }).fill("asset-freeze");
  await page.getByLabel("Domain", { exact: true }).fill("financial investigation");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.locator("#create-error")).toHaveText("An entry needs at least one term: write a French or an English term.");
  await expect(page.getByLabel("Key", { exact: true })).toHaveValue("asset-freeze");
  await expect(page.getByLabel("Domain", { exact: true })).toHaveValue("financial investigation");

  await page.getByLabel("French term", { exact: true }).fill("gel des avoirs");
  await page.getByLabel("English term", { exact: true }).fill("asset freezing");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page).toHaveURL(/\/glossary\/\d+$/);
  const url = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("gel des avoirs ↔ asset freezing");
  await expect(page.getByTestId("starter-note")).toHaveCount(0);
  await expect(page.getByTestId("evidence-count")).toHaveText("None of these terms occurs in a ready pair.");

  // Add an English term, mark the first one admitted and exact, add and then remove a French row.
  await page.getByRole("button", { name: "+ English term" }).click();
  await page.getByLabel("English term 3").fill("freezing of assets");
  await page.getByLabel("Status of term 2").selectOption("admitted");
  await page.getByLabel("Match of term 2").selectOption("exact");
  await page.getByRole("button", { name: "+ French term" }).click();
  await page.getByLabel("French term 4").fill("blocage des fonds");
  await page.getByRole("button", { name: "Remove term 4 “blocage des fonds”" }).click();
  await page.getByLabel("Note", { exact: true }).fill("Budapest Convention has none; UNTOC article 12.");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.locator("[data-term-row]")).toHaveCount(3);
  await expect(page.getByLabel("English term 3")).toHaveValue("freezing of assets");
  await page.screenshot({ path: "tests/.artifacts/glossary-entry.png", fullPage: true });
  await page.goto(url);
  await expect(page.locator("[data-term-row]")).toHaveCount(3);
  await expect(page.getByLabel("English term 3")).toHaveValue("freezing of assets");
  await expect(page.getByLabel("Status of term 2")).toHaveValue("admitted");
  await expect(page.getByLabel("Match of term 2")).toHaveValue("exact");
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue("Budapest Convention has none; UNTOC article 12.");

  // A key another entry has: 409, and the rows typed since are still there.
  await page.getByRole("button", { name: "+ French term" }).click();
  await page.getByLabel("French term 4").fill("saisie conservatoire");
  await page.locator("#key").fill("mutual-legal-assistance");
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/glossary/")),
    page.getByRole("button", { name: "Save entry" }).click(),
  ]);
  expect(answer.status()).toBe(409);
  await expect(page.getByRole("alert")).toHaveText("Another entry already has the key “mutual-legal-assistance”: choose another key.");
  await expect(page.getByLabel("French term 4")).toHaveValue("saisie conservatoire");
  await expect(page.locator("#key")).toHaveValue("mutual-legal-assistance");
  await expect(page.locator("#key")).toHaveAttribute("aria-invalid", "true");

  // Delete: dismissing the confirmation keeps the entry; accepting it deletes the entry.
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByRole("button", { name: "Delete entry" }).click();
  await expect(page).toHaveURL(url);
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("Delete the entry “asset-freeze”");
    return dialog.accept();
  });
  await page.getByRole("button", { name: "Delete entry" }).click();
  await expect(page).toHaveURL(/\/glossary$/);
  await search(page, "gel des avoirs");
  await expect(entryRows(page)).toHaveCount(0);
  expect((await page.goto(url))?.status()).toBe(404);
});

test("a CSV with one bad row imports nothing and says which line; the mended file imports", async ({ page }) => {
  const before = await entryCount(page);
  const rows = [
    "cryptojacking,fr,minage clandestin,preferred,inflected,offences,test file,",
    "cryptojacking,en,cryptojacking,preferred,inflected,,,",
    "botnet,fr,réseau de zombies,preferred,inflected,offences,,",
    "botnet,xx,botnet,preferred,inflected,,,",
  ];
  const answer = await importFile(page, "bad.csv", HEADER + rows.join("\n") + "\n");
  expect(answer.status()).toBe(422);
  const result = page.getByTestId("import-result");
  await expect(result).toContainText("bad.csv: One line has a problem, so nothing was imported.");
  await expect(result.locator("li")).toHaveText(["Line 5: the language is “xx”; use fr or en."]);
  expect(await entryCount(page)).toBe(before);
  await search(page, "minage clandestin");
  await expect(entryRows(page)).toHaveCount(0);

  rows[3] = "botnet,en,botnet,preferred,inflected,,,";
  await page.goto("/glossary");
  await page.getByLabel("Glossary file").setInputFiles(csvFile("good.csv", HEADER + rows.join("\n") + "\n"));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText("Imported good.csv: 2 new entries, 0 replaced, 0 already there and left as they were.");
  expect(await entryCount(page)).toBe(before + 2);
  await search(page, "MINAGE clandestin");
  await expect(entryRows(page)).toHaveCount(1);
  await expect(entryRows(page).first()).toContainText("Imported");
});

test("a CSV with a quote never closed imports nothing and names the line where the quote opens", async ({ page }) => {
  const before = await entryCount(page);
  const rows = [
    "ransomware,fr,rançongiciel,preferred,inflected,offences,test file,",
    'ransomware,en,"ransomware,preferred,inflected,,,',
    "phishing,fr,hameçonnage,preferred,inflected,offences,,",
    "phishing,en,phishing,preferred,inflected,,,",
  ];
  await page.goto("/glossary");
  const answer = await importFile(page, "quote.csv", HEADER + rows.join("\n") + "\n");
  expect(answer.status()).toBe(422);
  const result = page.getByTestId("import-result");
  await expect(result).toContainText("quote.csv: One line has a problem, so nothing was imported.");
  await expect(result.locator("li")).toHaveText([/^Line 3: a quoted field starts here and is never closed/]);
  expect(await entryCount(page)).toBe(before);
});

test("the exported CSV downloads and imports back unchanged", async ({ page }) => {
  const entries = await entryCount(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV", exact: true }).click()]);
  expect(download.suggestedFilename()).toBe("tandem-glossary.csv");
  const text = readFileSync((await download.path())!, "utf8");
  expect(text.startsWith(HEADER.trimEnd())).toBe(true);
  expect(text).toContain("mutual-legal-assistance,fr,entraide judiciaire,preferred,inflected");
  const response = await page.request.get("/glossary.csv");
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toContain("attachment");

  await page.getByLabel("Glossary file").setInputFiles(csvFile("tandem-glossary.csv", text));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText(
    `Imported tandem-glossary.csv: 0 new entries, 0 replaced, ${entries} already there and left as they were.`,
  );
  expect(await entryCount(page)).toBe(entries);
});

test("the CSV by concept downloads and imports back unchanged; TBX-Basic downloads as martif", async ({ page }) => {
  const entries = await entryCount(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV by concept" }).click()]);
  expect(download.suggestedFilename()).toBe("tandem-glossary-concepts.csv");
  const text = readFileSync((await download.path())!, "utf8");
  expect(text.split("\r\n")[0]).toBe("entry,domain,source,note,en,en_status,en_match,en_note,fr,fr_status,fr_match,fr_note");
  expect(text).toContain(",mutual legal assistance,preferred,inflected,,entraide judiciaire|entraide juridique,preferred|admitted,inflected,");
  await page.getByLabel("Glossary file").setInputFiles(csvFile("tandem-glossary-concepts.csv", text));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText(
    `Imported tandem-glossary-concepts.csv: 0 new entries, 0 replaced, ${entries} already there and left as they were.`,
  );

  const [basic] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export TBX-Basic" }).click()]);
  expect(basic.suggestedFilename()).toBe("tandem-glossary-basic.tbx");
  const tbx = readFileSync((await basic.path())!, "utf8");
  expect(tbx).toContain('<martif type="TBX-Basic" xml:lang="en">');
  expect(tbx.match(/<termEntry /g)).toHaveLength(entries);
});

test("a term's match mode is chosen on its entry page, kept, and explained", async ({ page }) => {
  await page.goto("/glossary");
  await page.getByLabel("French term", { exact: true }).fill("droits de la personne");
  await page.getByLabel("English term", { exact: true }).fill("rights of the person");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page).toHaveURL(/\/glossary\/\d+$/);
  const url = page.url();
  await page.getByLabel("Match of term 1").selectOption("gapped");
  await page.getByLabel("Match of term 2").selectOption("unordered");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.goto(url);
  await expect(page.getByLabel("Match of term 1")).toHaveValue("gapped");
  await expect(page.getByLabel("Match of term 2")).toHaveValue("unordered");
  await expect(page.locator(".term-add .hint")).toContainText("with words between also lets up to 2 other words come among the term's");
  // Leave the glossary as the other tests count it.
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete entry" }).click();
  await expect(page).toHaveURL(/\/glossary$/);
});

test("an entry's evidence highlights its terms and opens the row in the pair's editor", async ({ page }) => {
  test.skip(!existsSync(path.join(CORPORA, "canada-mla-act")), `no shared corpora at ${CORPORA}`);
  await search(page, "entraide juridique");
  await entryRows(page).first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("entraide judiciaire ↔ mutual legal assistance");
  await expect(page.getByTestId("evidence-count")).toHaveText(/^\d+ links in \d pairs?/);
  const pair = page.locator(".evidence-pair", { hasText: "Mutual Legal Assistance in Criminal Matters Act" });
  const row = pair.locator("tbody tr").nth(2);
  await expect(row.locator("td[lang=fr] mark").first()).toHaveText(/^entraide juridique$/i);
  await expect(row.locator("td[lang=en] mark").first()).toHaveText(/^mutual legal assistance$/i);
  const n = Number(await row.getAttribute("data-link"));
  expect(n).toBeGreaterThan(1);
  await row.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/pairs/\\d+#link-${n}$`));
  const target = page.locator(`#link-${n}`);
  await expect(target).toHaveAttribute("aria-selected", "true");
  await expect(target).toBeInViewport();
  await expect(target.locator("td").nth(2)).toContainText(/entraide juridique/i);
});
