/**
 * The text of a Word document (.docx), from the XML parts the server took out of its ZIP, in the form the
 * text pipeline reads: "# " before a heading (a Title or Heading style, or an outline level, even through
 * a derived style), "- " before a list item (with its number as Word shows it: "- (a) ...", "- 3. ..."),
 * a blank line between paragraphs, table cells as paragraphs, footnotes and endnotes numbered in the order
 * of their calls and written after the body ("1 Note text"), so that layout.ts links them to their calls.
 * Deleted revisions, field codes and hidden text are left out; text boxes and drawings are not read.
 * Which parts to read is decided here too (docxPartsOf, at the end), through the package's relationships read
 * with the core's XML reader; the ZIP itself is opened by the server (app/imports/zip.server.ts).
 */
import { romanNumeral, wordLetters } from "./list-labels";
import { TextBudget } from "./text-limit";
import { childElements, parseXml, textContent, XmlError, type XmlElement, type XmlReadOptions } from "./xml-read";

export interface DocxParts {
  /** word/document.xml */
  document: string;
  styles?: string | null;
  numbering?: string | null;
  footnotes?: string | null;
  endnotes?: string | null;
  /** docProps/core.xml, for the title. */
  core?: string | null;
}

export interface DocxText {
  text: string;
  title: string | null;
  paragraphs: number;
  notes: number;
}

export class DocxError extends Error {}

interface StyleInfo {
  name: string;
  basedOn: string | null;
  outlineLevel: number | null;
  numbering: { numId: string; level: number } | null;
}

interface LevelFormat {
  format: string;
  text: string;
  start: number;
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);
const find = (element: XmlElement | undefined, name: string) =>
  element ? childElements(element).find((c) => local(c.name) === name) : undefined;
const value = (element: XmlElement | undefined) => element?.attributes["w:val"];
const isOn = (element: XmlElement | undefined) => element !== undefined && !["0", "false", "off"].includes(value(element) ?? "true");

function parsePart(xml: string, part: string, options?: XmlReadOptions): XmlElement {
  try {
    return parseXml(xml, options);
  } catch (error) {
    if (error instanceof XmlError) throw new DocxError(`The document's ${part} is not well-formed XML: ${error.message}.`);
    throw error;
  }
}

function numberingOf(pPr: XmlElement | undefined): { numId: string; level: number } | null {
  const numPr = find(pPr, "numPr");
  if (!numPr) return null;
  const numId = value(find(numPr, "numId"));
  if (numId === undefined) return null;
  return { numId, level: Number(value(find(numPr, "ilvl")) ?? 0) || 0 };
}

function readStyles(xml: string | null | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  for (const style of childElements(parsePart(xml, "styles"))) {
    if (local(style.name) !== "style" || style.attributes["w:type"] !== "paragraph") continue;
    const id = style.attributes["w:styleId"];
    if (!id) continue;
    const pPr = find(style, "pPr");
    const outline = value(find(pPr, "outlineLvl"));
    styles.set(id, {
      name: value(find(style, "name")) ?? id,
      basedOn: value(find(style, "basedOn")) ?? null,
      outlineLevel: outline === undefined ? null : Number(outline),
      numbering: numberingOf(pPr),
    });
  }
  return styles;
}

function readNumbering(xml: string | null | undefined): Map<string, LevelFormat[]> {
  const lists = new Map<string, LevelFormat[]>();
  if (!xml) return lists;
  const root = parsePart(xml, "numbering");
  const abstract = new Map<string, LevelFormat[]>();
  for (const element of childElements(root)) {
    if (local(element.name) !== "abstractNum") continue;
    const levels: LevelFormat[] = [];
    for (const lvl of childElements(element)) {
      if (local(lvl.name) !== "lvl") continue;
      levels[Number(lvl.attributes["w:ilvl"] ?? 0)] = {
        format: value(find(lvl, "numFmt")) ?? "decimal",
        text: value(find(lvl, "lvlText")) ?? "",
        start: Number(value(find(lvl, "start")) ?? 1),
      };
    }
    abstract.set(element.attributes["w:abstractNumId"] ?? "", levels);
  }
  for (const element of childElements(root)) {
    if (local(element.name) !== "num") continue;
    const levels = [...(abstract.get(value(find(element, "abstractNumId")) ?? "") ?? [])];
    for (const override of childElements(element)) {
      if (local(override.name) !== "lvlOverride") continue;
      const k = Number(override.attributes["w:ilvl"] ?? 0);
      const start = value(find(override, "startOverride"));
      if (start !== undefined && levels[k]) levels[k] = { ...levels[k], start: Number(start) };
      const lvl = find(override, "lvl");
      if (lvl) {
        levels[k] = {
          format: value(find(lvl, "numFmt")) ?? levels[k]?.format ?? "decimal",
          text: value(find(lvl, "lvlText")) ?? levels[k]?.text ?? "",
          start: Number(value(find(lvl, "start")) ?? levels[k]?.start ?? 1),
        };
      }
    }
    lists.set(element.attributes["w:numId"] ?? "", levels);
  }
  return lists;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "lowerLetter":
      return wordLetters(n);
    case "upperLetter":
      return wordLetters(n).toUpperCase();
    case "lowerRoman":
      return romanNumeral(n);
    case "upperRoman":
      return romanNumeral(n).toUpperCase();
    case "decimalZero":
      return String(n).padStart(2, "0");
    default:
      return String(n);
  }
}

const SKIPPED = new Set(["del", "moveFrom", "delText", "instrText", "delInstrText", "drawing", "pict", "AlternateContent", "object", "commentReference", "footnoteRef", "endnoteRef", "rPr", "pPr", "sectPr", "fldData"]);

export interface DocxReadOptions {
  /**
   * Stop with ReadLimitError as soon as the text passes this many characters. The body is read one paragraph
   * or table at a time as the XML is parsed, so a huge word/document.xml costs no more than the limit.
   */
  maxChars?: number;
}

/** Reads a Word document's parts into the pipeline's text. */
export function textFromDocx(parts: DocxParts, options: DocxReadOptions = {}): DocxText {
  const budget = new TextBudget(options.maxChars);
  const styles = readStyles(parts.styles);
  const lists = readNumbering(parts.numbering);
  const noteTexts = new Map<string, XmlElement>();
  for (const [xml, kind] of [[parts.footnotes, "footnote"], [parts.endnotes, "endnote"]] as const) {
    if (!xml) continue;
    for (const note of childElements(parsePart(xml, `${kind}s`))) {
      if (local(note.name) === kind && !note.attributes["w:type"]) noteTexts.set(`${kind}:${note.attributes["w:id"]}`, note);
    }
  }

  const styleChain = (id: string | undefined): StyleInfo[] => {
    const chain: StyleInfo[] = [];
    const seen = new Set<string>();
    let current = id ?? "Normal";
    while (current && !seen.has(current) && styles.has(current)) {
      seen.add(current);
      const style = styles.get(current)!;
      chain.push(style);
      current = style.basedOn ?? "";
    }
    return chain;
  };
  const headingLevel = (pPr: XmlElement | undefined, chain: StyleInfo[]): number | null => {
    const own = value(find(pPr, "outlineLvl"));
    if (own !== undefined) return Number(own) < 9 ? Number(own) + 1 : null;
    for (const style of chain) {
      if (/^title$/i.test(style.name)) return 1;
      const named = /^heading\s*(\d)$/i.exec(style.name);
      if (named) return Number(named[1]);
      if (style.outlineLevel !== null) return style.outlineLevel < 9 ? style.outlineLevel + 1 : null;
    }
    return null;
  };

  const counters = new Map<string, number[]>();
  const listMarker = (numbering: { numId: string; level: number }): string | null => {
    if (numbering.numId === "0") return null;
    const levels = lists.get(numbering.numId);
    const level = levels?.[numbering.level];
    if (!level || level.format === "bullet") return "";
    if (level.format === "none") return null;
    const counts = counters.get(numbering.numId) ?? [];
    counts[numbering.level] = (counts[numbering.level] ?? level.start - 1) + 1;
    counts.length = numbering.level + 1; // deeper levels start again
    counters.set(numbering.numId, counts);
    return level.text.replace(/%(\d)/g, (_all, k: string) => {
      const index = Number(k) - 1;
      return formatNumber(counts[index] ?? levels![index]?.start ?? 1, levels![index]?.format ?? "decimal");
    });
  };

  const noteOrder: XmlElement[] = [];
  const inline = (element: XmlElement, notesAllowed: boolean): string => {
    let out = "";
    for (const child of element.children) {
      if (typeof child === "string") continue;
      const name = local(child.name);
      if (SKIPPED.has(name)) continue;
      if (name === "r" && isOn(find(find(child, "rPr"), "vanish"))) continue;
      if (name === "t") out += textContent(child);
      else if (name === "tab" || name === "ptab") out += " ";
      else if (name === "br" || name === "cr") out += child.attributes["w:type"] === "page" ? " " : "\n";
      else if (name === "noBreakHyphen") out += "-";
      else if (name === "softHyphen") continue;
      else if (name === "footnoteReference" || name === "endnoteReference") {
        const note = noteTexts.get(`${name.replace("Reference", "")}:${child.attributes["w:id"]}`);
        if (note && notesAllowed) {
          noteOrder.push(note);
          out += String(noteOrder.length);
        }
      } else out += inline(child, notesAllowed);
    }
    return out;
  };

  const blocks: Array<{ text: string; item: boolean }> = [];
  const addBlock = (block: { text: string; item: boolean }) => {
    budget.add(block.text.length);
    blocks.push(block);
  };
  let title: string | null = null;
  const paragraph = (p: XmlElement, inTable: boolean) => {
    const pPr = find(p, "pPr");
    const chain = styleChain(value(find(pPr, "pStyle")));
    const text = inline(p, true)
      .replace(/[ \t]+/g, " ")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .join("\n");
    if (!text) return;
    const level = inTable ? null : headingLevel(pPr, chain);
    if (level !== null) {
      const heading = text.replace(/\n/g, " ");
      title ??= heading;
      addBlock({ text: `${"#".repeat(Math.min(6, level))} ${heading}`, item: false });
      return;
    }
    const numbering = numberingOf(pPr) ?? chain.find((s) => s.numbering)?.numbering ?? null;
    const marker = numbering ? listMarker(numbering) : null;
    if (marker === null) addBlock({ text, item: false });
    else addBlock({ text: `- ${marker ? `${marker} ` : ""}${text.replace(/\n/g, " ")}`, item: true });
  };
  const block = (child: XmlElement, inTable: boolean) => {
    const name = local(child.name);
    if (name === "p") paragraph(child, inTable);
    else if (name === "tbl") {
      for (const row of childElements(child)) {
        if (local(row.name) !== "tr") continue;
        for (const cell of childElements(row)) if (local(cell.name) === "tc") container(cell, true);
      }
    } else if (name === "sdt") {
      const content = find(child, "sdtContent");
      if (content) container(content, inTable);
    } else if (name === "customXml" || name === "ins" || name === "moveTo") container(child, inTable);
  };
  const container = (element: XmlElement, inTable: boolean) => {
    for (const child of childElements(element)) block(child, inTable);
  };
  // The body's blocks (document > body > block) are read as they are parsed, then dropped.
  const root = parsePart(parts.document, "main part (word/document.xml)", {
    stream: { depth: 3, onElement: (element, parent) => (local(parent.name) === "body" ? block(element, false) : undefined) },
  });
  if (local(root.name) !== "document" || !find(root, "body")) throw new DocxError("word/document.xml holds no document body: this is not a Word document.");

  let text = "";
  blocks.forEach((block, k) => {
    if (k > 0) text += block.item && blocks[k - 1].item ? "\n" : "\n\n";
    text += block.text;
  });
  const notes = noteOrder.map((note, k) => {
    const noteText = childElements(note)
      .map((p) => inline(p, false).replace(/\s+/g, " ").trim())
      .filter(Boolean)
      .join(" ");
    budget.add(noteText.length);
    return `${k + 1} ${noteText}`;
  });
  if (notes.length > 0) text += `\n\n${notes.join("\n\n")}`;

  const coreTitle = parts.core ? coreTitleOf(parts.core) : null;
  return { text, title: coreTitle ?? title, paragraphs: blocks.length, notes: notes.length };
}

function coreTitleOf(xml: string): string | null {
  try {
    const root = parseXml(xml);
    const element = childElements(root).find((c) => local(c.name) === "title");
    const text = element && textContent(element).trim();
    return text || null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// The package: which parts to read, found through its relationships

/**
 * A Word package as the server's ZIP reader opens it (app/imports/zip.server.ts; the core reads no ZIP itself):
 * its parts' names, and one part's text, read whole unless it would inflate past `maxBytes` (the reader throws).
 */
export interface DocxPackage {
  names: readonly string[];
  read(name: string, maxBytes: number): string;
}

/**
 * How far a Word document's parts may inflate. The main part is read a paragraph at a time and stops at the
 * text limit, so it may be large (Word's XML is often ten times its text); the others are read whole.
 */
export const MAX_MAIN_PART_BYTES = 64 * 1024 * 1024;
export const MAX_PART_BYTES = 16 * 1024 * 1024;

/** The parts textFromDocx reads, or, for a ZIP that is no Word document, what it is instead ("an Excel workbook, …"). */
export function docxPartsOf(pkg: DocxPackage): { ok: true; parts: DocxParts } | { ok: false; notWord: string } {
  const names = new Set(pkg.names);
  const main = mainPartName(pkg, names);
  if (!main || !/\.xml$/.test(main)) return { ok: false, notWord: describeOtherPackage(pkg, names) };
  const folder = main.slice(0, main.lastIndexOf("/") + 1);
  const part = (name: string, limit = MAX_PART_BYTES) => (names.has(name) ? pkg.read(name, limit) : null);
  return {
    ok: true,
    parts: {
      document: pkg.read(main, MAX_MAIN_PART_BYTES),
      styles: part(`${folder}styles.xml`),
      numbering: part(`${folder}numbering.xml`),
      footnotes: part(`${folder}footnotes.xml`),
      endnotes: part(`${folder}endnotes.xml`),
      core: part("docProps/core.xml"),
    },
  };
}

/** The main part's path, from the package relationships (word/document.xml nearly always). */
function mainPartName(pkg: DocxPackage, names: ReadonlySet<string>): string | null {
  if (names.has("_rels/.rels")) {
    const target = officeDocumentTarget(pkg.read("_rels/.rels", MAX_PART_BYTES));
    if (target && names.has(target)) return target;
  }
  return names.has("word/document.xml") ? "word/document.xml" : null;
}

/** The target of the package's officeDocument relationship; null when the relationships cannot be read (then the usual path is tried). */
function officeDocumentTarget(xml: string): string | null {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlError) return null;
    throw error;
  }
  const relationship = childElements(root).find(
    (c) => local(c.name) === "Relationship" && /\/officeDocument$/.test(c.attributes.Type ?? "") && c.attributes.Target,
  );
  return relationship ? relationship.attributes.Target.replace(/^\//, "") : null;
}

/** What a ZIP that holds no Word document is, for the refusal. */
function describeOtherPackage(pkg: DocxPackage, names: ReadonlySet<string>): string {
  if (names.has("mimetype")) {
    try {
      const mimetype = pkg.read("mimetype", 1024);
      if (mimetype.includes("opendocument.text")) return "an OpenDocument text (.odt), not a Word document: save it as .docx (Word) or as PDF, and upload that";
      if (mimetype.includes("epub")) return "an e-book (EPUB), not a Word document";
    } catch {
      // An unreadable mimetype entry tells nothing more.
    }
  }
  const all = [...pkg.names];
  if (all.some((n) => n.startsWith("xl/"))) return "an Excel workbook, not a Word document";
  if (all.some((n) => n.startsWith("ppt/"))) return "a PowerPoint presentation, not a Word document";
  const listed = all.slice(0, 4).join(", ") + (all.length > 4 ? `, and ${all.length - 4} more` : "");
  return `a ZIP archive that is not a Word document: it holds no word/document.xml (it holds ${listed || "nothing"})`;
}
