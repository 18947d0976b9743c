import { z, type ZodError, type ZodIssue } from "zod";
import { UserError } from "./refusal";

/**
 * What a route answers when a form or a query fails its schema: a sentence a translator understands, naming
 * the field, never zod's own wording ("Expected number, received nan", "Invalid enum value", "Required").
 * A message a schema gives itself ("Keep the title under 300 characters.") is kept; zod's defaults are
 * rewritten here, in one place, from the issue's code and the field's name.
 */

/** How a sentence names each field the app's forms and queries send; a route may name its own (`names`). */
const FIELD_NAMES: Record<string, string> = {
  all: "the option “everything”",
  allowPrivate: "the option to allow private addresses",
  caret: "the caret's position",
  confirmed: "the option “confirmed links only”",
  domain: "the domain",
  en: "the English term",
  sourceCount: "the number of English segments",
  encoding: "the file's encoding",
  encodingNote: "the note on the file's encoding",
  enStatus: "the English term's status",
  existing: "what to do with entries already in the glossary",
  format: "the format",
  fr: "the French term",
  targetCount: "the number of French segments",
  frStatus: "the French term's status",
  keepEmpty: "the option “keep 1-0 and 0-1 links”",
  key: "the key",
  lang: "the language",
  language: "the language",
  link: "the link's position",
  match: "how the term matches",
  note: "the note",
  origin: "the origin",
  pair: "the pair's number",
  q: "the search",
  segment: "the segment's position",
  side: "the side (English or French)",
  skipEmpty: "the option “leave out empty links”",
  source: "the source",
  sourceName: "the file's name",
  status: "the status",
  terms: "the list of terms",
  text: "the text",
  title: "the title",
  unit: "the finding",
  url: "the web address",
  user: "your name",
  version: "the page's version",
};

/** The custom issue `wholeNumber` raises: what was sent and the range allowed. */
export interface WholeNumberIssue {
  expected: "whole-number";
  min: number;
  max: number;
  received: string;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const quoted = (value: unknown) => `“${String(value).slice(0, 40)}${String(value).length > 40 ? "…" : ""}”`;
const either = (options: readonly unknown[]) => {
  const all = options.map(quoted);
  return all.length <= 1 ? all.join("") : `${all.slice(0, -1).join(", ")} or ${all[all.length - 1]}`;
};

/** Whether zod wrote this message itself (its English default for the issue), rather than the schema. */
function isZodDefault(issue: ZodIssue): boolean {
  return issue.message === z.defaultErrorMap(issue, { defaultError: "", data: undefined }).message;
}

function fieldName(issue: ZodIssue, names: Record<string, string>): string {
  const key = [...issue.path].reverse().find((part): part is string => typeof part === "string");
  if (key === undefined) return "this request";
  return names[key] ?? FIELD_NAMES[key] ?? `the field ${quoted(key)}`;
}

/** The sentence for one issue: the schema's own message, or one made from the issue's code and the field's name. */
export function issueSentence(issue: ZodIssue, names: Record<string, string> = {}): string {
  const custom = issue.code === "custom" ? (issue.params as Partial<WholeNumberIssue> | undefined) : undefined;
  if (custom?.expected === "whole-number") {
    const name = capitalised(fieldName(issue, names));
    return `${name} must be a whole number from ${custom.min!.toLocaleString("en-US")} to ${custom.max!.toLocaleString("en-US")}; ${quoted(custom.received)} is not one.`;
  }
  if (!isZodDefault(issue)) return issue.message;
  const path = issue.path.filter((part) => typeof part === "string");
  if (path[path.length - 1] === "intent" || issue.code === "invalid_union_discriminator") {
    return "Tandem did not understand this request (the form's action is missing or unknown). Reload the page and try again.";
  }
  const name = fieldName(issue, names);
  const Name = capitalised(name);
  switch (issue.code) {
    case "invalid_type":
      if (issue.received === "undefined" || issue.received === "null") return `${Name} is missing.`;
      if (issue.expected === "integer" || issue.expected === "bigint") return `${Name} must be a whole number.`;
      if (issue.expected === "number") return `${Name} must be a number.`;
      return `${Name} was sent in a form Tandem does not read.`;
    case "invalid_enum_value":
      // An empty option stands for "not given": a sentence does not list it.
      return `${Name} must be ${either(issue.options.filter((option) => option !== ""))}, not ${quoted(issue.received)}.`;
    case "invalid_literal":
      return `${Name} must be ${quoted(issue.expected)}.`;
    case "too_small":
      if (issue.type === "string") return Number(issue.minimum) <= 1 ? `${Name} is empty.` : `${Name} needs at least ${issue.minimum} characters.`;
      if (issue.type === "array") return `Give at least ${issue.minimum} ${Number(issue.minimum) === 1 ? "value" : "values"} for ${name}.`;
      return `${Name} must be ${issue.inclusive ? "at least" : "more than"} ${Number(issue.minimum).toLocaleString("en-US")}.`;
    case "too_big":
      if (issue.type === "string") return `Keep ${name} under ${Number(issue.maximum).toLocaleString("en-US")} characters.`;
      if (issue.type === "array") return `Give at most ${Number(issue.maximum).toLocaleString("en-US")} ${Number(issue.maximum) === 1 ? "value" : "values"} for ${name}.`;
      return `${Name} must be ${issue.inclusive ? "at most" : "less than"} ${Number(issue.maximum).toLocaleString("en-US")}.`;
    case "not_multiple_of":
      return `${Name} must be a multiple of ${Number(issue.multipleOf).toLocaleString("en-US")}.`;
    case "not_finite":
      return `${Name} must be a finite number.`;
    default:
      return `${Name} is not valid.`;
  }
}

/**
 * The refusal for a failed parse, in the one shape every refusal has (a 400 UserError): the first issue's sentence
 * and the field it is about (for the form to mark it).
 */
export function refusalOf(error: ZodError, names: Record<string, string> = {}): UserError {
  const issue = error.issues[0];
  return new UserError(400, issueSentence(issue, names), String(issue.path[0] ?? ""));
}
