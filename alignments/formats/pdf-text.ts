/**
 * Text of a PDF, rebuilt from the words that poppler's `pdftotext -tsv` lists with their page, flow, block,
 * line and box. poppler's own text output joins every line that ends with a hyphen, compounds included
 * ("non-governmental" becomes "nongovernmental"); its word list keeps the hyphens, so the clean-up in
 * text/layout.ts decides. The output is what the pipeline reads: one line per PDF line, a blank line
 * between blocks, a form feed before each new page (where layout.ts looks for running heads and stamps).
 */

import { TextBudget } from "./text-limit";

export interface PdfWord {
  page: number;
  flow: number;
  block: number;
  line: number;
  left: number;
  top: number;
  width: number;
  height: number;
  text: string;
}

export interface PdfText {
  text: string;
  pages: number;
  words: number;
}

/** Reads the TSV poppler writes: level 1 rows are pages, level 5 rows are words. */
export function parsePdfTsv(tsv: string): { pages: number; words: PdfWord[] } {
  let pages = 0;
  const words: PdfWord[] = [];
  for (const row of tsv.split("\n")) {
    const cells = row.split("\t");
    if (cells.length < 12) continue;
    if (cells[0] === "1") pages++;
    if (cells[0] !== "5") continue;
    const text = cells.slice(11).join("\t").replace(/\r$/, "");
    if (!text.trim()) continue;
    words.push({
      page: Number(cells[1]),
      flow: Number(cells[2]),
      block: Number(cells[3]),
      line: Number(cells[4]),
      left: Number(cells[6]),
      top: Number(cells[7]),
      width: Number(cells[8]),
      height: Number(cells[9]),
      text,
    });
  }
  return { pages, words };
}

interface Line {
  words: PdfWord[];
  top: number;
  bottom: number;
  left: number;
  height: number;
  text: string;
}

const NOTE_CALL = /^([0-9]{1,3}|[*†‡]{1,3})$/;
const LONE_MARKER = /^(\(?[0-9]{1,3}[.)]|\(?[a-z][.)]|\([ivxlc]{1,6}\)|[ivxlcIVXLC]{1,6}\.|[•▪◦‣·●■–-])$/;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A line's text; a small raised number right after a word is a note call and sticks to it ("form.1"). */
function lineOf(words: PdfWord[]): Line {
  const body = median(words.map((w) => w.height));
  let text = "";
  words.forEach((word, k) => {
    const raised = word.height < 0.75 * body && word.top < words[k - 1]?.top + 0.5 * body;
    const call = k > 0 && raised && NOTE_CALL.test(word.text) && word.left - (words[k - 1].left + words[k - 1].width) < 0.3 * body;
    text += k === 0 || call ? word.text : ` ${word.text}`;
  });
  const full = words.filter((w) => w.height >= 0.75 * body);
  return {
    words,
    top: Math.min(...full.map((w) => w.top)),
    bottom: Math.max(...full.map((w) => w.top + w.height)),
    left: Math.min(...words.map((w) => w.left)),
    height: body,
    text,
  };
}

/** Groups a page's words into blocks of lines, in poppler's reading order. */
function blocksOfPage(words: PdfWord[]): Line[][] {
  const blocks: Line[][] = [];
  let blockKey = "";
  let lineKey = "";
  let lineWords: PdfWord[] = [];
  const flushLine = () => {
    if (lineWords.length > 0) blocks[blocks.length - 1].push(lineOf(lineWords));
    lineWords = [];
  };
  for (const word of words) {
    const bKey = `${word.flow}/${word.block}`;
    const lKey = `${bKey}/${word.line}`;
    if (bKey !== blockKey) {
      flushLine();
      blocks.push([]);
      blockKey = bKey;
    } else if (lKey !== lineKey) flushLine();
    lineKey = lKey;
    lineWords.push(word);
  }
  flushLine();
  return blocks.filter((b) => b.length > 0);
}

/**
 * Mends two ways poppler's block finding cuts what a reader sees as one paragraph: a paragraph number set
 * apart in the margin ("1." level with the first line of its paragraph) and a paragraph's last lines
 * put in a block of their own although they follow at the same line spacing.
 */
function mendBlocks(blocks: Line[][]): Line[][] {
  const out: Line[][] = [];
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k];
    const next = blocks[k + 1];
    if (next && block.length === 1 && LONE_MARKER.test(block[0].text) && Math.abs(next[0].top - block[0].top) <= 0.5 * block[0].height) {
      const [first, ...rest] = next;
      blocks[k + 1] = [{ ...first, left: block[0].left, text: `${block[0].text} ${first.text}`, words: [...block[0].words, ...first.words] }, ...rest];
      continue;
    }
    const previous = out[out.length - 1];
    if (previous) {
      const last = previous[previous.length - 1];
      const first = block[0];
      const sameSize = Math.abs(first.height - last.height) <= 0.15 * last.height;
      const gap = first.top - last.bottom;
      const leading = previous.length > 1 ? previous[1].top - previous[0].top : last.height * 1.5;
      const aligned = Math.abs(first.left - previous[0].left) <= 2 * last.height;
      if (sameSize && aligned && gap >= -0.1 * last.height && first.top - last.top <= leading + 0.15 * last.height) {
        previous.push(...block);
        continue;
      }
    }
    out.push([...block]);
  }
  return out;
}

export interface PdfReadOptions {
  /** Stop with ReadLimitError as soon as the text passes this many characters (counted page by page). */
  maxChars?: number;
}

/** The text the pipeline reads: lines, blank lines between blocks, a form feed opening each page after the first. */
export function textFromPdfTsv(tsv: string, options: PdfReadOptions = {}): PdfText {
  const budget = new TextBudget(options.maxChars);
  const { pages, words } = parsePdfTsv(tsv);
  const byPage = new Map<number, PdfWord[]>();
  for (const word of words) {
    const list = byPage.get(word.page);
    if (list) list.push(word);
    else byPage.set(word.page, [word]);
  }
  const pageTexts: string[] = [];
  for (let page = 1; page <= pages; page++) {
    const blocks = mendBlocks(blocksOfPage(byPage.get(page) ?? []));
    const pageText = blocks.map((block) => block.map((line) => line.text).join("\n")).join("\n\n");
    budget.add(pageText.length);
    pageTexts.push(pageText);
  }
  const text = pageTexts.reduce((all, page, k) => (k === 0 ? page : `${all}\n\n\f${page}`), "");
  return { text, pages, words: words.length };
}
