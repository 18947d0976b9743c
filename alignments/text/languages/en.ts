import { defineRules } from "./rules";

/** English: today's rules (decision 0003), with the abbreviations of English institutional and legal text. */
export const english = defineRules({
  abbreviations: [
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "st", "gen", "col", "lt", "capt", "sgt", "gov", "sen",
    "rep", "hon", "jr", "sr", "vs", "cf", "e.g", "i.e", "viz", "al", "inc", "ltd", "co", "corp", "dept",
    "univ", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mt", "ft", "ave", "blvd", "rd",
  ],
});
