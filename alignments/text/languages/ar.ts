import { defineRules } from "./rules";

/**
 * Arabic: no capitals (a letter after a gap may start a sentence, as the default lets \p{Lo} do); the question mark
 * ؟; the comma ، and semicolon ؛ never split. One-letter abbreviations ("د." doctor, "ص." page, "ج." volume) end
 * nothing; the era letters "م." and "هـ." end nothing except after a year ("عام 2020 م. وفي…").
 */
export const arabic = defineRules({
  abbreviations: ["د", "أ", "ص", "ج", "ش", "ق", "ت"],
  afterNumberMayEnd: ["م", "هـ"],
  spacedTerminators: ".!?…؟",
});
