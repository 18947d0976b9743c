import nlp from "compromise";
import frNlp from "fr-compromise";
import type { Language } from "../languages";
import type { TermShape } from "./candidates";

/**
 * Term candidates keep noun phrases only (issue 12): a term names a thing, so "manner provided" (a noun and a verb)
 * and "pénale internationale" (the adjectives of "Cour pénale internationale", cut from their noun) are not terms.
 * The words are tagged by compromise (English) and fr-compromise (French), rule-based taggers in plain JavaScript,
 * in the sentence around the phrase; then:
 * - English: nouns and adjectives (a participle the tagger reads as an adjective: "registered office"), with
 *   "of", "and", "for"... inside; the last word a noun.
 * - French: a noun first ("Cour pénale internationale", "entraide juridique"), then nouns, adjectives, participles
 *   ("biens saisis") and the prepositions and articles inside ("renforcement des capacités").
 */

/** A word's tags as the tagger gives them, with its place in the text read. */
interface TaggedWord {
  start: number;
  end: number;
  tags: ReadonlySet<string>;
}

/** The text read around a phrase, in characters either side: its sentence, or enough of it to tag the phrase. */
const CONTEXT = 160;

interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
}

/**
 * The words of `text` tagged, with their offsets. The tagger keeps every character of its input in its terms'
 * text and the punctuation and spaces before and after them, so the offsets are a running sum. fr-compromise
 * keeps an elided word whole ("d’entraide") with the article's tags, and puts the noun's tags on an empty term
 * after it: the word is cut at its apostrophe, and its second part takes those tags.
 */
function tagged(text: string, language: Language): TaggedWord[] {
  const doc = (language === "fr" ? frNlp : nlp)(text) as unknown as { docs: CompromiseTerm[][] };
  const terms = doc.docs.flat();
  const words: TaggedWord[] = [];
  let at = 0;
  terms.forEach((term, k) => {
    at += term.pre.length;
    if (term.text !== "" && text.startsWith(term.text, at)) {
      const elision = /^(\p{L}+['’])(\p{L}.*)$/u.exec(term.text);
      const implicit = terms[k + 1]?.text === "" ? terms[k + 1] : undefined;
      if (elision !== null && implicit !== undefined) {
        const cut = at + elision[1].length;
        words.push({ start: at, end: cut, tags: term.tags }, { start: cut, end: at + term.text.length, tags: implicit.tags });
      } else words.push({ start: at, end: at + term.text.length, tags: term.tags });
    }
    at += term.text.length + term.post.length;
  });
  return words;
}

const has = (word: TaggedWord, ...tags: string[]) => tags.some((t) => word.tags.has(t));

const INNER: Record<Language, Set<string>> = {
  en: new Set(["of", "and", "for", "the", "on", "in"]),
  fr: new Set(["de", "des", "du", "d", "la", "l", "le", "les", "à", "au", "aux", "en", "et"]),
};

function englishShape(words: readonly TaggedWord[], text: string): boolean {
  const content = words.filter((w) => !INNER.en.has(text.slice(w.start, w.end).toLowerCase()));
  if (content.length === 0) return false;
  const last = content[content.length - 1];
  if (!has(last, "Noun") || has(last, "Pronoun", "Possessive")) return false;
  // A verb form only as the tagger's adjective or noun: "registered office" is tagged so, "made the order" is not.
  return content.slice(0, -1).every((w) => has(w, "Noun", "Adjective", "Value", "Acronym") && !has(w, "Pronoun", "Adverb", "Determiner", "Verb"));
}

/**
 * The tagger takes some nouns for verbs ("entraide" for a form of "s'entraider"); after an article or a
 * preposition ("d’entraide", "la demande") a word that is not an infinitive is a noun.
 */
const nounPosition = (word: TaggedWord, before: TaggedWord | undefined) =>
  has(word, "Noun") || (before !== undefined && has(before, "Determiner", "Preposition") && has(word, "Verb") && !has(word, "Infinitive"));

function frenchShape(words: readonly TaggedWord[], text: string, before: TaggedWord | undefined): boolean {
  const content = words.filter((w) => !INNER.fr.has(text.slice(w.start, w.end).toLowerCase().replace(/[’']$/, "")));
  if (content.length === 0 || content[0] !== words[0] || !nounPosition(content[0], before) || has(content[0], "Pronoun")) return false;
  return content.slice(1).every((w) => has(w, "Noun", "Adjective", "PastParticiple", "Value") && !has(w, "Pronoun", "Adverb", "Determiner"));
}

/**
 * Texts up to this length are tagged whole, once, and kept (a link's text serves the several phrases asked of it);
 * a longer one (the Bank Act has provisions of 9,000 characters) is tagged around the phrase only.
 */
const WHOLE_UP_TO = 2000;
const KEPT = 5000;
const taggedTexts = new Map<string, TaggedWord[]>();

function taggedWhole(text: string, language: Language): TaggedWord[] {
  const key = `${language}\u0000${text}`;
  const kept = taggedTexts.get(key);
  if (kept) return kept;
  if (taggedTexts.size >= KEPT) taggedTexts.clear();
  const words = tagged(text, language);
  taggedTexts.set(key, words);
  return words;
}

/** The candidates' `termShape`: whether the phrase from `start` to `end` of `text` is a noun phrase there. */
export const nounPhraseShape: TermShape = (language: Language, text: string, start: number, end: number) => {
  let from = 0;
  let read = text;
  if (text.length > WHOLE_UP_TO) {
    from = Math.max(0, text.lastIndexOf(" ", Math.max(0, start - CONTEXT)));
    const to = Math.min(text.length, (text.indexOf(" ", end + CONTEXT) + 1 || text.length + 1) - 1);
    read = text.slice(from, to);
  }
  const all = read === text ? taggedWhole(text, language) : tagged(read, language);
  const first = all.findIndex((w) => w.end > start - from);
  const words = all.filter((w) => w.start < end - from && w.end > start - from);
  return language === "en" ? englishShape(words, read) : frenchShape(words, read, all[first - 1]);
};
