import { droppedNote, xmlAttribute, xmlText, type XmlWriteStats } from "./xml";
import { childElements, parseXml, textContent, XmlError } from "./xml-read";

/**
 * TMX 1.4 (LISA), written piece by piece so that a large memory streams: `tmxChunks` yields the header,
 * then one string per unit, then the end. English, the source, comes first in every unit; a side with no
 * text (a 1-0 or 0-1 link) has no `tuv` at all, as CAT tools write an untranslated unit.
 */

export interface TmxHeader {
  creationTool: string;
  creationToolVersion: string;
  /** The source language, as the `tuv`s name it ("en"). */
  sourceLanguage: string;
  targetLanguage: string;
  created: Date;
  /** Free notes in the header (what was exported, with which options). */
  notes?: string[];
}

export interface TmxUnit {
  /** An empty side is left out of the unit. */
  source: string;
  target: string;
  /** Written as `<prop type="...">` before the `tuv`s, in this order. */
  props?: ReadonlyArray<readonly [string, string]>;
  /** Becomes `tuid`. */
  id?: string;
}

export function* tmxChunks(header: TmxHeader, units: Iterable<TmxUnit>, stats: XmlWriteStats = { dropped: 0 }): Generator<string> {
  const date = tmxDate(header.created);
  const droppedBefore = stats.dropped;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n';
  yield `  <header creationtool="${xmlAttribute(header.creationTool)}" creationtoolversion="${xmlAttribute(header.creationToolVersion)}" segtype="sentence" o-tmf="${xmlAttribute(header.creationTool)}" adminlang="en" srclang="${xmlAttribute(header.sourceLanguage)}" datatype="plaintext" creationdate="${date}">\n`;
  for (const note of header.notes ?? []) yield `    <note>${xmlText(note, stats)}</note>\n`;
  yield "  </header>\n  <body>\n";
  const source = xmlAttribute(header.sourceLanguage);
  const target = xmlAttribute(header.targetLanguage);
  for (const unit of units) {
    let tu = unit.id === undefined ? "    <tu>\n" : `    <tu tuid="${xmlAttribute(unit.id, stats)}">\n`;
    for (const [type, value] of unit.props ?? []) tu += `      <prop type="${xmlAttribute(type, stats)}">${xmlText(value, stats)}</prop>\n`;
    // The DTD wants at least one tuv: a unit with no text at all keeps an empty source.
    if (unit.source !== "" || unit.target === "") tu += `      <tuv xml:lang="${source}"><seg>${xmlText(unit.source, stats)}</seg></tuv>\n`;
    if (unit.target !== "") tu += `      <tuv xml:lang="${target}"><seg>${xmlText(unit.target, stats)}</seg></tuv>\n`;
    yield `${tu}    </tu>\n`;
  }
  yield "  </body>\n</tmx>\n";
  const note = droppedNote(stats.dropped - droppedBefore);
  if (note) yield note;
}

/** A date as TMX writes it: YYYYMMDDThhmmssZ, in UTC. */
function tmxDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

export interface TmxReadUnit {
  id?: string;
  props: Array<[string, string]>;
  /** Language → text, in document order; inline codes (bpt, ept, ph, it, ut) left out, `hi` text kept. */
  variants: Array<{ language: string; text: string }>;
}

export interface TmxRead {
  version: string;
  sourceLanguage: string;
  units: TmxReadUnit[];
}

/** Inline elements that hold native codes of the original format, not text. */
const CODES = new Set(["bpt", "ept", "ph", "it", "ut"]);

/**
 * Reads TMX 1.1 to 1.4 (the language as `xml:lang` or the older `lang`). Throws `XmlError` with a line for
 * malformed XML and for a `tuv` without a language, and ReadLimitError as soon as it meets unit `maxUnits` + 1.
 */
export function parseTmx(text: string, options: { maxUnits?: number } = {}): TmxRead {
  const root = parseXml(text, options.maxUnits === undefined ? {} : { maxCount: { names: ["tu"], max: options.maxUnits, what: "units" } });
  if (root.name !== "tmx") throw new XmlError(`this is not TMX: the document element is <${root.name}>, not <tmx>`, root.line);
  const header = childElements(root, "header")[0];
  const body = childElements(root, "body")[0];
  if (!body) throw new XmlError("the TMX has no <body>", root.line);
  const units: TmxReadUnit[] = [];
  for (const tu of childElements(body, "tu")) {
    const variants: TmxReadUnit["variants"] = [];
    for (const tuv of childElements(tu, "tuv")) {
      const language = tuv.attributes["xml:lang"] ?? tuv.attributes.lang;
      if (!language) throw new XmlError("a <tuv> has no xml:lang: its language is unknown", tuv.line);
      const seg = childElements(tuv, "seg")[0];
      variants.push({ language, text: seg ? textContent(seg, CODES) : "" });
    }
    units.push({ id: tu.attributes.tuid, props: childElements(tu, "prop").map((p) => [p.attributes.type ?? "", textContent(p)]), variants });
  }
  return { version: root.attributes.version ?? "", sourceLanguage: header?.attributes.srclang ?? "", units };
}
