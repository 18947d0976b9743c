import { BUILT_IN_LEXICON } from "../align/lexicon";
import { foldAccents } from "../text/fold";
import type { Unit, UnitHits } from "./units";
import { numbersOf } from "./numbers";

/**
 * What a link's two texts have in common, the evidence that they say the same thing: shared figures, shared
 * names and cognates ("Canada", "Minister" / "ministre"), word pairs of the built-in lexicon, glossary concepts
 * found on both sides; and how their lengths compare. A link whose texts share none of it ("misaligned?") is
 * more likely a wrong link than a terminology problem: its other findings follow from that.
 */
export interface LinkEvidence {
  /** Content words (not function words, not figures) on each side. */
  enWords: number;
  frWords: number;
  /** English content words with a counterpart in the French: the same or a cognate word, or a lexicon entry. */
  supported: number;
  sharedNumbers: number;
  /** Glossary concepts found on both sides. */
  sharedConcepts: number;
  /** The French text's length over the English's (French runs 10–20 % longer). */
  lengthRatio: number;
}

/** Function words of both languages: they are in every text, so sharing them says nothing. */
const FUNCTION_WORDS = new Set(
  (
    "the a an of and or to in on at by for from with as is are was were be been being that this these those which who whom whose it its " +
    "their his her our your shall may must not no any all each such other than into under upon if where when there has have had do does " +
    "le la les l un une des du de d au aux à et ou en dans par pour sur sous avec sans que qu qui dont où est sont être été ont avoir ce cet " +
    "cette ces c se s son sa ses leur leurs il elle ils elles on ne n pas plus tout toute tous toutes y lui si ainsi comme entre lorsque tel telle"
  ).split(" "),
);

/** The built-in lexicon's content word pairs, English word → French words. */
const LEXICON = (() => {
  const map = new Map<string, Set<string>>();
  for (const { en, fr } of BUILT_IN_LEXICON) {
    if (FUNCTION_WORDS.has(en) || FUNCTION_WORDS.has(fr)) continue;
    const set = map.get(en) ?? new Set<string>();
    set.add(foldAccents(fr));
    map.set(en, set);
  }
  return map;
})();

/**
 * Two words of four letters or more are the same name or cognates when their letter pairs mostly agree (Dice over
 * the sets of letter pairs, accents folded): "circumstances" / "circonstances", "unoccupied" / "inoccupés",
 * "Superintendent" / "surintendant"; not "order" / "ordonnance".
 */
const COGNATE_DICE = 0.5;
const COGNATE_LENGTH = 4;

function contentWords(text: string): string[] {
  return (foldAccents(text.toLowerCase()).match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w));
}

/**
 * A word's letter pairs, each once. Kept by word (a corpus repeats its words, and the pairs were a good part of the
 * cost of comparing a link's texts); emptied when full, so it stays small.
 */
const PAIRS_KEPT = 50_000;
const pairsKept = new Map<string, readonly string[]>();

function letterPairs(word: string): readonly string[] {
  let pairs = pairsKept.get(word);
  if (pairs === undefined) {
    const set = new Set<string>();
    for (let k = 0; k + 1 < word.length; k++) set.add(word.slice(k, k + 2));
    pairs = [...set];
    if (pairsKept.size >= PAIRS_KEPT) pairsKept.clear();
    pairsKept.set(word, pairs);
  }
  return pairs;
}

/** The French words of four letters or more (by number) by their letter pairs, how many pairs each has, and room to count. */
interface CognateIndex {
  byPair: Map<string, number[]>;
  size: number[];
  /** Letter pairs shared with the word being judged, by French word; back to zeros after each judgement. */
  shared: Int32Array;
}

function cognateIndex(words: Iterable<string>): CognateIndex {
  const byPair = new Map<string, number[]>();
  const size: number[] = [];
  for (const word of words) {
    if (word.length < COGNATE_LENGTH) continue;
    const id = size.length;
    const pairs = letterPairs(word);
    size.push(pairs.length);
    for (const pair of pairs) {
      const list = byPair.get(pair);
      if (list) list.push(id);
      else byPair.set(pair, [id]);
    }
  }
  return { byPair, size, shared: new Int32Array(size.length) };
}

const NONE: readonly number[] = [];

function hasCognate(word: string, index: CognateIndex): boolean {
  if (word.length < COGNATE_LENGTH) return false;
  const pairs = letterPairs(word);
  const { shared, size } = index;
  const met: number[] = [];
  for (const pair of pairs) for (const id of index.byPair.get(pair) ?? NONE) if (shared[id]++ === 0) met.push(id);
  let found = false;
  for (const id of met) {
    if ((2 * shared[id]) / (pairs.length + size[id]) >= COGNATE_DICE) found = true;
    shared[id] = 0;
  }
  return found;
}

/** Whether the lexicon gives `word` a French word found in `french`. */
function inLexicon(word: string, french: ReadonlySet<string>): boolean {
  for (const f of LEXICON.get(word) ?? []) if (french.has(f)) return true;
  return false;
}

export function linkEvidence(unit: Pick<Unit, "en" | "fr">, hits?: Pick<UnitHits, "en" | "fr">): LinkEvidence {
  const en = contentWords(unit.en);
  const fr = contentWords(unit.fr);
  const frSet = new Set(fr);
  // Made only when a word has neither the same word nor a lexicon entry in the French: many links never need it.
  let index: CognateIndex | null = null;
  // A text repeats its words: each English word is judged once.
  const judged = new Map<string, boolean>();
  let supported = 0;
  for (const word of en) {
    let counterpart = judged.get(word);
    if (counterpart === undefined) {
      counterpart = frSet.has(word) || inLexicon(word, frSet) || (word.length >= COGNATE_LENGTH && hasCognate(word, (index ??= cognateIndex(frSet))));
      judged.set(word, counterpart);
    }
    if (counterpart) supported++;
  }
  const enNumbers = numbersOf(unit.en, "en");
  let sharedNumbers = 0;
  for (const n of numbersOf(unit.fr, "fr")) if (enNumbers.has(n)) sharedNumbers++;
  const enConcepts = new Set(hits?.en.map((h) => h.concept) ?? []);
  const sharedConcepts = new Set((hits?.fr ?? []).map((h) => h.concept).filter((c) => enConcepts.has(c))).size;
  return { enWords: en.length, frWords: fr.length, supported, sharedNumbers, sharedConcepts, lengthRatio: unit.fr.length / Math.max(1, unit.en.length) };
}

/**
 * A Canadian act's definition ends with the other language's term in brackets: "request means …; (demande)",
 * "demande Demande … (request)". These glosses: bracketed words (letters only, up to six words) that end the text
 * or a definition within it.
 */
const GLOSS = /\(([\p{L}][\p{L}'’ -]{1,60})\)(?=\s*[;.]?\s*(?:$|\p{Ll}))/gu;

const normalised = (text: string) => foldAccents(text.toLowerCase()).replace(/’/g, "'");
const glossesOf = (text: string) => [...text.matchAll(GLOSS)].map((m) => m[1]).filter((g) => g.split(" ").length <= 6);

/**
 * Whether both sides are definitions and neither names the other's term: "International Criminal Court means …
 * (Cour pénale internationale)" against "… (state or entity) infraction … (offence)". Null when either side has no gloss.
 */
export function definitionsClash(unit: Pick<Unit, "en" | "fr">): { en: string[]; fr: string[] } | null {
  const en = glossesOf(unit.en);
  const fr = glossesOf(unit.fr);
  if (en.length === 0 || fr.length === 0) return null;
  const has = (text: string, gloss: string) => ` ${normalised(text).replace(/[^\p{L}' -]+/gu, " ")} `.includes(` ${normalised(gloss)} `);
  return en.some((g) => has(unit.fr, g)) || fr.some((g) => has(unit.en, g)) ? null : { en, fr };
}

/**
 * Texts shorter than this (in content words, on either side) give too little to judge a link by. Measured against
 * the gold links of the MLA Act and the Bank Act (decision 25): with 8 words and 5% support, 46 of 11,593 links are
 * flagged and 22 of them are wrong links; with 4 words and 10%, 247 are flagged and 41 wrong.
 */
export const MIN_WORDS_TO_JUDGE = 8;
/** Below this share of supported words (of the shorter side), the texts share next to nothing. */
export const MIN_SUPPORT = 0.05;
/** French over English lengths outside these bounds are far apart. */
export const LENGTH_RATIO_BOUNDS = [0.5, 2.2] as const;

/**
 * Why a link looks misaligned, in a sentence, or null when it does not: its texts are long enough to judge and
 * share next to nothing (no figure, no glossary concept, hardly a name, cognate or lexicon word).
 */
export function misalignment(e: LinkEvidence, unit?: Pick<Unit, "en" | "fr">): string | null {
  const clash = unit ? definitionsClash(unit) : null;
  if (clash !== null) return `The two sides define different terms (the English gives “${clash.en.join("”, “")}”, the French “${clash.fr.join("”, “")}”): is this link right?`;
  const shorter = Math.min(e.enWords, e.frWords);
  if (shorter < MIN_WORDS_TO_JUDGE || e.sharedNumbers > 0 || e.sharedConcepts > 0) return null;
  if (e.supported / shorter >= MIN_SUPPORT) return null;
  const [low, high] = LENGTH_RATIO_BOUNDS;
  const lengths =
    e.lengthRatio > high ? ` and the French is ${e.lengthRatio.toFixed(1)} times as long` : e.lengthRatio < low ? ` and the English is ${(1 / e.lengthRatio).toFixed(1)} times as long` : "";
  const what = e.supported === 0 ? "no figure, name, cognate or known word" : `no figure, and ${e.supported} of ${e.enWords} English words with a counterpart`;
  return `The two sides share ${what}${lengths}: is this link right?`;
}
