import type { TextLanguage } from "../languages";
import { detectTextLanguage, latinLeadOver } from "./detect-text-language";
import { CODE, languageOfScript } from "./script-language";
import { groupOf, mainGroup, scriptCounts, type ScriptCounts, type ScriptGroup } from "./scripts";

/**
 * The language of each segment of a document, so that later layers (the aligner, the terminology checks) can leave
 * out what is not in the document's language: seed 004, a French resolution, opens with its title block in Arabic
 * too ("المنامة، البحرين" under "MANAMA, BAHREÏN"). A segment in another script is in that script's language; a
 * segment in the document's own script is in the document's language unless it is long and franc is sure it is
 * another (an English quotation in a French report); a segment without letters (figures, document symbols, whose
 * letters do not count) goes with the document.
 */

export interface SegmentLanguage {
  /** null: another script whose language cannot be told from a line this short (a Latin code in a Chinese text). */
  language: TextLanguage | null;
  /** What decided: the document (same script), the segment's script, or franc on the segment's own words. */
  basis: "document" | "script" | "detected";
  /** Other languages whose script holds a fair share of the segment's letters: "11-15 MARS 2023 - ١١-١٥ مارس ٢٠٢٣". */
  alsoIn: TextLanguage[];
}

/** A segment in the document's script is re-detected only from this many letters on: shorter ones go with the document. */
export const MIN_LETTERS_TO_REDETECT = 80;
/** …and only when franc puts another language this far ahead of the document's (a share of the spread of its scores). */
export const MIN_LEAD_TO_REDETECT = 0.5;
/** A script holding at least this share of a segment's letters (and two letters) names a language in `alsoIn`. */
const MIN_SHARE_ALSO = 0.2;

/** The language a script group speaks in this segment, or null when the script does not tell it. */
function languageOfGroup(group: ScriptGroup, segment: string, counts: ScriptCounts, document: TextLanguage): TextLanguage | null {
  if (group === groupOf(document)) return document;
  if (group === "Latin") {
    const guess = detectTextLanguage(segment);
    return guess.status === "detected" ? guess.language : null;
  }
  return languageOfScript(group, segment, counts);
}

export function segmentLanguage(segment: string, document: TextLanguage): SegmentLanguage {
  const counts = scriptCounts(segment.replace(CODE, " "));
  const own = groupOf(document);
  const group = mainGroup(counts, own);
  if (group === null) return { language: document, basis: "document", alsoIn: [] };
  const alsoIn: TextLanguage[] = [];
  for (const [other, letters] of Object.entries(counts.byGroup) as Array<[ScriptGroup, number]>) {
    if (other === group || letters < 2 || letters < MIN_SHARE_ALSO * counts.letters) continue;
    const language = other === own ? document : languageOfGroup(other, segment, counts, document);
    if (language !== null && !alsoIn.includes(language)) alsoIn.push(language);
  }
  if (group !== own) return { language: languageOfGroup(group, segment, counts, document), basis: "script", alsoIn };
  if (own === "Latin" && counts.byGroup.Latin >= MIN_LETTERS_TO_REDETECT) {
    const { best, lead } = latinLeadOver(segment, document);
    if (best !== document && lead >= MIN_LEAD_TO_REDETECT) return { language: best, basis: "detected", alsoIn };
  }
  return { language: document, basis: "document", alsoIn };
}

/** Each segment's language, in order. */
export function segmentLanguages(segments: readonly string[], document: TextLanguage): SegmentLanguage[] {
  return segments.map((segment) => segmentLanguage(segment, document));
}
