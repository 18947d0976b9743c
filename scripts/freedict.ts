/**
 * FreeDict dictionaries from Debian's `dict-freedict-*` packages (installed under /usr/share/dictd, or TANDEM_DICTD) as
 * the aligner's word pairs for a pair of languages: both directions where both are installed (eng-fra and fra-eng for an
 * English–French pair), nothing when neither is. The files are read and inflated here; parsing is the core's.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { freedictLexicon } from "../alignments/align/freedict";
import type { LexiconEntry } from "../alignments/align/lexicon";
import { readDictd } from "../alignments/formats/dictd";

export const DICTD_FOLDER = process.env.TANDEM_DICTD ?? "/usr/share/dictd";

/** FreeDict names languages by ISO 639-3 codes. */
const THREE_LETTERS: Record<string, string> = {
  en: "eng", fr: "fra", es: "spa", de: "deu", ru: "rus", ar: "ara", it: "ita", pt: "por", nl: "nld", ja: "jpn", zh: "zho",
};

/** The installed FreeDict dictionaries for a pair, as [file name, headwords first?]. */
export function freedictFiles(first: string, second: string, folder = DICTD_FOLDER): Array<[string, boolean]> {
  const a = THREE_LETTERS[first];
  const b = THREE_LETTERS[second];
  if (!a || !b) return [];
  const found: Array<[string, boolean]> = [];
  for (const [name, headwordsFirst] of [[`freedict-${a}-${b}`, true], [`freedict-${b}-${a}`, false]] as const) {
    if (existsSync(join(folder, `${name}.index`)) && existsSync(join(folder, `${name}.dict.dz`))) found.push([name, headwordsFirst]);
  }
  return found;
}

/** Word pairs of every installed FreeDict dictionary of the pair (first-language word as `en`). */
export function freedictPairLexicon(first: string, second: string, folder = DICTD_FOLDER): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const [name, headwordsFirst] of freedictFiles(first, second, folder)) {
    const index = readFileSync(join(folder, `${name}.index`), "utf8");
    const dictionary = gunzipSync(readFileSync(join(folder, `${name}.dict.dz`)));
    for (const entry of freedictLexicon(readDictd(index, dictionary), headwordsFirst)) entries.push(entry);
  }
  return entries;
}
