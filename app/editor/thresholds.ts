/** Alignment thresholds shared by the server and the browser (a `.server` module would be empty in the browser bundle). */

/** Links under this confidence are marked "check this". */
export const LOW_CONFIDENCE = 0.5;

/**
 * Under this share of links with lexical support, the pair page warns that the documents look unrelated.
 * Seen with the aligner of 2026-11: UDHR EN–FR 0.92, MLA Act EN–FR 0.57, Bank Act EN–FR 0.76; unrelated
 * pairs (UDHR EN with the MLA Act FR, and the reverse) 0.00.
 */
export const LOW_SUPPORT = 0.35;
