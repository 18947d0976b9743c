import { describe, expect, it } from "vitest";
import { formatGlossaryCsv, parseGlossaryCsv } from "./glossary-csv";
import { entryOf } from "../terms/glossary-entry.cases";

const CSV = `entry,language,term,status,match,domain,source,note
mla,fr,entraide judiciaire,preferred,inflected,international cooperation,starter,"Also ""entraide juridique"" in Canada"
mla,fr,entraide juridique,admitted,,,,
mla,en,mutual legal assistance,,,,,
ict,en,ICT,,exact,,,
`;

describe("glossary CSV", () => {
  it("reads entries with their terms, defaults and notes", () => {
    const { entries, problems } = parseGlossaryCsv(CSV);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      entryOf("mla", [["fr", "entraide judiciaire"], ["fr", "entraide juridique", "admitted"], ["en", "mutual legal assistance"]], {
        domain: "international cooperation",
        source: "starter",
        note: 'Also "entraide juridique" in Canada',
      }),
      entryOf("ict", [["en", "ICT", "preferred", "exact"]]),
    ]);
  });

  it("writes what it reads back", () => {
    const { entries } = parseGlossaryCsv(CSV);
    expect(parseGlossaryCsv(formatGlossaryCsv(entries)).entries).toEqual(entries);
  });

  it.each([
    {
      name: "no header",
      text: "mla,fr,entraide\n",
      message:
        "The first line must name the columns; missing: entry, language, term (expected entry,language,term,status,match,domain,source,note, or one row per concept with a column per language: entry,domain,source,note,en,en_status,en_match,en_note,fr,fr_status,fr_match,fr_note).",
    },
    { name: "a language other than fr or en", text: "entry,language,term\nx,es,asistencia\n", message: "Line 2: the language is “es”; use fr or en." },
    { name: "an unknown status", text: "entry,language,term,status\nx,fr,terme,obsolete\n", message: "Line 2: the status is “obsolete”; use preferred, admitted, deprecated, forbidden." },
    { name: "an empty term", text: "entry,language,term\nx,fr,\n", message: "Line 2: the term is empty." },
    { name: "a term given twice", text: "entry,language,term\nx,fr,terme\nx,fr,Terme\n", message: "Line 3: “Terme” is already a term of entry “x”." },
    { name: "an empty file", text: "", message: "The file is empty." },
  ])("says what is wrong with $name", ({ text, message }) => {
    expect(parseGlossaryCsv(text).problems.map((p) => p.message)).toEqual([message]);
  });

  it("takes nothing from a file with a quote never closed, and names the line where it opens", () => {
    const rows = Array.from({ length: 12 }, (_, k) => `e${k},fr,terme ${k}`);
    const text = ["entry,language,term", ...rows, 'broken,fr,"entraide judiciaire', "broken,en,mutual legal assistance", "last,fr,traité", "last,en,treaty", ""].join("\n");
    const { entries, problems } = parseGlossaryCsv(text);
    expect(entries).toEqual([]);
    expect(problems).toEqual([{ line: 14, message: expect.stringMatching(/^Line 14: a quoted field starts here and is never closed/) }]);
  });

  it("keeps the good rows when some are wrong", () => {
    const { entries, problems } = parseGlossaryCsv("entry,language,term\na,fr,bon\nb,xx,mauvais\nc,en,good\n");
    expect(entries.map((e) => e.key)).toEqual(["a", "c"]);
    expect(problems).toHaveLength(1);
  });
});
