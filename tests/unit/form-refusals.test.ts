import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { importDocument } from "../../app/models/documents.server";
import { createPair } from "../../app/models/pairs.server";
import * as documentPage from "../../app/routes/documents.$id";
import * as newDocument from "../../app/routes/documents.new";
import * as glossaryEntry from "../../app/routes/glossary.$id";
import * as glossary from "../../app/routes/glossary._index";
import * as findings from "../../app/routes/pairs.$id.findings";
import * as pairTexts from "../../app/routes/pairs.$id.texts";
import * as pairPage from "../../app/routes/pairs.$id";
import * as exports from "../../app/routes/pairs.export";
import * as importMemory from "../../app/routes/pairs.import";
import * as newPair from "../../app/routes/pairs.new";
import * as candidates from "../../app/routes/pairs_.$id.candidates";
import * as terminology from "../../app/routes/pairs_.$id.terminology";
import * as concordance from "../../app/routes/terminology.concordance";
import { issueSentence, refusalOf } from "../../app/utils/form-errors";
import { parseWhole, wholeNumber } from "../../app/utils/params";
import { tempDatabase } from "./helpers";

/**
 * Every route that checks a form or a query with zod answers bad values with a sentence that names the field,
 * never zod's own wording; ids past 2^53, negative, fractional or with junk are a 400 with a plain message.
 */

/** zod's English defaults, as they would reach a user ("Expected number, received nan", "Required"…). */
const RAW = /Expected \w+, received|\bRequired\b|Invalid (enum value|input|literal|discriminator|type|date|string)|String must contain|Number must be|Array must contain|Unrecognized key|received nan|^Invalid\.?$/m;

let temp: ReturnType<typeof tempDatabase>;
let pairId = 0;
beforeAll(() => {
  temp = tempDatabase();
  globalThis.__tandemDb = temp.db;
  const en = importDocument({ title: "Act", raw: "The Minister may refuse.\n\nThe request is sent.", language: "en", origin: "import" });
  const fr = importDocument({ title: "Loi", raw: "Le ministre peut refuser.\n\nLa demande est transmise.", language: "fr", origin: "import" });
  pairId = createPair({ sourceDocumentId: en.id, targetDocumentId: fr.id }).id;
});
afterAll(() => {
  globalThis.__tandemDb = undefined;
  temp.dispose();
});

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

/** Runs a loader or an action; a thrown Response is its answer. Returns the status and the body as text. */
async function answer(handler: Handler, request: Request, params: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  let response: unknown;
  try {
    response = await handler({ request, params, context: {} });
  } catch (thrown) {
    response = thrown;
  }
  if (!(response instanceof Response)) throw response;
  return { status: response.status, body: await response.text() };
}

const post = (path: string, fields: Record<string, string>, multipart = false) => {
  const body = multipart ? new FormData() : new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return new Request(`http://127.0.0.1${path}`, { method: "POST", body });
};
const get = (path: string) => new Request(`http://127.0.0.1${path}`);

const HUGE = "99999999999999999999";
const TOO_BIG_ID = /must be a whole number from 1 to 9,007,199,254,740,991; “99999999999999999999” is not one\./;

interface Probe {
  name: string;
  run: () => Promise<{ status: number; body: string }>;
  /** The sentence expected, naming the field. */
  says: RegExp;
  status?: number;
}

const pair = () => String(pairId);
const PROBES: Probe[] = [
  // The editor's operations (pairs/:id).
  { name: "an edit with a link position that is not a number", run: () => answer(pairPage.action as Handler, post("/pairs/1", { intent: "confirm", link: "abc", version: "0" }), { id: pair() }), says: /^The link's position must be a whole number from 0 to 10,000,000; “abc” is not one\.$/ },
  { name: "an edit with an empty link position (once read as 0)", run: () => answer(pairPage.action as Handler, post("/pairs/1", { intent: "confirm", link: "", version: "0" }), { id: pair() }), says: /^The link's position must be a whole number/ },
  { name: "an edit with a link position in exponent form", run: () => answer(pairPage.action as Handler, post("/pairs/1", { intent: "confirm", link: "1e3", version: "0" }), { id: pair() }), says: /“1e3” is not one/ },
  { name: "an edit without its link", run: () => answer(pairPage.action as Handler, post("/pairs/1", { intent: "confirm", version: "0" }), { id: pair() }), says: /^The link's position is missing\.$/ },
  { name: "an edit whose version is NaN", run: () => answer(pairPage.action as Handler, post("/pairs/1", { intent: "confirm", link: "0", version: "nan" }), { id: pair() }), says: /^The page's version must be a whole number/ },
  { name: "a shift of an unknown side", run: () => answer(pairPage.action as Handler, post("/pairs/1", { intent: "shift-up", link: "0", side: "de", version: "0" }), { id: pair() }), says: /^The side \(English or French\) must be “en” or “fr”, not “de”\.$/ },
  { name: "an unknown operation", run: () => answer(pairPage.action as Handler, post("/pairs/1", { intent: "frobnicate" }), { id: pair() }), says: /^Tandem did not understand this request/ },
  { name: "an edit without an operation", run: () => answer(pairPage.action as Handler, post("/pairs/1", { link: "0" }), { id: pair() }), says: /^Tandem did not understand this request/ },
  // Findings and candidates.
  { name: "a finding accepted without its key", run: () => answer(findings.action as Handler, post("/f", { intent: "accept", unit: "0123456789abcdef" }), { id: pair() }), says: /^The finding's key is missing\.$/ },
  { name: "a finding accepted with an empty key", run: () => answer(findings.action as Handler, post("/f", { intent: "accept", unit: "0123456789abcdef", key: "" }), { id: pair() }), says: /^The finding's key is empty\.$/ },
  { name: "a finding accepted on the terminology page with an empty key", run: () => answer(terminology.action as Handler, post("/t", { intent: "accept", unit: "0123456789abcdef", key: "" }), { id: pair() }), says: /^The finding's key is empty\.$/ },
  { name: "a candidate without its French term", run: () => answer(candidates.action as Handler, post("/c", { intent: "add", en: "treaty" }), { id: pair() }), says: /^The French term is missing\.$/ },
  // Exports: ids in the query.
  { name: "an export of pair 99999999999999999999", run: () => answer(exports.loader as Handler, get(`/pairs/export?pair=${HUGE}`)), says: new RegExp(`^The pair's number ${TOO_BIG_ID.source}$`) },
  { name: "an export of a negative pair", run: () => answer(exports.loader as Handler, get("/pairs/export?pair=-3")), says: /^The pair's number must be a whole number from 1 .* “-3” is not one\.$/ },
  { name: "an export of a fractional pair", run: () => answer(exports.loader as Handler, get("/pairs/export?pair=1.5")), says: /“1\.5” is not one/ },
  { name: "an export of a pair with junk", run: () => answer(exports.loader as Handler, get("/pairs/export?pair=12abc")), says: /“12abc” is not one/ },
  { name: "an export of pair 0", run: () => answer(exports.loader as Handler, get("/pairs/export?pair=0")), says: /“0” is not one/ },
  // The concordance's pair.
  { name: "a concordance of pair 99999999999999999999", run: () => answer(concordance.loader as Handler, get(`/terminology/concordance?q=loi&pair=${HUGE}`)), says: TOO_BIG_ID },
  { name: "a concordance of a pair with junk (once ignored)", run: () => answer(concordance.loader as Handler, get("/terminology/concordance?q=loi&pair=abc")), says: /^The pair's number must be a whole number/ },
  // Forms with uploads.
  { name: "a document with an unknown encoding", run: () => answer(newDocument.action as Handler, post("/documents/new", { intent: "import", text: "x", encoding: "latin-9" }, true)), says: /^The file's encoding must be “utf-8”, “utf-16le”, “utf-16be” or “windows-1252”, not “latin-9”\.$/ },
  { name: "a document with an encoding note too long", run: () => answer(newDocument.action as Handler, post("/documents/new", { intent: "import", text: "x", encodingNote: "x".repeat(600) }, true)), says: /^Keep the note on the file's encoding under 500 characters\.$/ },
  { name: "a document with a file name too long", run: () => answer(newDocument.action as Handler, post("/documents/new", { intent: "import", text: "x", sourceName: "x".repeat(3000) }, true)), says: /^Keep the file's name under 2,000 characters\.$/ },
  { name: "a pair of document 9999999999999999 (past 2^53)", run: () => answer(newPair.action as Handler, post("/pairs/new", { intent: "create", en: "9999999999999999", fr: "1" }, true)), says: /^Choose the English document\.$/ },
  { name: "a memory import with an unknown action", run: () => answer(importMemory.action as Handler, post("/pairs/import", { intent: "import" }, true)), says: /^Tandem did not understand this request/ },
  { name: "a glossary import without its policy", run: () => answer(glossary.action as Handler, post("/glossary", { intent: "import" }, true)), says: /^Choose what to do with entries already in the glossary\.$/ },
  { name: "a glossary entry saved without its key", run: () => answer(glossaryEntry.action as Handler, post("/glossary/1", { intent: "save" }), { id: "1" }), says: /^The key is missing\.$/ },
  { name: "a document renamed to spaces", run: () => answer(documentPage.action as Handler, post("/documents/1", { intent: "rename", title: "   " }), { id: "1" }), says: /^Give the document a title: it cannot be empty\.$/ },
  { name: "a pair renamed to a title too long", run: () => answer(pairPage.action as Handler, post("/pairs/1", { intent: "rename", title: "x".repeat(301) }), { id: pair() }), says: /^This title is 301 characters long; keep it to 300 characters at most\.$/ },
  { name: "a document's language changed to German", run: () => answer(documentPage.action as Handler, post("/documents/1", { intent: "change-language", language: "de" }), { id: "1" }), says: /choose French or English/ },
];

describe("refusals of bad form and query values", () => {
  it.each(PROBES)("answers $name with a plain sentence naming the field", async ({ run, says, status = 400 }) => {
    const { status: got, body } = await run();
    const message = body.startsWith("{") ? String((JSON.parse(body) as { message: string }).message) : body.trim();
    expect(got).toBe(status);
    expect(message).not.toMatch(RAW);
    expect(message).toMatch(says);
  });

  it("still accepts the concordance's “every pair” (an empty pair)", async () => {
    expect((await answer(concordance.loader as Handler, get("/terminology/concordance?q=loi&pair="))).status).toBe(200);
  });
});

describe("ids in addresses", () => {
  // The pair made above is pair 1: each of these once read as 1 (Number("1e0") is 1) and served it.
  it.each(["1e0", "1.0", "+1", " 1", "0x1", HUGE])("answers 404 for the pair %j, not another pair", async (id) => {
    expect(pairId).toBe(1);
    expect((await answer(pairTexts.loader as Handler, get("/pairs/x/texts"), { id })).status).toBe(404);
  });

  it("serves the pair named by its plain number", async () => {
    expect((await answer(pairTexts.loader as Handler, get("/pairs/x/texts"), { id: pair() })).status).toBe(200);
  });

  it.each([
    { value: "12", whole: 12 },
    { value: "007", whole: 7 },
    { value: "9007199254740991", whole: Number.MAX_SAFE_INTEGER },
    { value: "9007199254740992", whole: null },
    { value: "", whole: null },
    { value: "-1", whole: null },
    { value: "1e3", whole: null },
    { value: "٣", whole: null },
  ])("reads $value as $whole", ({ value, whole }) => {
    expect(parseWhole(value)).toBe(whole);
  });
});

describe("every zod issue a schema can raise becomes a sentence", () => {
  const Schema = z.object({
    title: z.string().min(3).max(5),
    version: z.number().int().min(1).max(9).multipleOf(2),
    side: z.enum(["en", "fr"]),
    terms: z.array(z.string()).min(1).max(2),
    link: wholeNumber(0, 10),
    url: z.string().url(),
    intent: z.literal("save"),
  });
  it.each([
    { name: "missing values", data: {} },
    { name: "values of the wrong type", data: { title: 3, version: "x", side: 1, terms: "a", link: 4, url: 1, intent: 2 } },
    { name: "values out of range", data: { title: "ab", version: 0.5, side: "de", terms: [], link: "11", url: "not a url", intent: "delete" } },
    { name: "values too large", data: { title: "abcdefg", version: 11, side: "en", terms: ["a", "b", "c"], link: "5", url: "https://x.org", intent: "save" } },
  ])("$name", ({ data }) => {
    const parsed = Schema.safeParse(data);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const sentences = parsed.error.issues.map((issue) => issueSentence(issue));
    for (const sentence of sentences) {
      expect(sentence).not.toMatch(RAW);
      expect(sentence).toMatch(/^[A-Z“].*\.$/);
      expect(sentence).not.toMatch(/the field “/);
    }
    expect(refusalOf(parsed.error).message).toBe(sentences[0]);
  });
});
