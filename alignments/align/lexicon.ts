/**
 * Bilingual lexicons the aligner can use: a compact built-in list of frequent French–English
 * correspondences, a translator's hunalign dictionary (`.dic`: "french phrase @ english phrase" per line,
 * target first) and a glossary (CSV or TSV: english, french). Entries are word-level; a multi-word entry
 * links its words pairwise when both sides have as many words, and otherwise links every content word
 * of one side to every content word of the other.
 */

import { CsvError, csvSeparator, parseCsv } from "../formats/csv";
import { ReadLimitError } from "../formats/text-limit";

export interface LexiconEntry {
  en: string;
  fr: string;
}

/** Frequent grammatical and legal-institutional words; measured by `npm run bench:align` with and without it. */
const BUILT_IN = `
the le la les l|of de du des d|and et|to à au aux|in dans en|a un une|is est|that que qui|for pour|on sur|with avec
by par|not ne pas|be être|are sont|this ce cette ces cet|it il elle|he il|she elle|they ils elles|we nous|you vous|i je j
his son sa ses|her sa son ses|their leur leurs|our notre nos|your votre vos|my mon ma mes|was était fut|were étaient furent
have avoir ai as avons avez ont|has a|had avait avaient eut|will sera seront|shall doit doivent|may peut peuvent|must doit doivent
all tout tous toute toutes|no non aucun aucune|or ou|but mais|if si|when quand lorsque|where où|who qui|which qui lequel laquelle
as comme|than que|from de depuis|at à chez|without sans|between entre|under sous|after après|before avant|during pendant
against contre|about sur environ|into dans|out hors|up haut|there là y|here ici|then alors puis|also aussi également
very très|more plus|most plus|less moins|only seulement|so si ainsi|such tel telle tels telles|other autre autres|same même
one un une|two deux|three trois|four quatre|five cinq|six six|seven sept|eight huit|nine neuf|ten dix|first premier première
second deuxième second|new nouveau nouvelle nouveaux nouvelles|time temps fois|day jour|year an année ans années|man homme
woman femme|men hommes|women femmes|child enfant|children enfants|people peuple gens personnes|life vie|world monde|house maison
hand main|eye oeil|eyes yeux|head tête|heart coeur|night nuit|water eau|door porte|room chambre pièce|father père|mother mère
said dit|say dire dit|yes oui|little petit petite|good bon bonne|great grand grande|old vieux vieille|long long longue
well bien|now maintenant|never jamais|always toujours|nothing rien|something quelque|know sais savoir sait|see voir vu
come venir viens vient|go aller va|made fait|make faire|think pense penser|thought pensée pensa|take prendre prit|look regard regarder
law loi droit|laws lois|right droit|rights droits|human humains humaine homme|state état|states états|country pays|countries pays
court tribunal cour|request demande|requests demandes|assistance entraide assistance|mutual mutuelle entraide|legal juridique judiciaire
criminal pénale criminelle pénal|matters matière|matter matière|evidence preuve preuves|data données|information information renseignements
cooperation coopération|international internationale international|convention convention|treaty traité|resolution résolution
member membre|members membres|government gouvernement|governments gouvernements|minister ministre|person personne|persons personnes
section article|subsection paragraphe|paragraph alinéa paragraphe|act loi|bank banque|banks banques|shares actions|share action
`;

const FUNCTION_WORDS = new Set(
  "the of and to in a an is that for on with by not be are this it as at or from was were have has had will shall may his her their its le la les l de du des d et à au aux dans en un une est que qui pour sur avec par ne pas être sont ce cette ces il elle ils elles se sa son ses leur leurs y".split(
    " ",
  ),
);

/** A grammatical word ("the", "de", "l"): the lexicon's entries for it say little about a phrase's translation. */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase());
}

function parseBuiltIn(): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const group of BUILT_IN.split(/[|\n]/)) {
    const words = group.trim().split(/\s+/).filter(Boolean);
    if (words.length < 2) continue;
    const [en, ...fr] = words;
    for (const f of fr) entries.push({ en, fr: f });
  }
  return entries;
}

export const BUILT_IN_LEXICON: readonly LexiconEntry[] = parseBuiltIn();

/** Lowercases and splits a phrase into words (letters and digits; apostrophes and hyphens split). */
export function words(phrase: string): string[] {
  return phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A phrase pair's word pairs, made one at a time: a long phrase pairs every word with every other. */
export function* wordPairs(en: string, fr: string): Generator<LexiconEntry> {
  const e = words(en);
  const f = words(fr);
  if (e.length === 0 || f.length === 0) return;
  if (e.length === f.length) {
    for (let k = 0; k < e.length; k++) yield { en: e[k], fr: f[k] };
    return;
  }
  const content = (ws: string[]) => (ws.filter((w) => !FUNCTION_WORDS.has(w)).length > 0 ? ws.filter((w) => !FUNCTION_WORDS.has(w)) : ws);
  const fc = content(f);
  for (const we of content(e)) for (const wf of fc) yield { en: we, fr: wf };
}

/** Adds word pairs to `entries`, stopping with ReadLimitError before the one past `max`. */
function addPairs(entries: LexiconEntry[], pairs: Iterable<LexiconEntry>, max: number): void {
  for (const pair of pairs) {
    if (entries.length >= max) throw new ReadLimitError("word pairs", max);
    entries.push(pair);
  }
}

/**
 * hunalign's dictionary format: one "target @ source" entry per line; here French @ English. Throws
 * ReadLimitError as soon as the word pairs pass `maxPairs`.
 */
export function parseHunalignDictionary(text: string, maxPairs = Infinity): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(" @ ");
    if (at < 0) continue;
    addPairs(entries, wordPairs(line.slice(at + 3), line.slice(0, at)), maxPairs);
  }
  return entries;
}

/**
 * A glossary as CSV or TSV with English then French terms; a header row and quoted fields are accepted.
 * Throws CsvError, with the file's line, for a quote left open or followed by text; ReadLimitError as soon as
 * the word pairs pass `maxPairs`.
 */
export function parseGlossary(text: string, maxPairs = Infinity): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  // Line by line: glossaries pasted together from several tools mix tabs, commas and semicolons.
  const lines = text.split(/\r?\n/);
  for (const [k, line] of lines.entries()) {
    const [en, fr] = (cellsOfLine(line, k + 1)[0]?.cells ?? []).map((c) => c.trim());
    if (!en || !fr) continue;
    if (/^(en|english|anglais|source)$/i.test(en)) continue;
    addPairs(entries, wordPairs(en, fr), maxPairs);
  }
  return entries;
}

/** One line of a glossary as CSV cells; a CsvError names the line of the file, not of the line itself. */
function cellsOfLine(line: string, lineNumber: number) {
  try {
    return parseCsv(line, csvSeparator(line));
  } catch (error) {
    if (error instanceof CsvError) throw new CsvError(lineNumber, error.problem);
    throw error;
  }
}

/** What the aligner needs of a glossary entry: its terms and their languages. */
export interface TermsOfConcept {
  terms: ReadonlyArray<{ language: string; text: string }>;
}

/**
 * A glossary as the aligner's dictionary: each English term of an entry with each of its French terms, as word
 * pairs (as a dictionary's phrases are), each pair once. An entry with terms in one language gives nothing.
 * Throws ReadLimitError as soon as the word pairs pass `maxPairs`.
 */
export function lexiconOfConcepts(concepts: Iterable<TermsOfConcept>, maxPairs = Infinity): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  const seen = new Set<string>();
  const fresh = function* (pairs: Iterable<LexiconEntry>) {
    for (const pair of pairs) {
      const key = `${pair.en}\u0000${pair.fr}`;
      if (seen.has(key)) continue;
      seen.add(key);
      yield pair;
    }
  };
  for (const concept of concepts) {
    const en = concept.terms.filter((t) => t.language === "en");
    const fr = concept.terms.filter((t) => t.language === "fr");
    for (const e of en) for (const f of fr) addPairs(entries, fresh(wordPairs(e.text, f.text)), maxPairs);
  }
  return entries;
}
