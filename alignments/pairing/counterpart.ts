/**
 * The likely counterpart of a document: among the documents of the other language, the one that shares its
 * document symbol, its title's words (accents and case folded, function words of both languages left out, a word
 * matched to its translation or its cognate), the numbers of its title, and has about as many segments. The pair
 * form proposes it, with the reason (decision 0022). Nothing here knows which languages the two sides are: a word
 * list of another language pair would be another lexicon.
 */
import { BUILT_IN_LEXICON, type LexiconEntry } from "../align/lexicon";
import { foldAccents } from "../text/fold";
import { documentSymbols } from "../text/symbols";

export interface PairingDocument {
  id: number;
  title: string;
  segmentCount: number;
  /** Document symbols found in its opening segments; those of its title are found here. */
  symbols?: readonly string[];
}

export interface Evidence {
  /** Title words matched one to one: [the chosen document's word, the candidate's], as written (lower case). */
  words: Array<[string, string]>;
  symbols: string[];
  numbers: string[];
  /** Segment counts: the chosen document's, the candidate's. */
  segments: [number, number];
}

export interface RankedCandidate {
  id: number;
  score: number;
  evidence: Evidence;
  /** Something beyond length ties them: a symbol, enough title words, or a title word and a number. */
  likely: boolean;
}

export interface Proposal {
  id: number;
  evidence: Evidence;
  /** The evidence in a sentence a translator reads. */
  reason: string;
}

/** Function words of English and French titles, folded: they say nothing about which document a title names. */
const FUNCTION_WORDS = new Set(
  (
    "a an and are as at be by for from in into is its it of on or the to with without within under about against between this that these those its their our " +
    "le la les l de du des d et a au aux en dans sur pour par avec sous entre contre chez un une ce cette ces se sa son ses leur leurs ou ni ne pas que qui dont relatif relative relatifs relatives"
  ).split(" "),
);

/** Title words the built-in list lacks (its own words are the aligner's: frequent and legal ones). */
const TITLE_WORDS = `report rapport|draft projet|letter lettre|open ouverte ouvert|united unies unis|global mondiale mondial|risks risques|risk risque
addendum additif|approve approuvent approuve|crime criminalite|statement declaration|organization organisation|rules regles|code code`;

function titleLexicon(): LexiconEntry[] {
  const extra = TITLE_WORDS.split(/[|\n]/).flatMap((group) => {
    const [en, ...fr] = group.trim().split(/\s+/);
    return fr.map((f) => ({ en, fr: f }));
  });
  return [...BUILT_IN_LEXICON, ...extra];
}

/** A word as compared: accents and case folded, a plural's -s or -x taken off. */
const keyOf = (word: string) => {
  const folded = foldAccents(word.toLowerCase());
  return folded.length > 3 && /[sx]$/.test(folded) ? folded.slice(0, -1) : folded;
};

type Translations = Map<string, Set<string>>;

/** Word → its translations, both ways, by key. */
export function translationsOf(lexicon: readonly LexiconEntry[]): Translations {
  const map: Translations = new Map();
  const add = (a: string, b: string) => {
    if (!map.has(a)) map.set(a, new Set());
    map.get(a)!.add(b);
  };
  for (const { en, fr } of lexicon) {
    add(keyOf(en), keyOf(fr));
    add(keyOf(fr), keyOf(en));
  }
  return map;
}

const TITLE_TRANSLATIONS = translationsOf(titleLexicon());

interface TitleWord {
  word: string;
  key: string;
}

function titleWords(title: string): TitleWord[] {
  const words = title.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.filter((word) => word.length >= 2 && !FUNCTION_WORDS.has(foldAccents(word))).map((word) => ({ word, key: keyOf(word) }));
}

const commonPrefix = (a: string, b: string) => {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
};

/** The same word, a translation, or a cognate: a common start of five letters or more, three quarters of the shorter word. */
function sameWord(a: string, b: string, translations: Translations): boolean {
  if (a === b || translations.get(a)?.has(b)) return true;
  const prefix = commonPrefix(a, b);
  return prefix >= 5 && prefix >= 0.75 * Math.min(a.length, b.length);
}

function symbolsOf(document: PairingDocument): Set<string> {
  return new Set([...documentSymbols(document.title), ...(document.symbols ?? [])].map((s) => s.toUpperCase()));
}

function numbersOf(title: string): Set<string> {
  let rest = title;
  for (const symbol of documentSymbols(title)) rest = rest.replace(symbol, " ");
  return new Set((rest.match(/\d+/g) ?? []).map((n) => n.replace(/^0+(?=\d)/, "")));
}

/** What ties two documents, and how strongly. */
export function compareDocuments(chosen: PairingDocument, candidate: PairingDocument, translations: Translations = TITLE_TRANSLATIONS): RankedCandidate {
  const mine = titleWords(chosen.title);
  const theirs = titleWords(candidate.title);
  const used = new Set<number>();
  const words: Array<[string, string]> = [];
  for (const a of mine) {
    const k = theirs.findIndex((b, j) => !used.has(j) && sameWord(a.key, b.key, translations));
    if (k < 0) continue;
    used.add(k);
    words.push([a.word, theirs[k].word]);
  }
  const theirSymbols = symbolsOf(candidate);
  const symbols = [...symbolsOf(chosen)].filter((s) => theirSymbols.has(s));
  const theirNumbers = numbersOf(candidate.title);
  const numbers = [...numbersOf(chosen.title)].filter((n) => theirNumbers.has(n));
  const dice = mine.length + theirs.length > 0 ? (2 * words.length) / (mine.length + theirs.length) : 0;
  const lengthRatio =
    Math.max(chosen.segmentCount, candidate.segmentCount) > 0
      ? Math.min(chosen.segmentCount, candidate.segmentCount) / Math.max(chosen.segmentCount, candidate.segmentCount)
      : 0;
  const score = (symbols.length > 0 ? 3 : 0) + 2 * dice + Math.min(1, numbers.length * 0.5) + 0.5 * lengthRatio;
  const likely = symbols.length > 0 || dice >= 0.3 || (words.length > 0 && numbers.length > 0);
  return { id: candidate.id, score, likely, evidence: { words, symbols, numbers, segments: [chosen.segmentCount, candidate.segmentCount] } };
}

/** The candidates, most likely first (ties in the order given). */
export function rankCounterparts(chosen: PairingDocument, candidates: readonly PairingDocument[], translations?: Translations): RankedCandidate[] {
  return candidates
    .filter((candidate) => candidate.id !== chosen.id)
    .map((candidate, order) => ({ ...compareDocuments(chosen, candidate, translations), order }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ order: _order, ...ranked }) => ranked);
}

/** How far ahead of the next the best candidate must be to be proposed: a quarter of a point (half the length's weight). */
export const PROPOSAL_MARGIN = 0.25;

/** The one likely counterpart, with its reason; null when none is likely or two are about as likely. */
export function proposeCounterpart(chosen: PairingDocument, candidates: readonly PairingDocument[], translations?: Translations): Proposal | null {
  const [best, next] = rankCounterparts(chosen, candidates, translations);
  if (!best?.likely) return null;
  if (next && best.score - next.score < PROPOSAL_MARGIN) return null;
  return { id: best.id, evidence: best.evidence, reason: describeEvidence(best.evidence) };
}

const count = (n: number) => n.toLocaleString("en-US");

/** "Same document symbol A/AC.291/L.15; title words in common: canada, criminal ↔ criminelle; 496 and 488 segments." */
export function describeEvidence(evidence: Evidence): string {
  const parts: string[] = [];
  if (evidence.symbols.length > 0) parts.push(`same document symbol ${evidence.symbols.join(", ")}`);
  if (evidence.words.length > 0) {
    const words = evidence.words.map(([a, b]) => (a === b ? a : `${a} ↔ ${b}`));
    parts.push(`title words in common: ${words.join(", ")}`);
  }
  if (evidence.numbers.length > 0) parts.push(`the same number${evidence.numbers.length > 1 ? "s" : ""} ${evidence.numbers.join(", ")}`);
  const [mine, theirs] = evidence.segments;
  parts.push(`${count(mine)} and ${count(theirs)} segments`);
  const sentence = parts.join("; ");
  return `${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
}
