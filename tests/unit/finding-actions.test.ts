import { describe, expect, it } from "vitest";
import { importDocument } from "../../app/models/documents.server";
import { createEntry } from "../../app/models/glossary.server";
import { findingsList, pairFindings } from "../../app/models/pair-findings.server";
import { createAlignedPair } from "../../app/models/pairs.server";
import * as editorFindings from "../../app/routes/pairs.$id.findings";
import * as terminologyPage from "../../app/routes/pairs_.$id.terminology";
import { openRowCount } from "../../app/terminology/findings-count";
import type { Db } from "../../db/client.server";
import { databasePerTest } from "./helpers";

/**
 * Accepting and un-accepting a finding from the editor (pairs.$id.findings) and from the terminology page: one
 * model function behind both routes (issue 13, item 4), each route keeping its own answer; and the counts the two
 * pages show ("With findings (N)", per kind, accepted) following every acceptance (issue 12, item 14).
 */
let db: Db;
databasePerTest(
  (temp) => {
    db = temp.db;
    globalThis.__tandemDb = db;
  },
  () => {
    globalThis.__tandemDb = undefined;
  },
);

type Action = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;

async function post(action: Action, pairId: number, fields: Record<string, string>) {
  const request = new Request(`http://localhost/pairs/${pairId}`, { method: "POST", body: new URLSearchParams(fields) });
  const response = await action({ request, params: { id: String(pairId) }, context: {} });
  return { status: response.status, cookie: response.headers.get("Set-Cookie"), body: (await response.json()) as Record<string, unknown> };
}

/** Three 1-1 links: a term not rendered (1), figures that differ (2), a link with both (3). */
function pair(): number {
  const en = importDocument({ title: "EN", raw: "The request is sent.\nWithin 30 days.\nThe request is sent within 10 days.\n", language: "en", origin: "import", presegmented: true }, db);
  const fr = importDocument({ title: "FR", raw: "La demande d’entraide judiciaire est envoyée.\nDans les 31 jours.\nL'entraide judiciaire est envoyée dans les 12 jours.\n", language: "fr", origin: "import", presegmented: true }, db);
  createEntry({ key: "mla", domain: "", source: "", note: "", terms: [{ language: "fr", text: "entraide judiciaire", status: "preferred", match: "inflected" }, { language: "en", text: "mutual legal assistance", status: "preferred", match: "inflected" }] }, db);
  return createAlignedPair({ sourceDocumentId: en.id, targetDocumentId: fr.id, title: "Small" }, db).id;
}

const counts = async (id: number) => {
  const payload = await pairFindings(id, db);
  const list = await findingsList(id, { kind: null, limit: 10 }, db);
  return { withFindings: openRowCount(payload), total: payload.total, accepted: payload.accepted, counts: payload.counts, listed: list.withFindings };
};

describe("accepting a finding from the editor and from the terminology page", () => {
  it("answers each page in its own shape, and the counts follow", async () => {
    const id = pair();
    const before = await counts(id);
    expect(before).toMatchObject({ withFindings: 3, total: 4, accepted: 0, listed: 3 });
    expect(before.counts).toMatchObject({ "missing-en": 2, numbers: 2 });
    const rows = (await pairFindings(id, db)).rows;
    const last = rows.find((r) => r.link === 2)!;
    const [first, second] = last.findings;

    // The editor: { ok } only, no cookie.
    expect(await post(editorFindings.action as Action, id, { intent: "accept", unit: last.unit, key: first.key, note: "Fine.", user: "  Ada   Lovelace " })).toEqual({ status: 200, cookie: null, body: { ok: true } });
    // One of the row's two findings accepted: the row still has one to look at.
    expect(await counts(id)).toEqual({ ...before, accepted: 1 });
    // The terminology page: the key, and the reviewer's name (its spaces folded) kept in a cookie.
    const page = await post(terminologyPage.action as Action, id, { intent: "accept", unit: last.unit, key: second.key, note: "", user: "  Ada   Lovelace " });
    expect(page).toMatchObject({ status: 200, body: { ok: true, message: "", key: second.key } });
    expect(page.cookie).toContain(`=${encodeURIComponent("Ada Lovelace")};`);
    // Both accepted: "With findings" drops by one; the per-kind counts and the total still count accepted findings.
    expect(await counts(id)).toEqual({ ...before, withFindings: 2, accepted: 2 });
    expect((await pairFindings(id, db)).rows.find((r) => r.link === 2)!.findings.map((f) => f.accepted?.user)).toEqual(["Ada Lovelace", "Ada Lovelace"]);

    // Un-accepted from either page: the counts come back.
    expect(await post(terminologyPage.action as Action, id, { intent: "unaccept", unit: last.unit, key: second.key })).toEqual({ status: 200, cookie: null, body: { ok: true, message: "", key: second.key } });
    expect(await post(editorFindings.action as Action, id, { intent: "unaccept", unit: last.unit, key: first.key })).toEqual({ status: 200, cookie: null, body: { ok: true } });
    expect(await counts(id)).toEqual(before);
  });

  it("refuses in a sentence, naming the finding on the terminology page, and writes nothing", async () => {
    const id = pair();
    const row = (await pairFindings(id, db)).rows[0];
    const gone = { intent: "accept", unit: row.unit, key: "numbers:99|", note: "", user: "Ada" };
    expect(await post(editorFindings.action as Action, id, gone)).toMatchObject({ status: 409, body: { ok: false, message: expect.stringMatching(/^This finding is not there any more/) } });
    expect(await post(terminologyPage.action as Action, id, gone)).toMatchObject({ status: 409, cookie: null, body: { ok: false, key: `${row.unit}:numbers:99|` } });
    const nameless = { intent: "accept", unit: row.unit, key: row.findings[0].key, note: "", user: " " };
    expect(await post(terminologyPage.action as Action, id, nameless)).toMatchObject({ status: 422, body: { ok: false, message: "Give your name first: Tandem records who accepted a finding." } });
    const bad = { intent: "accept", unit: "not a unit", key: row.findings[0].key };
    expect(await post(editorFindings.action as Action, id, bad)).toMatchObject({ status: 400, body: { ok: false } });
    expect(await post(terminologyPage.action as Action, id, bad)).toMatchObject({ status: 400, body: { ok: false, key: "" } });
    expect(await post(editorFindings.action as Action, id, { intent: "unaccept", unit: row.unit, key: row.findings[0].key })).toMatchObject({ status: 404, body: { ok: false } });
    expect((await counts(id)).accepted).toBe(0);
  });
});
