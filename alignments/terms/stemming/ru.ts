import { stemmer } from "@orama/stemmers/russian";
import { snowball } from "./rules";

/** Russian: Snowball's Russian stemmer (stemming.cases.ts holds its tricky matches). */
export const russian = snowball(stemmer);
