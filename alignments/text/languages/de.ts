import { defineRules } from "./rules";

/**
 * German: every noun has a capital, so a capital after a period proves little. Spaced abbreviations ("z. B.",
 * "d. h.", "u. a.", "v. a.") end nothing; a number of one or two figures before a word is an ordinal ("am 3. Oktober",
 * "im 19. Jahrhundert"); quotations run „…“ or »…«.
 */
export const german = defineRules({
  abbreviations: [
    "z", "d", "h", "u", "a", "o", "ä", "v", "bzw", "vgl", "ca", "evtl", "ggf", "inkl", "sog", "bspw", "dr", "prof",
    "hr", "fr", "jh", "jhd", "mio", "mrd", "tsd", "gem", "lt", "str", "nr", "abs",
  ],
  quotes: { "„": "“", "»": "«" },
  closers: "“«”’\"')]}",
  spacedClosers: "",
  openers: "„»‚“\"'([{",
  leadingPunctuation: /^[(\[„»“"'’]+/,
  judgePeriod: ({ bare, next }) => (/^\d{1,2}$/.test(bare) && /^\p{L}/u.test(next) ? true : undefined),
});
