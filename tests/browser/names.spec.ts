import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "./fixtures";
import { importText, pairOf, remember } from "./steps";

/**
 * Titles and names (decision 0022): a document and a pair renamed from their pages (a refusal keeps the form and
 * what was typed; the earlier title is kept where a person sees it), right-to-left and Chinese titles shown whole
 * (screenshots in tests/.artifacts/names-*.png, for a person to look at), and the pair form's sides and proposal.
 */

const ARABIC = "اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية";
const CHINESE = "联合国打击网络犯罪公约";

const CORPORA = process.env.TANDEM_CORPORA ?? path.resolve("..", "shared", "corpora");
const MLA_EN = "Mutual Legal Assistance in Criminal Matters Act (Canada) (496 segments)";
const MLA_FR = "Loi sur l’entraide juridique en matière criminelle (Canada) (488 segments)";
const UDHR_EN = "Universal Declaration of Human Rights (92 segments)";
const UDHR_FR = "Déclaration universelle des droits de l’homme (91 segments)";

const renameForm = (page: Page) => page.locator(".rename-form");

async function rename(page: Page, what: "document" | "pair", title: string) {
  const input = page.getByLabel(`New title of the ${what}`);
  if (!(await input.isVisible())) await page.locator(".rename summary").click();
  await input.fill(title);
  await renameForm(page).getByRole("button", { name: "Rename" }).click();
}

test("a document is renamed from its page; an empty or too long title is refused, the form kept; the earlier title stays listed", async ({ page, context }) => {
  await remember(context, "Marie");
  const first = `Renamed document ${Date.now()}`;
  await importText(page, first, "English", ["The Minister may help a foreign State.", "The request is written."]);
  const input = page.getByLabel("New title of the document");

  await rename(page, "document", "   ");
  await expect(renameForm(page).getByRole("alert")).toHaveText("Give the document a title: it cannot be empty.");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first);

  // Longer than the field lets anyone type (a forged or scripted form): the server refuses it, the text stays to be cut.
  await input.evaluate((element) => element.removeAttribute("maxlength"));
  const long = `${"A long title ".repeat(25)}end`;
  await rename(page, "document", long);
  await expect(renameForm(page).getByRole("alert")).toHaveText(`This title is ${long.length} characters long; keep it to 300 characters at most.`);
  await expect(input).toHaveValue(long);

  const arabic = `${ARABIC} (2024)`;
  await rename(page, "document", arabic);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(arabic);
  await expect(renameForm(page).getByRole("status")).toHaveText("Renamed. The document's earlier title is kept in its history.");
  await expect(page.getByTestId("renames")).toContainText(`${first} (until`);
  await expect(page.getByTestId("renames")).toContainText("renamed by Marie");
  await expect(page.locator("h1 bdi")).toHaveText(arabic);
  expect(await page.title()).toBe(`\u2068${arabic}\u2069 · Tandem`);
  await page.screenshot({ path: "tests/.artifacts/names-arabic-document.png" });
  await page.goto("/");
  await expect(page.locator("bdi", { hasText: ARABIC })).toHaveText(arabic);
});

test("a pair is renamed from its page, the rename in its history; Arabic and Chinese titles shown whole", async ({ page, context }) => {
  await remember(context, "Li");
  const stamp = Date.now();
  await importText(page, `${ARABIC} ${stamp}`, "English", ["The Minister may help a foreign State.", "The request is written."]);
  await importText(page, `Entraide ${stamp}`, "French", ["Le ministre peut aider un État étranger.", "La demande est écrite."]);
  const pair = await pairOf(page, `\u2068${ARABIC} ${stamp}\u2069 (2 segments)`, `Entraide ${stamp} (2 segments)`, `Pair ${stamp}`);

  await rename(page, "pair", "");
  await expect(renameForm(page).getByRole("alert")).toHaveText("Give the pair a title: it cannot be empty.");
  const chinese = `${CHINESE} ${stamp}`;
  await rename(page, "pair", chinese);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(chinese);
  const history = page.getByTestId("history");
  await history.locator("summary").click();
  await expect(history.locator("li").first()).toContainText(`Renamed the pair “Pair ${stamp}” to “${chinese}”`);
  await expect(history.locator("li").first()).toContainText("Li");
  await history.screenshot({ path: "tests/.artifacts/names-chinese-pair-history.png" });
  // The pair's Chinese title above its English document's Arabic one.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "tests/.artifacts/names-chinese-pair.png" });

  // The rename made no link change: the editor goes on editing at the version it has.
  await page.goto(pair);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(chinese);
  await page.goto("/pairs");
  await expect(page.getByRole("link", { name: chinese, exact: true })).toBeVisible();
});

test.describe("the pair form", () => {
  test.skip(!existsSync(CORPORA), `no shared corpora at ${CORPORA}`);

  test("lists each side's own language only, and proposes the chosen document's counterpart with the reason", async ({ page }) => {
    await page.goto("/pairs/new");
    const english = page.getByLabel("English original");
    const french = page.getByLabel("French translation");
    await expect(english.locator("option", { hasText: "Loi sur l’entraide" })).toHaveCount(0);
    await expect(english.locator("option", { hasText: "Lettre ouverte" })).toHaveCount(0);
    await expect(french.locator("option", { hasText: "Universal Declaration" })).toHaveCount(0);
    await expect(french.locator("option", { hasText: "Lettre ouverte" })).toHaveCount(1);

    await english.selectOption({ label: MLA_EN });
    await expect(french.locator("option:checked")).toHaveText(MLA_FR);
    const hint = page.getByTestId("fr-counterpart");
    await expect(hint).toContainText("Proposed counterpart.");
    await expect(hint).toContainText("criminal ↔ criminelle");
    await expect(hint).toContainText("496 and 488 segments");

    // The user's own choice is not overridden: the proposal stays one click away.
    await french.selectOption({ label: UDHR_FR });
    await expect(hint).toContainText("Proposed counterpart: Loi sur l’entraide juridique en matière criminelle (Canada).");
    await english.selectOption({ label: UDHR_EN });
    await expect(french.locator("option:checked")).toHaveText(UDHR_FR);
    await expect(hint).toContainText("Proposed counterpart.");
    await french.selectOption({ label: MLA_FR });
    await hint.getByRole("button", { name: "Choose it" }).click();
    await expect(french.locator("option:checked")).toHaveText(UDHR_FR);
    await expect(page.getByLabel("Title")).toHaveAttribute("placeholder", "Universal Declaration of Human Rights ↔ Déclaration universelle des droits de l’homme");
  });

  test("a seed with no English version gets no proposal, and the form says so", async ({ page }) => {
    await page.goto("/pairs/new");
    await page.getByLabel("French translation").selectOption({ index: 1 });
    await expect(page.getByLabel("English original").locator("option:checked")).toHaveText("Choose the English document…");
    await expect(page.getByTestId("en-counterpart")).toHaveText(
      "No English document looks like its counterpart (no shared document symbol, title words or numbers): choose it yourself.",
    );
  });

  test("a document page's “Pair with…” opens the form with its counterpart proposed", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Déclaration universelle des droits de l’homme", exact: true }).click();
    await page.getByRole("link", { name: "Pair with…" }).click();
    await expect(page).toHaveURL(/\/pairs\/new\?fr=\d+$/);
    await expect(page.getByLabel("French translation").locator("option:checked")).toHaveText(UDHR_FR);
    await expect(page.getByLabel("English original").locator("option:checked")).toHaveText(UDHR_EN);
    await expect(page.getByTestId("en-counterpart")).toContainText("universelle ↔ universal");
  });
});
