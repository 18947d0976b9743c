import { unstemmed } from "./rules";

/**
 * Chinese (simplified and traditional) and Japanese: no inflection to take off, so a word is its own key. Their
 * words come from the ICU word breaker (text/words.ts): stemming.cases.ts measures matching by those words against
 * matching by characters.
 */
export const chinese = unstemmed;
export const japanese = unstemmed;
