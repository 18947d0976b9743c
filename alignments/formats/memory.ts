import { linkType } from "../align/links";
import { languageOfTag, type Language } from "../languages";
import type { BitextUnit } from "./bitext";
import { parseTmx, type TmxRead } from "./tmx";
import type { CodeReport, InlineCodes } from "./tmx-codes";
import { withoutForbidden, type XmlWriteStats } from "./xml";

/**
 * An alignment as a translation memory and back. Going out, a link becomes one unit whose segments are
 * joined with a space; where a side held several segments, the prop `x-en-breaks` or `x-fr-breaks` gives
 * the offsets (in code points) where each following segment starts, so that Tandem can cut the unit back
 * into its segments. Coming in, each unit of a memory becomes one link: its English and French variants,
 * cut back when those props fit the text, else kept whole.
 */

export const BREAK_PROPS: Record<Language, string> = { en: "x-en-breaks", fr: "x-fr-breaks" };

const codePoints = (text: string) => {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
};

/** One side of a link as one text, and where its segments start after the first ("12 40"), or null for one segment. */
export function joinSegments(segments: readonly string[]): { text: string; breaks: string | null } {
  const text = segments.join(" ");
  if (segments.length < 2) return { text, breaks: null };
  const offsets: number[] = [];
  let at = 0;
  for (let k = 0; k < segments.length - 1; k++) {
    at += codePoints(segments[k]) + 1;
    offsets.push(at);
  }
  return { text, breaks: offsets.join(" ") };
}

/**
 * Cuts a joined text at its breaks; null when they do not fit it (not increasing, outside the text, not just
 * after the joining space, or leaving an empty segment): another tool changed the text, so it stays whole.
 */
export function splitJoined(text: string, breaks: string): string[] | null {
  if (!/^\d+( \d+)*$/.test(breaks.trim())) return null;
  const chars = Array.from(text);
  const offsets = breaks.trim().split(" ").map(Number);
  const pieces: string[] = [];
  let start = 0;
  for (const offset of offsets) {
    if (offset <= start + 1 || offset >= chars.length || chars[offset - 1] !== " ") return null;
    pieces.push(chars.slice(start, offset - 1).join(""));
    start = offset;
  }
  pieces.push(chars.slice(start).join(""));
  return pieces.some((piece) => piece === "") ? null : pieces;
}

export interface MemoryLink {
  en: string[];
  fr: string[];
  status: "automatic" | "confirmed";
  confidence: number;
  /** When and by whom the unit was made and last changed, as its `tu` said (only what it said). */
  stamps?: LinkStamps;
}

export interface LinkStamps {
  createdAt?: Date;
  createdBy?: string;
  changedAt?: Date;
  changedBy?: string;
}

/** A TMX date (YYYYMMDDThhmmssZ, UTC), or undefined when it is not one. */
export function parseTmxDate(value: string | undefined): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value?.trim() ?? "");
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60 ? date : undefined;
}

function stampsOf(attributes: Record<string, string>): LinkStamps | undefined {
  const stamps: LinkStamps = {};
  const createdAt = parseTmxDate(attributes.creationdate);
  const changedAt = parseTmxDate(attributes.changedate);
  if (createdAt) stamps.createdAt = createdAt;
  if (attributes.creationid?.trim()) stamps.createdBy = attributes.creationid.trim();
  if (changedAt) stamps.changedAt = changedAt;
  if (attributes.changeid?.trim()) stamps.changedBy = attributes.changeid.trim();
  return Object.keys(stamps).length > 0 ? stamps : undefined;
}

/**
 * A link as one unit of a memory, the one way every TMX and TSV Tandem writes builds it: each side's segments
 * joined with a space, its type, status and confidence, the document it comes from when named, and the breaks
 * that let `memoryFromTmx` cut it back.
 */
export function memoryUnit(
  link: Omit<MemoryLink, "stamps">,
  named: { document?: string; id?: string; attributes?: BitextUnit["attributes"]; codes?: BitextUnit["codes"] } = {},
): BitextUnit {
  const en = joinSegments(link.en);
  const fr = joinSegments(link.fr);
  const props: Array<[string, string]> = [
    ["x-link-type", linkType(link)],
    ["x-status", link.status],
    ["x-confidence", link.confidence.toFixed(3)],
  ];
  if (named.document !== undefined) props.push(["x-document", named.document]);
  if (en.breaks) props.push([BREAK_PROPS.en, en.breaks]);
  if (fr.breaks) props.push([BREAK_PROPS.fr, fr.breaks]);
  return { en: en.text, fr: fr.text, props, id: named.id, ...(named.attributes ? { attributes: named.attributes } : {}), ...(named.codes ? { codes: named.codes } : {}) };
}

export interface MemoryReport {
  /** TMX version as the file states it. */
  version: string;
  /** `tu` elements in the file. */
  units: number;
  /** Links made, by type ("1-1", "1-0", "2-1"...). */
  byType: Record<string, number>;
  confirmed: number;
  /** Joined units cut back into their segments (Tandem's own exports). */
  splitBack: number;
  /** Units whose break props did not fit their text: kept as one segment. */
  keptJoined: number;
  /** Units with neither English nor French text: left out. */
  withoutText: number;
  /** Variants in other languages, left out, by language tag. */
  otherLanguages: Record<string, number>;
  /** A second variant of the same language in a unit: the first is kept. */
  extraVariants: number;
  /** Characters XML forbids (raw control characters) found in the text: dropped. */
  droppedCharacters: number;
  /** Inline codes kept as codes, by element; those written as their text because the document had no character left for them. */
  codes: CodeReport;
  /** Units whose creation or change date and user were kept. */
  stamped: number;
}

/** Tandem's x-status, and the confirmation level some CAT tools write (Trados: ApprovedSignOff, ApprovedTranslation). */
function confirmedBy(props: ReadonlyArray<readonly [string, string]>): boolean {
  return props.some(([type, value]) => /^x-(status|confirmationlevel)$/i.test(type) && /^(confirmed|approved\w*)$/i.test(value.trim()));
}

function confidenceOf(props: ReadonlyArray<readonly [string, string]>): number {
  const value = props.find(([type]) => type.toLowerCase() === "x-confidence")?.[1];
  const number = value === undefined ? NaN : Number(value);
  // A unit from a translator's memory was paired by a person: full confidence unless the file says otherwise.
  return Number.isFinite(number) && number >= 0 && number <= 1 ? number : 1;
}

/**
 * Reads a TMX (1.1–1.4) as an alignment of English and French: one link per unit, in the file's order.
 * Throws XmlError (with a line) for malformed XML, entity declarations and variants without a language, and
 * ReadLimitError for a memory of more than `maxUnits` units.
 */
export function memoryFromTmx(
  text: string,
  options: { maxUnits?: number } = {},
): { links: MemoryLink[]; report: MemoryReport; codes: InlineCodes; title: string | null } {
  const read = parseTmx(text, options);
  const stats: XmlWriteStats = { dropped: 0 };
  const report: MemoryReport = {
    version: read.version,
    units: read.units.length,
    byType: {},
    confirmed: 0,
    splitBack: 0,
    keptJoined: 0,
    withoutText: 0,
    otherLanguages: {},
    extraVariants: 0,
    droppedCharacters: 0,
    codes: read.codeReport,
    stamped: 0,
  };
  const links: MemoryLink[] = [];
  for (const unit of read.units) {
    const sides: Partial<Record<Language, string>> = {};
    for (const variant of unit.variants) {
      const language = languageOfTag(variant.language);
      if (language === null) {
        report.otherLanguages[variant.language] = (report.otherLanguages[variant.language] ?? 0) + 1;
        continue;
      }
      const clean = withoutForbidden(variant.text, stats);
      if (clean.trim() === "") continue;
      if (sides[language] !== undefined) report.extraVariants++;
      else sides[language] = clean;
    }
    if (sides.en === undefined && sides.fr === undefined) {
      report.withoutText++;
      continue;
    }
    let cut = false;
    let kept = false;
    const segmentsOf = (language: Language): string[] => {
      const side = sides[language];
      if (side === undefined) return [];
      const breaks = unit.props.find(([type]) => type === BREAK_PROPS[language])?.[1];
      if (breaks === undefined) return [side];
      const pieces = splitJoined(side, breaks);
      if (pieces === null) {
        kept = true;
        return [side];
      }
      cut = true;
      return pieces;
    };
    const link: MemoryLink = {
      en: segmentsOf("en"),
      fr: segmentsOf("fr"),
      status: confirmedBy(unit.props) ? "confirmed" : "automatic",
      confidence: confidenceOf(unit.props),
    };
    const stamps = stampsOf(unit.attributes);
    if (stamps) {
      link.stamps = stamps;
      report.stamped++;
    }
    if (cut) report.splitBack++;
    if (kept) report.keptJoined++;
    if (link.status === "confirmed") report.confirmed++;
    const type = linkType(link);
    report.byType[type] = (report.byType[type] ?? 0) + 1;
    links.push(link);
  }
  report.droppedCharacters = stats.dropped;
  return { links, report, codes: read.codes, title: memoryTitle(read) };
}

/** Names of header props and attributes that tools give a memory's name in (Tandem writes x-title). */
const TITLE_NAMES = [/^x-?title$/i, /^title$/i, /^(x-?)?(tm-?)?name$/i, /^x-?(tm|memory)-?name$/i];

/**
 * The memory's own name, as its header gives it: a title-like prop (Tandem's x-title, a tool's name or tm-name),
 * else such an attribute of the header, else its first note when that is short enough to be a title; null when
 * the header names nothing (the file name is then the title).
 */
export function memoryTitle(read: Pick<TmxRead, "header">): string | null {
  const clean = (value: string) => value.replace(/\s+/g, " ").trim();
  for (const name of TITLE_NAMES) {
    const prop = read.header.props.find(([type, value]) => name.test(type) && clean(value) !== "");
    if (prop) return clean(prop[1]);
    const attribute = Object.entries(read.header.attributes).find(([key, value]) => name.test(key) && clean(value) !== "");
    if (attribute) return clean(attribute[1]);
  }
  // Tandem's own notes say what was exported, not what it is called (its title is in x-title).
  if (read.header.attributes.creationtool === "Tandem") return null;
  const note = read.header.notes.map(clean).find((value) => value !== "");
  return note !== undefined && note.length <= 120 ? note : null;
}
