import { stemmer } from "@orama/stemmers/spanish";
import { snowball } from "./rules";

/** Spanish: Snowball's Spanish stemmer (stemming.cases.ts holds its tricky matches). */
export const spanish = snowball(stemmer);
