/** The terminology's refusals: what a route answers a request it cannot serve, nothing written. */
import { Refusal } from "../utils/refusal";

/** A user-facing refusal: the route answers with this status and message; nothing was written. */
export class TerminologyError extends Refusal {}

export const GONE = "This pair does not exist; it may have been deleted.";
export const NOT_READY = "This pair is not aligned yet: its terminology can be checked once the alignment is done.";
