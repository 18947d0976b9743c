import { describe, expect, it } from "vitest";
import type { GlossaryEntry } from "../terms/glossary-entry";
import { entryOf } from "../terms/glossary-entry.cases";
import { evidenceKey, parseTbx, tbxChunks } from "./tbx";

const ENTRIES: GlossaryEntry[] = [
  entryOf("mutual-legal-assistance", [["fr", "entraide judiciaire"], ["fr", "entraide juridique", "admitted"], ["en", "mutual legal assistance"]], {
    domain: "international cooperation",
    source: "Tandem starter glossary",
    note: "“Entraide juridique” in Canada & elsewhere <sometimes>.",
  }),
  entryOf("csam", [["fr", "pédopornographie", "forbidden"], ["fr", "images pédopornographiques", "deprecated"], ["en", "child sexual abuse material", "preferred", "exact"]]),
  entryOf("1 odd key", [["en", "Fish & chips 😀"]]),
];

const written = () => [...tbxChunks(ENTRIES, { evidence: new Map([[evidenceKey("mutual-legal-assistance", "fr", "entraide judiciaire"), 9]]) })].join("");

describe("TBX", () => {
  it("reads back every entry, term, status and match mode", () => {
    const { entries, problems } = parseTbx(written());
    expect(problems).toEqual([]);
    expect(entries).toEqual(ENTRIES.map((e) => ({ ...e, terms: [...e.terms].sort((a, b) => (a.language === b.language ? 0 : a.language === "en" ? -1 : 1)) })));
  });

  it("writes statuses as TBX-Basic names them, and evidence counts", () => {
    const tbx = written();
    expect(tbx).toContain('<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>');
    expect(tbx).toContain('<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>');
    expect(tbx).toContain('<admin type="x-evidenceCount">9</admin>');
    expect(tbx).toContain('<conceptEntry id="entry-3">');
  });

  it("drops the control characters XML cannot hold, counts them and says so after the document", () => {
    const stats = { dropped: 0 };
    const tbx = [...tbxChunks([{ key: "bell", domain: "", source: "", note: "A bell\u0007", terms: [{ language: "en", text: "bell\u0007", status: "preferred", match: "inflected" }] }], {}, stats)].join("");
    expect(stats.dropped).toBe(2);
    expect(tbx).not.toContain("\u0007");
    expect(tbx.trimEnd().endsWith("</tbx>\n<!-- Tandem left out 2 control characters that XML cannot hold. -->")).toBe(true);
    expect(parseTbx(tbx).entries[0].terms[0].text).toBe("bell");
  });

  it("reads the older martif form, keeping French and English", () => {
    const martif = `<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="t1"><descrip type="subjectField">law</descrip>
  <langSet xml:lang="en-GB"><tig><term>extradition</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
  <langSet xml:lang="fr-FR"><ntig><termGrp><term>extradition</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig></langSet>
  <langSet xml:lang="de"><tig><term>Auslieferung</term></tig></langSet>
</termEntry>
</body></text></martif>`;
    const { entries, problems } = parseTbx(martif);
    expect(entries).toEqual([
      {
        key: "t1",
        domain: "law",
        source: "",
        note: "",
        terms: [
          { language: "en", text: "extradition", status: "preferred", match: "inflected" },
          { language: "fr", text: "extradition", status: "admitted", match: "inflected" },
        ],
      },
    ]);
    expect(problems.map((p) => p.message)).toEqual(["1 term in “de” left out: Tandem keeps French and English."]);
  });

  it("reads language tags as the TMX import does: three-letter codes too", () => {
    const tbx = `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1"><langSec xml:lang="eng"><termSec><term>treaty</term></termSec></langSec><langSec xml:lang="FRA"><termSec><term>traité</term></termSec></langSec></conceptEntry>
</body></text></tbx>`;
    const { entries, problems } = parseTbx(tbx);
    expect(entries[0].terms.map((t) => [t.language, t.text])).toEqual([
      ["en", "treaty"],
      ["fr", "traité"],
    ]);
    expect(problems).toEqual([]);
  });

  it.each([
    { name: "a TMX file", text: '<tmx version="1.4"><body/></tmx>', message: /not TBX: the document element is <tmx>/ },
    { name: "malformed XML", text: "<tbx><text><body></text></tbx>", message: /<\/text> closes <body>/ },
    { name: "an entity bomb", text: '<!DOCTYPE tbx [<!ENTITY x "x">]><tbx/>', message: /declares its own entities/ },
  ])("refuses $name", ({ text, message }) => {
    expect(() => parseTbx(text)).toThrow(message);
  });
});
