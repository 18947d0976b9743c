import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type BrowserContext, type Page } from "./fixtures";
import { parseCsv } from "../../alignments/formats/csv";
import { importText, remember } from "./steps";

const CORPORA = process.env.TANDEM_CORPORA ?? path.resolve("..", "shared", "corpora");
const MLA = "Mutual Legal Assistance in Criminal Matters Act (Canada) ↔ Loi sur l’entraide juridique en matière criminelle (Canada)";
const UDHR_EN = "Universal Declaration of Human Rights (92 segments)";
const UDHR_FR = "Déclaration universelle des droits de l’homme (91 segments)";

const needsCorpora = () => test.skip(!existsSync(path.join(CORPORA, "canada-mla-act")) || !existsSync(path.join(CORPORA, "udhr")), `no shared corpora at ${CORPORA}`);

/** A UDHR pair of this test's own (other tests edit theirs); returns its address. */
async function freshUdhrPair(page: Page): Promise<string> {
  await page.goto("/pairs/new");
  await page.getByLabel("English original").selectOption({ label: UDHR_EN });
  await page.getByLabel("French translation").selectOption({ label: UDHR_FR });
  await page.getByLabel("Title").fill(`Terminology test ${Date.now()}`);
  await page.getByRole("button", { name: "Pair and align" }).click();
  await expect(page).toHaveURL(/\/pairs\/\d+$/);
  await expect(page.locator("tr.link-row").first()).toBeVisible({ timeout: 20_000 });
  return new URL(page.url()).pathname;
}

async function openMla(page: Page) {
  await page.goto("/pairs");
  await page.getByRole("link", { name: MLA }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(MLA);
}

/** Waits for the editor's terminology check; returns how many rows have findings. */
async function findingsChecked(page: Page): Promise<number> {
  const label = page.getByTestId("findings-rows");
  await expect(label).toHaveText(/^\(\d[\d,]*\)$/, { timeout: 15_000 });
  return Number((await label.textContent())!.replace(/[^\d]/g, ""));
}

test.beforeEach(needsCorpora);

test("the editor: badges, highlighted terms, the findings filter; accept with a note survives a re-check and a reload; un-accept", async ({ page, context }) => {
  await remember(context);
  const url = await freshUdhrPair(page);
  const rows = await findingsChecked(page);
  expect(rows).toBeGreaterThan(0);

  // The glossary's terms are highlighted on both sides of the title row.
  const first = page.locator("tr.link-row").first();
  await expect(first.locator("td[lang=en] mark.hit")).toHaveText([/^Human Rights$/i]);
  await expect(first.locator("td[lang=fr] mark.hit")).toHaveText([/^droits de l[’']homme$/i]);

  // Only the rows with findings; each shows its badges.
  await page.getByLabel(/With findings/).check();
  await expect(page.getByTestId("shown-count")).toHaveText(`${rows} of 92 links shown`);
  const row = page.locator("tr.link-row").first();
  const badge = row.getByTestId("finding-badge").first();
  await expect(badge).toBeVisible();
  const kind = await badge.getAttribute("data-kind");
  await expect(badge).not.toHaveAttribute("data-accepted", "true");
  const position = Number(await row.getAttribute("data-position"));
  await page.screenshot({ path: "tests/.artifacts/terminology-editor.png" });

  // Accept it, with a note, from the selected row's panel.
  await row.locator("td.link-num").click();
  const panel = page.getByTestId("row-findings");
  const finding = panel.getByTestId("row-finding").first();
  await expect(finding).toHaveAttribute("data-kind", kind!);
  await finding.getByRole("button", { name: "Accept…" }).click();
  await finding.getByLabel("Note on this finding").fill("An adjective stands inside the French term.");
  await finding.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(finding).toHaveAttribute("data-accepted", "yes");
  await expect(finding).toContainText("Accepted by Marie");
  await expect(finding).toContainText("An adjective stands inside the French term.");
  await expect(row.getByTestId("finding-badge").first()).toHaveAttribute("data-accepted", "true");

  // An edit above it moves the pair's version and the row's position: the check runs again, the acceptance holds.
  await page.getByLabel(/With findings/).uncheck();
  await page.locator("tr.link-row").first().locator("td.link-num").click();
  await page.keyboard.press("m");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  const moved = page.locator(`tr.link-row[data-position="${position - 1}"]`);
  await expect(moved.getByTestId("finding-badge").first()).toHaveAttribute("data-accepted", "true", { timeout: 10_000 });

  // After a reload the filter shows the rows still to look at: the row is found among all of them.
  await page.goto(url);
  await findingsChecked(page);
  const again = page.locator(`tr.link-row[data-position="${position - 1}"]`);
  await expect(again.getByTestId("finding-badge").first()).toHaveAttribute("data-accepted", "true");

  // Un-accept.
  await again.locator("td.link-num").click();
  const accepted = page.getByTestId("row-finding").first();
  await accepted.getByRole("button", { name: "Un-accept" }).click();
  await expect(accepted).toHaveAttribute("data-accepted", "no");
  await page.goto(url);
  await findingsChecked(page);
  await expect(page.locator(`tr.link-row[data-position="${position - 1}"]`).getByTestId("finding-badge").first()).not.toHaveAttribute("data-accepted", "true");
});

test("the editor's f and ⇧F go to the next and the previous row with findings, listed among the shortcuts", async ({ page }) => {
  await openMla(page);
  await findingsChecked(page);
  await expect(page.locator("details.shortcuts dl > div").filter({ hasText: "next / previous row with findings" }).locator("kbd")).toHaveText(["f", "⇧F"]);
  // The first rows with findings, as the filter lists them.
  await page.getByLabel(/With findings/).check();
  const positions = await page.locator("tr.link-row").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-position"))));
  await page.getByLabel(/With findings/).uncheck();
  const after = positions.filter((p) => p > 0);
  expect(after.length).toBeGreaterThanOrEqual(2);
  const selected = page.locator("tr.link-row[aria-selected=true]");

  await page.locator('tr.link-row[data-position="0"] td.link-num').click();
  await page.keyboard.press("f");
  await expect(selected).toHaveAttribute("data-position", String(after[0]));
  await expect(selected.getByTestId("finding-badge").first()).toBeVisible();
  await page.keyboard.press("f");
  await expect(selected).toHaveAttribute("data-position", String(after[1]));
  await page.keyboard.press("Shift+F");
  await expect(selected).toHaveAttribute("data-position", String(after[0]));
  await expect(page.getByTestId("row-findings")).toBeVisible();
});

test("a pair's terminology page: findings by kind with row links, accept and un-accept there, renderings as bars with counts", async ({ page }) => {
  await openMla(page);
  await page.locator(".page-head-links").getByRole("link", { name: "Terminology" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Terminology");
  await expect(page.getByTestId("findings-summary")).toHaveText(/^\d+ findings in \d+ links, \d+ accepted; checked against \d+ glossary terms\. Links are listed likeliest real first\./);

  // Likeliest real first: each row's first finding says how likely it is real, and the levels never rise down the page.
  const firstLevels = await page.locator(".findings-table tbody tr").evaluateAll((rows) => rows.map((r) => r.querySelector("[data-testid=finding-level]")?.getAttribute("data-level") ?? "none"));
  const rank = firstLevels.map((level) => ["doubtful", "possible", "likely"].indexOf(level));
  expect(rank.length).toBeGreaterThan(1);
  expect(rank).not.toContain(-1);
  expect(rank).toEqual([...rank].sort((a, b) => b - a));

  // One kind at a time.
  await page.locator(".kind-tab[data-kind=numbers]").click();
  await expect(page).toHaveURL(/kind=numbers/);
  const lines = page.getByTestId("finding-line");
  await expect(lines.first()).toBeVisible();
  expect(new Set(await lines.evaluateAll((els) => els.map((e) => e.getAttribute("data-kind"))))).toEqual(new Set(["numbers"]));

  // Accept one there, with a note and a name; then un-accept it.
  const line = lines.first();
  await line.getByText("Accept…").click();
  await line.getByLabel("Note on this finding").fill("The French leaves the subsection implicit.");
  await line.getByLabel("Your name").fill("Jules");
  await line.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(line).toHaveAttribute("data-accepted", "yes");
  await expect(line).toContainText("Accepted by Jules");
  await expect(line).toContainText("The French leaves the subsection implicit.");
  await line.getByRole("button", { name: "Un-accept" }).click();
  await expect(line).toHaveAttribute("data-accepted", "no");

  // Renderings: “entraide juridique” is rendered “mutual legal assistance”, once per row listed.
  const mla = page.locator("[data-testid=rendering][data-entry=mutual-legal-assistance]");
  await expect(mla.locator("figcaption")).toContainText("“entraide juridique”");
  const bar = mla.locator("[data-testid=rendering-bar][data-glossary=yes]").filter({ hasText: /mutual legal assistance/i });
  await expect(bar.getByTestId("rendering-count")).toHaveText(/^×\d+$/);
  const count = Number((await bar.getByTestId("rendering-count").textContent())!.slice(1));
  expect(count).toBeGreaterThanOrEqual(3);
  await expect(bar.locator(".row-links a")).toHaveCount(Math.min(count, 6));
  // A rendering the glossary lacks: “confiscation” is “forfeiture” in the Canadian English.
  const confiscation = page.locator("[data-testid=rendering][data-entry=confiscation]");
  await expect(confiscation.locator("[data-testid=rendering-bar][data-glossary=no]").first()).toContainText("forfeiture");
  await mla.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/.artifacts/terminology-renderings.png" });

  // A row link opens the editor at that row.
  const target = bar.locator(".row-links a").last();
  const n = Number(await target.textContent());
  await target.click();
  await expect(page).toHaveURL(new RegExp(`/pairs/\\d+#link-${n}$`));
  await expect(page.locator(`#link-${n}`)).toHaveAttribute("aria-selected", "true");
  await expect(page.locator(`#link-${n} td[lang=en] mark.hit`).first()).toHaveText(/^mutual legal assistance$/i);
});

test("variation on the French seeds alone: “droits de l'homme” and “droits humains”, counted per seed", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Terminology" }).click();
  await page.getByRole("link", { name: "French seeds" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Variation across documents");
  const concept = page.locator("[data-testid=variation-concept][data-entry=human-rights]");
  const term = (text: string) => concept.locator(`[data-testid=variation-term][data-term="${text}"]`);
  await expect(term("droits humains").getByTestId("variation-total")).toHaveText("×26");
  await expect(term("droits de l'homme").getByTestId("variation-total")).toHaveText("×19");
  const seedsWith = async (text: string) =>
    term(text)
      .locator("td.variation-cell--on")
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-document")));
  expect(await seedsWith("droits humains")).toEqual(["001", "002", "003"]);
  expect(await seedsWith("droits de l'homme")).toEqual(["000", "003", "004"]);
  await page.screenshot({ path: "tests/.artifacts/terminology-variation.png", fullPage: true });
  // A count opens the document at the first segment holding the term.
  await term("droits humains").locator("td.variation-cell--on a").first().click();
  await expect(page).toHaveURL(/\/documents\/\d+#s\d+$/);
  const segment = page.locator(new URL(page.url()).hash);
  await expect(segment).toContainText(/droits humains/i);
});

test("the concordance of a frequent word counts every occurrence and segment, and shows the first 200", async ({ page }) => {
  await page.goto("/terminology/concordance?q=de&lang=fr");
  const summary = page.getByTestId("concordance-summary");
  await expect(summary).toHaveText(/^[\d,]+ occurrences in [\d,]+ segments of the French; the first 200 shown, in the documents’ order \(\d+ ms\)\.$/);
  const [total, segments] = /^([\d,]+) occurrences in ([\d,]+)/.exec((await summary.textContent())!)!.slice(1).map((n) => Number(n.replace(/,/g, "")));
  expect(total).toBeGreaterThan(200);
  await expect(page.getByTestId("kwic-line")).toHaveCount(200);
  // Each document says how many it holds, the seeds in no pair among them; together they make the headline.
  const counts = await page.getByTestId("concordance-document").locator(".muted").allTextContents();
  const sum = (k: number) => counts.reduce((n, c) => n + Number(/^([\d,]+) in ([\d,]+)/.exec(c)![k].replace(/,/g, "")), 0);
  expect([sum(1), sum(2)]).toEqual([total, segments]);
  expect(counts.filter((c) => c.includes("in no aligned pair")).length).toBeGreaterThanOrEqual(5);
});

test("the concordance: a term in context on either side, with its counterpart and a link to the row", async ({ page }) => {
  await page.goto("/terminology/concordance");
  await page.getByLabel("Word or term to find").fill("Entraides juridiques");
  await page.getByLabel("Side searched").selectOption("fr");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("concordance-summary")).toHaveText(/^\d+ occurrences in \d+ segments of the French; all shown, in the documents’ order \(\d+ ms\)\.$/);
  const lines = page.getByTestId("kwic-line").filter({ has: page.locator(".kwic-document", { hasText: "Loi sur l’entraide juridique en matière criminelle" }) });
  expect(await lines.count()).toBeGreaterThanOrEqual(3);
  await expect(lines.locator(".kwic-match")).toHaveText(Array(await lines.count()).fill(/^entraide juridique$/i));
  await expect(lines.first().locator(".kwic-counterpart mark")).toHaveText(/^mutual legal assistance$/i);
  await page.screenshot({ path: "tests/.artifacts/terminology-concordance.png" });

  // The English side, in one pair.
  await page.getByLabel("Side searched").selectOption("en");
  await page.getByLabel("Pair searched").selectOption({ label: MLA });
  await page.getByLabel("Word or term to find").fill("mutual legal assistance");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/lang=en/);
  const english = page.getByTestId("kwic-line");
  await expect(english.first().locator(".kwic-match")).toHaveText(/^mutual legal assistance$/i);
  const link = english.first().getByRole("link");
  const n = Number(await link.textContent());
  await link.click();
  await expect(page.locator(`#link-${n}`)).toHaveAttribute("aria-selected", "true");
});

/** Deletes the glossary entry holding `term`, if there is one (a failed first attempt leaves it; its retry starts without). */
async function deleteEntryWith(page: Page, term: string) {
  await page.goto(`/glossary?q=${encodeURIComponent(term)}`);
  const row = page.locator("table.glossary-list tbody tr").filter({ hasText: term });
  if ((await row.count()) === 0) return;
  await row.first().getByRole("link").first().click();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete entry" }).click();
  await expect(page).toHaveURL(/\/glossary$/);
}

test("term candidates: “entraide juridique … ↔ mutual legal assistance …” is among the top ones, added to the glossary in one click; a duplicate is refused", async ({ page }) => {
  await deleteEntryWith(page, "entraide juridique en matière criminelle");
  await openMla(page);
  await page.locator(".page-head-links").getByRole("link", { name: "Term candidates" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Term candidates");
  const candidate = page.getByTestId("candidate").filter({ hasText: /entraide juridique en matière criminelle\s*↔/i });
  // Noun phrases are read by the taggers (decision 25): the MLA Act's candidates take several seconds on a loaded machine,
  // and the page asks again until they are there.
  await expect(candidate).toHaveCount(1, { timeout: 30_000 });
  expect(Number(await candidate.getAttribute("data-rank"))).toBeLessThanOrEqual(15);
  await expect(candidate.locator(".candidate-en")).toHaveText(/^mutual legal assistance in criminal matters$/i);
  await expect(candidate.locator(".candidate-evidence tr").first().locator("td[lang=fr] mark")).toHaveText(/^entraide juridique en matière criminelle$/i);
  await candidate.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/.artifacts/terminology-candidates.png" });
  const fr = (await candidate.locator(".candidate-fr").textContent())!;
  const en = (await candidate.locator(".candidate-en").textContent())!;

  await candidate.getByRole("button", { name: /Add .* to the glossary/ }).click();
  await expect(page.getByTestId("candidate-added")).toContainText(`Added “${fr}” ↔ “${en}” to the glossary`);
  await expect(page.getByTestId("candidate").filter({ hasText: /entraide juridique en matière criminelle\s*↔/i })).toHaveCount(0);

  // The same pair again (a stale page, another tab) is refused and nothing is added.
  const pairUrl = new URL(page.url()).pathname;
  const again = await page.request.post(pairUrl, { form: { intent: "add", fr, en } });
  expect(again.status()).toBe(409);
  expect(await again.text()).toContain(`“${fr}” is already in the glossary, in the entry “entraide-juridique-en-matiere-criminelle”: nothing was added.`);

  await page.getByRole("link", { name: /open the entry/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${fr} ↔ ${en}`);
  await expect(page.locator("[data-term-row]")).toHaveCount(2);
  // Leave the glossary as it was for the other tests.
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete entry" }).click();
  await expect(page).toHaveURL(/\/glossary$/);
});

test("the concordance searches the seeds in no pair, filters by document, sorts by context and downloads every occurrence", async ({ page, request }) => {
  await page.goto("/terminology/concordance?q=cybercriminalit%C3%A9&lang=fr");
  const summary = page.getByTestId("concordance-summary");
  await expect(summary).toHaveText(/^\d+ occurrences in \d+ segments of the French/);
  const total = Number((await summary.textContent())!.split(" ")[0].replace(/,/g, ""));
  const seed = "Lettre ouverte à l’Assemblée générale de l’ONU sur la proposition de convention relative à la cybercriminalité";
  const seedLines = page.getByTestId("kwic-line").filter({ has: page.locator(".kwic-document", { hasText: seed }) });
  expect(await seedLines.count()).toBeGreaterThan(5);
  await expect(seedLines.first().locator(".kwic-counterpart")).toHaveText("No counterpart: this document is in no aligned pair.");

  // One document, sorted by the word after the hit.
  await page.getByLabel("Document searched").selectOption({ label: seed });
  await page.getByLabel("Order").selectOption("1R");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(summary).toHaveText(/, by the word after \(1R\)/);
  const documents = page.getByTestId("kwic-line").locator(".kwic-document");
  expect(new Set(await documents.allTextContents())).toEqual(new Set([seed]));
  const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const firstWords = (await page.getByTestId("kwic-line").locator(".kwic-right").allTextContents()).map((right) => fold(/[\p{L}\p{N}]+/u.exec(right)?.[0] ?? ""));
  expect(firstWords.length).toBeGreaterThan(5);
  expect(firstWords).toEqual([...firstWords].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  const shown = await page.getByTestId("kwic-line").count();
  await page.screenshot({ path: "tests/.artifacts/concordance-sorted.png", fullPage: true });

  // The file: every occurrence of the search, in the page's order.
  const export_ = page.getByTestId("concordance-export");
  const [csv] = await Promise.all([page.waitForEvent("download"), export_.getByRole("link", { name: "CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe("concordance-cybercriminalité.csv");
  const rows = parseCsv(readFileSync((await csv.path())!, "utf8")).map((r) => r.cells);
  expect(rows.length - 1).toBe(shown);
  expect(rows[1].slice(0, 3)).toEqual([seed, "fr", ""]);
  expect(rows.slice(1).map((r) => fold(/[\p{L}\p{N}]+/u.exec(r[6])?.[0] ?? ""))).toEqual(firstWords);
  expect(rows[1][8]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/documents\/\d+#s\d+$/);
  const [tsv] = await Promise.all([page.waitForEvent("download"), export_.getByRole("link", { name: "TSV" }).click()]);
  expect(readFileSync((await tsv.path())!, "utf8").trimEnd().split("\n")).toHaveLength(shown + 1);

  // Every side and document: the file holds more than the page could show.
  const href = `/terminology/concordance/export?q=${encodeURIComponent("cybercriminalité")}&lang=fr&format=csv`;
  const all = await request.get(href);
  expect(all.status()).toBe(200);
  expect(parseCsv(await all.text())).toHaveLength(total + 1);
  // Another site's page cannot have the browser fetch it (decision 16); a navigation from a link still opens it.
  const embedded = await request.get(href, { headers: { "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "empty" } });
  expect(embedded.status()).toBe(403);
  expect(await embedded.text()).toMatch(/a page of another site asked for it/);
  const followed = await request.get(href, { headers: { "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document" } });
  expect(followed.status()).toBe(200);
});

test("the concordance sorts across documents by the word before, a right-to-left title beside a Latin one", async ({ page }, testInfo) => {
  // A made-up word, so that only these two documents hold it; another on a retry, since the first try's documents stay.
  const word = `zorglub${"q".repeat(testInfo.retry)}`;
  await importText(page, "قانون المصارف (2024) — extrait", "French", [`La banque ${word} fixe le taux.`, `Une banque ${word} peut prêter.`, `Sa ${word} ferme.`]);
  await importText(page, "Notes sur les banques", "French", [`Cette ${word} est fermée.`, `La ${word} ouvre.`]);
  await page.goto(`/terminology/concordance?q=${word}&lang=fr&sort=1L`);
  await expect(page.getByTestId("concordance-summary")).toHaveText(/^5 occurrences in 5 segments of the French; all shown, by the word before \(1L\)/);
  const lines = page.getByTestId("kwic-line");
  await expect(lines.locator(".kwic-left")).toHaveText(["La banque ", "Une banque ", "Cette ", "La ", "Sa "].map((left) => new RegExp(`${left}$`)));
  await expect(lines.locator(".kwic-document bdi")).toHaveText(["قانون المصارف (2024) — extrait", "قانون المصارف (2024) — extrait", "Notes sur les banques", "Notes sur les banques", "قانون المصارف (2024) — extrait"]);
  await expect(lines.first().locator(".kwic-counterpart")).toHaveText("No counterpart: this document is in no aligned pair.");
  // A cut title loses its end, not its start: the cell takes the direction of the title's first letter.
  await expect(lines.locator(".kwic-document").first()).toHaveAttribute("dir", "rtl");
  await expect(lines.locator(".kwic-document").nth(2)).toHaveAttribute("dir", "ltr");
  await page.screenshot({ path: "tests/.artifacts/concordance-rtl.png", fullPage: true });
});
