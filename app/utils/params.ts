import { z } from "zod";
import type { WholeNumberIssue } from "./form-errors";

/**
 * A whole number sent as text ("12"): decimal digits only, within [min, max]; null otherwise. "1e3", "0x10",
 * " 5", "5.0", "-1", "" and numbers past 2^53 are not numbers Tandem sent (Number() would read "" as 0, "1e3"
 * as 1000 and "99999999999999999999" as 1e20).
 */
export function parseWhole(value: string | null | undefined, min = 0, max = Number.MAX_SAFE_INTEGER): number | null {
  if (value === null || value === undefined || !/^\d{1,16}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

/** A form or query field holding a whole number; a bad one is refused with a sentence naming the field (form-errors.ts). */
export function wholeNumber(min: number, max: number) {
  return z.string().transform((value, ctx) => {
    const n = parseWhole(value, min, max);
    if (n !== null) return n;
    const params: WholeNumberIssue = { expected: "whole-number", min, max, received: value };
    ctx.addIssue({ code: z.ZodIssueCode.custom, params });
    return z.NEVER;
  });
}

/** A record's id in a form or a query (`?pair=12`): 1 to 2^53 − 1. */
export const recordId = () => wholeNumber(1, Number.MAX_SAFE_INTEGER);

/** A route's numeric id (`params.id`): a positive integer in decimal digits, else a 404 answering `message`. */
export function idParam(param: string | undefined, message: string): number {
  const id = parseWhole(param, 1);
  if (id === null) throw new Response(message, { status: 404 });
  return id;
}

/** A pair's id in a route's address (`/pairs/:id/…`). */
export const pairIdParam = (param: string | undefined) => idParam(param, "There is no pair at this address.");
