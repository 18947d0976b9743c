/**
 * A request the app refuses because of what the user sent or asked for: the route answers with this status and a
 * sentence a translator understands, and nothing was written. Every refusal a user can cause is one (decision 0033):
 * the models throw it (or a subclass that only fixes its status or keeps what its callers need), the import worker
 * sends it back as data, and every route answers it through `answerRefusal` (app/utils/answer-refusal.server.ts).
 */
export type RefusalStatus = 400 | 404 | 409 | 413 | 415 | 422;

/** One line of a file that was refused, for the page to list (a glossary's CSV lines). */
export interface RefusedLine {
  line: number;
  message: string;
}

export class UserError extends Error {
  constructor(
    readonly status: RefusalStatus,
    message: string,
    /** The form's field the sentence is about, for the page to mark ("" when it is about the whole request). */
    readonly field: string = "",
    /** The lines of a file that were refused, each with its sentence (empty for any other refusal). */
    readonly problems: RefusedLine[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A refusal of a model's own few statuses (`S`) with no field: the model declares `class ExportError extends
 * RefusalOf<400 | 404 | 409> {}`, which keeps its own name (for logs and `instanceof`) and says what it answers.
 */
export class RefusalOf<S extends RefusalStatus> extends UserError {
  declare readonly status: S;
  constructor(status: S, message: string) {
    super(status, message);
  }
}

/** The sentences a route answers with 404 when what its address names is gone: written once, here. */
export const GONE = {
  pair: "This pair does not exist; it may have been deleted.",
  document: "This document does not exist; it may have been deleted.",
  entry: "This glossary entry does not exist; it may have been deleted.",
} as const;

/** The 404 a loader or action throws when what its address names is gone (Remix shows it in the error boundary). */
export function goneResponse(what: keyof typeof GONE): Response {
  return new Response(GONE[what], { status: 404 });
}
