import type { Language } from "../languages";
import type { GlossaryEntry, GlossaryTerm } from "./glossary-entry";
import type { MatchMode, TermStatus } from "./match";

/**
 * Glossary entries for the tests of what carries them (CSV, TBX, the app's glossary): a term is written
 * `[language, text, status?, match?]`, preferred and inflected unless it says otherwise, and an entry's domain,
 * source and note are empty unless given, so a case spells out only what it is about.
 */
export type TermCase = [language: Language, text: string, status?: TermStatus, match?: MatchMode];

export const termOf = ([language, text, status = "preferred", match = "inflected"]: TermCase): GlossaryTerm => ({ language, text, status, match });

export function entryOf(key: string, terms: TermCase[], details: Partial<Pick<GlossaryEntry, "domain" | "source" | "note">> = {}): GlossaryEntry {
  return { key, domain: "", source: "", note: "", ...details, terms: terms.map(termOf) };
}
