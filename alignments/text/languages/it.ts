import { defineRules } from "./rules";

/**
 * Italian: titles (Sig., Dott., Avv.), "per es.", "cfr.", and the longer elisions of Italian ("dell'art. 5",
 * "nell'art.", "all'on.") that the French rule, one or two letters and an apostrophe, would not take off.
 */
export const italian = defineRules({
  abbreviations: ["sig", "sigg", "dott", "dr", "prof", "avv", "ing", "arch", "on", "geom", "rag", "es", "cfr", "ca", "sgg", "seg"],
  beforeNumber: ["pag", "pagg", "cap", "co", "lett"],
  elision: /^(\p{L}{1,5}['’])(?=\p{L})/u,
});
