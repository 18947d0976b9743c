import { defineRules } from "./rules";

/** Dutch: titles (dhr., mevr., mr., drs.), "bijv.", "o.a.", "ca." and "blz."/"nr." before figures. */
export const dutch = defineRules({
  abbreviations: ["dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "bijv", "vgl", "ca", "zgn", "resp", "jl", "st", "vs", "mln", "mld"],
  beforeNumber: ["blz", "nr", "nrs", "lid", "hfst"],
});
