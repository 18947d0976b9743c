import type { Language } from "../languages";
import { wordsOf, type Word } from "./words";

export const TERM_STATUSES = ["preferred", "admitted", "deprecated", "forbidden"] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];
export type MatchMode = "inflected" | "exact";

/** One term of a glossary entry (a concept holds terms in both languages). */
export interface Term {
  id: number;
  concept: number;
  language: Language;
  text: string;
  status: TermStatus;
  /** inflected: plural, feminine, possessive forms, accents and case also match; exact: only case may differ. */
  match: MatchMode;
}

export interface TermHit {
  term: number;
  concept: number;
  /** Character offsets in the text searched. */
  start: number;
  end: number;
}

interface Node {
  next: Map<string, Node>;
  /** Terms ending here (several when two entries share a form). */
  terms: Term[];
}

/** A glossary compiled for one language: a trie over word keys, one per matching mode. */
export interface Matcher {
  language: Language;
  exact: Node;
  inflected: Node;
}

const node = (): Node => ({ next: new Map(), terms: [] });

export function compileTerms(terms: readonly Term[], language: Language): Matcher {
  const matcher: Matcher = { language, exact: node(), inflected: node() };
  for (const term of terms) {
    if (term.language !== language) continue;
    const words = wordsOf(term.text, language);
    if (words.length === 0) continue;
    let at = term.match === "exact" ? matcher.exact : matcher.inflected;
    for (const word of words) {
      const key = term.match === "exact" ? word.exact : word.stem;
      let child = at.next.get(key);
      if (child === undefined) at.next.set(key, (child = node()));
      at = child;
    }
    at.terms.push(term);
  }
  return matcher;
}

/**
 * Every term occurrence in a text, as whole words ("east" never matches "Easter"). Where matches overlap,
 * the one covering more words wins ("mutual legal assistance" over "legal assistance"), then the earlier.
 */
export function findTerms(matcher: Matcher, text: string, words: readonly Word[] = wordsOf(text, matcher.language)): TermHit[] {
  const candidates: Array<{ from: number; to: number; term: Term }> = [];
  for (let from = 0; from < words.length; from++) {
    for (const [root, keyOf] of [
      [matcher.exact, (w: Word) => w.exact],
      [matcher.inflected, (w: Word) => w.stem],
    ] as const) {
      let at: Node | undefined = root;
      for (let to = from; to < words.length && at !== undefined; to++) {
        at = at.next.get(keyOf(words[to]));
        if (at !== undefined) for (const term of at.terms) candidates.push({ from, to: to + 1, term });
      }
    }
  }
  candidates.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from || statusRank(a.term) - statusRank(b.term) || a.term.id - b.term.id);
  const taken = new Uint8Array(words.length);
  const hits: TermHit[] = [];
  for (const c of candidates) {
    let free = true;
    for (let k = c.from; k < c.to && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = c.from; k < c.to; k++) taken[k] = 1;
    hits.push({ term: c.term.id, concept: c.term.concept, start: words[c.from].start, end: words[c.to - 1].end });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Of two terms matching the same words, an exact match and a preferred term describe the text best. */
function statusRank(term: Term): number {
  return (term.match === "exact" ? 0 : 4) + TERM_STATUSES.indexOf(term.status);
}
