import { describe, expect, it } from "vitest";
import { parseCsv } from "../formats/csv";
import { concordanceFile, type ConcordanceRecord } from "./concordance-file";

const record = (over: Partial<ConcordanceRecord> = {}): ConcordanceRecord => ({
  document: "Loi sur les banques",
  language: "fr",
  pair: "Bank Act ↔ Loi sur les banques",
  row: 12,
  left: "…la ",
  hit: "banque",
  right: " centrale, dit-il",
  counterpart: "the central bank",
  link: "http://127.0.0.1:3000/pairs/3#link-12",
  ...over,
});

describe("the concordance as a file", () => {
  it("writes a header and one row per occurrence, in CSV that reads back", () => {
    const rows = parseCsv(concordanceFile([record(), record({ row: 13, counterpart: "" })], "csv")).map((r) => r.cells);
    expect(rows[0]).toEqual(["Document", "Language", "Pair", "Row or segment", "Left context", "Hit", "Right context", "Counterpart", "Link"]);
    expect(rows.slice(1)).toEqual([
      ["Loi sur les banques", "fr", "Bank Act ↔ Loi sur les banques", "12", "…la ", "banque", " centrale, dit-il", "the central bank", "http://127.0.0.1:3000/pairs/3#link-12"],
      ["Loi sur les banques", "fr", "Bank Act ↔ Loi sur les banques", "13", "…la ", "banque", " centrale, dit-il", "", "http://127.0.0.1:3000/pairs/3#link-12"],
    ]);
  });

  it.each(["csv", "tsv"] as const)("keeps spreadsheet formulas from running (%s)", (format) => {
    const file = concordanceFile([record({ document: "=HYPERLINK(\"http://x\")", left: "-1 ", right: "@SUM(A1)", counterpart: "+33" })], format);
    const cells = format === "csv" ? parseCsv(file)[1].cells.map((c) => c) : file.split("\n")[1].split("\t");
    // The CSV reader takes the apostrophe off; the raw cells carry it.
    if (format === "csv") expect(file).toContain(`"'=HYPERLINK(""http://x"")"`);
    else expect(cells[0]).toBe(`'=HYPERLINK("http://x")`);
    const raw = format === "csv" ? file.split("\r\n")[1] : file.split("\n")[1];
    for (const text of ["'-1 ", "'@SUM(A1)", "'+33"]) expect(raw).toContain(text);
  });

  it("writes TSV with one line per occurrence: tabs and line breaks inside a text become spaces", () => {
    const file = concordanceFile([record({ left: "a\tb\r\n", counterpart: "one\ntwo" })], "tsv");
    const lines = file.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(lines[1].split("\t")).toHaveLength(9);
    expect(lines[1].split("\t")[4]).toBe("a b ");
    expect(lines[1].split("\t")[7]).toBe("one two");
  });
});
