import { defineRules } from "./rules";

/**
 * Spanish: ¿ and ¡ open a sentence (the default already lets them); titles (Sr., Sra., Dña.), "p. ej.", "EE. UU." and
 * page and number words before figures ("pág. 12", "núm. 3").
 */
export const spanish = defineRules({
  abbreviations: [
    "sr", "sra", "srta", "sres", "sras", "dr", "dra", "d", "dña", "ud", "uds", "vd", "vds", "lic", "ing", "prof",
    "excmo", "excma", "ilmo", "ilma", "sto", "sta", "ee", "ej", "aprox", "av", "avda", "cía", "vid", "cf", "atte",
    "ene", "abr", "ago", "dic", "sept",
  ],
  beforeNumber: ["pág", "págs", "núm", "cap", "apdo", "inc"],
});
