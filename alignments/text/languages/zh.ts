import { defineRules } from "./rules";

/**
 * Chinese (simplified and traditional): no spaces, so 。！？ end a sentence with nothing after them; an ASCII ! or ?
 * written straight against the next character does too. Quotations 「…」, 『…』, “…” and book titles 《…》 are never
 * cut inside. A sentence after a closing quote starts a segment (“……。”他说。 gives two), unless a short speech clause
 * follows ("他说。", "她问道："), which stays with the quotation, as an English "…!" said the chair. does.
 */
export const chinese = defineRules({
  unspacedTerminators: "。！？",
  quotes: { "「": "」", "『": "』", "“": "”", "《": "》", "（": "）" },
  closers: "」』”’》）】\"')]}",
  spacedClosers: "",
  openers: "「『“‘《（【\"'([{",
  continuesAfterQuote: /^[^。！？，、]{0,6}?(说|說|道|问|問|表示|指出|强调|強調|写道|寫道)[。：:，,]/,
});
