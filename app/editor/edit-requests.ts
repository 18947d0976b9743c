/**
 * The form schema of the editor's requests, made from the operations' declared fields (alignments/align/
 * edit-operations.ts): adding an operation there adds its request here. A field's problems are worded by
 * form-errors.ts from the field's name, as for every other form.
 */
import { z } from "zod";
import { EDIT_OPERATION_NAMES, EDIT_OPERATIONS, type EditOperationName, type FieldKind } from "../../alignments/align/edit-operations";
import { MAX_SEGMENT_LENGTH } from "../../alignments/text/segment-edits";
import { wholeNumber } from "../utils/params";

const FIELD_SCHEMAS: Record<FieldKind, () => z.ZodTypeAny> = {
  position: () => wholeNumber(0, 10_000_000),
  side: () => z.enum(["en", "fr"]),
  "segment-text": () => z.string().max(MAX_SEGMENT_LENGTH * 2, "This text is too long for one segment."),
};

/** What every edit carries besides its operation: the version of the pair the page showed, and who made it. */
export const EDIT_FIELDS = {
  version: wholeNumber(0, Number.MAX_SAFE_INTEGER),
  user: z.string().max(200).default(""),
};

/** One request's schema: its intent (the operation's name), its declared fields in order, then the edit's. */
function requestSchema(name: EditOperationName) {
  const fields = Object.entries(EDIT_OPERATIONS[name].fields as Readonly<Record<string, FieldKind>>).map(([field, kind]) => [field, FIELD_SCHEMAS[kind]()]);
  return z
    .object({ intent: z.literal(name), ...Object.fromEntries(fields), ...EDIT_FIELDS })
    .passthrough() as z.ZodObject<{ intent: z.ZodLiteral<EditOperationName>; version: z.ZodEffects<z.ZodString, number>; user: z.ZodDefault<z.ZodString> }, "passthrough">;
}

/** The schema of each editor operation's request, for a route's discriminated union on `intent`. */
export const EDIT_REQUESTS = EDIT_OPERATION_NAMES.map(requestSchema);
