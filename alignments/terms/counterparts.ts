import { isFunctionWord, type LexiconEntry } from "../align/lexicon";
import type { Language } from "../languages";
import { compileTerms, findTerms, type Matcher, type Term } from "./match";
import { stemOf, wordsOf } from "./words";

/**
 * The words of a link's other side that render what a concordance looks for, so the reader sees at once where
 * the counterpart says it. Two sources, each mark saying which:
 * - the glossary: when the query is one of an entry's terms (in any inflection), that entry's terms in the
 *   other language, marked with their status (preferred, admitted, deprecated, forbidden);
 * - the aligner's built-in word list (align/lexicon.ts): the translations it gives for the query's words
 *   ("banque" → "bank"), marked "lexicon". Grammatical words are left out when the query has another word.
 * Where both mark the same words, the glossary's mark wins.
 */

/** A highlighted span of the counterpart: `status` is a glossary term's status, or "lexicon". */
export interface CounterpartMark {
  start: number;
  end: number;
  status: Term["status"] | "lexicon";
}

export interface CounterpartFinder {
  glossary: Matcher | null;
  /** The glossary terms' statuses, by term id. */
  statuses: Map<number, Term["status"]>;
  lexicon: Matcher | null;
}

/** What to mark in the other side of a query's links; null when neither source knows a rendering. */
export function counterpartFinder(query: string, language: Language, glossary: readonly Term[], lexicon: readonly LexiconEntry[]): CounterpartFinder | null {
  const other: Language = language === "fr" ? "en" : "fr";
  const own = compileTerms(glossary, language);
  const whole = findTerms(own, query).filter((h) => h.start === 0 && h.end === query.length);
  const concepts = new Set(whole.map((h) => h.concept));
  const renderings = glossary.filter((t) => t.language === other && concepts.has(t.concept));

  const queryWords = wordsOf(query, language).map((w) => w.exact);
  const content = queryWords.filter((w) => !isFunctionWord(w));
  const stems = new Set((content.length > 0 ? content : queryWords).map((w) => stemOf(w, language)));
  const translations = new Set<string>();
  for (const entry of lexicon) {
    if (stems.has(stemOf(entry[language], language)) && (content.length === 0 || !isFunctionWord(entry[other]))) translations.add(entry[other]);
  }
  const words: Term[] = [...translations].map((text, k) => ({ id: -1 - k, concept: -1, language: other, text, status: "preferred", match: "inflected" }));

  if (renderings.length === 0 && words.length === 0) return null;
  return {
    glossary: renderings.length > 0 ? compileTerms(renderings, other) : null,
    statuses: new Map(renderings.map((t) => [t.id, t.status])),
    lexicon: words.length > 0 ? compileTerms(words, other) : null,
  };
}

/** The marks in one counterpart, in order: the glossary's, then the word list's where they do not overlap one. */
export function counterpartMarks(finder: CounterpartFinder, text: string): CounterpartMark[] {
  const marks: CounterpartMark[] = finder.glossary ? findTerms(finder.glossary, text).map((h) => ({ start: h.start, end: h.end, status: finder.statuses.get(h.term)! })) : [];
  if (finder.lexicon) {
    for (const hit of findTerms(finder.lexicon, text)) {
      if (!marks.some((m) => m.start < hit.end && hit.start < m.end)) marks.push({ start: hit.start, end: hit.end, status: "lexicon" });
    }
  }
  return marks.sort((a, b) => a.start - b.start);
}
