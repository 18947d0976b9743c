import { expect, test, type Page } from "./fixtures";

const FRENCH =
  "La coopération internationale est indispensable face au défi majeur que représente la lutte contre la cybercriminalité. " +
  "Les États membres doivent renforcer l'entraide judiciaire et la conservation rapide des données.";
const ENGLISH =
  "International cooperation is essential to meet the major challenge of fighting cybercrime. " +
  "Member States must strengthen mutual legal assistance and the expedited preservation of data.";

const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

async function openForm(page: Page) {
  await page.goto("/documents/new");
  await expect(page.getByRole("heading", { name: "Add a document" })).toBeVisible();
}

async function submit(page: Page) {
  await page.getByRole("button", { name: "Import" }).click();
}

const alert = (page: Page) => page.locator("#form-error");

test("pasted French text is detected and imported", async ({ page }) => {
  await openForm(page);
  const title = unique("Coopération");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Text").fill(FRENCH);
  await submit(page);
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".meta")).toContainText("French");
  await expect(page.locator(".meta")).toContainText("Pasted text");
  await expect(page.locator("[data-testid=segment-count]")).toContainText("2");
  await expect(page.locator("#s2 .seg-text")).toHaveText(/^Les États membres/);
  await page.goto("/");
  await expect(page.locator("tbody tr", { hasText: title }).locator("td").nth(2)).toHaveText("Imported");
});

test("pasted English text is detected and imported, titled from its first line", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("Text").fill(ENGLISH);
  await submit(page);
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^International cooperation is essential/);
  await expect(page.locator(".meta")).toContainText("English");
});

test("a .txt file is uploaded and imported, titled from its first heading", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("…or a file").setInputFiles({
    name: "cooperation-en.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(`# International cooperation\n\n${ENGLISH}\n`, "utf8"),
  });
  await submit(page);
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("International cooperation");
  await expect(page.locator(".meta")).toContainText("cooperation-en.txt");
  await expect(page.locator(".meta")).toContainText("UTF-8");
  await expect(page.locator("#s1")).toHaveAttribute("data-kind", "heading");
  await expect(page.locator("#s1 .seg-text")).toHaveText("International cooperation");
});

test("a Windows-1252 file is read with its accents", async ({ page }) => {
  await openForm(page);
  const text = `Le débat sur la sécurité a été très animé à Genève. ${FRENCH} Où sont les données ? Là-bas, à côté.`;
  await page.getByLabel("…or a file").setInputFiles({ name: "latin1.txt", mimeType: "text/plain", buffer: Buffer.from(text, "latin1") });
  await submit(page);
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.locator("#s1 .seg-text")).toHaveText("Le débat sur la sécurité a été très animé à Genève.");
  await expect(page.locator(".meta")).toContainText("WINDOWS-1252");
  await expect(page.locator(".meta")).toContainText("read as Windows-1252");
  await expect(page.locator(".meta")).toContainText("French");
});

test("a UTF-8 file with one damaged byte keeps its other accents, and the page names the line", async ({ page }) => {
  await openForm(page);
  const text = `Le débat sur la sécurité a été très animé à Genève.\n\n${FRENCH}\n\nUn dégât des eaux a retardé la réunion.`;
  // The é of "dégât" written as the Latin-1 byte 0xE9, as an old editor would, in an otherwise UTF-8 file.
  const [before, after] = text.split("dégât");
  const buffer = Buffer.concat([Buffer.from(`${before}d`, "utf8"), Buffer.from([0xe9]), Buffer.from(`gât${after}`, "utf8")]);
  await page.getByLabel("…or a file").setInputFiles({ name: "damaged.txt", mimeType: "text/plain", buffer });
  await submit(page);
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.locator("#s1 .seg-text")).toHaveText("Le débat sur la sécurité a été très animé à Genève.");
  await expect(page.locator(".meta")).toContainText("UTF-8");
  await expect(page.locator(".meta")).toContainText("1 character could not be read");
  await expect(page.locator(".meta")).toContainText("on line 5");
});

test("empty text is refused with a message", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("Title").fill("Rien");
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await submit(page);
  expect((await response).status()).toBe(400);
  await expect(alert(page)).toContainText("There is no text to import");
  await expect(page.getByLabel("Title")).toHaveValue("Rien");
  await expect(page).toHaveURL(/\/documents\/new/);
});

test("a binary file is refused with a message and the title is kept", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("Title").fill("Binaire");
  const bytes = Buffer.alloc(2048);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
  await page.getByLabel("…or a file").setInputFiles({ name: "data.txt", mimeType: "text/plain", buffer: bytes });
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await submit(page);
  expect((await response).status()).toBe(422);
  await expect(alert(page)).toContainText("does not contain plain text");
  await expect(page.getByLabel("Title")).toHaveValue("Binaire");
  const pdf = Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1");
  await page.getByLabel("…or a file").setInputFiles({ name: "report.pdf.txt", mimeType: "text/plain", buffer: pdf });
  await submit(page);
  // A PDF is recognised by its bytes whatever its name; this one is cut short.
  await expect(alert(page)).toContainText("report.pdf.txt is damaged or is not a PDF that can be read");
});

test("a 20 MB file gets a clear message, in the browser and from the server", async ({ page, request }) => {
  const big = Buffer.alloc(20 * 1024 * 1024, "a");
  await openForm(page);
  await page.getByLabel("Title").fill("Trop gros");
  await page.getByLabel("…or a file").setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: big });
  await submit(page);
  await expect(alert(page)).toContainText("This file is 20.0 MB; Tandem accepts text files up to 5 MB");
  await expect(page.getByLabel("Title")).toHaveValue("Trop gros");

  // The server enforces the limit itself (a client without JavaScript, or any other client).
  const response = await request.post("/documents/new", {
    multipart: {
      intent: "import",
      title: "Trop gros",
      text: "",
      language: "auto",
      file: { name: "big.txt", mimeType: "text/plain", buffer: big },
    },
  });
  expect(response.status()).toBe(413);
  const html = await response.text();
  expect(html).toContain("This file is 20.0 MB; Tandem accepts text files up to 5 MB");
  expect(html).toContain('value="Trop gros"');
  expect((await request.get("/")).status()).toBe(200);
});

test("random bytes pasted as text are not taken for a language", async ({ page }) => {
  await openForm(page);
  // Bytes 0x21-0xFF read as Latin-1, as a binary file pasted from an editor shows; the same on every run.
  let state = 11;
  const noise = Array.from({ length: 600 }, (_, k) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return k % 97 === 96 ? " " : String.fromCharCode(0x21 + ((state >> 16) % 0xdf));
  }).join("").replace(/[\u007f-\u009f]/g, "");
  await page.getByLabel("Text").fill(noise);
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await submit(page);
  expect((await response).status()).toBe(422);
  await expect(alert(page)).toContainText("This is not a text in a language Tandem reads");
  await expect(alert(page)).not.toContainText("looks");
});

test("a text too short to detect asks for the language and keeps the text", async ({ page }) => {
  await openForm(page);
  const title = unique("Court");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Text").fill("Bonjour à tous.");
  await submit(page);
  await expect(alert(page)).toContainText("too short");
  await expect(alert(page)).toContainText("Choose its language: Tandem reads Arabic, ");
  await expect(page.getByLabel("Text")).toHaveValue("Bonjour à tous.");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await page.getByLabel("Language").selectOption("fr");
  await submit(page);
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".meta")).toContainText("French");
});

test("an uploaded file too short to detect comes back in the text box", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("…or a file").setInputFiles({ name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("Été à Nîmes.", "latin1") });
  await submit(page);
  await expect(alert(page)).toContainText("Choose its language: Tandem reads Arabic, ");
  await expect(page.getByLabel("Text")).toHaveValue("Été à Nîmes.");
  await expect(page.locator(".hint", { hasText: "Text read from" })).toContainText("note.txt");
  await page.getByLabel("Language").selectOption("fr");
  await submit(page);
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.locator(".meta")).toContainText("note.txt");
  await expect(page.locator(".meta")).toContainText("WINDOWS-1252");
});

test("changing the language re-segments the document", async ({ page }) => {
  await openForm(page);
  const text = "The committee met on 5 Jan. 2024 in Vienna. Mr. Smith spoke first. He asked the committee for more time.";
  await page.getByLabel("Title").fill(unique("Committee"));
  await page.getByLabel("Text").fill(text);
  await page.getByLabel("Language").selectOption("fr");
  await submit(page);
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.locator(".meta")).toContainText("French");
  await expect(page.locator("#s1 .seg-text")).toHaveText("The committee met on 5 Jan.");
  await page.getByRole("button", { name: "It is English: re-segment" }).click();
  await expect(page.locator(".meta")).toContainText("English");
  await expect(page.locator("#s1 .seg-text")).toHaveText("The committee met on 5 Jan. 2024 in Vienna.");
  await expect(page.locator("[data-testid=segment-count]")).toContainText("3");
});

test("a document can be deleted", async ({ page }) => {
  await openForm(page);
  const title = unique("À supprimer");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Text").fill(FRENCH);
  await submit(page);
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete document" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("the server still serves after bad input", async ({ page, request }) => {
  // Garbage that is not a valid form, an unknown intent, and a bad language.
  expect((await request.post("/documents/new", { multipart: { intent: "explode", text: "x" } })).status()).toBe(400);
  expect((await request.post("/documents/new", { multipart: { intent: "import", text: FRENCH, language: "sv" } })).status()).toBe(400);
  expect((await request.post("/documents/1", { form: { intent: "change-language", language: "xx" } })).status()).toBe(400);
  expect((await request.post("/documents/999999", { form: { intent: "delete" } })).status()).toBe(404);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
  expect(await page.locator("tbody tr").count()).toBeGreaterThanOrEqual(5);
});
