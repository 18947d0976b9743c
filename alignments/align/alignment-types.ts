import type { BlockKind } from "../text/types";
import type { LexiconEntry } from "./lexicon";
import type { LinkSides } from "./links";

/** What the aligner takes and gives (re-exported by aligner.ts, which callers import). */

export interface AlignSegment {
  text: string;
  kind?: BlockKind;
  paragraph?: number;
}

export interface AlignedLink extends LinkSides {
  /** 0..1: the estimated probability that the link is right (see `confidenceOf`). */
  confidence: number;
  /** Why, when asked for with `explain`. */
  evidence?: LinkEvidence;
}

export interface LinkEvidence {
  /** Share of the lexical evidence the link could have that it has (0..1). */
  coverage: number;
  /** Gale–Church log-probability of the two sides' lengths (0 is a perfect match). */
  length: number;
  /** How far the link beat the best other way of reaching the same point of the alignment (log scale). */
  margin: number;
}

export interface AlignOptions {
  /**
   * The languages of the first and the second side (ISO 639-1 codes; default English, then French): they choose
   * how words are found (Chinese and Japanese have no spaces) and whether the built-in FR–EN lexicon applies.
   */
  languages?: readonly [string, string];
  /** Extra word pairs (a hunalign dictionary, a glossary). */
  lexicon?: readonly LexiconEntry[];
  /** The built-in FR–EN lexicon of frequent words (default true; used for an English–French pair only). */
  builtInLexicon?: boolean;
  /** For a pair of Latin and Cyrillic writing, find cognates through a transliteration (default true; false for benchmarks). */
  transliterate?: boolean;
  /** Learn word pairs from a first pass and realign (default true). */
  learn?: boolean;
  /** Links a person has fixed: the engine aligns only the stretches between them. */
  fixed?: readonly LinkSides[];
  /** Called with a fraction 0..1 of the work done. */
  onProgress?: (done: number) => void;
  /** Scoring weights, for tuning by the benchmark. */
  weights?: Partial<Weights>;
  /** Add each link's evidence (coverage, length, margin). */
  explain?: boolean;
  /**
   * After the monotone pass, link definitions whose order differs between the languages across that order
   * (crossing.ts): links may then cross and be non-contiguous. Off by default: the app stores links as ranges.
   */
  crossing?: boolean;
}

export interface Weights {
  lexical: number;
  /** p1: how often a word of a true translation finds a counterpart. */
  matchRate: number;
  length: number;
  /** Half-widths of the band: first pass (far from anchors), second pass (around the first pass's path). */
  band: number;
  refineBand: number;
  /**
   * Cost of joining a heading-like line (short, capitalised, no closing punctuation) with the line after it in one link.
   * 0 reads such lines as plain ones: no cost, and no repair putting them back with their counterparts (headings.ts).
   */
  heading: number;
}

export const DEFAULT_WEIGHTS: Weights = { lexical: 0.5, matchRate: 0.6, length: 1, band: 30, refineBand: 10, heading: 1.5 };

export interface Alignment {
  links: AlignedLink[];
  /** Share of links with any lexical support: low values mean unrelated documents. */
  support: number;
}
