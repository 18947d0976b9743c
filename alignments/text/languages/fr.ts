import { defineRules } from "./rules";

/** French: today's rules (decision 0003), with the abbreviations of French institutional and legal text. */
export const french = defineRules({
  abbreviations: [
    "m", "mm", "mme", "mmes", "mlle", "mlles", "me", "mgr", "dr", "pr", "st", "ste", "cf", "p.ex", "ex",
    "env", "av", "bd", "cie", "sté", "éd", "coll", "dir", "trad", "op", "cit", "ibid", "id", "suiv", "tél",
    "vs", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "j.-c", "c.-à-d", "cad", "resp",
    "mr", "mrs", "ms", "prof", "inc", "ltd", "co", "corp",
  ],
});
