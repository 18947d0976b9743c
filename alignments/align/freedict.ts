/**
 * FreeDict dictionaries (dictd format, `formats/dictd.ts`) as the aligner's word pairs. An entry's body is its headword
 * line ("box /bɔks/ <n>"), then its translations: comma-separated, sometimes numbered by sense ("1. arca, caja"), in the
 * German–French and similar dictionaries followed by a definition in the headword's own language ("Frisur mit stark
 * gekrausten … Locken"). A line with a part of more than three words is taken for such a definition and left out.
 */
import type { DictdEntry } from "../formats/dictd";
import { wordPairs, type LexiconEntry } from "./lexicon";

/** Most words a translation may have; longer ones are definitions, not translations. */
const MAX_TRANSLATION_WORDS = 3;

/** The translations an entry gives, in order, each once. */
export function freedictTranslations(entry: DictdEntry): string[] {
  const found: string[] = [];
  const lines = entry.body.split("\n").slice(1);
  for (const line of lines) {
    const text = line
      .replace(/^\s*\d+\.\s*/, "")
      .replace(/\s+\d+\.\s*$/, "")
      .replace(/\([^)]*\)|\[[^\]]*\]|<[^>]*>/g, " ")
      .trim();
    const parts = text.split(/[,;]/).map((part) => part.replace(/\s+/g, " ").trim()).filter(Boolean);
    // One part too long makes the whole line a definition: "uneheliches Kind, das nicht aus der Ehe stammt".
    if (parts.some((part) => part.split(" ").length > MAX_TRANSLATION_WORDS)) continue;
    for (const translation of parts) if (!found.includes(translation)) found.push(translation);
  }
  return found;
}

/**
 * Word pairs for an aligner whose first side is the dictionary's headword language (`headwordsFirst`), or its second
 * (a French–English dictionary serving an English–French pair). Each pair once.
 */
export function freedictLexicon(entries: Iterable<DictdEntry>, headwordsFirst: boolean): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const headword = entry.headword;
    for (const translation of freedictTranslations(entry)) {
      const pairs = headwordsFirst ? wordPairs(headword, translation) : wordPairs(translation, headword);
      for (const pair of pairs) {
        const key = `${pair.en}\u0000${pair.fr}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(pair);
      }
    }
  }
  return out;
}
