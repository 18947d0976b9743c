import { getDb } from "../../db/client.server";
import { formValues, refusal, type DocumentSource, type ImportOutcome, type ImportSubmission } from "./document-import.server";
import { fetchOriginal, privateAddressesAllowed, type FetchOptions } from "./fetch-original.server";
import { ownBuffers, runImport } from "./import-worker.server";

export type { FormValues, ImportField, ImportOutcome, ImportSubmission } from "./document-import.server";

/**
 * "Add a document": pasted text, an upload, or a web address fetched here (network only, on the server's
 * thread), then read, cleaned, cut into segments and stored in the import worker (document-import.server.ts),
 * so that the server keeps answering meanwhile. Every refusal says why and hands back the form's values;
 * nothing is written unless the import succeeds. An uploaded file's bytes are moved to the worker, not copied:
 * `input.file.bytes` is empty afterwards.
 */
export async function importSubmission(input: ImportSubmission, fetchOptions: Omit<FetchOptions, "allowPrivate"> = {}): Promise<ImportOutcome> {
  const { file, ...submission } = input;
  const values = formValues(submission);
  const url = input.url?.trim() ?? "";
  const sources = [input.text.trim() ? "pasted text" : null, file ? "a file" : null, url ? "a web address" : null].filter(Boolean);
  if (sources.length > 1) {
    return refusal(
      values,
      400,
      file ? "file" : "url",
      `You gave ${sources.join(" and ")}. Tandem imports one text at a time: keep one of them (clear the others) and submit again.`,
    );
  }

  let source: DocumentSource = { kind: "text" };
  if (file) source = { kind: "file", name: file.name, bytes: file.bytes };
  else if (url) {
    const fetched = await fetchOriginal(url, { ...fetchOptions, allowPrivate: privateAddressesAllowed() });
    if (!fetched.ok) return refusal(values, fetched.status, "url", fetched.message);
    source = { kind: "url", url: fetched.url, finalUrl: fetched.finalUrl, contentType: fetched.contentType, bytes: fetched.bytes };
  }
  const database = getDb().$client.name;
  return runImport("document", { database, job: { submission, source } }, source.kind === "text" ? [] : ownBuffers(source.bytes));
}
