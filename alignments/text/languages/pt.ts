import { defineRules } from "./rules";

/** Portuguese: titles (Sr., Sra., Exa.), "p. ex.", company forms and page and number words before figures. */
export const portuguese = defineRules({
  abbreviations: [
    "sr", "sra", "srta", "srs", "dr", "dra", "exmo", "exma", "exa", "prof", "profa", "av", "sto", "sta", "ex", "cia",
    "ltda", "eng", "arq", "aprox", "jan", "fev", "abr", "jun", "jul", "ago", "set", "out", "dez",
  ],
  beforeNumber: ["pág", "págs", "n.º", "inc", "cap"],
});
