import { stemmer } from "@orama/stemmers/dutch";
import { snowball } from "./rules";

/** Dutch: Snowball's Dutch stemmer (stemming.cases.ts holds its tricky matches). */
export const dutch = snowball(stemmer);
