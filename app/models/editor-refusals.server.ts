/**
 * The editor's refusals: an EditError is answered by the route with its status and message, and nothing was written.
 * The messages are sentences a translator understands.
 */
import { MAX_USER_NAME } from "../editor/edits";
import { UserError } from "../utils/refusal";

export const STALE =
  "This pair changed since you loaded it: reload the page to see the other changes. Your last change was not saved.";
export const REALIGNING = "Tandem is realigning the unconfirmed links of this pair: edits wait until it is done (a few seconds).";
export const PAIR_GONE = "This pair does not exist any more; it may have been deleted.";
export const NOT_READY = "This pair is not aligned yet: its links can be edited once the alignment is done.";

/** A refusal the route turns into a response with this status and message; nothing was written. */
export class EditError extends UserError {}

/** The name recorded with a change: trimmed, single-spaced, required. */
export function checkUserName(user: string): string {
  const name = user.replace(/\s+/g, " ").trim();
  if (name === "") throw new EditError(400, "Give your name before editing: Tandem records it with each change.");
  if (name.length > MAX_USER_NAME) throw new EditError(400, `Your name is too long for the history (at most ${MAX_USER_NAME} characters).`);
  return name;
}
