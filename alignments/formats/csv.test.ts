import { describe, expect, it } from "vitest";
import { CsvError, csvSeparator, formatCsv, fromSpreadsheetCell, parseCsv, toSpreadsheetCell } from "./csv";

describe("CSV", () => {
  it.each([
    { name: "plain", text: "a,b\nc,d\n", rows: [["a", "b"], ["c", "d"]] },
    { name: "CRLF and no final newline", text: "a,b\r\nc,d", rows: [["a", "b"], ["c", "d"]] },
    { name: "quoted separators, quotes and line breaks", text: 'a,"b, ""c""\nd"\ne,f', rows: [["a", 'b, "c"\nd'], ["e", "f"]] },
    { name: "semicolons, as French spreadsheets write", text: "terme;statut\nentraide judiciaire;preferred", rows: [["terme", "statut"], ["entraide judiciaire", "preferred"]] },
    { name: "a byte-order mark and blank lines", text: "\uFEFFa,b\n\n\nc,d\n", rows: [["a", "b"], ["c", "d"]] },
    { name: "empty cells", text: "a,,c\n,,\n", rows: [["a", "", "c"], ["", "", ""]] },
  ])("reads $name", ({ text, rows }) => {
    expect(parseCsv(text).map((r) => r.cells)).toEqual(rows);
  });

  it("numbers rows by the line they start on", () => {
    expect(parseCsv('a\n"b\nc"\nd').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("accepts spaces between a closing quote and the separator", () => {
    expect(parseCsv('"a" ,"b"  \nc,d').map((r) => r.cells)).toEqual([["a", "b"], ["c", "d"]]);
  });

  // A quote left open used to take in every later row as one cell, and the import reported success.
  it.each([
    { name: "a quoted field never closed", text: 'a,b\nc,"d\ne,f\ng,h\n', line: 2, problem: /^a quoted field starts here and is never closed/ },
    { name: "a quoted field at the end, never closed", text: 'a,b\n"c', line: 2, problem: /never closed/ },
    { name: "a quote missing, closed by the next quoted field", text: 'a,"b\nc,d\ne,"f",g\n', line: 1, problem: /text follows its closing quote \(its closing quote is on line 3\)/ },
    { name: "text after a closing quote", text: 'a,b\n"c"d,e\n', line: 2, problem: /text follows its closing quote: a quote is missing or one too many/ },
  ])("refuses $name, naming the line where the quoted field starts", ({ text, line, problem }) => {
    let error: unknown;
    try {
      parseCsv(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CsvError);
    expect((error as CsvError).line).toBe(line);
    expect((error as CsvError).problem).toMatch(problem);
    expect((error as CsvError).message).toMatch(new RegExp(`^Line ${line}: `));
  });

  it("writes what it reads back", () => {
    const rows = [["entraide judiciaire", "mutual legal assistance"], ['l’"État"', "a, b"], ["line\nbreak", " padded "], ["", "x"]];
    expect(parseCsv(formatCsv(rows)).map((r) => r.cells)).toEqual(rows);
  });

  it("tells the separator from the first line", () => {
    expect(csvSeparator("a;b;c\n1,5;2;3")).toBe(";");
    expect(csvSeparator("a,b\n")).toBe(",");
    expect(csvSeparator("a\tb\n")).toBe("\t");
  });

  // Formula injection (OWASP): a cell a spreadsheet would run as a formula is written with a leading apostrophe.
  it.each([
    ['=HYPERLINK("http://x.example","click")', `'=HYPERLINK("http://x.example","click")`],
    ["+33 1 23", "'+33 1 23"],
    ["-5", "'-5"],
    ["- a dash", "'- a dash"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["'=1+1", "''=1+1"],
    ["''-x", "'''-x"],
    ["'quoted'", "'quoted'"],
    ["'", "'"],
    ["''", "''"],
    ["", ""],
    ["a=b", "a=b"],
    [" =1", " =1"],
    ["entraide judiciaire", "entraide judiciaire"],
  ])("writes %j as the cell %j, and reads it back", (text, cell) => {
    expect(toSpreadsheetCell(text)).toBe(cell);
    expect(fromSpreadsheetCell(cell)).toBe(text);
  });

  it("gives back the original text of every tricky cell through a file", () => {
    const tricky = ["=1+1", "'=1+1", "''=1+1", "+", "-", "@", "'", "'@x", "'hello", "\t=x", "\r-x", "=a,b", '=" ""q"" "', "=line\nbreak", "- item; other", "'-", "-'"];
    const rows = [tricky, tricky.map((t) => `x${t}`)];
    const written = formatCsv(rows);
    expect(parseCsv(written).map((r) => r.cells)).toEqual(rows);
    // No cell of the file begins with a formula character, quoted or not.
    const cells = written.split(/,|\r\n/).map((cell) => cell.replace(/^"/, ""));
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});
