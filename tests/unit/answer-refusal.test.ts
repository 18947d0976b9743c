import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DatabaseBusy } from "../../app/models/busy.server";
import { ComputeBusy, ComputeCancelled, WorkerStoppedError } from "../../app/models/compute.server";
import { DocumentInUseError, ImportError } from "../../app/models/documents.server";
import { EditError } from "../../app/models/editor-refusals.server";
import { ExportError } from "../../app/models/exports.server";
import { GlossaryError } from "../../app/models/glossary.server";
import { MemoryImportError } from "../../app/models/memories.server";
import { PairError } from "../../app/models/pairs.server";
import { RenameError } from "../../app/models/renames.server";
import { TerminologyError } from "../../app/models/terminology-error.server";
import { answerRefusal } from "../../app/utils/answer-refusal.server";
import { refusalOf } from "../../app/utils/form-errors";
import { GONE, UserError } from "../../app/utils/refusal";
import { UploadError } from "../../app/imports/upload.server";

/**
 * One refusal shape and one helper that answers it (decision 0033): every refusal a user can cause is a UserError
 * with a status, a sentence and the field it is about; a route's loader or action answers it through answerRefusal,
 * which answers the server's own states (too many searches, a client gone) as they were answered before and
 * rethrows anything else.
 */

const ROOT = join(import.meta.dirname, "../..");

/** What the helper did with an error: answered it (the route's shape), threw a Response, or threw the error on. */
type Outcome = { answered: { status: number; message: string; field: string } } | { response: { status: number; body: string; retryAfter: string | null } } | { rethrown: unknown };

async function outcomeOf(error: unknown, shaped: boolean): Promise<Outcome> {
  try {
    if (shaped) return { answered: answerRefusal(error, (refusal) => ({ status: refusal.status, message: refusal.message, field: refusal.field })) };
    answerRefusal(error);
  } catch (thrown) {
    if (thrown === error) return { rethrown: thrown };
    if (thrown instanceof Response) return { response: { status: thrown.status, body: await thrown.text(), retryAfter: thrown.headers.get("Retry-After") } };
    return { rethrown: thrown };
  }
  throw new Error("answerRefusal returned without an answer");
}

const zodRefusal = () => {
  const parsed = z.object({ title: z.string().max(3) }).safeParse({ title: "four" });
  if (parsed.success) throw new Error("the schema should refuse");
  return refusalOf(parsed.error);
};

/** Each refusal a user can cause: the status and sentence it is answered with, and the field the page marks. */
const REFUSALS: Array<[string, () => UserError, { status: number; message: string; field: string }]> = [
  ["a UserError", () => new UserError(409, "Someone changed this.", "title"), { status: 409, message: "Someone changed this.", field: "title" }],
  ["a zod failure (refusalOf)", zodRefusal, { status: 400, message: "Keep the title under 3 characters.", field: "title" }],
  ["an EditError", () => new EditError(422, "This link cannot be split there."), { status: 422, message: "This link cannot be split there.", field: "" }],
  ["a TerminologyError", () => new TerminologyError(404, GONE.pair), { status: 404, message: GONE.pair, field: "" }],
  ["a RenameError (always 400)", () => new RenameError("Give the pair a title."), { status: 400, message: "Give the pair a title.", field: "" }],
  ["a PairError (its field first)", () => new PairError(413, "lexicon", "Too large."), { status: 413, message: "Too large.", field: "lexicon" }],
  ["a GlossaryError", () => new GlossaryError(409, "The key is taken.", "key"), { status: 409, message: "The key is taken.", field: "key" }],
  ["a MemoryImportError", () => new MemoryImportError(422, "Not a TMX file."), { status: 422, message: "Not a TMX file.", field: "" }],
  ["an ExportError", () => new ExportError(404, "No such pair."), { status: 404, message: "No such pair.", field: "" }],
  ["an UploadError", () => new UploadError(413, "This upload is too large."), { status: 413, message: "This upload is too large.", field: "" }],
  ["an ImportError (422, about the text)", () => new ImportError("There is no text to import."), { status: 422, message: "There is no text to import.", field: "text" }],
  [
    "a DocumentInUseError (409)",
    () => new DocumentInUseError([{ id: 1, title: "Act" }], "delete"),
    { status: 409, message: "This document is in the pair “Act”, whose links point at its segments, so Tandem cannot delete it: delete the pair first.", field: "" },
  ],
];

describe("a refusal a user can cause", () => {
  it.each(REFUSALS)("%s is answered in the route's shape with its status, sentence and field", async (_, make, expected) => {
    expect(make()).toBeInstanceOf(UserError);
    expect(await outcomeOf(make(), true)).toEqual({ answered: expected });
  });

  it.each(REFUSALS)("%s, in a loader with no shape of its own, is thrown as a plain-text Response", async (_, make, expected) => {
    expect(await outcomeOf(make(), false)).toEqual({ response: { status: expected.status, body: expected.message, retryAfter: null } });
  });

  it("keeps the lines of a file it refused, for the page to list", () => {
    const refusal = new GlossaryError(422, "2 lines cannot be read.", "file", [{ line: 3, message: "No French term." }]);
    expect(answerRefusal(refusal, (r) => r.problems)).toEqual([{ line: 3, message: "No French term." }]);
  });
});

describe("a state of the server, not of the request", () => {
  const STATES: Array<[string, () => Error, Outcome]> = [
    ["too many searches waiting", () => new ComputeBusy(), { response: { status: 503, body: new ComputeBusy().message, retryAfter: "5" } }],
    ["a search whose client left", () => new ComputeCancelled(), { response: { status: 499, body: new ComputeCancelled().message, retryAfter: null } }],
  ];
  it.each(STATES)("%s is answered as before, whatever the route's shape", async (_, make, expected) => {
    expect(await outcomeOf(make(), true)).toEqual(expected);
    expect(await outcomeOf(make(), false)).toEqual(expected);
  });

  it.each([
    ["a database locked for the whole deadline", new DatabaseBusy()],
    ["SQLITE_BUSY met outside whenWritable", Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })],
  ])("%s is thrown on as it is, for handleError's 503 and Retry-After", async (_, error) => {
    expect(await outcomeOf(error, true)).toEqual({ rethrown: error });
  });
});

describe("a fault of Tandem", () => {
  it.each([
    ["a plain Error", new Error("Cannot read properties of undefined")],
    ["a TypeError", new TypeError("x is not a function")],
    ["a stopped worker", new WorkerStoppedError("The import worker stopped unexpectedly (exit code 1).")],
    ["an error that only looks like a refusal", Object.assign(new Error("Not found"), { status: 404 })],
    ["a Response a route threw itself", new Response("gone", { status: 404 })],
  ])("%s is rethrown, never answered as a refusal", async (_, error) => {
    expect(await outcomeOf(error, true)).toEqual({ rethrown: error });
    expect(await outcomeOf(error, false)).toEqual({ rethrown: error });
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the routes", () => {
  it("tell no errors apart by their class: answerRefusal does", () => {
    const catches = sourceFiles(join(ROOT, "app/routes")).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, n) => (/\binstanceof\s+\w*(Error|Refusal|Busy|Cancelled|Rejected)\b/.test(line) ? [`${relative(ROOT, file)}:${n + 1}`] : [])),
    );
    expect(catches).toEqual([]);
  });

  it("write each sentence for something gone once", () => {
    const written = Object.values(GONE).map((sentence) => [
      sentence,
      sourceFiles(join(ROOT, "app")).filter((file) => readFileSync(file, "utf8").includes(sentence)).map((file) => relative(ROOT, file)),
    ]);
    expect(written).toEqual(Object.values(GONE).map((sentence) => [sentence, ["app/utils/refusal.ts"]]));
  });
});
