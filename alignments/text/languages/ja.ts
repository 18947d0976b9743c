import { defineRules } from "./rules";

/**
 * Japanese: as Chinese, 。！？ end a sentence with nothing after them, and 「…」『…』 are never cut inside; a quotation
 * followed by the quoting particle (「…。」と言った, 「…」って) stays one sentence with the clause that quotes it.
 */
export const japanese = defineRules({
  unspacedTerminators: "。！？",
  quotes: { "「": "」", "『": "』", "“": "”", "（": "）" },
  closers: "」』”’）】\"')]}",
  spacedClosers: "",
  openers: "「『“‘（【\"'([{",
  continuesAfterQuote: /^(と|って|という|とは)/,
});
