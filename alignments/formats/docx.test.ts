import { describe, expect, it } from "vitest";
import { DocxError, docxPartsOf, MAX_MAIN_PART_BYTES, MAX_PART_BYTES, textFromDocx, type DocxPackage } from "./docx";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
const p = (text: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const styles = `<w:styles ${W}>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Intertitle"><w:name w:val="Intertitle"/><w:basedOn w:val="Titre1"/></w:style>
<w:style w:type="paragraph" w:styleId="Outlined"><w:name w:val="Outlined"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`;
const numbering = `<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`;
const numbered = (numId: number, level = 0) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`;

interface Case {
  name: string;
  body: string;
  text: string;
}

const CASES: Case[] = [
  { name: "paragraphs are separated by a blank line", body: p("One.") + p("Two."), text: "One.\n\nTwo." },
  { name: "runs split inside a word are joined", body: `<w:p><w:r><w:t>conven</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>tion</w:t></w:r></w:p>`, text: "convention" },
  { name: "a heading style, a derived style and an outline level make headings", body: p("Alpha", '<w:pStyle w:val="Titre1"/>') + p("Beta", '<w:pStyle w:val="Intertitle"/>') + p("Gamma", '<w:pStyle w:val="Outlined"/>') + p("Delta", '<w:outlineLvl w:val="1"/>'), text: "# Alpha\n\n# Beta\n\n### Gamma\n\n## Delta" },
  { name: "outline level 9 is body text", body: p("Body text here.", '<w:pStyle w:val="Titre1"/><w:outlineLvl w:val="9"/>'), text: "Body text here." },
  { name: "bullets become items, consecutive items stay together", body: p("First", numbered(1)) + p("Second", numbered(1)) + p("After."), text: "- First\n- Second\n\nAfter." },
  { name: "a list style gives items", body: p("From the style", '<w:pStyle w:val="ListBullet"/>'), text: "- From the style" },
  {
    name: "numbered items keep their number, sub-levels restart",
    body: p("a", numbered(2)) + p("b", numbered(2, 1)) + p("c", numbered(2, 1)) + p("d", numbered(2)) + p("e", numbered(2, 1)),
    text: "- 1. a\n- (a) b\n- (b) c\n- 2. d\n- (a) e",
  },
  { name: "roman numbers from a start value", body: p("x", numbered(3)) + p("y", numbered(3)), text: "- IV. x\n- V. y" },
  { name: "numId 0 switches numbering off", body: p("Plain.", numbered(0)), text: "Plain." },
  {
    name: "deleted revisions, field codes and hidden text are left out; insertions kept",
    body:
      `<w:p><w:r><w:t>Kept</w:t></w:r><w:del w:id="1"><w:r><w:delText> deleted</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t> inserted</w:t></w:r></w:ins>` +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t> 3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
      `<w:r><w:rPr><w:vanish/></w:rPr><w:t> hidden</w:t></w:r></w:p>`,
    text: "Kept inserted 3",
  },
  { name: "tabs, breaks and special hyphens", body: `<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/><w:t>d</w:t><w:softHyphen/><w:t>e</w:t></w:r></w:p>`, text: "a b\nc-de" },
  { name: "escaped characters and emoji survive", body: p("A &amp; B &lt;C&gt; “quoted” 🙂"), text: "A & B <C> “quoted” 🙂" },
  { name: "table cells become paragraphs", body: `<w:tbl><w:tr><w:tc>${p("Name")}</w:tc><w:tc>${p("Country")}</w:tc></w:tr></w:tbl>`, text: "Name\n\nCountry" },
  { name: "content controls are read", body: `<w:sdt><w:sdtPr/><w:sdtContent>${p("Inside a control.")}</w:sdtContent></w:sdt>`, text: "Inside a control." },
  { name: "empty paragraphs are skipped", body: p("") + "<w:p/>" + p("Text."), text: "Text." },
  { name: "drawings and their text boxes are not read", body: `<w:p><w:r><w:t>Before </w:t></w:r><w:r><w:drawing><w:txbxContent>${p("box")}</w:txbxContent></w:drawing></w:r><w:r><w:t>after</w:t></w:r></w:p>`, text: "Before after" },
];

describe("Word documents to the pipeline's text", () => {
  it.each(CASES)("$name", ({ body, text }) => {
    expect(textFromDocx({ document: doc(body), styles, numbering }).text).toBe(text);
  });

  it("numbers footnotes and endnotes in the order of their calls and writes them after the body", () => {
    const footnotes = `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
      <w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A footnote.</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    const endnotes = `<w:endnotes ${W}><w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>`;
    const body = `<w:p><w:r><w:t>First claim.</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> Second claim.</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r></w:p>`;
    const read = textFromDocx({ document: doc(body), footnotes, endnotes });
    expect(read.text).toBe("First claim.1 Second claim.2\n\n1 An endnote.\n\n2 A footnote.");
    expect(read.notes).toBe(2);
  });

  it("takes the title from the core properties, else the first heading", () => {
    const core = `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Core title</dc:title></cp:coreProperties>`;
    const body = p("Heading", '<w:pStyle w:val="Titre1"/>') + p("Text.");
    expect(textFromDocx({ document: doc(body), styles, core }).title).toBe("Core title");
    expect(textFromDocx({ document: doc(body), styles }).title).toBe("Heading");
    expect(textFromDocx({ document: doc(p("Text.")) }).title).toBeNull();
  });

  it("works without styles or numbering parts", () => {
    expect(textFromDocx({ document: doc(p("Alone.", numbered(5))) }).text).toBe("- Alone.");
  });

  it("refuses malformed XML and a part that is no document", () => {
    expect(() => textFromDocx({ document: "<w:document><w:body><w:p></w:body></w:document>" })).toThrow(DocxError);
    expect(() => textFromDocx({ document: `<root ${W}/>` })).toThrow(/not a Word document/);
    expect(() => textFromDocx({ document: `<!DOCTYPE d [<!ENTITY a "aaaa">]><w:document ${W}><w:body/></w:document>` })).toThrow(/entities/);
  });
});

/** A package from named texts, remembering what was read and with what inflate limit. */
function packageOf(parts: Record<string, string>): DocxPackage & { reads: Array<[string, number]> } {
  const reads: Array<[string, number]> = [];
  return {
    names: Object.keys(parts),
    reads,
    read(name, maxBytes) {
      reads.push([name, maxBytes]);
      return parts[name];
    },
  };
}

const RELS = (attributes: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship ${attributes}/></Relationships>`;
const OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

describe("a Word package's parts", () => {
  it("reads the main part named by the relationships, and its styles, numbering and notes beside it", () => {
    const pkg = packageOf({
      "_rels/.rels": RELS(`Id="rId1" Type="${OFFICE_DOCUMENT}" Target="/word/main.xml"`),
      "word/main.xml": doc(p("Body.")),
      "word/styles.xml": styles,
      "word/footnotes.xml": "<footnotes/>",
      "docProps/core.xml": "<core/>",
    });
    expect(docxPartsOf(pkg)).toEqual({
      ok: true,
      parts: { document: doc(p("Body.")), styles, numbering: null, footnotes: "<footnotes/>", endnotes: null, core: "<core/>" },
    });
    expect(pkg.reads).toContainEqual(["word/main.xml", MAX_MAIN_PART_BYTES]);
    expect(pkg.reads).toContainEqual(["word/styles.xml", MAX_PART_BYTES]);
  });

  it.each([
    ["the attributes in another order", `Target="doc/body.xml" Id="rId1" Type="${OFFICE_DOCUMENT}"`, "doc/body.xml"],
    ["single quotes", `Id='rId1' Type='${OFFICE_DOCUMENT}' Target='doc/body.xml'`, "doc/body.xml"],
    ["a target that is not in the package: the usual path", `Id="rId1" Type="${OFFICE_DOCUMENT}" Target="missing.xml"`, "word/document.xml"],
  ])("finds the main part with %s", (_name, attributes, main) => {
    const pkg = packageOf({ "_rels/.rels": RELS(attributes), [main]: doc(p("Body.")), "word/document.xml": doc(p("Usual.")) });
    const found = docxPartsOf(pkg);
    expect(found.ok && found.parts.document).toBe(doc(p(main === "word/document.xml" ? "Usual." : "Body.")));
  });

  it("takes word/document.xml when the relationships are missing or cannot be read (entity declarations included)", () => {
    for (const rels of [undefined, "<Relationships><Relationship", `<!DOCTYPE r [<!ENTITY t "word/x.xml">]><Relationships><Relationship Type="${OFFICE_DOCUMENT}" Target="&t;"/></Relationships>`]) {
      const parts: Record<string, string> = { "word/document.xml": doc(p("Usual.")), "word/x.xml": doc(p("Entity.")) };
      if (rels !== undefined) parts["_rels/.rels"] = rels;
      const found = docxPartsOf(packageOf(parts));
      expect(found.ok && found.parts.document).toBe(doc(p("Usual.")));
    }
  });

  it.each([
    [{ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<x/>" }, /^an OpenDocument text \(\.odt\), not a Word document: save it as \.docx/],
    [{ mimetype: "application/epub+zip", "content.opf": "<x/>" }, /^an e-book \(EPUB\)/],
    [{ "xl/workbook.xml": "<x/>" }, /^an Excel workbook/],
    [{ "ppt/presentation.xml": "<x/>" }, /^a PowerPoint presentation/],
    [{ a: "", b: "", c: "", d: "", e: "", f: "" }, /^a ZIP archive that is not a Word document: it holds no word\/document\.xml \(it holds a, b, c, d, and 2 more\)$/],
    [{}, /\(it holds nothing\)$/],
  ])("says what a ZIP that holds no Word document is (%j)", (parts, description) => {
    const found = docxPartsOf(packageOf(parts));
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.notWord).toMatch(description);
  });
});
