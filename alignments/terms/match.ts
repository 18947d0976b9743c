import type { Language, TextLanguage } from "../languages";
import { gapsAllowed } from "./gap-words";
import { wordsOf, type Word } from "./words";

export const TERM_STATUSES = ["preferred", "admitted", "deprecated", "forbidden"] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];
/**
 * How a term's words are found in a text. inflected: plural, feminine, possessive forms, accents and case also
 * match; exact: only case may differ; gapped: inflected, in order, with up to MAX_OTHER_WORDS other words among
 * them that may be adjectives ("droits fondamentaux de l'homme" for "droits de l'homme"; not a verb, a clause or
 * punctuation: gap-words.ts); unordered: inflected, in any order, within a window of the term's words plus
 * MAX_OTHER_WORDS ("seizure and search" for "search and seizure").
 */
export const MATCH_MODES = ["inflected", "exact", "gapped", "unordered"] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

/** Other words a gapped or unordered term may have among its own: enough for an adjective or two, or "on the". */
export const MAX_OTHER_WORDS = 2;

export const isMatchMode = (value: string): value is MatchMode => (MATCH_MODES as readonly string[]).includes(value);

/** One term of a glossary entry (a concept holds terms in both languages). */
export interface Term {
  id: number;
  concept: number;
  language: Language;
  text: string;
  status: TermStatus;
  match: MatchMode;
}

/** A term in any language the core reads (issue 14): what the matcher takes, while the app still stores `Language`. */
export type MatchTerm = Omit<Term, "language"> & { language: TextLanguage };

export interface TermHit {
  term: number;
  concept: number;
  /** Character offsets in the text searched: from the first word matched to the last. */
  start: number;
  end: number;
  /** The words matched, when other words come between them (gapped and unordered terms); else absent. */
  parts?: Array<{ start: number; end: number }>;
}

interface Node {
  next: Map<string, Node>;
  /** Terms ending here (several when two entries share a form). */
  terms: MatchTerm[];
}

/** A gapped or unordered term: its words' stems, looked up from any of them. */
interface LooseTerm {
  term: MatchTerm;
  stems: string[];
}

/** A glossary compiled for one language: a trie over word keys for contiguous terms, an index for the others. */
export interface Matcher {
  language: TextLanguage;
  exact: Node;
  inflected: Node;
  /** Gapped terms by their first stem, unordered terms by each of their stems. */
  loose: Map<string, LooseTerm[]>;
}

const node = (): Node => ({ next: new Map(), terms: [] });

export function compileTerms(terms: readonly MatchTerm[], language: TextLanguage): Matcher {
  const matcher: Matcher = { language, exact: node(), inflected: node(), loose: new Map() };
  for (const term of terms) {
    if (term.language !== language) continue;
    const words = wordsOf(term.text, language);
    if (words.length === 0) continue;
    // A one-word term has nothing to interrupt or reorder: it is an inflected one.
    if ((term.match === "gapped" || term.match === "unordered") && words.length > 1) {
      const loose: LooseTerm = { term, stems: words.map((w) => w.stem) };
      const keys = term.match === "gapped" ? [loose.stems[0]] : [...new Set(loose.stems)];
      for (const key of keys) matcher.loose.set(key, [...(matcher.loose.get(key) ?? []), loose]);
      continue;
    }
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

interface Candidate {
  term: MatchTerm;
  /** Indices of the words matched, in text order. */
  words: number[];
}

/**
 * The leftmost, shortest match of a loose term whose first word in the text is `from`, or null. Taking each
 * next word at its earliest place ends the match soonest, so the window is never missed for a later choice.
 */
function looseMatch(loose: LooseTerm, words: readonly Word[], from: number): number[] | null {
  const n = loose.stems.length;
  const last = Math.min(words.length, from + n + MAX_OTHER_WORDS) - 1;
  if (loose.term.match === "gapped") {
    const taken = [from];
    for (let k = 1, at = from + 1; k < n; k++, at++) {
      while (at <= last && words[at].stem !== loose.stems[k]) at++;
      if (at > last) return null;
      taken.push(at);
    }
    return taken;
  }
  const wanted = new Map<string, number>();
  for (const stem of loose.stems) wanted.set(stem, (wanted.get(stem) ?? 0) + 1);
  const taken: number[] = [];
  for (let at = from; at <= last && taken.length < n; at++) {
    const left = wanted.get(words[at].stem) ?? 0;
    if (left === 0) continue;
    wanted.set(words[at].stem, left - 1);
    taken.push(at);
  }
  return taken.length === n && taken[0] === from ? taken : null;
}

/**
 * Every term occurrence in a text, as whole words ("east" never matches "Easter"). Where matches overlap,
 * the one matching more words wins ("mutual legal assistance" over "legal assistance"), then one without
 * other words among its own, then the earlier.
 */
export function findTerms(matcher: Matcher, text: string, words: readonly Word[] = wordsOf(text, matcher.language)): TermHit[] {
  const candidates: Candidate[] = [];
  for (let from = 0; from < words.length; from++) {
    // The exact terms' trie by the words as written, then the inflected terms' by their stems.
    for (let trie = 0; trie < 2; trie++) {
      let at: Node | undefined = trie === 0 ? matcher.exact : matcher.inflected;
      for (let to = from; to < words.length && at !== undefined; to++) {
        at = at.next.get(trie === 0 ? words[to].exact : words[to].stem);
        if (at !== undefined) for (const term of at.terms) candidates.push({ term, words: range(from, to + 1) });
      }
    }
    for (const loose of matcher.loose.get(words[from].stem) ?? []) {
      const taken = looseMatch(loose, words, from);
      // A gapped term's words with a verb, a clause or punctuation between them are not one phrase.
      if (taken && (loose.term.match !== "gapped" || gapsAllowed(matcher.language, text, words, taken))) candidates.push({ term: loose.term, words: taken });
    }
  }
  const spread = (c: Candidate) => c.words[c.words.length - 1] - c.words[0] + 1 - c.words.length;
  candidates.sort(
    (a, b) => b.words.length - a.words.length || spread(a) - spread(b) || a.words[0] - b.words[0] || statusRank(a.term) - statusRank(b.term) || a.term.id - b.term.id,
  );
  const taken = new Uint8Array(words.length);
  const hits: TermHit[] = [];
  for (const c of candidates) {
    if (c.words.some((k) => taken[k])) continue;
    for (const k of c.words) taken[k] = 1;
    const first = words[c.words[0]];
    const last = words[c.words[c.words.length - 1]];
    const hit: TermHit = { term: c.term.id, concept: c.term.concept, start: first.start, end: last.end };
    if (spread(c) > 0) hit.parts = c.words.map((k) => ({ start: words[k].start, end: words[k].end }));
    hits.push(hit);
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** What to highlight of a hit: the words matched, without the words that came between them. */
export function hitParts(hit: { start: number; end: number; parts?: Array<{ start: number; end: number }> }): Array<{ start: number; end: number }> {
  return hit.parts ?? [{ start: hit.start, end: hit.end }];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/** Of two terms matching the same words, an exact match and a preferred term describe the text best. */
function statusRank(term: MatchTerm): number {
  return (term.match === "exact" ? 0 : 4) + TERM_STATUSES.indexOf(term.status);
}
