import { stemmer } from "@orama/stemmers/portuguese";
import { snowball } from "./rules";

/** The plural of a noun in -ão (nações, mães, irmãos), which Snowball's Portuguese leaves apart from its singular. */
const NASAL_PLURAL = /(?:õe|ãe|ão)s$/u;

/** Portuguese: Snowball's Portuguese stemmer, with the plural of -ão made singular first (nações → nação). */
const snowballPortuguese = snowball(stemmer);
export const portuguese = (word: string) => snowballPortuguese(word.replace(NASAL_PLURAL, "ão"));
