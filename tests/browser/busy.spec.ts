import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
import { importText, pairOf, remember } from "./steps";

/** The browser tests' database (playwright.config.ts): this test holds its write lock from here, as another process would. */
const DATABASE_PATH = "tests/.artifacts/browser.sqlite";

test("the editor sends a change again after a 503 busy answer, and saves it once the database is free", async ({ page, context }) => {
  await remember(context);
  const stamp = Date.now();
  await importText(page, `Busy act ${stamp}`, "English", ["The Minister may act.", "The Minister shall report.", "This Act comes into force."]);
  await importText(page, `Loi occupée ${stamp}`, "French", ["Le ministre peut agir.", "Le ministre fait rapport.", "La présente loi entre en vigueur."]);
  const url = await pairOf(page, `Busy act ${stamp} (3 segments)`, `Loi occupée ${stamp} (3 segments)`, `Busy ${stamp}`);

  const answers: number[] = [];
  page.on("response", (response) => {
    if (response.request().method() === "POST") answers.push(response.status());
  });
  const lock = new Database(DATABASE_PATH);
  try {
    lock.exec("BEGIN IMMEDIATE");
    await page.locator('tr.link-row[data-position="1"]').getByRole("button", { name: "Confirm", exact: true }).click();
    // The server waits for the lock without blocking, then answers 503; the page keeps the change and tries again.
    await page.waitForResponse((response) => response.request().method() === "POST" && response.status() === 503, { timeout: 20_000 });
    await expect(page.locator("[data-testid=save-state]")).toHaveText("Saving…");
    lock.exec("ROLLBACK");
  } finally {
    if (lock.inTransaction) lock.exec("ROLLBACK");
    lock.close();
  }
  await expect(page.locator("[data-testid=save-state]")).toHaveText("All changes saved", { timeout: 20_000 });
  expect(answers).toContain(503);
  expect(answers.at(-1)).toBe(200);
  await page.goto(url);
  await expect(page.locator('tr.link-row[data-position="1"]')).toHaveAttribute("data-review", "confirmed");
});
