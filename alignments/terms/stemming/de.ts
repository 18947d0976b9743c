import { stemmer } from "@orama/stemmers/german";
import { snowball } from "./rules";

/** German: Snowball's German stemmer (stemming.cases.ts holds its tricky matches). */
export const german = snowball(stemmer);
