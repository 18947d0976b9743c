import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type BrowserContext, type Download, type Page } from "./fixtures";
import { importText, pairOf, remember } from "./steps";

const CORPORA = process.env.TANDEM_CORPORA ?? path.resolve("..", "shared", "corpora");
const DTD = path.resolve("..", "shared", "schemas", "tmx", "tmx14.dtd");
const UDHR_EN = "Universal Declaration of Human Rights (92 segments)";
const UDHR_FR = "Déclaration universelle des droits de l’homme (91 segments)";
const UDHR = "Universal Declaration of Human Rights ↔ Déclaration universelle des droits de l’homme";
const MLA = "Mutual Legal Assistance in Criminal Matters Act (Canada) ↔ Loi sur l’entraide juridique en matière criminelle (Canada)";

test.beforeEach(() => {
  test.skip(!existsSync(CORPORA), `no shared corpora at ${CORPORA}`);
});

/** Clicks and returns the download's suggested name and text. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; file: string }> {
  const [file]: [Download, void] = await Promise.all([page.waitForEvent("download"), click()]);
  const saved = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), text: readFileSync(saved, "utf8"), file: saved };
}

const units = (tmx: string) => tmx.split("<tu ").length - 1;
const valid = (file: string) => execFileSync("xmllint", ["--noout", "--nonet", "--dtdvalid", DTD, file], { stdio: "pipe" });

test("a pair's export box downloads a TMX with the chosen options, including links confirmed since the page loaded", async ({ page, context }) => {
  await remember(context);
  await pairOf(page, UDHR_EN, UDHR_FR, `Export test ${Date.now()}`);

  const box = page.getByTestId("export-box");
  await expect(box.getByLabel("Export format")).toHaveValue("tmx");
  await page.screenshot({ path: "tests/.artifacts/exchange-export-box.png", clip: { x: 0, y: 0, width: 1280, height: 620 } });

  // Every link, in the gold-link format: one line per link, the 1-0 and 0-1 ones with an empty side.
  await box.getByLabel("Export format").selectOption("links");
  const gold = await download(page, () => box.getByRole("button", { name: "Download" }).click());
  expect(gold.name).toMatch(/^export-test-\d+\.en-fr\.gold$/);
  const lines = gold.text.trim().split("\n");
  const empty = lines.filter((l) => l.includes("[]")).length;
  expect(lines[0]).toBe("[0]:[0]");

  // A TMX leaves 1-0 and 0-1 links out (they are not translation units), then keeps them when asked.
  await box.getByLabel("Export format").selectOption("tmx");
  const all = await download(page, () => box.getByRole("button", { name: "Download" }).click());
  expect(all.name).toMatch(/^export-test-\d+\.tmx$/);
  expect(units(all.text)).toBe(lines.length - empty);
  valid(all.file);
  await box.getByLabel("Keep 1-0 and 0-1 links").check();
  const full = await download(page, () => box.getByRole("button", { name: "Download" }).click());
  expect(units(full.text)).toBe(lines.length);
  valid(full.file);
  expect(empty).toBeGreaterThan(0);

  // Confirm two rows in the editor, then ask for the confirmed links only: the page was not reloaded.
  for (const n of [1, 2]) await page.locator(`tr.link-row[data-position="${n - 1}"] .confirm-toggle`).click();
  await expect(page.locator("[data-testid=save-state]")).toHaveText("All changes saved");
  await box.getByLabel("Confirmed links only").check();
  const confirmed = await download(page, () => box.getByRole("button", { name: "Download" }).click());
  expect(units(confirmed.text)).toBe(2);
  expect(confirmed.text.match(/<prop type="x-status">confirmed<\/prop>/g)).toHaveLength(2);
  expect(confirmed.text).toContain("<seg>Universal Declaration of Human Rights</seg>");
  valid(confirmed.file);
});

test("a control character typed into a segment is announced by the export box, left out of the TMX and kept in TSV", async ({ page, context }) => {
  await remember(context);
  const stamp = Date.now();
  await importText(page, `Bell EN ${stamp}`, "English", ["The Minister may provide assistance.", "The request must be made in writing."]);
  await importText(page, `Bell FR ${stamp}`, "French", ["Le ministre peut fournir une assistance.", "La demande doit être faite par écrit."]);
  await pairOf(page, `Bell EN ${stamp} (2 segments)`, `Bell FR ${stamp} (2 segments)`, `Bell ${stamp}`);
  const box = page.getByTestId("export-box");
  await expect(box.getByTestId("export-dropped")).toHaveCount(0);

  // Correct the first English segment with a bell character in it (e opens the text, Enter saves).
  await page.locator('tr.link-row[data-position="0"] td.link-num').click();
  await page.keyboard.press("e");
  await page.locator(".seg-editor textarea").fill("The Minister\u0007 may provide assistance.");
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-testid=save-state]")).toHaveText("All changes saved");
  // Coming to the box asks again (edits do not: they would wait for the scan).
  await box.getByLabel("Export format").focus();
  await expect(box.getByTestId("export-dropped")).toContainText("One character of this pair’s text is a control character");
  await page.reload();
  await expect(box.getByTestId("export-dropped")).toHaveText(
    "One character of this pair’s text is a control character that XML cannot hold: the TMX leaves it out (TSV and CSV keep it).",
  );
  const tmx = await download(page, () => box.getByRole("button", { name: "Download" }).click());
  expect(tmx.text).toContain("<seg>The Minister may provide assistance.</seg>");
  expect(tmx.text).toContain("<!-- Tandem left out 1 control character that XML cannot hold. -->");
  valid(tmx.file);
  await box.getByLabel("Export format").selectOption("tsv");
  await expect(box.getByTestId("export-dropped")).toHaveCount(0);
  const tsv = await download(page, () => box.getByRole("button", { name: "Download" }).click());
  expect(tsv.text.split("\n")[0]).toBe("The Minister\u0007 may provide assistance.\tLe ministre peut fournir une assistance.");
});

test("the pairs list exports the ticked pairs, or every ready pair", async ({ page, request }) => {
  await page.goto("/pairs");
  const bar = page.getByTestId("selection-export");
  await expect(bar.getByRole("button", { name: "Tick pairs to export" })).toBeDisabled();
  await page.getByLabel(`Export “${UDHR}”`).check();
  await page.getByLabel(`Export “${MLA}”`).check();
  await bar.getByLabel("Export format").selectOption("csv");
  await page.screenshot({ path: "tests/.artifacts/exchange-selection.png" });
  const linkCount = async (title: string) => Number((await page.locator("tbody tr", { hasText: title }).first().locator("td.num").first().innerText()).replace(/,/g, ""));
  const expected = (await linkCount(UDHR)) + (await linkCount(MLA));
  const csv = await download(page, () => bar.getByRole("button", { name: "Download 2 pairs" }).click());
  expect(csv.name).toBe("tandem-2-pairs.csv");
  const rows = csv.text.trim().split("\r\n");
  expect(rows[0]).toBe("pair,link,type,status,confidence,en,fr");
  // Rows whose text holds a line break would be quoted across lines; these texts have none.
  expect(rows.length - 1).toBe(expected);

  // Everything, as TMX: every ready pair is in it, whatever is ticked.
  await bar.getByLabel("Export format").selectOption("tmx");
  const ready = await page.locator("tbody tr", { has: page.locator(".pair-status--ready") }).count();
  const all = await download(page, () => bar.getByRole("button", { name: `Download every ready pair (${ready})` }).click());
  expect(all.name).toBe("tandem-all-pairs.tmx");
  expect(all.text).toContain(`<prop type="x-document">${UDHR}</prop>`);
  expect(all.text).toContain(`<prop type="x-document">${MLA}</prop>`);
  valid(all.file);

  // Bad parameters are refused with a message.
  for (const [query, status, message] of [
    ["pair=abc", 400, "The pair's number must be a whole number from 1 to 9,007,199,254,740,991; “abc” is not one."],
    ["pair=99999999999999999999", 400, "The pair's number must be a whole number from 1 to 9,007,199,254,740,991; “99999999999999999999” is not one."],
    ["pair=1&format=docx", 400, "The format is one of tmx, tsv, csv, links."],
    ["format=tmx", 400, "Choose at least one pair to export, or everything."],
    ["pair=999999", 404, "There is no pair 999999; it may have been deleted."],
    ["all=1&format=links", 400, "The gold-link format numbers the segments of one pair: export one pair at a time in it."],
  ] as const) {
    const answer = await request.get(`/pairs/export?${query}`);
    expect(answer.status()).toBe(status);
    expect((await answer.text()).trim()).toBe(message);
  }
});

/** A memory from elsewhere: a joined 2-1 unit with Tandem's break prop, a confirmed unit, an English-only one, a German variant. */
const MEMORY = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="OtherCAT" creationtoolversion="2" segtype="sentence" o-tmf="x" adminlang="en" srclang="en-GB" datatype="plaintext"/>
  <body>
    <tu><prop type="x-status">confirmed</prop><tuv xml:lang="en-GB"><seg>Fish &amp; chips &lt;3 😀</seg></tuv><tuv xml:lang="fr-FR"><seg>Poisson &amp; frites &lt;3 😀</seg></tuv><tuv xml:lang="de-DE"><seg>Fisch</seg></tuv></tu>
    <tu><prop type="x-en-breaks">10</prop><tuv xml:lang="en-GB"><seg>One step. Two steps.</seg></tuv><tuv xml:lang="fr-FR"><seg>Un pas, deux pas.</seg></tuv></tu>
    <tu><tuv xml:lang="en-GB"><seg>Left untranslated.</seg></tuv></tu>
    <tu><tuv xml:lang="en-GB"><seg>The end.</seg></tuv><tuv xml:lang="fr-FR"><seg>La fin.</seg></tuv></tu>
  </body>
</tmx>
`;
const tmxFile = (name: string, text: string | Buffer) => ({ name, mimeType: "application/x-tmx+xml", buffer: typeof text === "string" ? Buffer.from(text, "utf8") : text });

test("a TMX imported in the browser becomes a pair, with a report, and goes out again with every unit", async ({ page }) => {
  const name = `memory-${Date.now()}.tmx`;
  await page.goto("/pairs");
  await page.getByRole("link", { name: "Import a memory (TMX)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import a translation memory");
  await page.screenshot({ path: "tests/.artifacts/exchange-import.png" });
  await page.getByLabel("TMX file").setInputFiles(tmxFile(name, MEMORY));
  await page.getByRole("button", { name: "Import" }).click();
  const report = page.getByTestId("memory-report");
  await expect(report.getByRole("status")).toContainText(`Imported ${name}: the pair ${name.replace(".tmx", "")} with 4 links, ready to review.`);
  await expect(report.getByTestId("units-read")).toHaveText("4 (TMX 1.4, UTF-8)");
  await expect(report.getByTestId("links-confirmed")).toHaveText("1");
  await expect(report.getByTestId("link-types")).toContainText("1-1 2");
  await expect(report.getByTestId("link-types")).toContainText("2-1 1");
  await expect(report.getByTestId("link-types")).toContainText("1-0 1");
  await expect(report.getByTestId("left-out")).toHaveText("Left out: 1 variant in other languages (de-DE ×1).");
  await expect(report).toContainText("1 unit was cut back into the segments it joined (Tandem’s x-en-breaks and x-fr-breaks).");
  await page.screenshot({ path: "tests/.artifacts/exchange-import-report.png", fullPage: true });

  await report.getByRole("link", { name: "Review the pair" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name.replace(".tmx", ""));
  const first = page.locator('tr.link-row[data-position="0"]');
  await expect(first).toHaveAttribute("data-review", "confirmed");
  await expect(first).toContainText("Fish & chips <3 😀");
  await expect(page.locator('tr.link-row[data-position="1"] .pair-seg-text')).toHaveText(["One step.", "Two steps.", "Un pas, deux pas."]);

  const box = page.getByTestId("export-box");
  await box.getByLabel("Keep 1-0 and 0-1 links").check();
  const out = await download(page, () => box.getByRole("button", { name: "Download" }).click());
  valid(out.file);
  const segs = (tmx: string) => [...tmx.matchAll(/<seg>([^<]*)<\/seg>/g)].map((m) => m[1]);
  expect(segs(out.text)).toEqual(segs(MEMORY).filter((s) => s !== "Fisch"));
  expect(units(out.text)).toBe(4);
});

test("adding a document points to importing a memory, and back", async ({ page }) => {
  await page.goto("/documents/new");
  await page.screenshot({ path: "tests/.artifacts/exchange-add-document.png" });
  await page.getByRole("main").getByRole("link", { name: "Import a translation memory" }).click();
  await expect(page).toHaveURL(/\/pairs\/import$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import a translation memory");
  await page.screenshot({ path: "tests/.artifacts/exchange-import-memory.png" });
  await page.getByRole("main").getByRole("link", { name: "Add a document" }).click();
  await expect(page).toHaveURL(/\/documents\/new$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a document");
});

test("bad memories are refused with a message, nothing is imported, and the server keeps serving", async ({ page, request }) => {
  await page.goto("/pairs");
  const before = await page.locator(".lede").innerText();
  await page.goto("/pairs/import");
  const bomb = `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&b;</seg></tuv></tu></body></tmx>`;
  for (const [file, message] of [
    ["broken.tmx", '<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>Open</tuv></tu></body></tmx>'],
    ["bomb.tmx", bomb],
    ["nolang.tmx", '<tmx version="1.4"><body><tu><tuv><seg>Where?</seg></tuv></tu></body></tmx>'],
    ["empty.tmx", '<tmx version="1.4"><header/><body></body></tmx>'],
  ]) {
    await page.getByLabel("TMX file").setInputFiles(tmxFile(file, message));
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.locator("#memory-error")).toContainText(file);
  }
  await expect(page.locator("#memory-error")).toHaveText("empty.tmx holds no translation units: there is nothing to import.");
  await page.screenshot({ path: "tests/.artifacts/exchange-import-refused.png" });

  // Over the limit: the browser says so before sending; a client that sends anyway gets 413.
  const huge = Buffer.alloc(17 * 1024 * 1024, 0x20);
  await page.getByLabel("TMX file").setInputFiles(tmxFile("huge.tmx", huge));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.locator("#memory-error")).toHaveText("This file is 17.0 MB; Tandem imports memories up to 16 MB.");
  const answer = await request.post("/pairs/import", { multipart: { intent: "import-memory", file: tmxFile("huge.tmx", huge) } });
  expect(answer.status()).toBe(413);
  expect(await answer.text()).toMatch(/This file is 1[67]\.\d MB; Tandem imports memories up to 16 MB\./);
  const bombAnswer = await request.post("/pairs/import", { multipart: { intent: "import-memory", file: tmxFile("bomb.tmx", bomb) } });
  expect(bombAnswer.status()).toBe(422);
  expect((await request.post("/pairs/import", { multipart: { intent: "explode" } })).status()).toBe(400);

  await page.goto("/pairs");
  await expect(page.locator(".lede")).toHaveText(before);
});

const TERM_BASE = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>Another tool</p></sourceDesc></fileDesc></martifHeader>
<text><body>
  <termEntry id="tb-universal-declaration">
    <descrip type="subjectField">human rights</descrip>
    <langSet xml:lang="en-US"><tig><term>Universal Declaration of Human Rights</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
    <langSet xml:lang="fr-FR"><tig><term>Déclaration universelle des droits de l’homme</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig></langSet>
    <langSet xml:lang="es"><tig><term>Declaración Universal de Derechos Humanos</term></tig></langSet>
  </termEntry>
</body></text></martif>
`;

test("a TBX term base is imported beside the CSV one, and the glossary goes out as TBX with evidence counts", async ({ page, request }) => {
  await page.goto("/glossary");
  const counts = await page.getByTestId("glossary-counts").innerText();
  await page.getByLabel("Glossary file").setInputFiles({ name: "rights.tbx", mimeType: "application/xml", buffer: Buffer.from(TERM_BASE, "utf8") });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText(
    "Imported rights.tbx: 1 new entry, 0 replaced, 0 already there and left as they were. 1 term in “es” left out: Tandem keeps French and English.",
  );
  const row = page.locator("tr[data-entry-key=tb-universal-declaration]");
  await expect(row).toContainText("Déclaration universelle des droits de l’homme");

  const tbx = await download(page, () => page.getByRole("link", { name: "Export TBX", exact: true }).click());
  expect(tbx.name).toBe("tandem-glossary.tbx");
  const entry = tbx.text.slice(tbx.text.indexOf('<conceptEntry id="tb-universal-declaration">'));
  expect(entry).toMatch(/<term>Universal Declaration of Human Rights<\/term>[\s\S]*?<admin type="x-evidenceCount">([1-9]\d*)<\/admin>/);
  expect(entry).toContain('<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>');

  // A broken file changes nothing.
  await page.getByLabel("Glossary file").setInputFiles({ name: "broken.tbx", mimeType: "application/xml", buffer: Buffer.from("<martif><text><body></text></martif>") });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText(
    "broken.tbx: Tandem cannot read this TBX file: </text> closes <body> (line 1). Nothing was imported.",
  );

  // Leave the glossary as the other tests expect it.
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/glossary\/\d+$/);
  const id = new URL(page.url()).pathname;
  expect((await request.post(id, { form: { intent: "delete" } })).status()).toBeLessThan(400);
  await page.goto("/glossary");
  await expect(page.getByTestId("glossary-counts")).toHaveText(counts);
});
