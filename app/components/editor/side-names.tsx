import { createContext, useContext } from "react";
import { languageName } from "../../../alignments/languages";

/**
 * How the editor names its two columns and marks their text: the pair's source and target languages (issue 14), so a
 * German–French pair says "German segment 3", not "English". The rows still call the sides `en` and `fr` by position
 * (source, target) until the side values move too; a French–English pair reads exactly as before.
 */
export interface SideNames {
  en: string;
  fr: string;
  lang: { en: string; fr: string };
}

export function sideNamesOf(source: string, target: string): SideNames {
  return { en: languageName(source), fr: languageName(target), lang: { en: source, fr: target } };
}

const SideNamesContext = createContext<SideNames>(sideNamesOf("en", "fr"));

export const SideNamesProvider = SideNamesContext.Provider;

export function useSideNames(): SideNames {
  return useContext(SideNamesContext);
}
