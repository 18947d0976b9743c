import type { TextLanguage } from "../languages";
import type { Word } from "./words";

/**
 * What may come between a gapped term's words (issue 12, item 11): an adjective or two ("droits fondamentaux de
 * l'homme" for "droits de l'homme", "fundamental human rights"), an adverb before it ("preuves purement
 * électroniques"), a coordination of them ("human and civil rights"). Not a verb, an article, a preposition, a
 * pronoun or a word that opens a clause ("human beings have rights", "droits que l'homme"), nor punctuation: they
 * mean the words belong to different phrases. A tagger would tell adjectives from the rest, but the check also
 * runs on the server's thread, where loading the taggers takes about a second and each text about 2 ms (decision
 * 25): these per-language lists of the words that may NOT fill a gap are read instead. A language without a list
 * lets any word fill a gap.
 */
const NOT_IN_A_GAP: Partial<Record<TextLanguage, ReadonlySet<string>>> = {
  en: new Set(
    (
      // articles, determiners and pronouns
      "the a an this that these those its their his her our your my some any no every each it he she they we you i them him us " +
      // prepositions
      "of to in on at by for from with into under upon over about against between through during without within as " +
      // words that open a clause
      "who whom whose which what where when if unless because although though while whereas since until than so " +
      // verbs that cannot be adjectives: auxiliaries, modals, and the commonest of statutes
      "is are was were be been being am has have had do does did shall will would should may might must can could not means includes"
    ).split(" "),
  ),
  fr: new Set(
    (
      // articles, determiners and pronouns (elided forms as the words are cut: "l", "d", "qu")
      "le la les l un une des du d au aux ce cet cette ces c son sa ses leur leurs mon ma mes notre nos votre vos il elle ils elles on nous vous je j se s y lui me m te t " +
      // prepositions
      "de à a dans par pour sur sous avec sans entre vers chez contre selon pendant en " +
      // words that open a clause
      "qui que qu dont où lequel laquelle lesquels lesquelles si lorsque lorsqu quand puisque parce comme " +
      // verbs that cannot be adjectives: être, avoir, devoir, pouvoir, faire; negation
      "est sont était étaient sera seront soit soient être été ont avait avaient aura auront avoir doit doivent peut peuvent fait font ne n pas"
    ).split(" "),
  ),
};

/** Characters that may stand between two words of one phrase: spaces, apostrophes, hyphens. */
const WITHIN_A_PHRASE = /^[\s'’\-]*$/u;

/**
 * Whether the words of `text` matched at the places `taken` (in order, with other words between some of them)
 * form one phrase: every word between them may fill a gap, and no punctuation stands anywhere in the stretch.
 */
export function gapsAllowed(language: TextLanguage, text: string, words: readonly Word[], taken: readonly number[]): boolean {
  const first = taken[0];
  const last = taken[taken.length - 1];
  if (last - first + 1 === taken.length) return true; // nothing between them
  const refused = NOT_IN_A_GAP[language];
  const matched = new Set(taken);
  for (let k = first + 1; k <= last; k++) {
    if (!WITHIN_A_PHRASE.test(text.slice(words[k - 1].end, words[k].start))) return false;
    if (!matched.has(k) && refused?.has(words[k].exact)) return false;
  }
  return true;
}
