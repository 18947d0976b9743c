import type { TermHit } from "./match";

/** One link's texts: the English and the French of all its segments (a 1-2 or 2-1 link is one unit). */
export interface Unit {
  /** The link's position in its pair, to point at the row. */
  link: number;
  en: string;
  fr: string;
}

/** The glossary terms found on each side of one unit. */
export interface UnitHits {
  link: number;
  en: TermHit[];
  fr: TermHit[];
}
