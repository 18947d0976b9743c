import type { TextLanguage } from "../../languages";
import { asciiDigits } from "../number-formats";
import { ARABIC_REFERENCES } from "./ar";
import { GERMAN_REFERENCES } from "./de";
import { ENGLISH_REFERENCES } from "./en";
import { SPANISH_REFERENCES } from "./es";
import { FRENCH_REFERENCES } from "./fr";
import { ITALIAN_REFERENCES } from "./it";
import { DUTCH_REFERENCES } from "./nl";
import { PORTUGUESE_REFERENCES } from "./pt";
import { RUSSIAN_REFERENCES } from "./ru";
import { CHINESE_REFERENCES } from "./zh";
import { LEVEL_RANK, type ReferenceLevel, type ReferenceRules } from "./rules";

export type { ReferenceLevel } from "./rules";
export { LEVEL_RANK } from "./rules";

/**
 * A legal cross-reference in a text: a unit named with its labels ("subsection 2(1)", "alinéas a) à c)"), or
 * pointed at without them ("this Act", "le présent article", "that subsection").
 */
export interface LegalReference {
  level: ReferenceLevel;
  start: number;
  end: number;
  /** Labelled ("section 5"), or pointed at ("this section"). */
  labelled: boolean;
  /** Another text's unit: "subsection 248(1) of the Income Tax Act", "that Act", a citation's chapter. */
  elsewhere: boolean;
}

/**
 * The labels the languages share: a number with its dotted parts and bracketed sub-labels ("462.41(3)(a)",
 * "12.1", "2(1)"), bracketed labels alone ("(1)", "(a.2)", "(iv)"), and French letter labels ("a)", "308(1)a)").
 */
const BRACKETED = String.raw`\([\p{L}\d]{1,5}(?:\.\p{Cf}*\d+)?\)`;
const LETTER = String.raw`[a-z]{1,2}(?:\.\d+)?\)`;
/** A label that cannot be a figure of the sentence: "(2)", "b)". Only these follow a bare comma in a list. */
const SUB_LABEL = `(?:${BRACKETED}|${LETTER})(?:${BRACKETED})*`;
const LABEL = String.raw`(?:\d+(?:\.\p{Cf}*\d+)*(?:${BRACKETED})*(?:${LETTER})?(?:${BRACKETED})*|${SUB_LABEL})`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/ /g, "\\s+");
const alternatives = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join("|");

interface Compiled {
  rules: ReferenceRules;
  labelled: RegExp;
  pointed: RegExp;
}

function compile(rules: ReferenceRules): Compiled {
  const units = alternatives(Object.keys(rules.units));
  if (rules.numberedBetween) {
    // "第五条第二款", "第5条", "本条": no spaces, so no word boundaries either.
    return {
      rules,
      labelled: new RegExp(`第\\s*(?<label>[\\d〇零一二两兩三四五六七八九十百千]+)\\s*(?<unit>${units})`, "gu"),
      pointed: new RegExp(`(?<deictic>${alternatives(rules.deictics)})(?<unit>${units})`, "gu"),
    };
  }
  // "subsections (1), (2) and (3)", "sections 4 and 5"; a bare comma joins only labels that are not figures, so that
  // "under subsection (1), 30 days after" keeps its period outside the reference.
  const next = `(?:\\s*,?\\s*(?:${alternatives(rules.joiners)})\\s*${LABEL}|\\s*,\\s*${SUB_LABEL})`;
  // A unit's name never ends inside a word: "s." in "ss." or "articles" is not "s.".
  const unit = `(?<![\\p{L}\\p{N}])(?<unit>${units})(?![\\p{L}\\p{N}])`;
  return {
    rules,
    labelled: new RegExp(`${unit}\\s*(?<label>${LABEL}${next}*)(?![\\p{L}\\p{N}])`, "giu"),
    pointed: new RegExp(`(?<![\\p{L}\\p{N}])(?<deictic>${alternatives(rules.deictics)})\\s+${unit}(?!\\s*\\(?\\d)`, "giu"),
  };
}

const COMPILED: Record<TextLanguage, Compiled> = {
  en: compile(ENGLISH_REFERENCES),
  fr: compile(FRENCH_REFERENCES),
  es: compile(SPANISH_REFERENCES),
  de: compile(GERMAN_REFERENCES),
  it: compile(ITALIAN_REFERENCES),
  pt: compile(PORTUGUESE_REFERENCES),
  nl: compile(DUTCH_REFERENCES),
  ru: compile(RUSSIAN_REFERENCES),
  ar: compile(ARABIC_REFERENCES),
  "zh-Hans": compile(CHINESE_REFERENCES),
  "zh-Hant": compile(CHINESE_REFERENCES),
  ja: compile(CHINESE_REFERENCES),
};

/** The legal cross-references of a text, in order of their start; digits of any script read as digits. */
export function legalReferencesOf(written: string, language: TextLanguage): LegalReference[] {
  const { rules, labelled, pointed } = COMPILED[language];
  const text = asciiDigits(written);
  const isElsewhere = (start: number, end: number) =>
    rules.numberedBetween ? rules.numberedBetween.elsewhereBefore.test(text.slice(Math.max(0, start - 20), start)) : rules.elsewhere.test(text.slice(end, end + 60));
  const found: LegalReference[] = [];
  for (const match of text.matchAll(labelled)) {
    const level = rules.units[match.groups!.unit.toLowerCase()];
    const start = match.index;
    const end = start + match[0].length;
    const elsewhere = level === "chapter" || isElsewhere(start, end);
    found.push({ level, start, end, labelled: true, elsewhere });
  }
  for (const match of text.matchAll(pointed)) {
    const start = match.index;
    const end = start + match[0].length;
    if (found.some((r) => r.start < end && start < r.end)) continue;
    const words = match[0].toLowerCase().replace(/\s+/g, " ");
    found.push({ level: rules.units[match.groups!.unit.toLowerCase()], start, end, labelled: false, elsewhere: rules.outward.includes(words) });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Whether a labelled reference could be said, in the other language, by `pointer`, a unit pointed at without
 * its labels: "subsection (1) or (2)" by "le présent article" (the section they are in), "paragraphe (2)" by
 * "that subsection". The pointer's unit is the reference's or one to two levels above it ("the present Act"
 * does not stand for "section 5"); neither may be another text's.
 */
export function couldSay(pointer: LegalReference, reference: LegalReference): boolean {
  if (pointer.labelled || !reference.labelled || pointer.elsewhere || reference.elsewhere) return false;
  const above = LEVEL_RANK[pointer.level] - LEVEL_RANK[reference.level];
  return above >= 0 && above <= 2;
}
