import { expect, test, type Page } from "./fixtures";
import { importText } from "./steps";

/**
 * File names that need quoting in a multipart body (`;`, `=`, `"`), uploaded by Chromium through each of the
 * four upload forms: each is accepted and keeps its name, a `"` never turning into %22.
 */

const stamp = Date.now().toString(36);
const file = (name: string, text: string, mimeType = "text/plain") => ({ name, mimeType, buffer: Buffer.from(text, "utf8") });

const ENGLISH =
  "International cooperation is essential to meet the major challenge of fighting cybercrime. " +
  "Member States must strengthen mutual legal assistance and the expedited preservation of data.";
const FRENCH =
  "La coopération internationale est indispensable face au défi majeur que représente la lutte contre la cybercriminalité. " +
  "Les États membres doivent renforcer l'entraide judiciaire et la conservation rapide des données.";

async function uploadDocument(page: Page, name: string, text: string) {
  await page.goto("/documents/new");
  await page.getByLabel("…or a file").setInputFiles(file(name, text));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/documents\/\d+$/);
}

test("the document form takes names with ; = and \" and titles the document with them", async ({ page }) => {
  for (const [name, text] of [
    [`Rapport; version 2 ${stamp}.txt`, ENGLISH],
    [`taux=5% ${stamp}.txt`, FRENCH],
    [`Il a dit "oui"; a=b ${stamp}.txt`, FRENCH],
  ]) {
    await uploadDocument(page, name, text);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name.replace(/\.txt$/, ""));
    await expect(page.locator(".meta")).toContainText(name);
  }
  await page.goto("/");
  await expect(page.locator("tbody tr", { hasText: `Il a dit "oui"; a=b ${stamp}` })).toHaveCount(1);
  await expect(page.locator("body")).not.toContainText("%22");
});

test("the memory form takes such a name, and the pair is named after it", async ({ page }) => {
  const name = `Mémoire "TM"; v=2 ${stamp}.tmx`;
  const tmx = `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>One step.</seg></tuv><tuv xml:lang="fr"><seg>Un pas.</seg></tuv></tu></body></tmx>`;
  await page.goto("/pairs/import");
  await page.getByLabel("TMX file").setInputFiles(file(name, tmx, "application/x-tmx+xml"));
  await page.getByRole("button", { name: "Import" }).click();
  const report = page.getByTestId("memory-report");
  await expect(report.getByRole("status")).toContainText(`Imported ${name}: the pair ${name.replace(".tmx", "")} with 1 link, ready to review.`);
  await report.getByRole("link", { name: "Review the pair" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name.replace(".tmx", ""));
});

test("the glossary form takes such names for a CSV and a TBX file", async ({ page }) => {
  const csvName = `glossaire; "juridique" v=1 ${stamp}.csv`;
  const csv = `entry,language,term,status,match,domain,source,note\nnames-${stamp},fr,nom de fichier ${stamp},preferred,inflected,,,\nnames-${stamp},en,file name ${stamp},preferred,inflected,,,\n`;
  await page.goto("/glossary");
  await page.getByLabel("Glossary file").setInputFiles(file(csvName, csv, "text/csv"));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText(`Imported ${csvName}: 1 new entry, 0 replaced, 0 already there and left as they were.`);

  const tbxName = `base; "termes"=v3 ${stamp}.tbx`;
  const tbx = `<?xml version="1.0" encoding="UTF-8"?><tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="tbx-${stamp}"><langSec xml:lang="en"><termSec><term>term base ${stamp}</term></termSec></langSec><langSec xml:lang="fr"><termSec><term>base de termes ${stamp}</term></termSec></langSec></conceptEntry></body></text></tbx>`;
  await page.goto("/glossary");
  await page.getByLabel("Glossary file").setInputFiles(file(tbxName, tbx, "application/xml"));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText(`Imported ${tbxName}: 1 new entry, 0 replaced, 0 already there and left as they were.`);
});

test("the pair form takes a dictionary with such a name and shows it on the pair", async ({ page }) => {
  await importText(page, `Names EN ${stamp}`, "English", [ENGLISH]);
  await importText(page, `Names FR ${stamp}`, "French", [FRENCH]);
  const name = `dico; "fr=en" ${stamp}.dic`;
  await page.goto("/pairs/new");
  await page.getByLabel("English original").selectOption({ label: `Names EN ${stamp} (2 segments)` });
  await page.getByLabel("French translation").selectOption({ label: `Names FR ${stamp} (2 segments)` });
  await page.getByLabel("Dictionary (optional)").setInputFiles(file(name, "coopération @ cooperation\nentraide judiciaire @ mutual legal assistance\n"));
  await page.getByRole("button", { name: "Pair and align" }).click();
  await expect(page).toHaveURL(/\/pairs\/\d+$/);
  await expect(page.locator(".mono", { hasText: name })).toHaveText(name);
});
