import { describe, expect, it } from "vitest";
import { languageOfTag } from "../languages";
import { CREATION_TOOL, TMX } from "./bitext";
import { BREAK_PROPS, joinSegments, memoryFromTmx, memoryTitle, memoryUnit, parseTmxDate, splitJoined, type MemoryLink } from "./memory";

const tmx = (body: string, version = "1.4") =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="${version}">\n<header srclang="en-US" creationtool="X" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/>\n<body>\n${body}\n</body>\n</tmx>\n`;

describe("joined segments", () => {
  it.each([
    { segments: ["One."] },
    { segments: ["One.", "Two."] },
    { segments: ["Émoji 😀 first.", "𝔘𝔫𝔦 second.", "Third & last <3"] },
    { segments: ["Ends with a space ", "next"] },
  ])("cuts $segments back where it joined them", ({ segments }) => {
    const { text, breaks } = joinSegments(segments);
    expect(text).toBe(segments.join(" "));
    expect(breaks === null ? [text] : splitJoined(text, breaks)).toEqual(segments);
  });

  it("counts code points, not UTF-16 units", () => {
    expect(joinSegments(["😀😀", "b"]).breaks).toBe("3");
  });

  it.each([
    { name: "a break not after a space", text: "One.Two.", breaks: "4" },
    { name: "a break outside the text", text: "One. Two.", breaks: "40" },
    { name: "breaks not increasing", text: "a b c", breaks: "4 2" },
    { name: "an empty segment", text: "a  b", breaks: "2 3" },
    { name: "a break that is not a number", text: "a b", breaks: "two" },
  ])("keeps the text whole for $name", ({ text, breaks }) => {
    expect(splitJoined(text, breaks)).toBeNull();
  });
});

describe("reading a memory as links", () => {
  it("reads Tandem's own export back: joined units cut, status and confidence kept, 1-0 and 0-1 units", () => {
    const en = joinSegments(["The Minister may act.", "He shall report."]);
    const written = [
      ...TMX.write(
        [
          {
            en: en.text,
            fr: "Le ministre peut agir et doit faire rapport.",
            props: [
              ["x-link-type", "2-1"],
              ["x-status", "confirmed"],
              ["x-confidence", "0.812"],
              [BREAK_PROPS.en, en.breaks!],
            ],
          },
          {
            en: "Only English & <tags>",
            fr: "",
            props: [
              ["x-link-type", "1-0"],
              ["x-status", "automatic"],
              ["x-confidence", "0.400"],
            ],
          },
          { en: "", fr: "Seulement en français 😀", props: [["x-link-type", "0-1"]] },
        ],
        { ...CREATION_TOOL, sourceLanguage: "en", targetLanguage: "fr", created: new Date() },
      ),
    ].join("");
    const { links, report } = memoryFromTmx(written);
    expect(links).toEqual([
      { en: ["The Minister may act.", "He shall report."], fr: ["Le ministre peut agir et doit faire rapport."], status: "confirmed", confidence: 0.812 },
      { en: ["Only English & <tags>"], fr: [], status: "automatic", confidence: 0.4 },
      { en: [], fr: ["Seulement en français 😀"], status: "automatic", confidence: 1 },
    ]);
    expect(report).toMatchObject({ units: 3, byType: { "2-1": 1, "1-0": 1, "0-1": 1 }, confirmed: 1, splitBack: 1, keptJoined: 0, withoutText: 0 });
  });

  it("reads back the units memoryUnit makes, as the links they were made from", () => {
    const links: MemoryLink[] = [
      { en: ["Émoji 😀 first.", "𝔘𝔫𝔦 second."], fr: ["Un seul & même <texte>."], status: "confirmed", confidence: 0.875 },
      { en: ["One."], fr: ["Un.", "Deux.", "Trois."], status: "automatic", confidence: 0.5 },
      { en: ["Only English."], fr: [], status: "automatic", confidence: 0.25 },
    ];
    const units = links.map((link, k) => memoryUnit(link, { document: "Act", id: `1-${k + 1}` }));
    expect(units[0].props).toEqual([
      ["x-link-type", "2-1"],
      ["x-status", "confirmed"],
      ["x-confidence", "0.875"],
      ["x-document", "Act"],
      [BREAK_PROPS.en, "15"],
    ]);
    const written = [...TMX.write(units, { ...CREATION_TOOL, sourceLanguage: "en", targetLanguage: "fr", created: new Date() })].join("");
    expect(memoryFromTmx(written).links).toEqual(links);
  });

  it("reads another tool's TMX 1.1: lang attributes, region subtags, other languages and empty variants left out and counted", () => {
    const { links, report } = memoryFromTmx(
      tmx(
        [
          '<tu><tuv lang="EN-US"><seg>Yes</seg></tuv><tuv lang="FR-CA"><seg>Oui</seg></tuv><tuv lang="DE-DE"><seg>Ja</seg></tuv></tu>',
          '<tu><tuv lang="EN-GB"><seg>No</seg></tuv><tuv lang="EN-US"><seg>Nope</seg></tuv><tuv lang="fr-FR"><seg>   </seg></tuv></tu>',
          '<tu><tuv lang="de"><seg>Nur Deutsch</seg></tuv></tu>',
          '<tu><prop type="x-ConfirmationLevel">ApprovedSignOff</prop><tuv lang="en"><seg>Signed</seg></tuv><tuv lang="fr"><seg>Signé</seg></tuv></tu>',
        ].join("\n"),
        "1.1",
      ),
    );
    expect(links).toEqual([
      { en: ["Yes"], fr: ["Oui"], status: "automatic", confidence: 1 },
      { en: ["No"], fr: [], status: "automatic", confidence: 1 },
      { en: ["Signed"], fr: ["Signé"], status: "confirmed", confidence: 1 },
    ]);
    expect(report).toMatchObject({ version: "1.1", units: 4, withoutText: 1, otherLanguages: { "DE-DE": 1, de: 1 }, extraVariants: 1, confirmed: 1 });
  });

  it("keeps a joined unit whole when another tool changed its text, and says so", () => {
    const { links, report } = memoryFromTmx(
      tmx(`<tu><prop type="${BREAK_PROPS.fr}">5</prop><tuv xml:lang="en"><seg>A b</seg></tuv><tuv xml:lang="fr"><seg>Unb deux</seg></tuv></tu>`),
    );
    expect(links[0].fr).toEqual(["Unb deux"]);
    expect(report.keptJoined).toBe(1);
  });

  it("drops and counts the raw control characters XML forbids, keeping the rest of the text", () => {
    const { links, report } = memoryFromTmx(
      tmx('<tu><tuv xml:lang="en"><seg>Bell\u0007 and tab\there</seg></tuv><tuv xml:lang="fr"><seg>Cloche\u0001</seg></tuv></tu>'),
    );
    expect(links[0]).toMatchObject({ en: ["Bell and tab\there"], fr: ["Cloche"] });
    expect(report.droppedCharacters).toBe(2);
  });

  it("names languages by their primary subtag", () => {
    expect(["en", "EN-us", "en_GB", "eng", "fr-CA", "FRA", "fre", "de", "*all*"].map(languageOfTag)).toEqual([
      "en",
      "en",
      "en",
      "en",
      "fr",
      "fr",
      "fr",
      null,
      null,
    ]);
  });
});

describe("a memory's own name and dates", () => {
  const header = (inside: string, attributes = "") =>
    memoryTitle({ header: { attributes: Object.fromEntries([...attributes.matchAll(/(\S+)="([^"]*)"/g)].map((m) => [m[1], m[2]])), ...(inside.length ? JSON.parse(inside) : { notes: [], props: [] }) } });
  it.each([
    { name: "Tandem's x-title", inside: '{"notes": ["Pair 1 “x”"], "props": [["x-title", "Mutual Legal Assistance Act"]]}', attributes: 'creationtool="Tandem"', title: "Mutual Legal Assistance Act" },
    { name: "a tool's name prop", inside: '{"notes": [], "props": [["defclient", "Justice"], ["name", "  MLA treaties \\t EN-FR "]]}', attributes: "", title: "MLA treaties EN-FR" },
    { name: "a header attribute", inside: "", attributes: 'creationtool="X" x-tmname="Bank Act TM"', title: "Bank Act TM" },
    { name: "a short note", inside: '{"notes": ["Criminal law treaties"], "props": []}', attributes: "", title: "Criminal law treaties" },
    { name: "a note too long to be a title", inside: JSON.stringify({ notes: ["x".repeat(121)], props: [] }), attributes: "", title: null },
    { name: "Tandem's own notes, which say what was exported", inside: '{"notes": ["Exported by Tandem"], "props": []}', attributes: 'creationtool="Tandem"', title: null },
    { name: "nothing", inside: "", attributes: 'creationtool="SDL Language Platform"', title: null },
  ])("comes from $name", ({ inside, attributes, title }) => {
    expect(header(inside, attributes)).toBe(title);
  });

  it.each([
    { value: "20240305T091502Z", date: "2024-03-05T09:15:02.000Z" },
    { value: "20240230T091502Z", date: undefined },
    { value: "2024-03-05", date: undefined },
    { value: undefined, date: undefined },
  ])("reads the TMX date $value", ({ value, date }) => {
    expect(parseTmxDate(value)?.toISOString()).toBe(date);
  });
});
