import { describe, expect, it } from "vitest";
import { BITEXT_FORMATS, formatGoldLinks, parseGoldLinks, TMX, type BitextUnit } from "./bitext";
import { memoryFromTmx, memoryUnit, type MemoryLink } from "./memory";
import { formatCsv, parseCsv } from "./csv";
import { GLOSSARY_FORMATS } from "./glossary-formats";
import { martifChunks } from "./tbx";
import type { GlossaryEntry } from "../terms/glossary-entry";
import { entryOf } from "../terms/glossary-entry.cases";
import { childElements, parseXml, type XmlElement } from "./xml-read";
import type { TmxHeader } from "./tmx";
import { segmentMarkup, withCodeText } from "./tmx-codes";
import { withoutForbidden, type XmlWriteStats } from "./xml";

/**
 * The contract every exchange format keeps (as translate-toolkit holds its formats to one): special
 * characters escaped, languages named, and what goes out comes back the same, or as the format's own
 * documented normalisation.
 */
const HEADER: TmxHeader = { creationTool: "Tandem", creationToolVersion: "0.1.0", sourceLanguage: "en", targetLanguage: "fr", created: new Date(Date.UTC(2026, 10, 22, 9, 5, 7)) };

const UNITS: BitextUnit[] = [
  { en: "Mutual legal assistance", fr: "Entraide judiciaire" },
  { en: "Fish & chips < 5 > 3 \"quoted\" 'single'", fr: "« Poisson & frites » < 5 > 3 l’État" },
  { en: "Emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP", fr: "Émoji 😀 et 𝔘𝔫𝔦𝔠𝔬𝔡𝔢" },
  { en: "Arabic: الجرائم السيبرانية", fr: "Arabe : الجرائم السيبرانية" },
  { en: "  spaces kept  ", fr: "espace insécable\u00a0: fine\u202f!" },
  { en: "A control\u0001 character and a bell\u0007", fr: "Un caractère de contrôle\u0001" },
  { en: "Tab\tand\nline break", fr: "Tabulation\tet\nretour" },
  { en: "an English sentence the translator dropped", fr: "" },
  { en: "]]> and &amp; literally", fr: "<seg> pas une balise </seg>" },
  // Cells a spreadsheet would read as formulas, and texts that already begin with the apostrophe that marks them.
  { en: '=HYPERLINK("http://x.example")', fr: "@SUM(A1)" },
  { en: "- a dashed item", fr: "+33 1 23 45 67 89" },
  { en: "'=not a formula", fr: "'quoted'" },
];

describe.each(BITEXT_FORMATS)("the $name format", (format) => {
  const stats: XmlWriteStats = { dropped: 0 };
  const written = [...format.write(UNITS, HEADER, stats)].join("");
  const read = format.read(written);

  it("reads back every unit, in order", () => {
    expect(read).toHaveLength(UNITS.length);
    expect(read.map((u) => [u.en, u.fr])).toEqual(UNITS.map((u) => [format.normalise(u.en), format.normalise(u.fr)]));
  });

  it("writes no raw special character where the format forbids it", () => {
    if (format.name === "tmx") {
      expect(written).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#\d+;)/);
      expect(written).not.toMatch(/<(?!\/?(tmx|header|body|tu|tuv|seg|prop|note)\b|\?xml|!DOCTYPE|!-- Tandem left out 3 control characters)/);
      expect(written).not.toMatch(/[\u0001\u0007]/);
    } else {
      expect(written.split("\n").filter(Boolean).every((line) => line.split("\t").length === 2)).toBe(true);
      // No side starts a formula in a spreadsheet.
      expect(written.split(/\t|\n/).filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    }
  });

  it("names the languages the same way everywhere", () => {
    if (format.name !== "tmx") return;
    expect(written).toContain('srclang="en"');
    const units = written.split("<tu>").slice(1);
    expect(units).toHaveLength(UNITS.length);
    units.forEach((unit, k) => {
      // English, the source, comes first; a side without text has no tuv (an untranslated unit).
      const expected = [...(UNITS[k].en ? ["en"] : []), ...(UNITS[k].fr ? ["fr"] : [])];
      expect([...unit.matchAll(/xml:lang="([^"]+)"/g)].map((m) => m[1])).toEqual(expected);
    });
  });

  it("counts what it had to drop, and says so after the document", () => {
    if (format.name !== "tmx") return;
    expect(stats.dropped).toBe(3);
    expect(written.trimEnd().endsWith("</tmx>\n<!-- Tandem left out 3 control characters that XML cannot hold. -->")).toBe(true);
  });
});

/**
 * A memory's inline codes (decision 23): code characters in the text, their markup kept per document. TMX writes the
 * markup back byte for byte and escapes only the text around it; the plain formats write each code's text form.
 */
const BOLD = { "\u{F0001}": '<bpt i="1" x="1">&lt;b&gt;</bpt>', "\u{F0002}": '<ept i="1">&lt;/b&gt;</ept>', "\u{F0003}": '<hi type="bold">', "\u{F0004}": "</hi>" };
const CODED: BitextUnit[] = [
  { en: "It enters into force on \u{F0000}.", fr: "Il entre en vigueur le \u{F0000}.", codes: { en: { "\u{F0000}": '<ph x="1" type="x-mq-ph">{1}</ph>' }, fr: { "\u{F0000}": '<ph x="1" type="x-mq-ph">{1}</ph>' } } },
  { en: "\u{F0001}Fish & <chips>\u{F0002} and \u{F0003}“this”\u{F0004}", fr: "\u{F0001}Poisson & <frites>\u{F0002} et \u{F0003}« ceci »\u{F0004}", codes: { en: BOLD, fr: BOLD } },
  { en: "Nested \u{F0001}bold \u{F0003}and\u{F0004}\u{F0002}", fr: "Imbriqué", codes: { en: BOLD } },
  // A code character no document names is text like any other.
  { en: "An unnamed \u{F0005} character", fr: "Un caractère \u{F0005} sans nom" },
];

describe.each(BITEXT_FORMATS)("inline codes in the $name format", (format) => {
  const written = [...format.write(CODED, HEADER)].join("");
  const read = format.read(written);

  it("come back: TMX as the same markup, byte for byte; the plain formats as their text form", () => {
    expect(read).toHaveLength(CODED.length);
    read.forEach((unit, k) => {
      for (const side of ["en", "fr"] as const) {
        if (format.name === "tmx") expect(segmentMarkup(unit[side], unit.codes?.[side])).toBe(segmentMarkup(CODED[k][side], CODED[k].codes?.[side]));
        else expect(unit[side]).toBe(format.normalise(withCodeText(CODED[k][side], CODED[k].codes?.[side])));
      }
    });
  });

  it("escape the text around the codes, never the codes' own markup", () => {
    if (format.name === "tmx") {
      expect(written).toContain('<seg><bpt i="1" x="1">&lt;b&gt;</bpt>Fish &amp; &lt;chips&gt;<ept i="1">&lt;/b&gt;</ept> and <hi type="bold">“this”</hi></seg>');
      expect(written).toContain("<seg>It enters into force on <ph x=\"1\" type=\"x-mq-ph\">{1}</ph>.</seg>");
    } else {
      expect(written.split("\n")[0]).toBe("It enters into force on {1}.\tIl entre en vigueur le {1}.");
      expect(written.split("\n")[1]).toBe("<b>Fish & <chips></b> and “this”\t<b>Poisson & <frites></b> et « ceci »");
    }
  });
});

/**
 * A pair's links as a memory (memory.ts, decision 13): each link one TMX unit, a side's segments joined with the
 * breaks that cut them back, its status and confidence as props; the same contract as any other format.
 */
const LINKS: MemoryLink[] = [
  { en: ["Mutual legal assistance.", "Fish & chips < 5 > 3 \"quoted\" 'single'."], fr: ["« Poisson & frites » l’État."], status: "confirmed", confidence: 0.875 },
  { en: ["Emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢."], fr: ["Arabe : الجرائم السيبرانية", "]]> et &amp; littéralement."], status: "automatic", confidence: 0.5 },
  { en: ["A control\u0001 character."], fr: ["<seg> pas une balise </seg>"], status: "automatic", confidence: 0.25 },
  { en: ["An English sentence the translator dropped."], fr: [], status: "automatic", confidence: 0 },
];

describe("a pair's links as a memory", () => {
  const stats: XmlWriteStats = { dropped: 0 };
  const units = LINKS.map((link, k) => memoryUnit(link, { document: "Act & <Loi>", id: `1-${k + 1}` }));
  const written = [...TMX.write(units, HEADER, stats)].join("");

  it("reads back every link, in order, its segments cut back as they were, less what XML cannot hold", () => {
    expect(memoryFromTmx(written).links).toEqual(LINKS.map((link) => ({ ...link, en: link.en.map((text) => withoutForbidden(text)), fr: link.fr.map((text) => withoutForbidden(text)) })));
  });

  it("writes no raw special character where XML forbids it, and counts what it dropped", () => {
    expect(written).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#\d+;)/);
    expect(written).not.toMatch(/<(?!\/?(tmx|header|body|tu|tuv|seg|prop|note)\b|\?xml|!DOCTYPE|!-- Tandem left out 1 control character)/);
    expect(stats.dropped).toBe(1);
  });

  it("names the languages as every TMX does: English first, no variant for an empty side", () => {
    const tuParts = written.split("<tu ").slice(1);
    expect(tuParts.map((unit) => [...unit.matchAll(/xml:lang="([^"]+)"/g)].map((m) => m[1]))).toEqual([["en", "fr"], ["en", "fr"], ["en", "fr"], ["en"]]);
  });
});

describe("TMX specifics", () => {
  const tmx = [...BITEXT_FORMATS[0].write([{ en: "a", fr: "b", props: [["x-link-type", "1-2"], ["x-status", "confirmed"]] }], HEADER)].join("");

  it("writes every required header attribute and a UTC date", () => {
    for (const attribute of ["creationtool", "creationtoolversion", 'segtype="sentence"', "o-tmf", "adminlang", 'srclang="en"', "datatype"]) expect(tmx).toContain(attribute);
    expect(tmx).toContain('creationdate="20261122T090507Z"');
    expect(tmx).toContain('<tmx version="1.4">');
  });

  it("puts the props before the tuvs, as the DTD orders", () => {
    expect(tmx.indexOf("<prop")).toBeLessThan(tmx.indexOf("<tuv"));
    expect(BITEXT_FORMATS[0].read(tmx)[0].props).toEqual([
      ["x-link-type", "1-2"],
      ["x-status", "confirmed"],
    ]);
  });
});

describe("the gold-link format", () => {
  it("writes links that read back the same", () => {
    const links = [
      { en: [0], fr: [0] },
      { en: [1, 2], fr: [1] },
      { en: [3], fr: [] },
      { en: [], fr: [2, 3] },
    ];
    expect(formatGoldLinks(links)).toBe("[0]:[0]\n[1,2]:[1]\n[3]:[]\n[]:[2,3]\n");
    expect(parseGoldLinks(formatGoldLinks(links))).toEqual(links);
  });
});

describe("CSV keeps the same contract", () => {
  it("reads back every special character", () => {
    const rows = UNITS.map((u) => [u.en, u.fr]);
    expect(parseCsv(formatCsv(rows)).map((r) => r.cells)).toEqual(rows.map((row) => row.map((cell) => cell.replace(/\r\n?/g, "\n"))));
  });
});

const ENTRIES: GlossaryEntry[] = [
  entryOf("mutual-legal-assistance", [["fr", "entraide judiciaire"], ["en", "mutual legal assistance"], ["fr", "entraide juridique", "admitted", "gapped"]], {
    domain: "international cooperation",
    source: "Tandem starter glossary",
    note: "Canadian statutes say “entraide juridique”.\nFrench: the UN says “judiciaire”",
  }),
  entryOf(
    "fish & chips <5>",
    [
      ["en", 'Fish & chips "quoted" ]]>', "forbidden", "exact"],
      ["fr", "« Poisson & frites » l’État", "deprecated", "unordered"],
      ["fr", "droits; libertés"],
    ],
    { domain: "Fish & chips < 5 > 3 \"quoted\" 'single'", source: "@SUM(A1)", note: '=HYPERLINK("http://x.example")' },
  ),
  entryOf("emoji", [["en", "Emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"], ["fr", "Arabe : الجرائم السيبرانية"]]),
  entryOf("controls", [["en", "a bell\u0007 term", "admitted"]], { note: "A control\u0001 character" }),
  entryOf("'=not a formula", [["fr", "-tiret"], ["en", "+33 1 23", "preferred", "exact"]]),
];

describe.each(GLOSSARY_FORMATS)("the glossary's $name format", (format) => {
  const stats: XmlWriteStats = { dropped: 0 };
  const written = [...format.write(ENTRIES, stats)].join("");
  const xml = format.name.startsWith("tbx");

  it("reads back every entry, in order, as the format keeps it", () => {
    expect(format.read(written)).toEqual(format.normalise(ENTRIES));
  });

  it("writes no raw special character where the format forbids it", () => {
    if (xml) {
      expect(written).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;)/);
      expect(written).not.toMatch(/[\u0001\u0007]/);
      expect(written).not.toContain("]]>");
      expect(stats.dropped).toBe(2);
    } else {
      // No cell starts a formula in a spreadsheet (quoted or not).
      expect(written).not.toMatch(/(^|,)"?[=+\-@]/m);
    }
  });

  it("names the languages the same way everywhere", () => {
    if (xml) {
      const tags = [...written.matchAll(/xml:lang="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(tags)).toEqual(new Set(["en", "fr"]));
    } else if (format.name === "csv-concepts") {
      expect(written.split("\r\n")[0]).toBe("entry,domain,source,note,en,en_status,en_match,en_note,fr,fr_status,fr_match,fr_note");
    } else {
      expect(new Set(parseCsv(written).slice(1).map((row) => row.cells[1]))).toEqual(new Set(["en", "fr"]));
    }
  });
});

describe("TBX-Basic in the older martif form", () => {
  const root = parseXml([...martifChunks(ENTRIES)].join(""));
  const all = (element: XmlElement): XmlElement[] => childElements(element).flatMap((child) => [child, ...all(child)]);

  it("has TBX-Basic's structure: martifHeader, then text/body of termEntry, langSet, tig", () => {
    expect(root.name).toBe("martif");
    expect(root.attributes.type).toBe("TBX-Basic");
    expect(childElements(root).map((c) => c.name)).toEqual(["martifHeader", "text"]);
    expect(childElements(childElements(root, "martifHeader")[0]).map((c) => c.name)).toEqual(["fileDesc", "encodingDesc"]);
    const entries = childElements(childElements(childElements(root, "text")[0], "body")[0]);
    expect(entries.map((e) => e.name)).toEqual(ENTRIES.map(() => "termEntry"));
    for (const entry of entries) {
      const children = childElements(entry).map((c) => c.name);
      // Entry-level information first, then the language sections (the core structure's order).
      expect(children.slice(children.indexOf("langSet")).every((name) => name === "langSet")).toBe(true);
      for (const langSet of childElements(entry, "langSet")) {
        for (const tig of childElements(langSet)) {
          expect(tig.name).toBe("tig");
          expect(childElements(tig).map((c) => c.name)).toEqual(["term", "termNote"]);
        }
      }
    }
  });

  it("uses only TBX-Basic's data categories", () => {
    const types = new Set(all(root).filter((e) => e.attributes.type !== undefined && e.name !== "p").map((e) => `${e.name}:${e.attributes.type}`));
    expect(types).toEqual(new Set(["descrip:subjectField", "admin:source", "termNote:administrativeStatus"]));
  });
});
