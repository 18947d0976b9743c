import { describe, expect, it } from "vitest";
import { formatConceptCsv, splitNote } from "./glossary-concepts";
import { parseGlossaryCsv } from "../formats/glossary-csv";
import type { GlossaryEntry } from "./glossary-entry";

const term = (language: "en" | "fr", text: string, status = "preferred", match = "inflected") => ({ language, text, status, match });

describe("the glossary's CSV as one row per concept", () => {
  it("reads Tandem's own columns, several terms of a cell, one status per term or one for all", () => {
    const csv = [
      "entry,domain,source,note,en,en_status,en_match,en_note,fr,fr_status,fr_match,fr_note",
      "mla,international cooperation,starter,Check it.,mutual legal assistance,,,,entraide judiciaire|entraide juridique,preferred|admitted,inflected,juridique in Canada",
      "rights,,,,human rights,admitted,gapped,,droits de l'homme,,gapped,",
    ].join("\n");
    const { entries, problems, layout } = parseGlossaryCsv(csv);
    expect(problems).toEqual([]);
    expect(layout).toBe("concepts");
    expect(entries).toEqual([
      {
        key: "mla",
        domain: "international cooperation",
        source: "starter",
        note: "Check it.\nFrench: juridique in Canada",
        terms: [term("en", "mutual legal assistance"), term("fr", "entraide judiciaire"), term("fr", "entraide juridique", "admitted")],
      },
      { key: "rights", domain: "", source: "", note: "", terms: [term("en", "human rights", "admitted", "gapped"), term("fr", "droits de l'homme", "preferred", "gapped")] },
    ]);
  });

  it("reads the columns as spreadsheets and termbases name them: English/French, tags, ';' between terms, TBX statuses", () => {
    // A ";"-separated file splits a cell's terms on "|" only.
    const csv = ["ID;Subject;English;English_Status;fr-CA;fr-CA status;German", "7;banking;bank|chartered bank;preferredTerm-admn-sts;banque;supersededTerm;Bank"].join("\n");
    const { entries, problems, notes } = parseGlossaryCsv(csv);
    expect(problems).toEqual([]);
    expect(entries).toEqual([{ key: "7", domain: "banking", source: "", note: "", terms: [term("en", "bank"), term("en", "chartered bank"), term("fr", "banque", "deprecated")] }]);
    expect(notes).toEqual(["Columns left out (Tandem keeps French and English terms): “German”."]);

    const commas = parseGlossaryCsv("English,French\nsearch and seizure; search,perquisition et saisie\n");
    expect(commas.entries.map((e) => e.terms.map((t) => t.text))).toEqual([["search and seizure", "search", "perquisition et saisie"]]);
  });

  it("keeps a term holding ';' whole when the file separates terms with '|'", () => {
    const { entries } = parseGlossaryCsv("en,fr\nrights; freedoms,droits|libertés\n");
    expect(entries[0].terms.map((t) => t.text)).toEqual(["rights; freedoms", "droits", "libertés"]);
  });

  it.each([
    { name: "an unknown status", row: "x,term,,terme,obsolète", message: "Line 2: the French status is “obsolète”; use preferred, admitted, deprecated, forbidden." },
    { name: "statuses that do not match the terms", row: "x,term,,terme|mot,preferred|admitted|deprecated", message: "Line 2: 2 French terms but 3 statuses; give one status for all, or one per term." },
    { name: "an unknown match", row: "x,term,loose,terme,", message: "Line 2: the English match is “loose”; use inflected, exact, gapped, unordered." },
    { name: "a row without terms", row: "x,,,,", message: "Line 2: there is no English or French term." },
    { name: "a term given twice", row: "x,term|Term,,terme,", message: "Line 2: “Term” is twice among the English terms." },
  ])("says what is wrong with $name", ({ row, message }) => {
    expect(parseGlossaryCsv(`entry,en,en_match,fr,fr_status\n${row}\n`).problems.map((p) => p.message)).toEqual([message]);
  });

  it("names both layouts when the first line names neither", () => {
    expect(parseGlossaryCsv("a,b,c\n1,2,3\n").problems[0].message).toMatch(/or one row per concept with a column per language: entry,domain,source,note,en,en_status/);
  });

  it("writes a status or match once when the cell's terms share it, and reads back what it writes", () => {
    const entries: GlossaryEntry[] = [
      {
        key: "mla",
        domain: "",
        source: "",
        note: "General.\nEnglish: a note on the English\nFrench: une note",
        terms: [term("en", "mutual legal assistance"), term("fr", "entraide judiciaire"), term("fr", "entraide juridique", "admitted")],
      },
    ] as GlossaryEntry[];
    const csv = formatConceptCsv(entries);
    expect(csv.split("\r\n")[1]).toBe("mla,,,General.,mutual legal assistance,preferred,inflected,a note on the English,entraide judiciaire|entraide juridique,preferred|admitted,inflected,une note");
    expect(parseGlossaryCsv(csv).entries).toEqual(entries);
    expect(splitNote(entries[0].note)).toEqual({ general: "General.", en: "a note on the English", fr: "une note" });
  });
});
