import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TMX, TSV, type BitextUnit } from "../../alignments/formats/bitext";
import { parseTbx, tbxChunks } from "../../alignments/formats/tbx";
import { parseGlossaryCsv } from "../../alignments/formats/glossary-csv";
import type { TmxHeader } from "../../alignments/formats/tmx";
import { BAD_TBX, checkTbx, checkTmx, pocount, tmdbCount } from "./exchange-tools";

/**
 * Exports checked by the tools of the trade, as installed by tests/ensure-tools.sh: xmllint against the
 * TMX 1.4 DTD, and Debian's translate-toolkit (pocount, build_tmdb) reading the file and counting its units.
 */
const dir = mkdtempSync(path.join(tmpdir(), "tandem-exports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER: TmxHeader = { creationTool: "Tandem", creationToolVersion: "0.1.0", sourceLanguage: "en", targetLanguage: "fr", created: new Date() };

/** A bitext with the characters that break careless writers, and enough units to count. */
const UNITS: BitextUnit[] = Array.from({ length: 250 }, (_, k) => ({
  en: `Unit ${k}: fish & chips < ${k} > "quoted" 😀 \u0001`,
  fr: `Unité ${k} : « poisson & frites » < ${k} > l’État 😀`,
  props: [
    ["x-link-type", k % 7 === 0 ? "2-1" : "1-1"],
    ["x-status", k % 3 === 0 ? "confirmed" : "automatic"],
    ["x-confidence", (0.5 + (k % 50) / 100).toFixed(3)],
  ],
}));

function write(name: string, chunks: Iterable<string>): string {
  const file = path.join(dir, name);
  writeFileSync(file, [...chunks].join(""));
  return file;
}

describe("TMX export, read by other tools", () => {
  const file = write("pair.tmx", TMX.write(UNITS, HEADER));

  it("is valid against the TMX 1.4 DTD (xmllint --dtdvalid)", () => {
    // The check throws, with xmllint's report, when the file is not valid.
    expect(() => checkTmx(file)).not.toThrow();
  });

  it("the DTD check can fail: a header without srclang is refused", () => {
    const broken = write("broken.tmx", [readFileSync(file, "utf8").replace(/ srclang="en"/, "")]);
    expect(() => checkTmx(broken)).toThrow();
  });

  it("is counted unit by unit by translate-toolkit's pocount", () => {
    expect(pocount(file).translated).toBe(UNITS.length);
  });

  it("builds a translation memory with translate-toolkit's build_tmdb, one source per unit", () => {
    expect(tmdbCount(file)).toBe(UNITS.length);
  });

  it("comes back the same through Tandem's reader, the forbidden control character dropped", () => {
    const read = TMX.read(readFileSync(file, "utf8"));
    expect(read.map((u) => u.en)).toEqual(UNITS.map((u) => u.en.replace("\u0001", "")));
    expect(read.map((u) => u.fr)).toEqual(UNITS.map((u) => u.fr));
  });
});

describe("plain parallel text", () => {
  it("has one line per unit", () => {
    const text = [...TSV.write(UNITS, HEADER)].join("");
    expect(text.split("\n").filter(Boolean)).toHaveLength(UNITS.length);
  });
});

describe("TBX export of the starter glossary", () => {
  const { entries } = parseGlossaryCsv(readFileSync(path.resolve("db", "glossary", "starter.csv"), "utf8"));
  const file = write("glossary.tbx", tbxChunks(entries));

  it("is valid against the TBX v3 core structure (xmllint --relaxng)", () => {
    expect(() => checkTbx(file)).not.toThrow();
  });

  it("the schema check can fail: the shared bad sample is refused", () => {
    expect(() => checkTbx(BAD_TBX)).toThrow();
  });

  it("reads back every entry and term", () => {
    const read = parseTbx(readFileSync(file, "utf8")).entries;
    expect(read.map((e) => e.key)).toEqual(entries.map((e) => e.key));
    expect(read.flatMap((e) => e.terms).length).toBe(entries.flatMap((e) => e.terms).length);
  });
});
