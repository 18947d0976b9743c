import { describe, expect, it } from "vitest";
import { parseGlossary, parseHunalignDictionary } from "../align/lexicon";
import { textFromDocx } from "./docx";
import { textFromHtml } from "./html";
import { memoryFromTmx } from "./memory";
import { textFromPdfTsv } from "./pdf-text";
import { parseTbx } from "./tbx";
import { ReadLimitError } from "./text-limit";
import { parseTmx } from "./tmx";
import { parseXml } from "./xml-read";

/**
 * Every reader of an import stops as soon as what it reads passes its limit, with ReadLimitError, and never cuts
 * silently. "Stops at once" is shown by a broken end: a reader that went on to the end would fail there instead.
 */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const paragraphs = (n: number, text = "A sentence of forty characters, or so. ") => Array.from({ length: n }, () => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`).join("");
const word = (body: string) => `<w:document ${W}><w:body>${body}</w:body></w:document>`;
const BROKEN_END = "<w:p><w:r><w:t>never closed";

const page = (body: string) => `<!DOCTYPE html><html><body>${body}</body></html>`;
const tsvWords = (pages: number, wordsPerPage: number) => {
  const rows = ["level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"];
  for (let page = 1; page <= pages; page++) {
    rows.push(`1\t${page}\t0\t0\t0\t0\t0\t0\t612\t792\t-1\t###PAGE###`);
    for (let k = 0; k < wordsPerPage; k++) rows.push(`5\t${page}\t0\t0\t${Math.floor(k / 10)}\t${k}\t${72 + (k % 10) * 40}\t${72 + Math.floor(k / 10) * 12}\t35\t10\t100\tword${k}`);
  }
  return rows.join("\n");
};
const tmx = (units: number, tail = "</body></tmx>") =>
  `<tmx version="1.4"><header/><body>${'<tu><tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="fr"><seg>Un.</seg></tuv></tu>'.repeat(units)}${tail}`;
const tbx = (entries: number, tail = "</body></text></tbx>") =>
  `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>${'<conceptEntry><langSec xml:lang="en"><termSec><term>term</term></termSec></langSec></conceptEntry>'.repeat(entries)}${tail}`;
const longPhrase = (n: number, prefix: string) => Array.from({ length: n }, (_, k) => `${prefix}${k}`).join(" ");

interface LimitCase {
  name: string;
  read: () => unknown;
  /** The limit passed: what and how many. */
  over: [ReadLimitError["what"], number];
}

const OVER: LimitCase[] = [
  { name: "a Word body over the characters stops before its broken end", read: () => textFromDocx({ document: word(paragraphs(100) + BROKEN_END) }, { maxChars: 1000 }), over: ["characters", 1000] },
  {
    name: "Word notes count too",
    read: () =>
      textFromDocx(
        {
          document: word(`<w:p><w:r><w:t>Short.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`),
          footnotes: `<w:footnotes ${W}><w:footnote w:id="1">${paragraphs(50)}</w:footnote></w:footnotes>`,
        },
        { maxChars: 500 },
      ),
    over: ["characters", 500],
  },
  { name: "a web page over the characters", read: () => textFromHtml(page(`<p>${"Words of a page. ".repeat(200)}</p>`.repeat(5)), { maxChars: 2000 }), over: ["characters", 2000] },
  { name: "a PDF's words over the characters, page by page", read: () => textFromPdfTsv(tsvWords(20, 100), { maxChars: 3000 }), over: ["characters", 3000] },
  { name: "a memory's units stop at the first one too many, before its broken end", read: () => parseTmx(tmx(4, "<tu><tuv"), { maxUnits: 3 }), over: ["units", 3] },
  { name: "the same through memoryFromTmx", read: () => memoryFromTmx(tmx(11), { maxUnits: 10 }), over: ["units", 10] },
  { name: "a term base's entries, v3 or martif, before its broken end", read: () => parseTbx(tbx(6, "<conceptEntry"), { maxEntries: 5 }), over: ["entries", 5] },
  { name: "a dictionary's word pairs", read: () => parseHunalignDictionary("un @ one\ndeux @ two\ntrois @ three\n", 2), over: ["word pairs", 2] },
  {
    name: "one dictionary line of long phrases pairs every word with every other: stopped inside the line",
    read: () => parseHunalignDictionary(`${longPhrase(600, "mot")} @ ${longPhrase(500, "word")}\n`, 10_000),
    over: ["word pairs", 10_000],
  },
  { name: "a glossary used as a dictionary", read: () => parseGlossary(`${longPhrase(300, "word")},${longPhrase(301, "mot")}\n`, 5000), over: ["word pairs", 5000] },
];

describe("readers stop at their limits", () => {
  it.each(OVER)("$name", ({ read, over }) => {
    let thrown: unknown = null;
    try {
      read();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ReadLimitError);
    expect(thrown).toMatchObject({ what: over[0], limit: over[1] });
  });

  it("reads what is within its limits whole", () => {
    const text = textFromDocx({ document: word(paragraphs(10)) }, { maxChars: 1000 }).text;
    expect(text.split("\n\n")).toHaveLength(10);
    expect(text.length).toBeGreaterThan(380);
    expect(textFromHtml(page("<nav>" + "<a href='/'>Menu</a> ".repeat(500) + "</nav><p>Short text.</p>"), { maxChars: 100 }).text).toBe("Short text.");
    expect(textFromPdfTsv(tsvWords(2, 20), { maxChars: 1000 }).words).toBe(40);
    expect(parseTmx(tmx(3), { maxUnits: 3 }).units).toHaveLength(3);
    expect(parseTbx(tbx(5), { maxEntries: 5 }).entries).toHaveLength(5);
    expect(parseHunalignDictionary("un @ one\ndeux @ two\n", 2)).toHaveLength(2);
  });

  it("parses XML a block at a time: each is handed over in order, then dropped from the tree", () => {
    const seen: string[] = [];
    const root = parseXml("<doc><body><p>1</p><p/><table><p>2</p></table></body><end/></doc>", {
      stream: { depth: 3, onElement: (element, parent) => seen.push(`${parent.name}>${element.name}`) },
    });
    expect(seen).toEqual(["body>p", "body>p", "body>table"]);
    expect(root.children.map((c) => (typeof c === "string" ? c : `${c.name}:${c.children.length}`))).toEqual(["body:0", "end:0"]);
  });
});
