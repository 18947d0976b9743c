import { stemmer } from "@orama/stemmers/italian";
import { snowball } from "./rules";

/** Italian: Snowball's Italian stemmer (stemming.cases.ts holds its tricky matches). */
export const italian = snowball(stemmer);
