import { isBusyError } from "../models/busy.server";
import { ComputeBusy, ComputeCancelled } from "../models/compute.server";
import { UserError } from "./refusal";

/**
 * What every route's loader and action does with what a model threw (decision 0033), the only place that tells
 * errors apart by their class:
 * - a UserError (something the user sent or asked for; nothing was written) becomes the route's answer: `answer`
 *   shapes it as the page reads it (its action data, a JSON answer), or, without `answer`, it is thrown as a
 *   plain-text Response with its status and sentence, which the route's error boundary shows;
 * - a state of the server, not of the request: too many searches waiting (ComputeBusy) is thrown as 503 with
 *   Retry-After, a search whose client left (ComputeCancelled) as 499; a database locked for the whole write
 *   deadline (DatabaseBusy, SQLITE_BUSY) is rethrown as it is, for entry.server.tsx's handleError to mark and
 *   server/app-server.mjs to answer 503 "busy, try again" (JSON to a fetcher, decision 0018);
 * - anything else is a fault of Tandem: rethrown, never answered as if the user had caused it.
 */
export function answerRefusal(error: unknown): never;
export function answerRefusal<A>(error: unknown, answer: (refusal: UserError) => A): A;
export function answerRefusal<A>(error: unknown, answer?: (refusal: UserError) => A): A {
  if (error instanceof UserError) {
    if (answer) return answer(error);
    throw new Response(error.message, { status: error.status });
  }
  if (isBusyError(error)) throw error;
  if (error instanceof ComputeBusy) throw new Response(error.message, { status: 503, headers: { "Retry-After": "5" } });
  if (error instanceof ComputeCancelled) throw new Response(error.message, { status: 499 });
  throw error;
}
