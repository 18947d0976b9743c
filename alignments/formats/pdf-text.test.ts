import { describe, expect, it } from "vitest";
import { parsePdfTsv, textFromPdfTsv } from "./pdf-text";

const HEADER = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

/** A word row: page, flow, block, line, left, top, text (height 11, or `height`). */
type W = [number, number, number, number, number, number, string, number?];

function tsv(pages: number, words: W[]): string {
  const rows = [HEADER];
  for (let page = 1; page <= pages; page++) {
    rows.push(`1\t${page}\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###`);
    for (const [p, flow, block, line, left, top, text, height = 11] of words.filter((w) => w[0] === page)) {
      rows.push(`5\t${p}\t${flow}\t${block}\t${line}\t0\t${left}\t${top}\t${text.length * 5}\t${height}\t100\t${text}`);
    }
  }
  return rows.join("\n");
}

/** Words of one line laid out left to right. */
function line(page: number, flow: number, block: number, lineNo: number, left: number, top: number, text: string): W[] {
  let x = left;
  return text.split(" ").map((word) => {
    const w: W = [page, flow, block, lineNo, x, top, word];
    x += word.length * 5 + 3;
    return w;
  });
}

describe("a PDF's text from pdftotext's word list", () => {
  it("reads pages and words, skipping the header and structure rows", () => {
    const parsed = parsePdfTsv(tsv(2, [[1, 0, 0, 0, 72, 100, "One"], [2, 0, 0, 0, 72, 100, "Two"]]) + "\n3\t1\t0\t0\t0\t0\t0\t0\t1\t1\t-1\t###FLOW###");
    expect(parsed.pages).toBe(2);
    expect(parsed.words.map((w) => w.text)).toEqual(["One", "Two"]);
  });

  it("keeps lines, puts a blank line between blocks and a form feed before each later page", () => {
    const words = [
      ...line(1, 0, 0, 0, 72, 100, "First line of"),
      ...line(1, 0, 0, 1, 72, 114, "the first block."),
      ...line(1, 1, 0, 0, 72, 200, "Second block."),
      ...line(2, 0, 0, 0, 72, 100, "Page two."),
    ];
    expect(textFromPdfTsv(tsv(2, words)).text).toBe("First line of\nthe first block.\n\nSecond block.\n\n\fPage two.");
  });

  it("keeps the hyphen at a line end for the clean-up to judge", () => {
    const words = [...line(1, 0, 0, 0, 72, 100, "the preserva-"), ...line(1, 0, 0, 1, 72, 114, "tion of data")];
    expect(textFromPdfTsv(tsv(1, words)).text).toBe("the preserva-\ntion of data");
  });

  it("sticks a small raised number to the word before it: a note call", () => {
    const words: W[] = [[1, 0, 0, 0, 72, 100, "form."], [1, 0, 0, 0, 98, 99, "1", 6], [1, 0, 0, 0, 106, 100, "Next"]];
    expect(textFromPdfTsv(tsv(1, words)).text).toBe("form.1 Next");
  });

  it("does not stick a number of full size", () => {
    const words: W[] = [[1, 0, 0, 0, 72, 100, "in"], [1, 0, 0, 0, 85, 100, "2026"]];
    expect(textFromPdfTsv(tsv(1, words)).text).toBe("in 2026");
  });

  it("puts a paragraph number set in the margin in front of its paragraph", () => {
    const words = [
      ...line(1, 0, 0, 0, 72, 150, "1."),
      ...line(1, 1, 0, 0, 100, 150, "At its meeting, the Group"),
      ...line(1, 1, 0, 1, 100, 164, "discussed cooperation."),
    ];
    expect(textFromPdfTsv(tsv(1, words)).text).toBe("1. At its meeting, the Group\ndiscussed cooperation.");
  });

  it("leaves a number alone when it is not level with the next block", () => {
    const words = [...line(1, 0, 0, 0, 72, 150, "1."), ...line(1, 1, 0, 0, 100, 300, "Far below.")];
    expect(textFromPdfTsv(tsv(1, words)).text).toBe("1.\n\nFar below.");
  });

  it("joins a block that goes on at the same line spacing, and not one after a gap", () => {
    const words = [
      ...line(1, 0, 0, 0, 72, 700, "1 Electronic evidence is any information"),
      ...line(1, 1, 0, 0, 72, 711, "in digital form."),
      ...line(1, 2, 0, 0, 72, 760, "A separate block."),
    ];
    expect(textFromPdfTsv(tsv(1, words)).text).toBe("1 Electronic evidence is any information\nin digital form.\n\nA separate block.");
  });

  it("gives an empty text for a PDF without words (a scan)", () => {
    expect(textFromPdfTsv(tsv(3, []))).toEqual({ text: "\n\n\f\n\n\f", pages: 3, words: 0 });
  });
});
