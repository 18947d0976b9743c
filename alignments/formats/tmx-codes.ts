import { codeCharacter, splitAtCodes } from "../text/inline-codes";
import { xmlText, type XmlWriteStats } from "./xml";
import { parseXml, textContent, type XmlElement } from "./xml-read";

/**
 * A memory's inline codes coming in and going out (decision 23). Reading a `<seg>`, each code element (`bpt`,
 * `ept`, `ph`, `it`, `ut`, with any `sub` inside them) becomes one code character and its markup is kept exactly
 * as the file wrote it; a `<hi>` keeps its text, its start tag and its end tag becoming a code each. Writing a
 * segment, each code character known to the document is written back as that markup, byte for byte.
 */

/** What each code character of a document stands for: its markup as the memory wrote it. */
export type InlineCodes = Record<string, string>;

/** Codes read, by element (`hi` once per element), and codes written as their text because no character was left. */
export interface CodeReport {
  kept: Record<string, number>;
  converted: number;
}

/** Elements that hold the original format's codes, not text: kept whole. */
const WHOLE = new Set(["bpt", "ept", "ph", "it", "ut"]);
/** What the reader records the place of, to keep its markup. */
export const CODE_ELEMENTS: ReadonlySet<string> = new Set([...WHOLE, "hi"]);

/** One character per distinct markup of a file, skipping those its own text uses for something else. */
export class CodeTable {
  readonly codes: InlineCodes = {};
  readonly report: CodeReport = { kept: {}, converted: 0 };
  private readonly byMarkup = new Map<string, string>();
  private next = 0;

  constructor(private readonly taken: ReadonlySet<string> = new Set()) {}

  characterFor(markup: string): string | null {
    const known = this.byMarkup.get(markup);
    if (known !== undefined) return known;
    for (;;) {
      const character = codeCharacter(this.next++);
      if (character === null) return null;
      if (this.taken.has(character)) continue;
      this.byMarkup.set(markup, character);
      this.codes[character] = markup;
      return character;
    }
  }
}

/** A `<seg>`'s content as text with code characters; `source` is the text the element was read from. */
export function segmentText(seg: XmlElement, source: string, table: CodeTable): string {
  let out = "";
  const code = (markup: string, name: string | null, fallback: () => string) => {
    const character = table.characterFor(markup);
    if (character === null) {
      table.report.converted++;
      out += fallback();
      return;
    }
    if (name !== null) table.report.kept[name] = (table.report.kept[name] ?? 0) + 1;
    out += character;
  };
  const walk = (element: XmlElement) => {
    for (const child of element.children) {
      if (typeof child === "string") out += child;
      else if (child.source && WHOLE.has(child.name)) {
        code(source.slice(child.source.start, child.source.end), child.name, () => textContent(child));
      } else if (child.source && child.name === "hi") {
        const { start, open, end } = child.source;
        const empty = open === end && source.slice(start, open).endsWith("/>");
        code(source.slice(start, open), "hi", () => "");
        walk(child);
        if (!empty) code(source.slice(source.lastIndexOf("</", end - 1), end), null, () => "");
      } else walk(child); // an element TMX does not define in a segment: its text is kept
    }
  };
  walk(seg);
  return out;
}

/**
 * A segment's text as the content of a `<seg>`: text escaped, each known code written back as its markup. A `<bpt>`
 * whose `<ept>` is no longer in the same segment (a person split the segment between them), or the other way round,
 * is written as the isolated tag TMX has for that, `<it pos="begin">` or `<it pos="end">`, with its content.
 */
export function segmentMarkup(text: string, codes: InlineCodes | undefined, stats?: XmlWriteStats, numbered?: ReadonlyArray<string | undefined>): string {
  if (codes === undefined) return xmlText(text, stats);
  const pieces = splitAtCodes(text);
  if (pieces.length === 1) return xmlText(text, stats);
  // Markup already written for each code, its numbers given again (tmx-code-numbers.ts): as it is.
  if (numbered !== undefined) return pieces.map((piece, k) => (k % 2 === 1 && numbered[k >> 1] !== undefined ? numbered[k >> 1] : xmlText(piece, stats))).join("");
  const open = new Set<string>();
  const close = new Set<string>();
  for (let k = 1; k < pieces.length; k += 2) {
    const paired = PAIRED.exec(codes[pieces[k]] ?? "");
    if (paired) (paired[1] === "bpt" ? open : close).add(paired[2] ?? paired[3]);
  }
  let out = "";
  for (let k = 0; k < pieces.length; k++) {
    const markup = k % 2 === 1 ? codes[pieces[k]] : undefined;
    if (markup === undefined) {
      out += xmlText(pieces[k], stats);
      continue;
    }
    const paired = PAIRED.exec(markup);
    const i = paired ? (paired[2] ?? paired[3]) : "";
    if (paired && paired[1] === "bpt" && !close.has(i)) out += isolatedCode(markup, "begin");
    else if (paired && paired[1] === "ept" && !open.has(i)) out += isolatedCode(markup, "end");
    else out += markup;
  }
  return out;
}

/** A `<bpt>` or `<ept>` and its `i`. */
const PAIRED = /^<(bpt|ept)\b[^>]*?\si\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** A paired tag as an isolated one: `<it pos="begin|end">` with the same content and attributes but `i`. */
export function isolatedCode(markup: string, pos: "begin" | "end"): string {
  return markup
    .replace(/^<(bpt|ept)\b/, `<it pos="${pos}"`)
    .replace(/\si\s*=\s*(?:"[^"]*"|'[^']*')/, "")
    .replace(/<\/(bpt|ept)>$/, "</it>");
}

/**
 * What the original document had where a code stands, without TMX's markup: `{1}` for `<ph>{1}</ph>`, `<b>` for
 * `<bpt i="1">&lt;b&gt;</bpt>`, nothing for `<hi>`'s tags (their text is in the segment) or an empty code.
 */
export function codeTextForm(markup: string): string {
  if (/^<\/?hi\b/.test(markup)) return "";
  try {
    return textContent(parseXml(markup));
  } catch {
    return "";
  }
}

/** A segment's text with each known code as its text form (plain text, CSV, TSV); other characters kept. */
export function withCodeText(text: string, codes: InlineCodes | undefined): string {
  if (codes === undefined) return text;
  const pieces = splitAtCodes(text);
  let out = "";
  for (let k = 0; k < pieces.length; k++) out += k % 2 === 1 && codes[pieces[k]] !== undefined ? codeTextForm(codes[pieces[k]]) : pieces[k];
  return out;
}

/** The short name a code's chip shows: its text form when short ("{1}", "<b>"), else the element and its number. */
export function codeLabel(markup: string | undefined): string {
  if (markup === undefined) return "code";
  const name = /^<(\/?)([A-Za-z]+)/.exec(markup);
  const text = codeTextForm(markup).trim();
  if (text !== "") return text.length > 14 ? `${text.slice(0, 13)}…` : text;
  if (!name) return "code";
  const number = /\s(?:i|x)="([^"]*)"/.exec(markup)?.[1];
  return `${name[1]}${name[2]}${number ? ` ${number}` : ""}`;
}
