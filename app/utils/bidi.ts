/**
 * Titles and names people give (documents, pairs, glossary keys and terms, file names, reviewers) may be
 * written right to left, or hold the Unicode controls that reorder text. Shown beside the app's own words
 * without isolation, an Arabic or Hebrew title drags neighbouring numbers and punctuation into its direction
 * ("(92 segments)" printed inside out), and a right-to-left override in a title reverses the text that follows
 * it. In markup they are shown in <bdi> (components/bidi.tsx); where only plain text can go (an <option>, the
 * window's title, a tooltip, a confirmation), `isolated` wraps them in the Unicode isolates FSI … PDI.
 */

/** Characters that can reorder the text around them: right-to-left letters and marks, Arabic digits, the bidi controls. */
const REORDERING = /[\u0590-\u08FF\u061C\u200F\u202A-\u202E\u2066-\u2069\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** The isolate controls (LRI, RLI, FSI, PDI): a stray PDI inside a title would close the isolation around it early. */
const ISOLATE_CONTROLS = /[\u2066-\u2069]/g;

/** A user's text as it is shown inside an isolation: without isolate controls of its own, which could end it. */
export function withoutIsolateControls(text: string): string {
  return text.replace(ISOLATE_CONTROLS, "");
}

/**
 * A user's text for a plain-text place (an option, the window's title, an attribute): between FSI and PDI when
 * it holds anything that could reorder its surroundings; as it is otherwise (a left-to-right text in the app's
 * left-to-right sentences needs nothing, and stays what tests and assistive tools read).
 */
export function isolated(text: string): string {
  return REORDERING.test(text) ? `\u2068${withoutIsolateControls(text)}\u2069` : text;
}

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms), without Arabic digits. */
const RTL_LETTER = /[\u0590-\u05FF\u0600-\u065F\u066E-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/**
 * The direction a text starts in, by its first letter (the Unicode bidi algorithm's first strong character): for a
 * place that cuts a title with an ellipsis, which must cut its end, not its start. `dir="auto"` cannot be used around
 * a <bdi>, whose contents it skips.
 */
export function baseDirection(text: string): "rtl" | "ltr" {
  for (const character of text) {
    if (/\p{L}/u.test(character)) return RTL_LETTER.test(character) ? "rtl" : "ltr";
  }
  return "ltr";
}
