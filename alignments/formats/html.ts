/**
 * The readable text of a web page, in the form the text pipeline reads: "# " before a heading, "- " before
 * a list item (an ordered list's number kept: "- 2. ..."), a blank line between blocks. What is not the
 * page's text goes: scripts, styles, forms, navigation, the site's header and footer, asides, cookie
 * banners and share buttons (by tag, ARIA role, class or id), hidden elements, and lists or blocks that
 * are little but short links. When the page marks its content (<main>, role="main", a single <article>),
 * only that is read.
 *
 * A small tolerant tokenizer is enough here: it does not build the DOM a browser would for broken markup,
 * but it closes what HTML closes implicitly (p, li, td...) and never fails.
 */
import { decodeHTML, decodeHTMLAttribute } from "entities";
import { alphabeticLetters, romanNumeral } from "./list-labels";
import { TextBudget } from "./text-limit";

interface HtmlElement {
  tag: string;
  attributes: Record<string, string>;
  children: Array<HtmlElement | string>;
  parent: HtmlElement | null;
}

export interface HtmlText {
  text: string;
  title: string | null;
  /** Elements left out as page furniture (navigation, scripts, forms...). */
  dropped: number;
}

const VOID = new Set("area base br col embed hr img input link meta param source track wbr".split(" "));
const RAW = new Set("script style textarea title xmp noscript iframe noembed noframes plaintext".split(" "));
const CLOSES_P = new Set(
  "address article aside blockquote details dialog div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul li dd dt".split(" "),
);
const MAX_DEPTH = 200;

/**
 * Character references as a browser reads them (the `entities` package: HTML5's full list of names, numeric
 * references 128–159 as Windows-1252 characters, the old names written without their semicolon).
 */
export function decodeEntities(text: string): string {
  return text.includes("&") ? decodeHTML(text) : text;
}

/** Parses HTML into a light tree, tolerating what browsers tolerate. */
function parseHtml(html: string): { root: HtmlElement; title: string | null } {
  const root: HtmlElement = { tag: "#root", attributes: {}, children: [], parent: null };
  const stack: HtmlElement[] = [root];
  let title: string | null = null;
  const current = () => stack[stack.length - 1];
  const closeTo = (tag: string, boundary: Set<string> = new Set()) => {
    for (let k = stack.length - 1; k > 0; k--) {
      if (stack[k].tag === tag) {
        stack.length = k;
        return;
      }
      if (boundary.has(stack[k].tag)) return;
    }
  };
  const LIST_SCOPE = new Set(["ul", "ol", "menu", "table"]);
  const TABLE_SCOPE = new Set(["table"]);
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf("<", at);
    const end = lt < 0 ? html.length : lt;
    if (end > at) current().children.push(decodeEntities(html.slice(at, end)));
    if (lt < 0) break;
    at = lt;
    if (html.startsWith("<!--", at)) {
      const close = html.indexOf("-->", at + 4);
      at = close < 0 ? html.length : close + 3;
      continue;
    }
    if (html[at + 1] === "!" || html[at + 1] === "?") {
      const close = html.indexOf(">", at);
      at = close < 0 ? html.length : close + 1;
      continue;
    }
    const closing = html[at + 1] === "/";
    const nameMatch = /^[A-Za-z][A-Za-z0-9:-]*/.exec(html.slice(at + (closing ? 2 : 1), at + (closing ? 2 : 1) + 64));
    if (!nameMatch) {
      current().children.push("<");
      at += 1;
      continue;
    }
    const tag = nameMatch[0].toLowerCase();
    let k = at + (closing ? 2 : 1) + nameMatch[0].length;
    const attributes: Record<string, string> = {};
    // Attributes: name, name=value, name="value", name='value'.
    const attributePattern = /\s*([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?|\s*\/(?!>)/y;
    for (;;) {
      attributePattern.lastIndex = k;
      const m = attributePattern.exec(html);
      if (!m || m[0].length === 0) break;
      if (m[1]) {
        const raw = m[2] ?? "";
        const unquoted = raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
        // In an attribute, a name without its semicolon before "=" or a letter stays as written ("?a=1&copy=2").
        attributes[m[1].toLowerCase()] ??= unquoted.includes("&") ? decodeHTMLAttribute(unquoted) : unquoted;
      }
      k = attributePattern.lastIndex;
    }
    const gt = html.indexOf(">", k);
    const selfClosing = html[gt - 1] === "/";
    at = gt < 0 ? html.length : gt + 1;
    if (closing) {
      if (tag === "p" && !stack.some((e) => e.tag === "p")) continue;
      closeTo(tag);
      continue;
    }
    if (CLOSES_P.has(tag)) closeTo("p", new Set(["button", "table", "li", "td", "th"]));
    if (tag === "li") closeTo("li", LIST_SCOPE);
    if (tag === "dt" || tag === "dd") {
      closeTo("dt", LIST_SCOPE);
      closeTo("dd", LIST_SCOPE);
    }
    if (tag === "tr") closeTo("tr", TABLE_SCOPE);
    if (tag === "td" || tag === "th") {
      closeTo("td", TABLE_SCOPE);
      closeTo("th", TABLE_SCOPE);
    }
    if (tag === "option") closeTo("option");
    const element: HtmlElement = { tag, attributes, children: [], parent: current() };
    current().children.push(element);
    if (RAW.has(tag)) {
      const closing = new RegExp(`</${tag}`, "gi");
      closing.lastIndex = at;
      const closeAt = closing.exec(html)?.index ?? -1;
      const content = html.slice(at, closeAt < 0 ? html.length : closeAt);
      if (tag === "title") title ??= decodeEntities(content).replace(/\s+/g, " ").trim() || null;
      if (tag === "textarea" || tag === "title") element.children.push(decodeEntities(content));
      const after = closeAt < 0 ? -1 : html.indexOf(">", closeAt);
      at = after < 0 ? html.length : after + 1;
      continue;
    }
    if (!VOID.has(tag) && !selfClosing && stack.length < MAX_DEPTH) stack.push(element);
  }
  return { root, title };
}

const DROPPED_TAGS = new Set(
  "head script style noscript template svg math canvas iframe object embed video audio map nav aside form button select input textarea label dialog menu title".split(" "),
);
const DROPPED_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alertdialog", "toolbar", "tablist"]);
const FURNITURE_NAME =
  /(^|[-_\s])(nav|navbar|navigation|menu|breadcrumbs?|sidebar|footer|masthead|cookies?|cookie-banner|consent|share|sharing|social|skip-link|skip|pagination|pager|related|newsletter|subscribe|comments?|advert|ads|promo|toolbar)([-_\s]|$)/i;
const HEADING = /^h([1-6])$/;
const BLOCK = new Set(
  "address article blockquote body caption center dd details div dl dt fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 header hr legend li main ol p pre section summary table tbody thead tfoot tr td th ul".split(" "),
);

function hasAncestor(element: HtmlElement, tags: Set<string>): boolean {
  for (let p = element.parent; p; p = p.parent) if (tags.has(p.tag)) return true;
  return false;
}

function plainText(element: HtmlElement): string {
  return element.children.map((c) => (typeof c === "string" ? c : plainText(c))).join("");
}

interface LinkStats {
  /** Characters of text, white space collapsed. */
  text: number;
  /** Of which inside links. */
  linked: number;
  links: number;
}

/** Text and link counts of every element, computed once for the whole tree. */
function linkStats(root: HtmlElement): WeakMap<HtmlElement, LinkStats> {
  const stats = new WeakMap<HtmlElement, LinkStats>();
  const visit = (element: HtmlElement, inLink: boolean): LinkStats => {
    const own: LinkStats = { text: 0, linked: 0, links: element.tag === "a" ? 1 : 0 };
    const linking = inLink || element.tag === "a";
    for (const child of element.children) {
      if (typeof child === "string") {
        const length = child.replace(/\s+/g, " ").length;
        own.text += length;
        if (linking) own.linked += length;
      } else {
        const sub = visit(child, linking);
        own.text += sub.text;
        own.linked += sub.linked;
        own.links += sub.links;
      }
    }
    stats.set(element, own);
    return own;
  };
  visit(root, false);
  return stats;
}

/** Lists and short blocks that are nothing but short links: menus, tag clouds, share bars. */
function isLinkFarm(element: HtmlElement, stats: WeakMap<HtmlElement, LinkStats>): boolean {
  const own = stats.get(element);
  if (!own || own.links < 3) return false;
  if (own.text === 0) return true;
  if (element.tag === "ul" || element.tag === "ol") {
    const items = element.children.filter((c): c is HtmlElement => typeof c !== "string" && c.tag === "li");
    return items.length >= 3 && own.linked >= 0.8 * own.text && own.text / items.length < 45;
  }
  return own.linked >= 0.8 * own.text && own.linked / own.links < 30;
}

const ATTRIBUTE_CONTEXT = new Set(["article", "main", "section"]);

function isFurniture(element: HtmlElement, stats: WeakMap<HtmlElement, LinkStats>): boolean {
  const tag = element.tag;
  if (DROPPED_TAGS.has(tag)) return true;
  if (tag === "footer") return true;
  if (tag === "header" && !hasAncestor(element, ATTRIBUTE_CONTEXT)) return true;
  const a = element.attributes;
  if ("hidden" in a || a["aria-hidden"] === "true" || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? "")) return true;
  if (a.role && DROPPED_ROLES.has(a.role.toLowerCase())) return true;
  if (FURNITURE_NAME.test(a.class ?? "") || FURNITURE_NAME.test(a.id ?? "")) return true;
  if ((tag === "ul" || tag === "ol" || tag === "div" || tag === "p" || tag === "section") && isLinkFarm(element, stats)) return true;
  return false;
}

function findAll(element: HtmlElement, test: (e: HtmlElement) => boolean, out: HtmlElement[] = []): HtmlElement[] {
  for (const c of element.children) {
    if (typeof c === "string") continue;
    if (test(c)) out.push(c);
    findAll(c, test, out);
  }
  return out;
}

// An ordered list's type attribute: how its items are numbered (decimal otherwise).
const LIST_TYPES = new Map<string, (n: number) => string>([
  ["a", alphabeticLetters],
  ["A", (n) => alphabeticLetters(n).toUpperCase()],
  ["i", romanNumeral],
  ["I", (n) => romanNumeral(n).toUpperCase()],
]);

/** The labels of an ordered list's items ("3.", "b."), from its start, its type and the items' own values. */
function listLabels(list: HtmlElement): Map<HtmlElement, string> {
  const labels = new Map<HtmlElement, string>();
  let n = Number(list.attributes.start ?? 1) || 1;
  for (const item of list.children) {
    if (typeof item === "string" || item.tag !== "li") continue;
    if (item.attributes.value && /^\d+$/.test(item.attributes.value)) n = Number(item.attributes.value);
    const type = item.attributes.type ?? list.attributes.type ?? "1";
    labels.set(item, `${LIST_TYPES.get(type)?.(n) ?? String(n)}.`);
    n++;
  }
  return labels;
}

interface Block {
  text: string;
  kind: "heading" | "item" | "body" | "pre";
  level?: number;
}

export interface HtmlReadOptions {
  /** Stop with ReadLimitError as soon as the text passes this many characters. */
  maxChars?: number;
}

/** Reads a web page's text (already decoded to a string) into the pipeline's form. */
export function textFromHtml(html: string, options: HtmlReadOptions = {}): HtmlText {
  const budget = new TextBudget(options.maxChars);
  const { root, title } = parseHtml(html);
  const mains = findAll(root, (e) => e.tag === "main" || e.attributes.role === "main");
  const articles = findAll(root, (e) => e.tag === "article");
  const body = findAll(root, (e) => e.tag === "body")[0];
  const start = mains[0] ?? (articles.length === 1 ? articles[0] : (body ?? root));
  const stats = linkStats(root);

  const blocks: Block[] = [];
  let dropped = 0;
  let buffer = "";
  let owner: { kind: "item"; marker: string; used: boolean } | { kind: "heading"; level: number } | null = null;
  const flush = () => {
    const text = buffer.replace(/[ \t\r\n\f]+/g, " ").replace(/ ?\u2028 ?/g, "\n").replace(/^\n+|\n+$/g, "").trim();
    buffer = "";
    if (!text) return;
    budget.add(text.length);
    if (owner?.kind === "heading") blocks.push({ text: text.replace(/\n/g, " "), kind: "heading", level: owner.level });
    else if (owner?.kind === "item" && !owner.used) {
      owner.used = true;
      blocks.push({ text: `${owner.marker ? `${owner.marker} ` : ""}${text.replace(/\n/g, " ")}`, kind: "item" });
    } else blocks.push({ text, kind: "body" });
  };
  // Each ordered list is numbered once, when its first item is met: a long list stays linear.
  const labelsOfList = new Map<HtmlElement, Map<HtmlElement, string>>();
  const listMarker = (item: HtmlElement): string => {
    const list = item.parent;
    if (!list || list.tag !== "ol") return "";
    let labels = labelsOfList.get(list);
    if (!labels) labelsOfList.set(list, (labels = listLabels(list)));
    return labels.get(item) ?? "";
  };
  const walk = (element: HtmlElement) => {
    for (const child of element.children) {
      if (typeof child === "string") {
        buffer += child;
        continue;
      }
      if (child !== start && isFurniture(child, stats)) {
        dropped++;
        continue;
      }
      const tag = child.tag;
      if (tag === "br") {
        buffer += "\u2028";
        continue;
      }
      if (tag === "pre") {
        flush();
        const text = plainText(child).replace(/^\n/, "").trimEnd();
        if (text.trim()) {
          budget.add(text.length);
          blocks.push({ text, kind: "pre" });
        }
        continue;
      }
      if (!BLOCK.has(tag)) {
        walk(child);
        continue;
      }
      flush();
      const saved = owner;
      const heading = HEADING.exec(tag);
      if (heading) owner = { kind: "heading", level: Number(heading[1]) };
      else if (tag === "li") owner = { kind: "item", marker: listMarker(child), used: false };
      else if (tag === "ul" || tag === "ol") owner = null;
      walk(child);
      flush();
      owner = saved;
    }
  };
  walk(start);
  flush();

  let text = "";
  blocks.forEach((block, k) => {
    if (k > 0) text += block.kind === "item" && blocks[k - 1].kind === "item" ? "\n" : "\n\n";
    if (block.kind === "heading") text += `${"#".repeat(block.level ?? 1)} ${block.text}`;
    else if (block.kind === "item") text += `- ${block.text}`;
    else text += block.text;
  });
  // A page's h1 is its own title; <title> often adds the site's name.
  const h1 = blocks.find((b) => b.kind === "heading" && b.level === 1)?.text;
  const firstHeading = blocks.find((b) => b.kind === "heading")?.text ?? null;
  return { text, title: h1 ?? title ?? firstHeading, dropped };
}

/** The character set a page declares in its first bytes (<meta charset> or http-equiv), lower-cased. */
export function declaredCharset(head: string): string | null {
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return meta ? meta[1].toLowerCase() : null;
}
