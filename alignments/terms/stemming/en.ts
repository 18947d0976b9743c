import { stemmer as porterEnglish } from "@orama/stemmers/english";
import { foldAccents } from "../../text/fold";
import { snowball, type Stemmer } from "./rules";

/**
 * English: the hand rules (plural endings only), kept over the port's English (Porter's algorithm), which cuts
 * derivations too: "international" and "internal" both "intern", "general" and "generous" both "gener"
 * (stemming.cases.ts), and on the Bank Act "service provider" found in "services provided" (3 false hits, no
 * right one more; decision 0037).
 */
export function englishStem(word: string): string {
  const w = word;
  if (/^\p{N}+$/u.test(w) || w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}

export const english: Stemmer = (word) => englishStem(foldAccents(word));

/** The port's English, measured against the hand rules (scripts/stemming-compare.ts), not used. */
export const porterEnglishStemmer: Stemmer = snowball(porterEnglish);
