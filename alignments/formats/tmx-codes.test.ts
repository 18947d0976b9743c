import { describe, expect, it } from "vitest";
import { codesIn, replaceCodes } from "../text/inline-codes";
import { CREATION_TOOL, TMX, TSV } from "./bitext";
import { memoryFromTmx, memoryUnit, type MemoryLink } from "./memory";
import { tmxDate } from "./tmx";
import { codeLabel, codeTextForm, CodeTable, segmentMarkup, withCodeText } from "./tmx-codes";
import { MEMOQ_TMX, segsOf, stampsOf, TRADOS_TMX } from "./tmx-codes.cases";

/** A memory read, then written back as Tandem's export writes it: each link a unit, its codes and its dates. */
function roundTrip(tmx: string): string {
  const { links, codes } = memoryFromTmx(tmx);
  const attributes = (link: MemoryLink): Array<[string, string]> => {
    const s = link.stamps ?? {};
    return [
      ...(s.createdAt ? [["creationdate", tmxDate(s.createdAt)] as [string, string]] : []),
      ...(s.createdBy ? [["creationid", s.createdBy] as [string, string]] : []),
      ...(s.changedAt ? [["changedate", tmxDate(s.changedAt)] as [string, string]] : []),
      ...(s.changedBy ? [["changeid", s.changedBy] as [string, string]] : []),
    ];
  };
  const units = links.map((link) => memoryUnit(link, { attributes: attributes(link), codes: { en: codes, fr: codes } }));
  return [...TMX.write(units, { ...CREATION_TOOL, sourceLanguage: "en", targetLanguage: "fr", created: new Date() })].join("");
}

describe.each([
  { tool: "memoQ", tmx: MEMOQ_TMX },
  { tool: "Trados", tmx: TRADOS_TMX },
])("a $tool memory's inline codes", ({ tmx }) => {
  it("come back byte for byte in every segment after Tandem reads and writes the memory", () => {
    const again = roundTrip(tmx);
    expect(segsOf(again)).toEqual(segsOf(tmx));
    // And a second round trip changes nothing at all.
    const withoutHeader = (text: string) => text.replace(/<header [^>]*>/, "");
    expect(withoutHeader(roundTrip(again))).toBe(withoutHeader(again));
  });

  it("keep each unit's dates and users", () => {
    expect(stampsOf(roundTrip(tmx))).toEqual(stampsOf(tmx));
  });

});

describe("reading codes", () => {
  it("keeps the memoQ placeholder as a code, not as nothing: the issue's “enters into force on .”", () => {
    const { links, codes, report } = memoryFromTmx(MEMOQ_TMX);
    const [code] = codesIn(links[0].en[0]);
    expect(links[0].en[0]).toBe(`This Treaty enters into force on ${code}.`);
    expect(codes[code]).toBe('<ph x="1" type="x-mq-ph">{1}</ph>');
    expect(withCodeText(links[0].en[0], codes)).toBe("This Treaty enters into force on {1}.");
    expect(report.codes).toEqual({ kept: { ph: 4, bpt: 6, ept: 6 }, converted: 0 });
  });

  it("keeps <hi>'s text as text and its two tags as codes; <ut>, <it> and a <sub> inside a code whole", () => {
    const { links, codes, report } = memoryFromTmx(TRADOS_TMX);
    const text = links[1].en[0];
    expect(replaceCodes(text)).toBe("See the Bank Act, , and the regulations.");
    expect(codesIn(text).map((c) => codes[c])).toEqual(['<hi type="bold">', "</hi>", '<ph x="4" type="4" />', '<it pos="begin" x="5" type="5">&lt;cf italic="True"&gt;</it>']);
    expect(codes[codesIn(links[2].en[0])[2]]).toBe('<bpt i="6" x="6">&lt;img alt="<sub>Bank of Canada</sub>"&gt;</bpt>');
    expect(report.codes.kept).toEqual({ bpt: 8, ept: 8, hi: 2, ph: 2, it: 2, ut: 4 });
    expect(links.map((l) => l.status)).toEqual(["confirmed", "automatic", "automatic"]);
  });

  it("gives one character to each distinct code of a file, and none that its own text already uses", () => {
    const taken = "\u{F0000}";
    const table = new CodeTable(new Set([taken]));
    const a = table.characterFor("<ph>{1}</ph>");
    expect(a).not.toBe(taken);
    expect(table.characterFor("<ph>{1}</ph>")).toBe(a);
    expect(table.characterFor("<ph>{2}</ph>")).not.toBe(a);
    const own = memoryFromTmx(MEMOQ_TMX.replace("This Treaty", `This${taken} Treaty`));
    expect(own.codes[taken]).toBeUndefined();
    expect(own.links[0].en[0].startsWith(`This${taken} Treaty`)).toBe(true);
  });
});

describe("codes in the plain formats and in the editor", () => {
  it("TSV writes each code's text form, the same on every line", () => {
    const { links, codes } = memoryFromTmx(MEMOQ_TMX);
    const tsv = [...TSV.write(links.map((link) => memoryUnit(link, { codes: { en: codes, fr: codes } })), { ...CREATION_TOOL, sourceLanguage: "en", targetLanguage: "fr", created: new Date() })].join("");
    expect(tsv.split("\n")[0]).toBe("This Treaty enters into force on {1}.\tLe présent traité entre en vigueur le {1}.");
    expect(tsv.split("\n")[1]).toContain('{}Article 5{} applies to {}requests under <a href="https://laws.justice.gc.ca/eng/acts/M-13.6/">the Act</a>{}.');
  });

  it.each([
    { markup: '<ph x="1" type="x-mq-ph">{1}</ph>', label: "{1}", text: "{1}" },
    { markup: '<bpt i="1" x="1" type="1" />', label: "bpt 1", text: "" },
    { markup: '<ept i="3" />', label: "ept 3", text: "" },
    { markup: '<hi type="bold">', label: "hi", text: "" },
    { markup: "</hi>", label: "/hi", text: "" },
    { markup: '<bpt i="3">&lt;a href="https://laws.justice.gc.ca/eng/acts/M-13.6/"&gt;</bpt>', label: '<a href="http…', text: '<a href="https://laws.justice.gc.ca/eng/acts/M-13.6/">' },
  ])("names $markup by $label", ({ markup, label, text }) => {
    expect(codeLabel(markup)).toBe(label);
    expect(codeTextForm(markup)).toBe(text);
  });
});

describe("a bpt and its ept in two segments", () => {
  const codes = { "\u{F0001}": '<bpt i="1" x="1" type="bold">{}</bpt>', "\u{F0002}": '<ept i="1">{}</ept>', "\u{F0003}": '<bpt i="2" x="2" type="2" />', "\u{F0004}": '<ept i="2" />' };
  it.each([
    { name: "together: written as they were", text: "\u{F0001}Bold\u{F0002} & \u{F0003}more\u{F0004}", seg: '<bpt i="1" x="1" type="bold">{}</bpt>Bold<ept i="1">{}</ept> &amp; <bpt i="2" x="2" type="2" />more<ept i="2" />' },
    { name: "the start alone: an isolated begin tag", text: "Split \u{F0001}here", seg: 'Split <it pos="begin" x="1" type="bold">{}</it>here' },
    { name: "the end alone: an isolated end tag", text: "there\u{F0002}, \u{F0004}", seg: 'there<it pos="end">{}</it>, <it pos="end" />' },
  ])("$name", ({ text, seg }) => {
    expect(segmentMarkup(text, codes)).toBe(seg);
  });
});
