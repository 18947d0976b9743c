import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import type { ZodIssue, ZodTypeAny } from "zod";
import { issueSentence } from "./form-errors";

/**
 * The form protocol of the pages that post forms (decision 0034): Conform parses the submission against the
 * route's zod schema and keeps every issue under its field's name; form-errors.ts words each issue, as it
 * words every other refusal. A refusal answered later (by a model) takes the same shape, so a form shows both alike.
 */

/** What a form's action answers when it refuses: Conform's result (the values to show again, every issue by field). */
export type FormReply = SubmissionResult<string[]>;

/** The name under which Conform keeps an issue about the whole form rather than one field. */
export const WHOLE_FORM = "";

/** Fields read by `parseUpload` (a multipart post) as the FormData Conform reads. */
export function formDataOf(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/**
 * Parses a posted form with Conform against `schema`, every issue worded by form-errors.ts (`names` names a
 * route's own fields). Values are taken as sent: the schemas read strings, as they did from `Object.fromEntries`,
 * so Conform's coercion (an empty field read as missing) is off and every message stays what it was.
 */
export function parseSubmission<Schema extends ZodTypeAny>(payload: FormData | Record<string, string>, schema: Schema, names: Record<string, string> = {}) {
  return parseWithZod(payload instanceof FormData ? payload : formDataOf(payload), {
    schema,
    disableAutoCoercion: true,
    formatError: (issues: ZodIssue[]) => issues.map((issue) => issueSentence(issue, names)),
  });
}

/** A refusal found after parsing (by a model): the values to show again and the sentence, on its field or on the whole form. */
export function refusedReply(values: Record<string, unknown>, message: string, field: string = WHOLE_FORM): FormReply {
  return { status: "error", initialValue: values as FormReply["initialValue"], error: { [field]: [message] } };
}

/**
 * A refused form's answer: Conform's result, and its first sentence as `message`, the one field every answer of
 * the app carried before (what `refusalOf` gave), so a caller reading only that still reads the refusal.
 */
export function refusalBody(reply: FormReply) {
  const message = Object.values(reply.error ?? {}).flatMap((messages) => messages ?? [])[0] ?? "";
  return { reply, message };
}
