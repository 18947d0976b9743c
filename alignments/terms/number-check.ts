import type { TextLanguage } from "../languages";
import { compareNumbersOf, numberMentionsOf } from "./numbers";
import { couldSay, legalReferencesOf, LEVEL_RANK, type LegalReference } from "./references/references";

/**
 * The numbers of a link compared as a reviewer reads them: figures one side lacks, less those that only number
 * a cross-reference to the text's own provisions which the other side leaves implicit or says in words. Canadian
 * co-drafted statutes do this constantly: "An order made under subsection (1)" is "L'ordonnance", "an arrangement
 * entered into under subsection (1) or (2)" is "l'entente visée au présent article", and nothing is missing.
 * - A subsection or a smaller unit may be left implicit (a definite article names it: most of the MLA Act's links
 *   whose figures differ, decision 25); a section or a larger unit must be said in words ("this section", "le
 *   présent article", "la présente partie", up to two levels above it: "this Act" does not say "section 12").
 * - Never when the other side names other provisions at the same level ("subsection (2)" against "paragraphe (3)"),
 *   nor for another act's provisions or a citation's chapter: both versions always cite them.
 */
export interface NumberCheck {
  /** Numbers the French states and the English does not, implicit references left out. */
  onlyFrench: string[];
  onlyEnglish: string[];
  /** Numbers one side states only in references to its own provisions that the other side leaves implicit. */
  implicit: string[];
  /**
   * Of the numbers left, those that one side states only inside references to its own provisions (not an amount,
   * a date or a period, nor another act's provision, which both versions always cite).
   */
  inReferences: string[];
}

/** The largest unit a definite article may stand for: a subsection ("the order" for "an order made under subsection (1)"). */
const IMPLICIT_UP_TO = LEVEL_RANK.subsection;

interface Side {
  language: TextLanguage;
  text: string;
  refs: LegalReference[];
  leftover: string[];
}

/** The references to the text's own provisions that hold every mention of `number`; null when one mention stands outside them. */
function ownReferencesHolding(side: Side, number: string): LegalReference[] | null {
  const holders: LegalReference[] = [];
  for (const m of numberMentionsOf(side.text, side.language)) {
    if (m.value !== number) continue;
    const holder = side.refs.find((r) => r.labelled && !r.elsewhere && r.start <= m.start && m.end <= r.end);
    if (holder === undefined) return null;
    holders.push(holder);
  }
  return holders.length > 0 ? holders : null;
}

export function checkNumbers(english: string, french: string): NumberCheck {
  const { onlyFirst, onlySecond, implicit, inReferences } = checkNumbersOf({ text: french, language: "fr" }, { text: english, language: "en" });
  return { onlyFrench: onlyFirst, onlyEnglish: onlySecond, implicit, inReferences };
}

/** The number check for any two versions: what each states that the other does not, implicit references left out. */
export function checkNumbersOf(
  first: { text: string; language: TextLanguage },
  second: { text: string; language: TextLanguage },
): { onlyFirst: string[]; onlySecond: string[]; implicit: string[]; inReferences: string[] } {
  const { onlyFirst, onlySecond } = compareNumbersOf(first, second);
  const result = { onlyFirst: [] as string[], onlySecond: [] as string[], implicit: [] as string[], inReferences: [] as string[] };
  if (onlyFirst.length === 0 && onlySecond.length === 0) return result;
  const a: Side = { ...first, refs: legalReferencesOf(first.text, first.language), leftover: onlyFirst };
  const b: Side = { ...second, refs: legalReferencesOf(second.text, second.language), leftover: onlySecond };
  // The levels at which each side names provisions the other does not: a reference there is another reference, not an implicit one.
  const differingLevels = (side: Side) => {
    const levels = new Set<string>();
    for (const number of side.leftover) for (const holder of ownReferencesHolding(side, number) ?? []) levels.add(holder.level);
    return levels;
  };
  const sort = (own: Side, other: Side, kept: string[]) => {
    const otherLevels = differingLevels(other);
    const pointers = other.refs.filter((r) => !r.labelled);
    const unsaid = (h: LegalReference) => !otherLevels.has(h.level) && (LEVEL_RANK[h.level] <= IMPLICIT_UP_TO || pointers.some((p) => couldSay(p, h)));
    for (const number of own.leftover) {
      const holders = ownReferencesHolding(own, number);
      if (holders === null) kept.push(number);
      else if (holders.every(unsaid)) result.implicit.push(number);
      else (kept.push(number), result.inReferences.push(number));
    }
  };
  sort(a, b, result.onlyFirst);
  sort(b, a, result.onlySecond);
  return result;
}
