import { describe, expect, it } from "vitest";
import { csvSeparator, formatCsv, parseCsv } from "./csv";

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
});
