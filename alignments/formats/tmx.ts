import { codesIn } from "../text/inline-codes";
import { renumberedCodes } from "./tmx-code-numbers";
import { CODE_ELEMENTS, CodeTable, segmentMarkup, segmentText, type CodeReport, type InlineCodes } from "./tmx-codes";
import { droppedNote, xmlAttribute, xmlText, type XmlWriteStats } from "./xml";
import { childElements, parseXml, textContent, XmlError, type XmlElement } from "./xml-read";

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
  /** Props of the header (`x-title`: the memory's name), after the notes. */
  props?: ReadonlyArray<readonly [string, string]>;
}

export interface TmxUnit {
  /** An empty side is left out of the unit. */
  source: string;
  target: string;
  /** Written as `<prop type="...">` before the `tuv`s, in this order. */
  props?: ReadonlyArray<readonly [string, string]>;
  /** Becomes `tuid`. */
  id?: string;
  /** Attributes of the `tu` after its `tuid` (creationdate, creationid, changedate, changeid), in this order. */
  attributes?: ReadonlyArray<readonly [string, string]>;
  /** What the code characters of each side stand for: written back as that markup. */
  codes?: { source?: InlineCodes; target?: InlineCodes };
}

export function* tmxChunks(header: TmxHeader, units: Iterable<TmxUnit>, stats: XmlWriteStats = { dropped: 0 }): Generator<string> {
  const date = tmxDate(header.created);
  const droppedBefore = stats.dropped;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n';
  yield `  <header creationtool="${xmlAttribute(header.creationTool)}" creationtoolversion="${xmlAttribute(header.creationToolVersion)}" segtype="sentence" o-tmf="${xmlAttribute(header.creationTool)}" adminlang="en" srclang="${xmlAttribute(header.sourceLanguage)}" datatype="plaintext" creationdate="${date}">\n`;
  for (const note of header.notes ?? []) yield `    <note>${xmlText(note, stats)}</note>\n`;
  for (const [type, value] of header.props ?? []) yield `    <prop type="${xmlAttribute(type, stats)}">${xmlText(value, stats)}</prop>\n`;
  yield "  </header>\n  <body>\n";
  const source = xmlAttribute(header.sourceLanguage);
  const target = xmlAttribute(header.targetLanguage);
  for (const unit of units) {
    let tu = unit.id === undefined ? "    <tu" : `    <tu tuid="${xmlAttribute(unit.id, stats)}"`;
    for (const [name, value] of unit.attributes ?? []) tu += ` ${name}="${xmlAttribute(value, stats)}"`;
    tu += ">\n";
    for (const [type, value] of unit.props ?? []) tu += `      <prop type="${xmlAttribute(type, stats)}">${xmlText(value, stats)}</prop>\n`;
    // Two merged segments may repeat a code's number: given again so that each pair and correspondence stays matched.
    const numbered = renumberedCodes(unit.source, unit.target, unit.codes);
    // The DTD wants at least one tuv: a unit with no text at all keeps an empty source.
    if (unit.source !== "" || unit.target === "") tu += `      <tuv xml:lang="${source}"><seg>${segmentMarkup(unit.source, unit.codes?.source, stats, numbered?.source)}</seg></tuv>\n`;
    if (unit.target !== "") tu += `      <tuv xml:lang="${target}"><seg>${segmentMarkup(unit.target, unit.codes?.target, stats, numbered?.target)}</seg></tuv>\n`;
    yield `${tu}    </tu>\n`;
  }
  yield "  </body>\n</tmx>\n";
  const note = droppedNote(stats.dropped - droppedBefore);
  if (note) yield note;
}

/** A date as TMX writes it: YYYYMMDDThhmmssZ, in UTC. */
export function tmxDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

export interface TmxReadUnit {
  id?: string;
  props: Array<[string, string]>;
  /** The `tu`'s attributes but `tuid`, as written (creationdate, creationid, changedate, changeid…). */
  attributes: Record<string, string>;
  /** Language → text, in document order; each inline code is a code character of `TmxRead.codes`. */
  variants: Array<{ language: string; text: string }>;
}

export interface TmxRead {
  version: string;
  sourceLanguage: string;
  /** The header's attributes, notes and props (in order), where tools name the memory. */
  header: { attributes: Record<string, string>; notes: string[]; props: Array<[string, string]> };
  units: TmxReadUnit[];
  /** What each code character in the variants stands for: its markup, as the file wrote it. */
  codes: InlineCodes;
  codeReport: CodeReport;
}

/**
 * Reads TMX 1.1 to 1.4 (the language as `xml:lang` or the older `lang`). Throws `XmlError` with a line for
 * malformed XML and for a `tuv` without a language, and ReadLimitError as soon as it meets unit `maxUnits` + 1.
 */
export function parseTmx(text: string, options: { maxUnits?: number } = {}): TmxRead {
  const root = parseXml(text, {
    keepSource: CODE_ELEMENTS,
    ...(options.maxUnits === undefined ? {} : { maxCount: { names: ["tu"], max: options.maxUnits, what: "units" as const } }),
  });
  if (root.name !== "tmx") throw new XmlError(`this is not TMX: the document element is <${root.name}>, not <tmx>`, root.line);
  const header = childElements(root, "header")[0];
  const body = childElements(root, "body")[0];
  if (!body) throw new XmlError("the TMX has no <body>", root.line);
  // A code character the file's own text already uses keeps its meaning there: codes take others.
  const table = new CodeTable(new Set(codesIn(text)));
  const units: TmxReadUnit[] = [];
  for (const tu of childElements(body, "tu")) {
    const variants: TmxReadUnit["variants"] = [];
    for (const tuv of childElements(tu, "tuv")) {
      const language = tuv.attributes["xml:lang"] ?? tuv.attributes.lang;
      if (!language) throw new XmlError("a <tuv> has no xml:lang: its language is unknown", tuv.line);
      const seg = childElements(tuv, "seg")[0];
      variants.push({ language, text: seg ? segmentText(seg, text, table) : "" });
    }
    const { tuid, ...attributes } = tu.attributes;
    units.push({ id: tuid, attributes, props: propsOf(tu), variants });
  }
  return {
    version: root.attributes.version ?? "",
    sourceLanguage: header?.attributes.srclang ?? "",
    header: { attributes: header?.attributes ?? {}, notes: header ? childElements(header, "note").map((n) => textContent(n)) : [], props: header ? propsOf(header) : [] },
    units,
    codes: table.codes,
    codeReport: table.report,
  };
}

const propsOf = (element: XmlElement): Array<[string, string]> => childElements(element, "prop").map((p) => [p.attributes.type ?? "", textContent(p)]);
