import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test, type BrowserContext, type Locator, type Page } from "./fixtures";
import { importText, pairOf, remember } from "./steps";

const CORPORA = process.env.TANDEM_CORPORA ?? path.resolve("..", "shared", "corpora");
const UDHR_EN = "Universal Declaration of Human Rights (92 segments)";
const UDHR_FR = "Déclaration universelle des droits de l’homme (91 segments)";
const STALE = /^This pair changed since you loaded it: reload/;

test.beforeEach(() => {
  test.skip(!existsSync(CORPORA), `no shared corpora at ${CORPORA}`);
});

let made = 0;
/** A new UDHR pair of this test's own (edits in one test never meet another's); returns its address. */
async function freshPair(page: Page): Promise<string> {
  await page.goto("/pairs/new");
  await page.getByLabel("English original").selectOption({ label: UDHR_EN });
  await page.getByLabel("French translation").selectOption({ label: UDHR_FR });
  await page.getByLabel("Title").fill(`Editor test ${++made} ${Date.now()}`);
  await page.getByRole("button", { name: "Pair and align" }).click();
  await expect(page).toHaveURL(/\/pairs\/\d+$/);
  await expect(page.locator("tr.link-row").first()).toBeVisible({ timeout: 20_000 });
  await page.waitForLoadState("networkidle");
  return new URL(page.url()).pathname;
}

const row = (page: Page, n: number) => page.locator(`tr.link-row[data-position="${n - 1}"]`);
const cell = (r: Locator, side: "en" | "fr") => r.locator("td").nth(side === "en" ? 1 : 2);
/** The segment numbers shown on one side of row n, e.g. "2 3". */
async function segments(page: Page, n: number, side: "en" | "fr"): Promise<string> {
  return (await cell(row(page, n), side).locator(".pair-seg-num").allInnerTexts()).join(" ");
}
const tools = (page: Page) => page.locator("tr.row-tools");

async function saved(page: Page) {
  await expect(page.locator("[data-testid=save-state]")).toHaveText("All changes saved");
}

async function select(page: Page, n: number) {
  await row(page, n).locator("td.link-num").click();
  await expect(row(page, n)).toHaveAttribute("aria-selected", "true");
}

/** The rows 1..n as "en|fr|status" strings, for comparing states. */
async function snapshot(page: Page, n = 6): Promise<string[]> {
  const out: string[] = [];
  for (let k = 1; k <= n; k++) out.push(`${await segments(page, k, "en")}|${await segments(page, k, "fr")}|${await row(page, k).getAttribute("data-review")}`);
  return out;
}

test("each operation by its button, saved and still there after a reload", async ({ page, context }) => {
  await remember(context);
  const url = await freshPair(page);
  await expect(page.locator("[data-testid=reviewer]")).toContainText("Reviewing as Marie");
  expect(await segments(page, 3, "en")).toBe("3");

  // English: the last segment of row 2 goes down into row 3, then back up.
  await select(page, 2);
  await tools(page).getByRole("button", { name: "↓ Last to row below d" }).first().click();
  await expect(row(page, 2)).toHaveAttribute("data-type", "0-1");
  expect(await segments(page, 3, "en")).toBe("2 3");
  await expect(row(page, 3)).toHaveAttribute("data-type", "2-1");
  await saved(page);
  await select(page, 3);
  await tools(page).getByRole("button", { name: "↑ First to row above u" }).click();
  expect(await segments(page, 2, "en")).toBe("2");
  await expect(row(page, 3)).toHaveAttribute("data-type", "1-1");

  // French: the same, with the French buttons.
  await tools(page).getByRole("button", { name: "↑ First to row above ⇧U" }).click();
  expect(await segments(page, 2, "fr")).toBe("2 3");
  await expect(row(page, 3)).toHaveAttribute("data-type", "1-0");
  await select(page, 2);
  await tools(page).getByRole("button", { name: "↓ Last to row below ⇧D" }).click();
  expect(await segments(page, 3, "fr")).toBe("3");

  // Merge, then split back with the counts chosen.
  await select(page, 4);
  await tools(page).getByRole("button", { name: /^Merge with next/ }).click();
  await expect(row(page, 4)).toHaveAttribute("data-type", "2-2");
  expect(await segments(page, 5, "en")).toBe("6");
  await tools(page).getByRole("button", { name: /^Split…/ }).click();
  await expect(tools(page).getByLabel("English segments kept in this row")).toHaveValue("1");
  await tools(page).getByLabel("French segments kept in this row").selectOption("1");
  await expect(tools(page)).toContainText("new row below: 1 English, 1 French");
  await page.screenshot({ path: "tests/.artifacts/editor-split.png" });
  await tools(page).getByRole("button", { name: "Split", exact: true }).click();
  await expect(row(page, 4)).toHaveAttribute("data-type", "1-1");
  expect(await segments(page, 5, "en")).toBe("5");

  // Split a 1-1 link into 1-0 and 0-1: an empty counterpart on each side.
  await select(page, 6);
  await tools(page).getByRole("button", { name: /^Split…/ }).click();
  await tools(page).getByRole("button", { name: "Split", exact: true }).click();
  await expect(row(page, 6)).toHaveAttribute("data-type", "1-0");
  await expect(row(page, 7)).toHaveAttribute("data-type", "0-1");
  await expect(cell(row(page, 6), "fr")).toHaveText("— no counterpart");
  await tools(page).getByRole("button", { name: /^Merge with next/ }).click();
  await expect(row(page, 6)).toHaveAttribute("data-type", "1-1");

  // Confirm, unconfirm, confirm all up to a row.
  await row(page, 2).getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(row(page, 2)).toHaveAttribute("data-review", "confirmed");
  await expect(row(page, 2).locator(".confirm-toggle")).toHaveText("✓ Confirmed");
  await row(page, 2).locator(".confirm-toggle").click();
  await expect(row(page, 2)).toHaveAttribute("data-review", "automatic");
  await select(page, 5);
  await tools(page).getByRole("button", { name: /^Confirm 1–5/ }).click();
  for (let k = 1; k <= 5; k++) await expect(row(page, k)).toHaveAttribute("data-review", "confirmed");
  await expect(row(page, 6)).toHaveAttribute("data-review", "automatic");
  await expect(page.locator("[data-testid=review-progress]")).toContainText("5 of 92 links confirmed");
  await saved(page);
  await page.screenshot({ path: "tests/.artifacts/editor-udhr.png" });

  const before = await snapshot(page);
  await page.goto(url);
  expect(await snapshot(page)).toEqual(before);
  await expect(page.locator("[data-testid=review-progress]")).toContainText("5 of 92 links confirmed");
  await page.locator("[data-testid=history] summary").click();
  await expect(page.locator("[data-testid=history] li").first()).toContainText("Confirmed links 1–5 · Marie");
  await expect(page.locator("[data-testid=history] li")).toHaveCount(11);
});

test("undo and redo, across reloads", async ({ page, context }) => {
  await remember(context);
  const url = await freshPair(page);
  const start = await snapshot(page);
  const undo = page.getByRole("button", { name: "↶ Undo" });
  const redo = page.getByRole("button", { name: "↷ Redo" });
  await expect(undo).toBeDisabled();
  await select(page, 3);
  await tools(page).getByRole("button", { name: /^Merge with next/ }).click();
  await saved(page);
  await row(page, 1).locator(".confirm-toggle").click();
  await saved(page);
  const edited = await snapshot(page);

  await page.goto(url);
  expect(await snapshot(page)).toEqual(edited);
  await expect(undo).toHaveAttribute("title", "Undo: Confirmed link 1 (Ctrl+Z)");
  await undo.click();
  await expect(row(page, 1)).toHaveAttribute("data-review", "automatic");
  await saved(page);
  await undo.click();
  await expect(row(page, 3)).toHaveAttribute("data-type", "1-1");
  await saved(page);
  expect(await snapshot(page)).toEqual(start);
  await expect(undo).toBeDisabled();

  await page.goto(url);
  expect(await snapshot(page)).toEqual(start);
  await expect(redo).toHaveAttribute("title", "Redo: Merged links 3 and 4 (Ctrl+Shift+Z)");
  await redo.click();
  await expect(row(page, 3)).toHaveAttribute("data-type", "2-2");
  await saved(page);
  await page.goto(url);
  await expect(row(page, 3)).toHaveAttribute("data-type", "2-2");
  await expect(redo).toBeEnabled();
  await page.locator("[data-testid=history] summary").click();
  await expect(page.locator("[data-testid=history] li").first()).toContainText("Redid: Merged links 3 and 4 · Marie");
  // A new change after an undo drops what could be redone.
  await select(page, 6);
  await page.keyboard.press("c");
  await saved(page);
  await expect(redo).toBeDisabled();
});

test("the keyboard path: move, check, edit, undo, search", async ({ page, context }) => {
  await remember(context);
  await freshPair(page);
  await expect(page.locator(".shortcuts")).toContainText("next to check");
  await expect(row(page, 1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("j");
  await page.keyboard.press("ArrowDown");
  await expect(row(page, 3)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("k");
  await expect(row(page, 2)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("c");
  await expect(row(page, 2)).toHaveAttribute("data-review", "confirmed");
  await page.keyboard.press("j");
  await page.keyboard.press("d");
  await expect(row(page, 3)).toHaveAttribute("data-type", "0-1");
  await expect(row(page, 4)).toHaveAttribute("data-type", "2-1");
  await page.keyboard.press("j");
  await page.keyboard.press("u");
  await expect(row(page, 3)).toHaveAttribute("data-type", "1-1");
  await page.keyboard.press("k");
  await page.keyboard.press("Shift+D");
  await expect(row(page, 3)).toHaveAttribute("data-type", "1-0");
  await page.keyboard.press("j");
  await page.keyboard.press("Shift+U");
  await expect(row(page, 3)).toHaveAttribute("data-type", "1-1");
  await page.keyboard.press("k");
  await page.keyboard.press("m");
  await expect(row(page, 3)).toHaveAttribute("data-type", "2-2");
  await page.keyboard.press("s");
  await expect(tools(page).getByLabel("English segments kept in this row")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(row(page, 3)).toHaveAttribute("data-type", "1-1");
  await page.keyboard.press("Control+z");
  await expect(row(page, 3)).toHaveAttribute("data-type", "2-2");
  await page.keyboard.press("Control+Shift+Z");
  await expect(row(page, 3)).toHaveAttribute("data-type", "1-1");
  await page.keyboard.press("Shift+C");
  for (let k = 1; k <= 3; k++) await expect(row(page, k)).toHaveAttribute("data-review", "confirmed");
  await saved(page);
  // n goes to the next link that needs a look: low confidence first, else the next unconfirmed one.
  await page.keyboard.press("n");
  const low = page.locator("tr.link-row--low");
  if ((await low.count()) > 0) await expect(page.locator("tr.link-row--selected")).toHaveClass(/link-row--low/);
  else await expect(row(page, 4)).toHaveAttribute("aria-selected", "true");
  // The first link has nothing above it: the editor says so, and nothing is sent.
  await page.keyboard.press("k");
  for (let k = 0; k < 100 && (await row(page, 1).getAttribute("aria-selected")) !== "true"; k++) await page.keyboard.press("k");
  const version = await page.locator("table.alignment").getAttribute("data-version");
  await page.keyboard.press("u");
  await expect(page.getByRole("alert")).toContainText("The first link has no link above it.");
  await expect(page.locator("table.alignment")).toHaveAttribute("data-version", version!);
  // "/" searches (accents and apostrophes folded).
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search the English or French text")).toBeFocused();
  await page.keyboard.type("preambule");
  await expect(page.locator("[data-testid=shown-count]")).toHaveText("1 of 92 links shown");
  await expect(page.locator("tr.link-row")).toHaveCount(1);
  await expect(cell(page.locator("tr.link-row"), "fr")).toContainText("Préambule");
  // Typing in the search box does not edit.
  await expect(page.locator("table.alignment")).toHaveAttribute("data-version", version!);
});

test("filters: unconfirmed, low confidence, not 1-1 and text on either side", async ({ page, context }) => {
  await remember(context);
  await freshPair(page);
  await page.keyboard.press("Shift+C"); // row 1
  await saved(page);
  await page.getByLabel("Unconfirmed").check();
  await expect(page.locator("[data-testid=shown-count]")).toHaveText("91 of 92 links shown");
  await expect(page.locator("tr.link-row").first().locator(".link-num")).toHaveText("2");
  await page.getByLabel("Unconfirmed").uncheck();
  await page.getByLabel("Not 1-1").check();
  for (const type of await page.locator("tr.link-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-type")))) expect(type).not.toBe("1-1");
  await page.getByLabel("Not 1-1").uncheck();
  await page.getByLabel("Low confidence").check();
  for (const low of await page.locator("tr.link-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-low")))) expect(low).toBe("true");
  await page.getByLabel("Low confidence").uncheck();
  await page.getByLabel("Search the English or French text").fill("everyone has the right to life");
  await expect(page.locator("[data-testid=shown-count]")).toHaveText("1 of 92 links shown");
  await expect(cell(page.locator("tr.link-row"), "fr")).toContainText("Tout individu a droit à la vie");
  await page.getByLabel("Search the English or French text").fill("l'homme");
  expect(Number((await page.locator("[data-testid=shown-count]").innerText()).split(" ")[0])).toBeGreaterThan(1);
});

test("realign the rest: confirmed links stay, the others are aligned again, and it can be undone", async ({ page, context }) => {
  await remember(context);
  const url = await freshPair(page);
  const start = await snapshot(page);
  await page.keyboard.press("j");
  await page.keyboard.press("c"); // confirm row 2
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("Shift+D"); // break rows 4 and 5
  await page.keyboard.press("j");
  await page.keyboard.press("m"); // and 5 with 6
  await saved(page);
  const broken = await snapshot(page);
  expect(broken).not.toEqual(start);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Realign the unconfirmed links" }).click();
  await expect(page.locator("[data-testid=realigning]")).toHaveCount(0, { timeout: 20_000 });
  await expect(row(page, 4)).toHaveAttribute("data-type", "1-1");
  const realigned = await snapshot(page);
  expect(realigned[1]).toBe("2|2|confirmed");
  expect(realigned.slice(2)).toEqual(start.slice(2));
  await page.locator("[data-testid=history] summary").click();
  await expect(page.locator("[data-testid=history] li").first()).toContainText("Realigned the unconfirmed links · Marie");

  await page.goto(url);
  expect(await snapshot(page)).toEqual(realigned);
  await page.getByRole("button", { name: "↶ Undo" }).click();
  await saved(page);
  expect(await snapshot(page)).toEqual(broken);
});

test("two pages on the same pair: an edit that cannot conflict is merged, one that could is refused with the reload message", async ({ browser, page, context }) => {
  await remember(context, "Marie");
  const url = await freshPair(page);
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    await remember(other, "Paul");
    const second = await other.newPage();
    await second.goto(url);
    await expect(row(second, 1)).toBeVisible();

    // Marie confirms link 1; Paul, who has not seen it, confirms link 3: no conflict, both are kept.
    await row(page, 1).locator(".confirm-toggle").click();
    await saved(page);
    await row(second, 3).locator(".confirm-toggle").click();
    await saved(second);
    await expect(row(second, 3)).toHaveAttribute("data-review", "confirmed");
    await expect(row(second, 1)).toHaveAttribute("data-review", "confirmed");
    await expect(second.getByRole("alert")).toContainText("A change made meanwhile in another page or by another person is shown too");

    // Marie, who has not seen Paul's, merges links 5 and 6: no conflict either, and her page shows his confirmation.
    await select(page, 5);
    await page.keyboard.press("m");
    await saved(page);
    await expect(row(page, 5)).toHaveAttribute("data-type", "2-2");
    await expect(row(page, 3)).toHaveAttribute("data-review", "confirmed");

    // Paul, who has not seen the merge, confirms his link 9: it is link 8 now; his page follows, selection included.
    await select(second, 9);
    const ninth = await cell(row(second, 9), "en").locator(".pair-seg-text").innerText();
    await second.keyboard.press("c");
    await saved(second);
    await expect(row(second, 8)).toHaveAttribute("data-review", "confirmed");
    await expect(row(second, 8)).toHaveAttribute("aria-selected", "true");
    await expect(cell(row(second, 8), "en").locator(".pair-seg-text")).toHaveText(ninth);
    await expect(row(second, 5)).toHaveAttribute("data-type", "2-2");

    // Marie, who has not seen that, shifts a segment of the same link: that could conflict, so it is refused.
    await select(page, 8);
    await page.keyboard.press("u");
    const alert = page.getByRole("alert");
    await expect(alert).toContainText(STALE);
    await expect(row(page, 8)).toHaveAttribute("data-type", "1-1");
    await expect(page.locator("[data-testid=save-state]")).toHaveText("Not saved");
    // The page stops editing until it is reloaded; the reload shows the other person's change.
    await expect(row(page, 4).locator(".confirm-toggle")).toBeDisabled();
    await page.screenshot({ path: "tests/.artifacts/editor-conflict.png" });
    await alert.getByRole("button", { name: "Reload" }).click();
    await expect(row(page, 8)).toHaveAttribute("data-review", "confirmed");
    await row(page, 4).locator(".confirm-toggle").click();
    await saved(page);
  } finally {
    await other.close();
  }
  await page.goto(url);
  for (const n of [1, 3, 4, 8]) await expect(row(page, n)).toHaveAttribute("data-review", "confirmed");
  await expect(row(page, 5)).toHaveAttribute("data-type", "2-2");
  await page.locator("[data-testid=history] summary").click();
  const history = page.locator("[data-testid=history] li");
  await expect(history).toHaveCount(5);
  await expect(history.nth(0)).toContainText("Confirmed link 4 · Marie");
  await expect(history.nth(1)).toContainText("Confirmed link 8 · Paul");
  await expect(history.nth(2)).toContainText("Merged links 5 and 6 · Marie");
  await expect(history.nth(3)).toContainText("Confirmed link 3 · Paul");
  await expect(history.nth(4)).toContainText("Confirmed link 1 · Marie");
});

test("the server refuses stale, impossible and nameless edits with a status and a reason", async ({ page, context }) => {
  await remember(context);
  const url = await freshPair(page);
  const version = Number(await page.locator("table.alignment").getAttribute("data-version"));
  // As the editor's fetcher sends them (a form post without JavaScript gets the page back, with the same status).
  const post = (form: Record<string, string>) => page.request.post(`${url}?_data=${encodeURIComponent("routes/pairs.$id")}`, { form });
  const impossible = await post({ intent: "merge", link: "91", version: String(version), user: "Marie" });
  expect(impossible.status()).toBe(422);
  expect(await impossible.json()).toMatchObject({ ok: false, message: "The last link has nothing below it to merge with." });
  const nameless = await post({ intent: "confirm", link: "0", version: String(version), user: " " });
  expect(nameless.status()).toBe(400);
  const ok = await post({ intent: "confirm", link: "0", version: String(version), user: "Marie" });
  expect(ok.status()).toBe(200);
  // Stale: made on a version that had not seen the confirmation of link 1, and on that link.
  const stale = await post({ intent: "unconfirm", link: "0", version: String(version), user: "Marie" });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).message).toMatch(STALE);
  const nonsense = await post({ intent: "shift-up", link: "x", version: "1", user: "Marie" });
  expect(nonsense.status()).toBe(400);
  await page.goto(url);
  await expect(row(page, 1)).toHaveAttribute("data-review", "confirmed");
  await expect(row(page, 2)).toHaveAttribute("data-review", "automatic");
});

// The reviewer's name, asked at the first change under its row: editor-room.spec.ts.

test("only the rows on screen are in the page, and an address can name a link", async ({ page, context }) => {
  await remember(context);
  await page.goto("/pairs");
  await page.getByRole("link", { name: /^Mutual Legal Assistance/ }).click();
  await expect(page.locator("tr.link-row").first()).toBeVisible();
  expect(await page.locator("tr.link-row").count()).toBeLessThan(60);
  const url = new URL(page.url()).pathname;
  await page.goto(`${url}#link-300`);
  await expect(row(page, 300)).toHaveAttribute("aria-selected", "true");
  await expect(row(page, 300)).toBeInViewport();
  expect(await page.locator("tr.link-row").count()).toBeLessThan(60);
  await page.keyboard.press("j");
  await expect(row(page, 301)).toBeInViewport();
});

/** Waits until the page has not scrolled for a few frames (the editor brings rows into view over several). */
async function scrollSettled(page: Page) {
  await page.evaluate(async () => {
    let last = window.scrollY;
    for (let still = 0, frames = 0; still < 6 && frames < 120; frames++) {
      await new Promise((r) => requestAnimationFrame(r));
      still = window.scrollY === last ? still + 1 : 0;
      last = window.scrollY;
    }
  });
}

/** The selected row is whole on screen below the sticky bar (its top at least, when it is taller than the room). */
async function expectWholeBelowBar(page: Page) {
  await scrollSettled(page);
  const bar = (await page.locator(".editor-bar").boundingBox())!;
  const box = (await page.locator("tr.link-row--selected").boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  if (box.height < viewport.height - bar.height - 16) expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

test("a row reached by address, map or next-to-check sits whole below the sticky bar, also with its text open", async ({ page, context }) => {
  await remember(context);
  await page.goto("/pairs");
  await page.getByRole("link", { name: /^Mutual Legal Assistance/ }).click();
  await expect(page.locator("tr.link-row").first()).toBeVisible();
  const url = new URL(page.url()).pathname;
  // Far rows, whose neighbours' heights are estimated until they are drawn (link 400 sat under the bar).
  for (const n of [400, 450, 120]) {
    await page.goto(`${url}#link-${n}`);
    await expect(row(page, n)).toHaveAttribute("aria-selected", "true");
    await expectWholeBelowBar(page);
    await page.keyboard.press("e");
    await expect(segmentEditor(page)).toBeFocused();
    await expectWholeBelowBar(page);
    const editorBox = (await segmentEditor(page).boundingBox())!;
    const bar = (await page.locator(".editor-bar").boundingBox())!;
    expect(editorBox.y).toBeGreaterThanOrEqual(bar.y + bar.height);
    await page.keyboard.press("Escape");
  }
  // From the map, and with "next to check".
  const plot = page.locator("[data-testid=alignment-map] .alignment-map-plot");
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.8);
  await expect(page.locator("tr.link-row--selected")).toHaveCount(1);
  await expectWholeBelowBar(page);
  await page.keyboard.press("Shift+E");
  await expectWholeBelowBar(page);
  await page.keyboard.press("Escape");
  await page.keyboard.press("n");
  await expectWholeBelowBar(page);
  await page.keyboard.press("e");
  await expectWholeBelowBar(page);
  await page.screenshot({ path: "tests/.artifacts/editor-jump.png" });
});

const OWN_EN = [
  "The Minister may provide assistance to a foreign state within thirty days.",
  "The request must be made in writing and signed by the competent authority.",
  "The court may order the production of any record relevant to the investigation.",
  "A person who fails to comply with the order commits an offence.",
  "The Minister shall report to Parliament on the use of these powers every year.",
  "This Act comes into force on the day on which it is published.",
];
const OWN_FR = [
  "Le ministre peut fournir une assistance à un État étranger dans un délai de trente jours.",
  "La demande est faite par écrit et signée par l’autorité compétente.",
  "Le tribunal peut ordonner la production de tout document utile à l’enquête.",
  "Quiconque ne se conforme pas à l’ordonnance commet une infraction.",
  "Le ministre fait rapport chaque année au Parlement sur l’usage de ces pouvoirs.",
  "La présente loi entre en vigueur à la date de sa publication.",
];

/**
 * A pair on two documents of this test's own: segment edits change the documents, and every pair on them,
 * so they must not touch the demo documents that the other tests pair.
 */
async function ownPair(page: Page, stamp = `${++made} ${Date.now()}`): Promise<string> {
  await importText(page, `English text ${stamp}`, "English", OWN_EN);
  await importText(page, `French text ${stamp}`, "French", OWN_FR);
  return pairOf(page, `English text ${stamp} (6 segments)`, `French text ${stamp} (6 segments)`, `Segments ${stamp}`);
}

const segmentText = (page: Page, n: number, side: "en" | "fr", k = 0) => cell(row(page, n), side).locator(".pair-seg-text").nth(k);
const segmentEditor = (page: Page) => page.locator(".seg-editor textarea");

test("segments: correct a text, split at the caret, merge with the next; undo and redo; kept after a reload", async ({ page, context }) => {
  await remember(context);
  const url = await ownPair(page);
  expect(await segments(page, 3, "en")).toBe("3");
  await select(page, 3);
  const original = await segmentText(page, 3, "en").innerText();
  const second = await segmentText(page, 4, "en").innerText();
  await expect(page.locator(".shortcuts")).toContainText("correct, split or merge the English / French text");

  // Correct a typo: e opens the English text of the row, Enter saves.
  await page.keyboard.press("e");
  await expect(segmentEditor(page)).toBeFocused();
  await expect(segmentEditor(page)).toHaveValue(original);
  await page.screenshot({ path: "tests/.artifacts/editor-segment.png" });
  const corrected = `${original} (corrected)`;
  await segmentEditor(page).fill(corrected);
  await page.keyboard.press("Enter");
  await expect(segmentEditor(page)).toHaveCount(0);
  await expect(segmentText(page, 3, "en")).toHaveText(corrected);
  await saved(page);

  // Split at the caret (Shift+Enter): both halves stay in the row; the later segments are renumbered.
  await select(page, 3);
  await row(page, 3).getByRole("button", { name: "Correct English segment 3" }).click();
  const cut = corrected.indexOf(" ", Math.floor(corrected.length / 2));
  await segmentEditor(page).evaluate((area: HTMLTextAreaElement, at) => area.setSelectionRange(at, at), cut);
  await page.keyboard.press("Shift+Enter");
  expect(await segments(page, 3, "en")).toBe("3 4");
  await expect(segmentText(page, 3, "en", 0)).toHaveText(corrected.slice(0, cut));
  await expect(segmentText(page, 3, "en", 1)).toHaveText(corrected.slice(cut + 1));
  expect(await segments(page, 4, "en")).toBe("5");
  await expect(segmentText(page, 4, "en")).toHaveText(second);
  await expect(row(page, 3)).toHaveAttribute("data-type", "2-1");
  await saved(page);
  // The pair's line under its title follows without a reload.
  await expect(page.getByTestId("en-segment-count")).toHaveText("(7 segments)");
  await expect(page.getByTestId("fr-segment-count")).toHaveText("(6 segments)");

  // Reloaded, the split is there; merge the two halves back (Ctrl+M in the text).
  await page.goto(url);
  expect(await segments(page, 3, "en")).toBe("3 4");
  await expect(page.locator(".meta--pair")).toContainText("(7 segments)");
  await select(page, 3);
  await tools(page).getByRole("button", { name: /✎ English/ }).click();
  await expect(segmentEditor(page)).toHaveValue(corrected.slice(0, cut));
  await page.keyboard.press("Control+m");
  expect(await segments(page, 3, "en")).toBe("3");
  await expect(segmentText(page, 3, "en")).toHaveText(corrected);
  await saved(page);
  await expect(page.getByTestId("en-segment-count")).toHaveText("(6 segments)");

  // The history keeps each step; undo goes back to the original text, redo forward again.
  await page.locator("[data-testid=history] summary").click();
  await expect(page.locator("[data-testid=history] li").nth(0)).toContainText("Merged English segments 3 and 4 · Marie");
  await expect(page.locator("[data-testid=history] li").nth(1)).toContainText("Split English segment 3 in two · Marie");
  await expect(page.locator("[data-testid=history] li").nth(2)).toContainText("Corrected the text of English segment 3 · Marie");
  await page.keyboard.press("Control+z");
  await expect.poll(() => segments(page, 3, "en")).toBe("3 4");
  await saved(page);
  await expect(page.getByTestId("en-segment-count")).toHaveText("(7 segments)");
  await page.keyboard.press("Control+z");
  await saved(page);
  await page.keyboard.press("Control+z");
  await expect(segmentText(page, 3, "en")).toHaveText(original);
  await saved(page);
  await page.goto(url);
  await expect(segmentText(page, 3, "en")).toHaveText(original);
  expect(await segments(page, 4, "en")).toBe("4");
  await page.getByRole("button", { name: "↷ Redo" }).click();
  await expect(segmentText(page, 3, "en")).toHaveText(corrected);
  await saved(page);
});

test("segments: nonsense is refused with a reason, in the page and by the server", async ({ page, context }) => {
  await remember(context);
  const url = await ownPair(page);
  await select(page, 2);
  const text = await segmentText(page, 2, "fr").innerText();
  const version = await page.locator("table.alignment").getAttribute("data-version");

  // An empty text.
  await page.keyboard.press("Shift+E");
  await segmentEditor(page).fill("  ");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toContainText("A segment cannot be empty.");
  // The caret at the start.
  await segmentEditor(page).fill(text);
  await segmentEditor(page).evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(0, 0));
  await page.keyboard.press("Shift+Enter");
  await expect(page.getByRole("alert")).toContainText("Put the caret inside the text");
  // Escape leaves the text as it was.
  await page.keyboard.press("Escape");
  await expect(segmentEditor(page)).toHaveCount(0);
  await expect(segmentText(page, 2, "fr")).toHaveText(text);
  await expect(page.locator("table.alignment")).toHaveAttribute("data-version", version!);

  // The server says the same, with 422 (and 409 for a stale page).
  const post = (form: Record<string, string>) => page.request.post(`${url}?_data=${encodeURIComponent("routes/pairs.$id")}`, { form });
  const base = { version: version!, user: "Marie" };
  const empty = await post({ intent: "edit-segment", side: "fr", segment: "1", text: " ", ...base });
  expect(empty.status()).toBe(422);
  expect((await empty.json()).message).toMatch(/^A segment cannot be empty/);
  const atEnd = await post({ intent: "split-segment", side: "fr", segment: "1", caret: String(text.length), ...base });
  expect(atEnd.status()).toBe(422);
  const last = await post({ intent: "merge-segments", side: "fr", segment: "5", ...base });
  expect(last.status()).toBe(422);
  expect((await last.json()).message).toBe("French segment 6 is the last French segment: there is no segment after it to merge with.");
  const ok = await post({ intent: "split-segment", side: "fr", segment: "1", caret: "5", ...base });
  expect(ok.status()).toBe(200);
  const stale = await post({ intent: "merge-segments", side: "fr", segment: "1", ...base });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).message).toMatch(STALE);
});

test("the “Edited” filter shows the links changed in the history, also after a reload and an undo", async ({ page, context }) => {
  await remember(context);
  const url = await freshPair(page);
  const shown = () => page.locator("tr.link-row .link-num").evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent ?? ""));
  await row(page, 2).locator(".confirm-toggle").click();
  await select(page, 5);
  await page.keyboard.press("m");
  await saved(page);
  await page.getByLabel("Edited").check();
  await expect(page.locator("[data-testid=shown-count]")).toHaveText("2 of 91 links shown");
  expect(await shown()).toEqual(["2", "5"]);
  await page.goto(url);
  await page.getByLabel("Edited").check();
  expect(await shown()).toEqual(["2", "5"]);
  // Undoing the merge writes the two links back: both were touched by the history.
  await page.getByRole("button", { name: "↶ Undo" }).click();
  await saved(page);
  await expect(page.locator("[data-testid=shown-count]")).toHaveText("3 of 92 links shown");
  expect(await shown()).toEqual(["2", "5", "6"]);
  await page.getByLabel("Edited").uncheck();
  await expect(page.locator("[data-testid=shown-count]")).toHaveText("92 links");
});

test("a row's history: who changed it, when and what it was, also for a corrected text", async ({ page, context }) => {
  await remember(context, "Marie");
  await ownPair(page);
  const panel = page.locator("[data-testid=link-history]");
  await select(page, 2);
  await page.keyboard.press("h");
  await expect(panel).toContainText("History of link 2");
  await expect(panel).toContainText("No change has touched this link");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);

  // Two changes by two people: a confirmation, then a corrected French text.
  await page.keyboard.press("c");
  await saved(page);
  await remember(context, "Paul");
  await page.reload();
  await select(page, 2);
  const text = await segmentText(page, 2, "fr").innerText();
  await page.keyboard.press("Shift+E");
  await segmentEditor(page).fill(text.replace("écrit", "écrit, "));
  await page.keyboard.press("Enter");
  await saved(page);
  await tools(page).getByRole("button", { name: /^History/ }).click();
  const entries = panel.locator("li");
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText("Corrected the text of French segment 2 · Paul ·");
  await expect(entries.nth(0)).toContainText(`French text was ${text}`);
  await expect(entries.nth(1)).toContainText("Confirmed link 2 · Marie ·");
  await expect(entries.nth(1)).toContainText("was English 2 ↔ French 2 · automatic");
  await expect(entries.nth(1)).toContainText("→ became English 2 ↔ French 2 · confirmed");
  await expect(entries.nth(1)).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await page.screenshot({ path: "tests/.artifacts/editor-link-history.png" });
  // The panel stays open from row to row: another row's history has neither change.
  await page.keyboard.press("j");
  await expect(panel).toContainText("History of link 3");
  await expect(panel).toContainText("No change has touched this link");
});

test("the alignment map: coloured by status, and a click goes to the link under it", async ({ page, context }) => {
  await remember(context);
  await freshPair(page);
  const map = page.locator("[data-testid=alignment-map]");
  const plot = map.locator(".alignment-map-plot");
  await expect(map.locator("canvas")).toHaveAttribute("aria-label", /Map of the 92 links/);
  await expect(map).toContainText("confirmed");
  /** The colour drawn at a share (x, y) of the map: its red, green and blue. */
  const pixel = (x: number, y: number) =>
    map.locator("canvas").evaluate((canvas: HTMLCanvasElement, [x, y]) => {
      const data = canvas.getContext("2d")!.getImageData(Math.round(x * canvas.width), Math.round(y * canvas.height), 1, 1).data;
      return [data[0], data[1], data[2]];
    }, [x, y] as const);
  // Link 3 (English 3, French 3) is on the diagonal, blue while automatic, green once confirmed.
  const at3 = [2.5 / 92, 2.5 / 91] as const;
  const [r0, g0, b0] = await pixel(...at3);
  expect(b0).toBeGreaterThan(r0);
  expect(b0).toBeGreaterThan(g0);
  await select(page, 3);
  await page.keyboard.press("Shift+C");
  await saved(page);
  await expect.poll(async () => {
    const [r, g, b] = await pixel(...at3);
    return g > r && g > b;
  }).toBe(true);

  // Hovering names the link under the pointer; clicking goes to it.
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.7);
  const caption = await map.locator("[data-testid=map-caption]").innerText();
  const n = Number(/^Link (\d+):/.exec(caption)?.[1]);
  expect(n).toBeGreaterThan(55);
  expect(n).toBeLessThan(75);
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.7);
  await expect(row(page, n)).toHaveAttribute("aria-selected", "true");
  await expect(row(page, n)).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(map.locator(".alignment-map-selected")).toHaveCount(1);
  await page.screenshot({ path: "tests/.artifacts/editor-map.png" });
});

test("the alignment map from the keyboard: a slider over the links, arrows move its cursor, Enter goes to the link", async ({ page, context }) => {
  await remember(context);
  await freshPair(page);
  const map = page.locator("[data-testid=alignment-map]");
  const slider = page.getByRole("slider", { name: "Alignment map: choose a link" });
  await expect(slider).toHaveAttribute("aria-valuemax", "92");
  await expect(map).toContainText("to the map");
  // Tab reaches it (from the search box, the last field before it that is always there).
  await page.getByLabel("Search the English or French text").focus();
  for (let k = 0; k < 20 && !(await slider.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press("Tab");
  await expect(slider).toBeFocused();
  await expect(slider).toHaveAttribute("aria-valuenow", "1");
  // The arrows move the map's cursor, not the table's selection.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await expect(slider).toHaveAttribute("aria-valuenow", "4");
  await expect(slider).toHaveAttribute("aria-valuetext", /^Link 4: English 4, French 4, automatic, \d+%$/);
  await expect(map.locator("[data-testid=map-caption]")).toContainText("Link 4");
  await expect(map.locator(".alignment-map-cursor")).toHaveCount(1);
  await expect(row(page, 1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("End");
  await expect(slider).toHaveAttribute("aria-valuenow", "92");
  await page.keyboard.press("PageUp");
  await expect(slider).toHaveAttribute("aria-valuenow", "82");
  await page.keyboard.press("ArrowLeft");
  await page.screenshot({ path: "tests/.artifacts/editor-map-keyboard.png" });
  // Enter goes to the row and gives the keys back to the table.
  await page.keyboard.press("Enter");
  await expect(row(page, 81)).toHaveAttribute("aria-selected", "true");
  await expectWholeBelowBar(page);
  await expect(slider).not.toBeFocused();
  await expect(map.locator(".alignment-map-cursor")).toHaveCount(0);
  await page.keyboard.press("c");
  await expect(row(page, 81)).toHaveAttribute("data-review", "confirmed");
  await page.keyboard.press("ArrowDown");
  await expect(row(page, 82)).toHaveAttribute("aria-selected", "true");
  // Escape leaves the map without going anywhere.
  await slider.focus();
  await expect(slider).toHaveAttribute("aria-valuenow", "82");
  await page.keyboard.press("Home");
  await expect(slider).toHaveAttribute("aria-valuenow", "1");
  await page.keyboard.press("Escape");
  await expect(slider).not.toBeFocused();
  await expect(slider).toHaveAttribute("aria-valuenow", "82");
});

test("segments: a split fixes every pair on the document; a page open on the other pair takes it in, and its undo still works", async ({ browser, page, context }) => {
  // Two imports, two pairs aligned and two browser contexts before the first check: under load (seen at 24) that outlasts
  // the default 30 s for the whole test, never one step's wait.
  test.setTimeout(90_000);
  await remember(context, "Marie");
  const stamp = `${++made} ${Date.now()}`;
  const first = await ownPair(page, stamp);
  await importText(page, `French text bis ${stamp}`, "French", OWN_FR);
  const second = await pairOf(page, `English text ${stamp} (6 segments)`, `French text bis ${stamp} (6 segments)`, `Second ${stamp}`);
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    await remember(other, "Paul");
    const secondPage = await other.newPage();
    await secondPage.goto(second);
    await expect(row(secondPage, 2)).toBeVisible();
    // Paul confirms a link of his pair before Marie splits a segment of the shared English text.
    await row(secondPage, 5).locator(".confirm-toggle").click();
    await saved(secondPage);

    await page.goto(first);
    await select(page, 2);
    await page.keyboard.press("e");
    const text = OWN_EN[1];
    await segmentEditor(page).evaluate((area: HTMLTextAreaElement, at) => area.setSelectionRange(at, at), text.indexOf(" and signed"));
    await page.keyboard.press("Shift+Enter");
    expect(await segments(page, 2, "en")).toBe("2 3");
    await saved(page);

    // Paul's page, open on the old numbering, confirms link 4, away from the split: saved, and the split shows there
    // too (links renumbered, texts, counts) without a reload.
    await row(secondPage, 4).locator(".confirm-toggle").click();
    await saved(secondPage);
    await expect(secondPage.getByRole("alert")).toContainText("A change made meanwhile in another page or by another person is shown too");
    await expect.poll(() => segments(secondPage, 2, "en")).toBe("2 3");
    await expect(segmentText(secondPage, 2, "en", 0)).toHaveText(text.slice(0, text.indexOf(" and signed")));
    expect(await segments(secondPage, 6, "en")).toBe("7");
    await expect(secondPage.locator(".meta--pair")).toContainText("(7 segments)");
    await secondPage.locator("[data-testid=history] summary").click();
    await expect(secondPage.locator("[data-testid=history] li").nth(0)).toContainText("Confirmed link 4 · Paul");
    await expect(secondPage.locator("[data-testid=history] li").nth(1)).toContainText(`Split English segment 2 in two (in the pair “Segments ${stamp}”) · Marie`);
    // It is not on the other pair's undo stack; Paul's own changes are, and undoing them works after the renumbering,
    // also after a reload.
    const paulsUndo = secondPage.getByRole("button", { name: "↶ Undo" });
    await expect(paulsUndo).toHaveAttribute("title", "Undo: Confirmed link 4 (Ctrl+Z)");
    await paulsUndo.click();
    await saved(secondPage);
    await expect(row(secondPage, 4)).toHaveAttribute("data-review", "automatic");
    await secondPage.reload();
    await expect(paulsUndo).toHaveAttribute("title", "Undo: Confirmed link 5 (Ctrl+Z)");
    await expect(row(secondPage, 5)).toHaveAttribute("data-review", "confirmed");
    await paulsUndo.click();
    await saved(secondPage);
    await expect(row(secondPage, 5)).toHaveAttribute("data-review", "automatic");
    expect(await segments(secondPage, 5, "en")).toBe("6");
    await expect(paulsUndo).toBeDisabled();

    // Undone from the pair it was made in, both pairs are as before.
    await page.getByRole("button", { name: "↶ Undo" }).click();
    await saved(page);
    expect(await segments(page, 2, "en")).toBe("2");
    await secondPage.reload();
    await expect.poll(() => segments(secondPage, 2, "en")).toBe("2");
    expect(await segments(secondPage, 6, "en")).toBe("6");
  } finally {
    await other.close();
  }
});
