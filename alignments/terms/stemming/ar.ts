import { stemmer } from "@orama/stemmers/arabic";
import { snowball } from "./rules";

/**
 * A conjunction written onto an article or a preposition: "والحقوق" (and the rights), "فالدول", "وللدول", "وبالحقوق".
 * Snowball's Arabic takes off "ال", "لل", "بال" and a lone "و" before a bare noun ("وحقوق"), but not "و" or "ف" in
 * front of those ("والحقوق" stayed whole). Only there is the letter surely a conjunction: "وزير" (minister) and
 * "فرع" (branch) begin with the same letters. The article itself is left to Snowball, whose plural endings depend
 * on it ("المعاهدات" and "معاهدة" share a stem; "معاهدات" alone does not).
 */
const CONJUNCTION_ON_ARTICLE = /^[وف](?=(?:ال|لل|بال|كال)\p{L}{2})/u;

/** Arabic: Snowball's Arabic light stemmer, with a conjunction on an article taken off first. */
const snowballArabic = snowball(stemmer);
export const arabic = (word: string) => snowballArabic(word.replace(CONJUNCTION_ON_ARTICLE, ""));
