import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Every route that writes, attacked from another site (decision 16), against the production server and the
 * real build the browser tests run on. The routes are read from app/routes: every file exporting an `action`
 * (pages and resource routes alike) must have a case below, so a new route that writes cannot be left out.
 *
 * Each case is a real request that writes when it comes from Tandem's own pages (checked at the end of the
 * case). It is sent as a data request (`?_data=` the route, as the app's own scripts send it) and as a plain
 * form post, each with a foreign Origin, with `Origin: null`, without Origin but with `Sec-Fetch-Site:
 * cross-site`, and without Origin but with a foreign Referer: eight refusals per case, each a 403 with the
 * server's plain message, and the rows of every table counted (and their contents hashed) before and after,
 * read from the test database opened read-only.
 */

const ROUTES = path.resolve("app/routes");
/** playwright.config.ts's DATABASE_PATH: the database of the server the browser tests run on. */
const DATABASE = path.resolve("tests/.artifacts/browser.sqlite");
const REFUSAL = "Tandem refused this request: it came from another site. Changes can only be made from Tandem's own pages.\n";
const FOREIGN = "http://attacker.example";

/** The route files that write: every one exporting an action. */
function writingRoutes(): string[] {
  return readdirSync(ROUTES)
    .filter((name) => /\.(tsx?|jsx?)$/.test(name))
    .filter((name) => /export\s+(async\s+)?function\s+action\b|export\s+(const|let)\s+action\b|export\s*\{[^}]*\baction\b[^}]*\}/.test(readFileSync(path.join(ROUTES, name), "utf8")))
    .sort();
}

/**
 * Tables the server writes on its own, whatever the requests: the lease's heartbeat is renewed every few seconds
 * (db/lease.server.ts), so counting it would make a refusal look like a write whenever a renewal fell inside a case.
 */
const SERVER_OWN_TABLES = new Set(["server_lease"]);

/** The rows of every table holding users' data, counted, and a hash of their contents. */
function tables(): { counts: Record<string, number>; digest: string } {
  const db = new Database(DATABASE, { readonly: true, fileMustExist: true });
  try {
    const names = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as Array<{ name: string }>)
      .map((t) => t.name)
      .filter((name) => !SERVER_OWN_TABLES.has(name));
    const counts: Record<string, number> = {};
    const hash = createHash("sha256");
    for (const name of names) {
      const rows = db.prepare(`select * from "${name}"`).raw().all();
      counts[name] = rows.length;
      hash.update(`${name}\u0000${JSON.stringify(rows)}\u0001`);
    }
    return { counts, digest: hash.digest("hex") };
  } finally {
    db.close();
  }
}

type Upload = { name: string; mimeType: string; buffer: Buffer };
/** A form as a browser sends it: urlencoded (repeated names allowed), or multipart for the forms that upload a file. */
type Body = { form: URLSearchParams } | { multipart: Record<string, string | Upload> };

interface Case {
  path: string;
  body: Body;
  /** What the same request does from Tandem's own page, once the refusals are counted (to prove it writes). */
  then?: (answer: APIResponse) => Promise<void>;
}

/** The objects the cases write to, made from Tandem's own pages first. */
interface World {
  en: number;
  fr: number;
  spare: number;
  pair: number;
  version: number;
  entry: number;
  finding: { unit: string; key: string };
  tmx: string;
}

const file = (name: string, text: string, mimeType = "text/plain"): Upload => ({ name, mimeType, buffer: Buffer.from(text) });

const CASES: Record<string, (w: World) => Case[]> = {
  "documents.$id.tsx": (w) => [
    { path: `/documents/${w.spare}`, body: { form: new URLSearchParams({ intent: "re-segment", segmentation: "lines" }) } },
    { path: `/documents/${w.en}`, body: { form: new URLSearchParams({ intent: "rename", title: "Forged document title" }) } },
    { path: `/documents/${w.spare}`, body: { form: new URLSearchParams({ intent: "delete" }) } },
  ],
  "documents.new.tsx": () => [
    { path: "/documents/new", body: { multipart: { intent: "import", title: "Forged import", text: "A text a forged form would import.", language: "en", url: "" } } },
  ],
  "glossary.$id.tsx": (w) => [
    {
      path: `/glossary/${w.entry}`,
      body: {
        form: new URLSearchParams([
          ["intent", "save"],
          ["key", "sweep-entry"],
          ["domain", ""],
          ["source", ""],
          ["note", "changed by a forged form"],
          ["terms[0].language", "fr"],
          ["terms[0].text", "terme du balayage"],
          ["terms[0].status", "preferred"],
          ["terms[0].match", "inflected"],
          ["terms[1].language", "en"],
          ["terms[1].text", "sweep term"],
          ["terms[1].status", "preferred"],
          ["terms[1].match", "inflected"],
        ]),
      },
    },
  ],
  "glossary._index.tsx": () => [
    { path: "/glossary", body: { form: new URLSearchParams({ intent: "create", key: "sweep-forged", fr: "terme forgé", en: "forged term" }) } },
    {
      path: "/glossary",
      body: { multipart: { intent: "import", existing: "replace", file: file("forged.csv", "entry,language,term\nsweep-imported,fr,terme importé\nsweep-imported,en,imported term\n", "text/csv") } },
    },
    // One concept per row, with a column per language (the termbases' layout).
    {
      path: "/glossary",
      body: { multipart: { intent: "import", existing: "replace", file: file("forged-concepts.csv", "entry,English,French,fr_status\nsweep-concept,imported concept,concept importé,admitted\n", "text/csv") } },
    },
  ],
  "pairs.$id.findings.ts": (w) => [
    { path: `/pairs/${w.pair}/findings`, body: { form: new URLSearchParams({ intent: "accept", unit: w.finding.unit, key: w.finding.key, note: "forged", user: "Mallory" }) } },
  ],
  "pairs.$id.tsx": (w) => [
    { path: `/pairs/${w.pair}`, body: { form: new URLSearchParams({ intent: "confirm", link: "0", version: String(w.version), user: "Mallory" }) } },
    { path: `/pairs/${w.pair}`, body: { form: new URLSearchParams({ intent: "rename", title: "Forged pair title" }) } },
  ],
  "pairs.import.tsx": (w) => [{ path: "/pairs/import", body: { multipart: { intent: "import-memory", title: "Forged memory", file: file("forged.tmx", w.tmx, "application/x-tmx+xml") } } }],
  "pairs.new.tsx": (w): Case[] => [
    { path: "/pairs/new", body: { multipart: { intent: "create", en: String(w.en), fr: String(w.fr), title: "Forged pair" } } },
    // The glossary as the dictionary: made and stored with the pair in the import worker.
    { path: "/pairs/new", body: { multipart: { intent: "create", en: String(w.en), fr: String(w.fr), title: "Forged pair with the glossary", dictionary: "glossary" } } },
  ],
  "pairs_.$id.candidates.tsx": (w) => [{ path: `/pairs/${w.pair}/candidates`, body: { form: new URLSearchParams({ intent: "add", fr: "candidat forgé", en: "forged candidate" }) } }],
  "pairs_.$id.terminology.tsx": (w) => [
    {
      path: `/pairs/${w.pair}/terminology`,
      body: { form: new URLSearchParams({ intent: "accept", unit: w.finding.unit, key: w.finding.key, note: "forged again", user: "Mallory" }) },
    },
  ],
};

/** Posts a body as a browser would, with the given headers; redirects are answers here, not followed. */
function post(request: APIRequestContext, url: string, body: Body, headers: Record<string, string>): Promise<APIResponse> {
  if ("multipart" in body) return request.post(url, { multipart: body.multipart, headers, maxRedirects: 0 });
  return request.post(url, { data: body.form.toString(), headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, maxRedirects: 0 });
}

/** The id at the end of where an answer sends the browser (a redirect, or a data request's X-Remix-Redirect). */
function redirectedId(answer: APIResponse): number {
  const to = answer.headers()["x-remix-redirect"] ?? answer.headers()["location"] ?? "";
  const id = Number(/\/(\d+)$/.exec(to)?.[1]);
  expect(id, `a redirect to a new object, not “${to}” (${answer.status()})`).toBeGreaterThan(0);
  return id;
}

const routeId = (name: string) => `routes/${name.replace(/\.(tsx?|jsx?)$/, "")}`;

test("every route that writes refuses a cross-site data request and form post, in four ways, and writes nothing", async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const own = { origin: new URL(baseURL!).origin };
  const routes = writingRoutes();
  expect(routes.length).toBeGreaterThanOrEqual(10);
  expect(routes.filter((name) => !CASES[name]), "route files that write and have no case here").toEqual([]);
  expect(Object.keys(CASES).filter((name) => !routes.includes(name)), "cases for routes that do not write (any more)").toEqual([]);

  const entryIds = () => {
    const db = new Database(DATABASE, { readonly: true, fileMustExist: true });
    const ids = (db.prepare("select id from glossary_entries").all() as Array<{ id: number }>).map((e) => e.id);
    db.close();
    return ids;
  };
  const entriesBefore = new Set(entryIds());
  // Leave the glossary as it was, whatever happens here: other tests count its entries, and a retry creates the same keys.
  try {
    await sweep();
  } finally {
    for (const id of entryIds().filter((id) => !entriesBefore.has(id))) {
      expect((await post(request, `/glossary/${id}?_data=routes%2Fglossary.%24id`, { form: new URLSearchParams({ intent: "delete" }) }, own)).status()).toBeLessThan(400);
    }
  }

  async function sweep() {
    // The objects to write to, made from Tandem's own pages.
    const ownPost = (url: string, body: Body) => post(request, url, body, own);
    const importDocument = async (title: string, language: "en" | "fr", text: string) =>
      redirectedId(await ownPost("/documents/new?_data=routes%2Fdocuments.new", { multipart: { intent: "import", title, text, language, url: "" } }));
    const en = await importDocument("Sweep EN", "en", "Mutual legal assistance is given within 30 days.\n\nThe request shall be sent.");
    const fr = await importDocument("Sweep FR", "fr", "L'entraide judiciaire est accordée dans les 31 jours.\n\nLa demande est envoyée.");
    const spare = await importDocument("Sweep spare", "en", "A document the forged delete aims at.");
    const pair = redirectedId(await ownPost("/pairs/new?_data=routes%2Fpairs.new", { multipart: { intent: "create", en: String(en), fr: String(fr), title: "Sweep pair" } }));
    const pairData = async (id: number) => (await (await request.get(`/pairs/${id}?_data=routes%2Fpairs.%24id`)).json()) as { pair: { status: string }; editor: { version: number } | null };
    await expect.poll(async () => (await pairData(pair)).pair.status, { timeout: 30_000 }).toBe("ready");
    const entry = redirectedId(
      await ownPost("/glossary?_data=routes%2Fglossary._index", { form: new URLSearchParams({ intent: "create", key: "sweep-entry", fr: "terme du balayage", en: "sweep term" }) }),
    );
    const findings = (await (await request.get(`/pairs/${pair}/findings`)).json()) as { rows: Array<{ unit: string; findings: Array<{ key: string }> }> };
    const row = findings.rows.find((r) => r.findings.length > 0)!;
    expect(row, "the sweep pair has a finding to accept (30 days ↔ 31 jours)").toBeTruthy();
    const tmx = await (await request.get(`/pairs/export?pair=${pair}&format=tmx`)).text();
    const world: World = { en, fr, spare, pair, version: (await pairData(pair)).editor!.version, entry, finding: { unit: row.unit, key: row.findings[0].key }, tmx };

    const attacks: Array<[string, Record<string, string>]> = [
      ["a foreign Origin", { origin: FOREIGN }],
      ["Origin: null", { origin: "null" }],
      ["no Origin, Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
      ["no Origin, a foreign Referer", { referer: `${FOREIGN}/page.html` }],
    ];
    for (const name of routes) {
      for (const { path: where, body } of CASES[name](world)) {
        const before = tables();
        for (const dataRequest of [true, false]) {
          const url = dataRequest ? `${where}?_data=${encodeURIComponent(routeId(name))}` : where;
          for (const [how, headers] of attacks) {
            const answer = await post(request, url, body, headers);
            expect(answer.status(), `${name} ${url}, ${how}`).toBe(403);
            expect(await answer.text(), `${name} ${url}, ${how}`).toBe(REFUSAL);
          }
        }
        const after = tables();
        expect(after.counts, `${name}: rows per table after the refusals`).toEqual(before.counts);
        expect(after.digest, `${name}: the tables' contents after the refusals`).toBe(before.digest);

        // The same request from Tandem's own page writes: the refusals above were of real writes.
        const answer = await post(request, `${where}?_data=${encodeURIComponent(routeId(name))}`, body, own);
        expect(answer.status(), `${name} from Tandem's own page`).toBeLessThan(400);
        if (name === "pairs.new.tsx") {
          const created = redirectedId(answer);
          // Its alignment writes in the background: wait for it before the next case counts rows.
          await expect.poll(async () => (await pairData(created)).pair.status, { timeout: 30_000 }).toBe("ready");
        }
        expect(tables().digest, `${name}: the same request from Tandem's own page changes the tables`).not.toBe(after.digest);
      }
    }
  }
});
