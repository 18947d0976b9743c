/** The terminology's refusals: what a route answers a request it cannot serve, nothing written. */
import { GONE as GONE_SENTENCES, UserError } from "../utils/refusal";

/** A user-facing refusal: the route answers with this status and message; nothing was written. */
export class TerminologyError extends UserError {}

export const GONE = GONE_SENTENCES.pair;
export const NOT_READY = "This pair is not aligned yet: its terminology can be checked once the alignment is done.";
