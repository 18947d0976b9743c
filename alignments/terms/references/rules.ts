/**
 * What a language's rules for legal cross-references say (references.ts reads them): the names of a statute's
 * units and the words that point at a unit without numbering it. Each language's rules are a small module
 * (en.ts, fr.ts) over the grammar of labels the languages share (references.ts).
 */

/**
 * A statute's units, from the whole act down, as Canadian federal drafting names them in English (the French
 * names differ: a "section" is an "article", a "subsection" a "paragraphe", a "paragraph" an "alinéa"). A treaty's
 * "Article" is a section here. `chapter` is a citation's ("1999, c. 18, s. 97"): always another text.
 */
export type ReferenceLevel =
  | "chapter"
  | "act"
  | "part"
  | "division"
  | "subdivision"
  | "section"
  | "subsection"
  | "paragraph"
  | "subparagraph"
  | "clause"
  | "subclause"
  | "schedule"
  | "form"
  | "item";

/** How far up the hierarchy a unit is: a unit contains those of lower rank. */
export const LEVEL_RANK: Record<ReferenceLevel, number> = {
  chapter: 8,
  act: 7,
  part: 6,
  schedule: 6,
  division: 5,
  subdivision: 4,
  section: 3,
  subsection: 2,
  paragraph: 1,
  subparagraph: 0,
  form: 0,
  item: 0,
  clause: -1,
  subclause: -2,
};

export interface ReferenceRules {
  /** Unit names (lower case, singular and plural, abbreviations with their point) and the level each names. */
  units: Record<string, ReferenceLevel>;
  /**
   * Words before a unit's name that point at the unit the text is in, or at one just named ("this section",
   * "that subsection", "le présent article", "ce paragraphe"), lower case, longest first.
   */
  deictics: readonly string[];
  /** Deictic words that point at another text ("that Act", "cette loi"): its unit is not this one's. */
  outward: readonly string[];
  /** Words joining labels in a list ("subsections (1) and (2)", "alinéas a) à c)"); a comma may come before them. */
  joiners: readonly string[];
  /** What, right after a reference, makes it another text's: "of the Criminal Code", "de la Loi sur …". */
  elsewhere: RegExp;
  /**
   * Chinese and Japanese: the number comes between 第 and the unit's name ("第五条", "第5条第2款"), a deictic stands
   * against its unit with no space ("本条", "该款"), and the other text's name comes before ("《刑法》第五条"): what,
   * right before a reference, makes it another text's.
   */
  numberedBetween?: { elsewhereBefore: RegExp };
}

/** Unit names with the case endings or prefixes a language writes them with, all naming one level. */
export const forms = (level: ReferenceLevel, names: readonly string[]): Record<string, ReferenceLevel> =>
  Object.fromEntries(names.map((name) => [name, level]));
