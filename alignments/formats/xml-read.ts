/**
 * A small, strict XML reader for the exchange formats (TMX, TBX): elements, attributes, text, CDATA;
 * comments and processing instructions skipped. It expands only the five predefined entities and
 * character references, and refuses a DOCTYPE that declares entities, so an entity bomb cannot blow up.
 */

import { ReadLimitError } from "./text-limit";

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: Array<XmlElement | string>;
  line: number;
  /**
   * Where the element is in the text, for the names in `keepSource`: its start, the end of its start tag and its
   * end (offsets into the text read), so a caller can keep its markup exactly as written.
   */
  source?: { start: number; open: number; end: number };
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
  }
}

export interface XmlReadOptions {
  /**
   * Elements closing at this depth (the document element is depth 1) are handed to `onElement` with their
   * parent and left out of the tree, so a long document is read one block at a time in constant memory.
   */
  stream?: { depth: number; onElement: (element: XmlElement, parent: XmlElement) => void };
  /** At most this many elements of each name: one more throws ReadLimitError(what) at once. */
  maxCount?: { names: readonly string[]; max: number; what: ReadLimitError["what"] };
  /** Elements whose place in the text is recorded (`source`). */
  keepSource?: ReadonlySet<string>;
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const MAX_DEPTH = 64;

export function parseXml(text: string, options: XmlReadOptions = {}): XmlElement {
  const counted = new Set(options.maxCount?.names ?? []);
  let count = 0;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const advance = (to: number) => {
    for (let k = at; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    at = to;
  };
  const fail = (message: string): never => {
    throw new XmlError(message, line);
  };
  const decode = (raw: string) =>
    raw.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);|&/g, (whole, found: string | undefined) => {
      const ref = found ?? fail("a bare “&” (write &amp;)");
      if (ref[0] === "#") {
        const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!(code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff))) {
          fail(`the character reference ${whole} names a character XML does not allow`);
        }
        return String.fromCodePoint(code);
      }
      const value = PREDEFINED[ref];
      if (value === undefined) fail(`the entity &${ref}; is not one XML predefines`);
      return value;
    });
  const name = () => {
    NAME.lastIndex = at;
    const match = NAME.exec(text);
    if (!match) fail("a name was expected");
    advance(at + match![0].length);
    return match![0];
  };
  const skipSpace = () => {
    let k = at;
    while (k < text.length && /\s/.test(text[k])) k++;
    advance(k);
  };
  const skipMarkup = (): boolean => {
    if (text.startsWith("<?", at)) {
      const end = text.indexOf("?>", at);
      if (end < 0) fail("a processing instruction is not closed");
      advance(end + 2);
      return true;
    }
    if (text.startsWith("<!--", at)) {
      const end = text.indexOf("-->", at);
      if (end < 0) fail("a comment is not closed");
      advance(end + 3);
      return true;
    }
    if (text.startsWith("<!DOCTYPE", at)) {
      const open = text.indexOf("[", at);
      const close = text.indexOf(">", at);
      if (close < 0) fail("the DOCTYPE is not closed");
      if (open >= 0 && open < close) {
        const end = text.indexOf("]>", open);
        if (end < 0) fail("the DOCTYPE is not closed");
        if (/<!ENTITY/.test(text.slice(open, end))) fail("the file declares its own entities, which Tandem does not expand (a safeguard against entity bombs)");
        advance(end + 2);
      } else advance(close + 1);
      return true;
    }
    return false;
  };

  const streamed = (element: XmlElement) => {
    const parent = stack[stack.length - 1];
    if (parent.children[parent.children.length - 1] === element) parent.children.pop();
    options.stream!.onElement(element, parent);
  };

  // Prolog: declaration, comments, DOCTYPE.
  for (;;) {
    skipSpace();
    if (!skipMarkup()) break;
  }
  if (text[at] !== "<") fail("the file does not start with an XML element");
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (at < text.length) {
    if (stack.length === 0 && root !== null) {
      skipSpace();
      if (at >= text.length) break;
      if (skipMarkup()) continue;
      fail("text or elements after the end of the document");
    }
    const lt = text.indexOf("<", at);
    if (lt < 0) fail(`the element <${stack[stack.length - 1]?.name}> is not closed`);
    if (lt > at) {
      const raw = text.slice(at, lt);
      const parent = stack[stack.length - 1];
      if (parent === undefined) {
        if (raw.trim() !== "") fail("text outside the document element");
      } else parent.children.push(decode(raw));
      advance(lt);
    }
    if (text.startsWith("<![CDATA[", at)) {
      const end = text.indexOf("]]>", at);
      if (end < 0) fail("a CDATA section is not closed");
      stack[stack.length - 1]?.children.push(text.slice(at + 9, end));
      advance(end + 3);
      continue;
    }
    if (skipMarkup()) continue;
    if (text[at + 1] === "/") {
      advance(at + 2);
      const closing = name();
      skipSpace();
      if (text[at] !== ">") fail(`the closing tag </${closing}> is not closed`);
      advance(at + 1);
      const open = stack.pop();
      if (open === undefined || open.name !== closing) fail(`</${closing}> closes ${open ? `<${open.name}>` : "nothing"}`);
      if (open!.source) open!.source.end = at;
      if (options.stream && stack.length === options.stream.depth - 1) streamed(open!);
      continue;
    }
    const elementStart = at;
    advance(at + 1);
    const element: XmlElement = { name: name(), attributes: {}, children: [], line };
    if (counted.has(element.name) && ++count > options.maxCount!.max) throw new ReadLimitError(options.maxCount!.what, options.maxCount!.max);
    for (;;) {
      skipSpace();
      if (text[at] === ">" || text.startsWith("/>", at)) break;
      const attribute = name();
      skipSpace();
      if (text[at] !== "=") fail(`the attribute ${attribute} has no value`);
      advance(at + 1);
      skipSpace();
      const quote = text[at];
      if (quote !== '"' && quote !== "'") fail(`the value of ${attribute} is not quoted`);
      const end = text.indexOf(quote, at + 1);
      if (end < 0) fail(`the value of ${attribute} is not closed`);
      const raw = text.slice(at + 1, end);
      if (raw.includes("<")) fail(`the value of ${attribute} holds a “<”`);
      if (attribute in element.attributes) fail(`the attribute ${attribute} is given twice`);
      element.attributes[attribute] = decode(raw).replace(/[\t\n\r]/g, " ");
      advance(end + 1);
    }
    const empty = text.startsWith("/>", at);
    advance(at + (empty ? 2 : 1));
    if (options.keepSource?.has(element.name)) element.source = { start: elementStart, open: at, end: at };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root === null) root = element;
    if (!empty) {
      stack.push(element);
      if (stack.length > MAX_DEPTH) fail(`elements nest deeper than ${MAX_DEPTH}`);
    } else if (options.stream && stack.length === options.stream.depth - 1) streamed(element);
  }
  if (stack.length > 0) fail(`the element <${stack[stack.length - 1].name}> is not closed`);
  if (root === null) fail("the file holds no XML element");
  return root as XmlElement;
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== "string" && (name === undefined || c.name === name));
}

/** All the text inside an element, leaving out the content of the child elements named in `skip`. */
export function textContent(element: XmlElement, skip: ReadonlySet<string> = new Set()): string {
  return element.children.map((c) => (typeof c === "string" ? c : skip.has(c.name) ? "" : textContent(c, skip))).join("");
}
