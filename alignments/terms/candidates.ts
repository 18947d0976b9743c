import type { Language, TextLanguage } from "../languages";
import type { Unit } from "./checks";
import { wordsOf, type Word } from "./words";

/**
 * Term candidates from an aligned corpus: French and English word sequences that recur and keep turning up
 * in the same links. A phrase may not start or end with a function word, may hold a few inside ("renforcement
 * des capacités", "information and communications technologies"), and must occur in at least `minLinks`
 * links. Pairs are scored by Dice over links, 2·f(fr, en) / (f(fr) + f(en)), and a phrase that is only a
 * piece of a longer one seen as often ("legal assistance" in "mutual legal assistance") gives way to it.
 */
export interface Candidate {
  fr: string;
  en: string;
  /** Links where both occur. */
  together: number;
  frLinks: number;
  enLinks: number;
  dice: number;
  /** Some of the links where both occur, as evidence. */
  links: number[];
}

export interface CandidateOptions {
  minLinks?: number;
  maxWords?: number;
  top?: number;
  /** Phrases (either language, any form) the glossary already has: left out. */
  known?: ReadonlyArray<{ language: TextLanguage; text: string }>;
  /**
   * Whether a phrase, where it stands in a text, has a term's shape (a noun phrase: noun-phrases.ts). Without it,
   * any recurring phrase may be a candidate ("manner provided", "pénale internationale").
   */
  termShape?: TermShape;
}

/** Whether the words of `text` from `start` to `end` have a term's shape, read in their sentence. */
export type TermShape = (language: Language, text: string, start: number, end: number) => boolean;

/** A phrase's shape is read in this many of its links at most; the majority decides. */
const SHAPE_WITNESSES = 3;

const EDGE_STOPWORDS: Record<Language, Set<string>> = {
  fr: new Set(
    "le la les l un une des du de d au aux à a et ou en dans par pour sur sous avec sans que qu qui quoi dont où est sont être été ont avoir ce cet cette ces c se s son sa ses leur leurs il elle ils elles on ne n pas plus tout toute tous toutes y lui nous vous je j me m te t même si ainsi comme entre vers chez selon lorsque lors tel telle tels telles autre autres ni soit".split(" "),
  ),
  en: new Set(
    "a an the of to in on at by for from with and or but as is are was were be been being that this these those which who whom whose it its their his her our your shall may must not no any all each such other than into under upon if where when any there has have had do does did he she they them we you i so also only".split(" "),
  ),
};
const INNER_WORDS: Record<Language, Set<string>> = {
  fr: new Set(["de", "des", "du", "d", "la", "l", "le", "les", "à", "au", "aux", "en", "et"]),
  en: new Set(["of", "and", "for", "the", "on", "in"]),
};

interface Phrase {
  /** The phrase as written, at each of its places in turn (counted only for the few phrases kept). */
  surfaces: string[];
  links: number[];
  words: number;
  /** Words other than the function words allowed inside. */
  content: number;
}

function phrasesOf(units: readonly Unit[], language: Language, maxWords: number): Map<string, Phrase> {
  const phrases = new Map<string, Phrase>();
  const edges = EDGE_STOPWORDS[language];
  const inner = INNER_WORDS[language];
  for (const unit of units) {
    const text = language === "fr" ? unit.fr : unit.en;
    const words = wordsOf(text, language);
    const seen = new Set<string>();
    // Each word read once: whether a phrase may not start or end with it, whether it may stand inside one, and
    // whether punctuation comes before it (a term does not run across punctuation; apostrophes and hyphens are
    // inside words' reach).
    const edge = words.map((w) => edges.has(w.exact) || /^\p{N}+$/u.test(w.exact));
    const innerWord = words.map((w) => inner.has(w.exact));
    const punctuationBefore = words.map((w, k) => k > 0 && /[^\s'’\-]/u.test(text.slice(words[k - 1].end, w.start)));
    for (let from = 0; from < words.length; from++) {
      if (edge[from]) continue;
      let key = "";
      let content = 0;
      for (let to = from; to < Math.min(words.length, from + maxWords); to++) {
        const w = words[to];
        if (to > from && punctuationBefore[to]) break;
        if (to > from && edge[to] && !innerWord[to]) break;
        key = to === from ? w.stem : `${key} ${w.stem}`;
        if (!innerWord[to]) content++;
        if (edge[to]) continue;
        if (seen.has(key)) continue;
        seen.add(key);
        let phrase = phrases.get(key);
        if (phrase === undefined) phrases.set(key, (phrase = { surfaces: [], links: [], words: to - from + 1, content }));
        phrase.surfaces.push(text.slice(words[from].start, w.end));
        phrase.links.push(unit.link);
      }
    }
  }
  return phrases;
}

/** The phrase as written most often (of equals, the first in alphabetical order, then the first met). */
function mostCommon(surfaces: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const surface of surfaces) counts.set(surface, (counts.get(surface) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

export function termCandidates(units: readonly Unit[], options: CandidateOptions = {}): Candidate[] {
  const { minLinks = 3, maxWords = 6, top = 30 } = options;
  const knownKeys = new Set((options.known ?? []).map((k) => `${k.language}:${wordsOf(k.text, k.language).map((w) => w.stem).join(" ")}`));
  // Phrases in more than a quarter of the links (of a corpus of some size) are its everyday words ("the Minister"), not terms.
  const usable = (language: Language) => {
    const all = phrasesOf(units, language, maxWords);
    for (const [key, p] of all) if (p.links.length < minLinks || p.links.length > Math.max(10, units.length / 4) || knownKeys.has(`${language}:${key}`)) all.delete(key);
    // A phrase found in exactly the links of a longer phrase containing it adds nothing ("juridique en matière").
    const bySignature = new Map<string, string[]>();
    for (const [key, p] of all) {
      const signature = p.links.join(",");
      const list = bySignature.get(signature);
      if (list) list.push(key);
      else bySignature.set(signature, [key]);
    }
    for (const keys of bySignature.values()) {
      if (keys.length < 2) continue;
      for (const key of keys) if (keys.some((other) => other !== key && ` ${other} `.includes(` ${key} `))) all.delete(key);
    }
    return all;
  };
  const fr = usable("fr");
  const en = usable("en");
  // Phrases by number, so that pairs are counted under one number each, not under a string made per pair and link.
  const frKeys = [...fr.keys()];
  const enKeys = [...en.keys()];
  const frPhrases = frKeys.map((key) => fr.get(key) as Phrase);
  const enPhrases = enKeys.map((key) => en.get(key) as Phrase);
  const frByLink = new Map<number, number[]>();
  frPhrases.forEach((p, f) => {
    for (const link of p.links) {
      const list = frByLink.get(link);
      if (list) list.push(f);
      else frByLink.set(link, [f]);
    }
  });
  interface Pair {
    f: number;
    e: number;
    together: number;
    dice: number;
    strength: number;
  }
  const pairs: Pair[] = [];
  // Each English phrase's French partners counted in one array (the French phrases in the order first met), so that
  // pairs are counted without a map entry per pair seen once.
  const together = new Int32Array(frPhrases.length);
  const met: number[] = [];
  enPhrases.forEach((ep, e) => {
    met.length = 0;
    for (const link of ep.links) for (const f of frByLink.get(link) ?? []) if (together[f]++ === 0) met.push(f);
    for (const f of met) {
      const count = together[f];
      together[f] = 0;
      if (count < minLinks) continue;
      const fp = frPhrases[f];
      if (fp.words === 1 && ep.words === 1) continue; // terms here are phrases; single words are the lexicon's business
      const dice = (2 * count) / (fp.links.length + ep.links.length);
      // Strength weighs Dice by how often the pair was seen (Dice 1 over 3 links is weaker evidence than 0.8 over
      // 40) and, as C-value does for termhood, by length: a recurring five-word phrase is likelier a term.
      pairs.push({ f, e, together: count, dice, strength: dice * Math.log2(1 + count) * Math.log2(1 + Math.min(fp.content, ep.content)) });
    }
  });
  // A pair inside a longer pair seen nearly as often is a piece of it: "legal assistance" of "mutual legal assistance".
  // The pairs by French phrase, then English phrase (two small numbers, quicker to look up than their product).
  const index = new Map<number, Map<number, number>>();
  pairs.forEach((p, k) => {
    const byEnglish = index.get(p.f);
    if (byEnglish) byEnglish.set(p.e, k);
    else index.set(p.f, new Map([[p.e, k]]));
  });
  const frIndex = new Map(frKeys.map((key, f) => [key, f]));
  const enIndex = new Map(enKeys.map((key, e) => [key, e]));
  // The phrases inside each phrase (itself included), found once per phrase.
  const partsOf = (keys: readonly string[], ids: Map<string, number>, kept: Array<number[] | undefined>, phrase: number) => {
    const cached = kept[phrase];
    if (cached) return cached;
    const words = keys[phrase].split(" ");
    const out: number[] = [];
    for (let from = 0; from < words.length; from++) {
      for (let to = from + 1; to <= words.length; to++) {
        const id = ids.get(words.slice(from, to).join(" "));
        if (id !== undefined) out.push(id);
      }
    }
    kept[phrase] = out;
    return out;
  };
  const frParts: Array<number[] | undefined> = [];
  const enParts: Array<number[] | undefined> = [];
  const pieces = new Uint8Array(pairs.length);
  for (const pair of pairs) {
    const inEnglish = partsOf(enKeys, enIndex, enParts, pair.e);
    for (const f of partsOf(frKeys, frIndex, frParts, pair.f)) {
      const byEnglish = index.get(f);
      if (byEnglish === undefined) continue;
      for (const e of inEnglish) {
        if (f === pair.f && e === pair.e) continue;
        const k = byEnglish.get(e);
        if (k !== undefined && pair.together >= 0.8 * pairs[k].together) pieces[k] = 1;
      }
    }
  }
  // Then one partner per phrase, the strongest first (competitive linking), phrases of a term's shape only.
  const order = pairs.map((_, k) => k).filter((k) => !pieces[k]);
  order.sort((a, b) => pairs[b].strength - pairs[a].strength || pairs[b].together - pairs[a].together);
  const takenFr = new Set<number>();
  const takenEn = new Set<number>();
  const shaped = shapeReader(units, options.termShape);
  const kept: Candidate[] = [];
  for (const k of order) {
    const { f, e, together: count, dice } = pairs[k];
    if (takenFr.has(f) || takenEn.has(e)) continue;
    if (!shaped("fr", frKeys[f], frPhrases[f]) || !shaped("en", enKeys[e], enPhrases[e])) continue;
    takenFr.add(f);
    takenEn.add(e);
    const enLinks = new Set(enPhrases[e].links);
    kept.push({
      fr: mostCommon(frPhrases[f].surfaces),
      en: mostCommon(enPhrases[e].surfaces),
      together: count,
      frLinks: frPhrases[f].links.length,
      enLinks: enPhrases[e].links.length,
      dice,
      links: frPhrases[f].links.filter((link) => enLinks.has(link)).slice(0, 10),
    });
    if (kept.length >= top) break;
  }
  return kept;
}

/**
 * `termShape` asked of a phrase (by its key of stems) in a few of the links holding it, the answer kept per phrase;
 * every phrase passes without it. Read only for the pairs competitive linking reaches, so the tagging costs
 * a few hundred sentences whatever the corpus's size.
 */
function shapeReader(units: readonly Unit[], termShape: TermShape | undefined): (language: Language, key: string, phrase: Phrase) => boolean {
  if (termShape === undefined) return () => true;
  const byLink = new Map(units.map((u) => [u.link, u]));
  const known = new Map<string, boolean>();
  return (language, key, phrase) => {
    const cacheKey = `${language}:${key}`;
    const kept = known.get(cacheKey);
    if (kept !== undefined) return kept;
    const stems = key.split(" ");
    let yes = 0;
    let asked = 0;
    for (const link of phrase.links) {
      // The majority is known once it is reached either way.
      if (asked === SHAPE_WITNESSES || 2 * yes > SHAPE_WITNESSES || 2 * (asked - yes) > SHAPE_WITNESSES) break;
      const unit = byLink.get(link);
      if (unit === undefined) continue;
      const text = language === "fr" ? unit.fr : unit.en;
      const words = wordsOf(text, language);
      const at = words.findIndex((_, i) => stems.every((stem, j) => words[i + j]?.stem === stem));
      if (at < 0) continue;
      asked++;
      if (termShape(language, text, words[at].start, words[at + stems.length - 1].end)) yes++;
    }
    const answer = asked > 0 && 2 * yes > asked;
    known.set(cacheKey, answer);
    return answer;
  };
}
