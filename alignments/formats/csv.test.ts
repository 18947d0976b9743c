import { describe, expect, it } from "vitest";
import { csvSeparator, formatCsv, fromSpreadsheetCell, parseCsv, toSpreadsheetCell } from "./csv";

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
