/** Marks and tests that more than one layout pass reads. */

// A private-use pair carries footnote calls through joins and markup removal; it never reaches storage.
export const CALL_OPEN = "\uE000";
export const CALL_CLOSE = "\uE001";
export const CALL_PATTERN = /\uE000([^\uE001]*)\uE001/g;

export const FOOTNOTE_START = /^\s?(\d{1,3}|\*{1,3}|[†‡])\s+(?=\S)/;
export const LIST_MARKER = /^\s*([-*•–]\s+|\(?\d{1,3}[.)]\s+|\(?[a-z]\)\s+|#{1,6}\s)/;
export const TERMINAL = /[.!?…»”")\]]$/;
export const SENTENCE_END = /[.!?…]["»”’)\]]*$/;

// "eQuality", "iPhone": a lower-case first letter alone does not make a continuation.
export const startsLower = (text: string) => /^\s*\p{Ll}[\p{Ll}'’\-]*(?=[\s,.;:!?)]|$)/u.test(text);
export const startsUpper = (text: string) => /^\s*\p{Lu}/u.test(text);

export function isUnfinished(text: string): boolean {
  return !SENTENCE_END.test(text.trim().replace(CALL_PATTERN, ""));
}
