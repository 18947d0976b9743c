import { describe, expect, it } from "vitest";
import { codesIn, replaceCodes } from "../text/inline-codes";
import { parseTmx } from "./tmx";

const tmx = (body: string, header = '<header srclang="en-US" creationtool="X" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/>') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n${header}\n<body>\n${body}\n</body>\n</tmx>\n`;

describe("reading TMX", () => {
  it("reads units, their languages, props and ids", () => {
    const read = parseTmx(tmx('<tu tuid="7"><prop type="x-doc">MLA</prop><tuv xml:lang="en-US"><seg>Hello &amp; welcome</seg></tuv><tuv xml:lang="fr-CA"><seg>Bonjour</seg></tuv></tu>'));
    expect(read.sourceLanguage).toBe("en-US");
    expect(read.units).toEqual([{ id: "7", attributes: {}, props: [["x-doc", "MLA"]], variants: [{ language: "en-US", text: "Hello & welcome" }, { language: "fr-CA", text: "Bonjour" }] }]);
  });

  it("reads the older lang attribute of TMX 1.1 and 1.2", () => {
    const read = parseTmx(tmx('<tu><tuv lang="EN"><seg>Yes</seg></tuv><tuv lang="FR"><seg>Oui</seg></tuv></tu>'));
    expect(read.units[0].variants.map((v) => v.language)).toEqual(["EN", "FR"]);
  });

  it("keeps the text of highlighted runs and each of the original format's codes as one code character, its markup as written", () => {
    const read = parseTmx(tmx('<tu><tuv xml:lang="en"><seg>The <bpt i="1">&lt;b&gt;</bpt>Act<ept i="1">&lt;/b&gt;</ept> and <hi type="x">this</hi><ph>{1}</ph>.</seg></tuv></tu>'));
    const text = read.units[0].variants[0].text;
    expect(replaceCodes(text)).toBe("The Act and this.");
    expect(codesIn(text).map((code) => read.codes[code])).toEqual(['<bpt i="1">&lt;b&gt;</bpt>', '<ept i="1">&lt;/b&gt;</ept>', '<hi type="x">', "</hi>", "<ph>{1}</ph>"]);
    expect(read.codeReport).toEqual({ kept: { bpt: 1, ept: 1, hi: 1, ph: 1 }, converted: 0 });
  });

  it("reads the header's attributes, notes and props, and each unit's attributes but its tuid", () => {
    const read = parseTmx(
      tmx(
        '<tu tuid="3" creationdate="20240305T091502Z" creationid="ANNA"><tuv xml:lang="en"><seg>Yes</seg></tuv></tu>',
        '<header srclang="en" creationtool="X" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"><note>Treaties</note><prop type="name">MLA</prop></header>',
      ),
    );
    expect(read.header).toMatchObject({ notes: ["Treaties"], props: [["name", "MLA"]], attributes: { creationtool: "X" } });
    expect(read.units[0]).toMatchObject({ id: "3", attributes: { creationdate: "20240305T091502Z", creationid: "ANNA" } });
  });

  it("reads CDATA, character references, comments and a DOCTYPE without entities", () => {
    const read = parseTmx(`<!DOCTYPE tmx SYSTEM "tmx14.dtd">${tmx('<!-- a note --><tu><tuv xml:lang="en"><seg><![CDATA[a < b]]> &#233;&#x1F600;</seg></tuv></tu>')}`.replace('<?xml version="1.0" encoding="UTF-8"?>\n', ""));
    expect(read.units[0].variants[0].text).toBe("a < b é😀");
  });

  it.each([
    { name: "a tuv without a language", text: tmx('<tu><tuv><seg>?</seg></tuv></tu>'), message: /a <tuv> has no xml:lang: its language is unknown \(line 5\)/ },
    { name: "an entity bomb", text: '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><tmx><body>&b;</body></tmx>', message: /declares its own entities/ },
    { name: "an unknown entity", text: tmx('<tu><tuv xml:lang="en"><seg>&nbsp;</seg></tuv></tu>'), message: /&nbsp; is not one XML predefines/ },
    { name: "a bare ampersand", text: tmx('<tu><tuv xml:lang="en"><seg>Fish & chips</seg></tuv></tu>'), message: /a bare “&”/ },
    { name: "tags that do not match", text: tmx('<tu><tuv xml:lang="en"><seg>x</tuv></seg></tu>'), message: /<\/tuv> closes <seg>/ },
    { name: "an element never closed", text: '<tmx version="1.4"><body><tu>', message: /is not closed/ },
    { name: "another XML document", text: '<?xml version="1.0"?><html><body/></html>', message: /not TMX: the document element is <html>/ },
    { name: "not XML at all", text: "entraide judiciaire,mutual legal assistance", message: /does not start with an XML element/ },
    { name: "a forbidden character reference", text: tmx('<tu><tuv xml:lang="en"><seg>&#1;</seg></tuv></tu>'), message: /names a character XML does not allow/ },
  ])("refuses $name with a message and a line", ({ text, message }) => {
    expect(() => parseTmx(text)).toThrow(message);
  });
});
