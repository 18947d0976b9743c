import { describe, expect, it } from "vitest";
import { processDocument } from "./pipeline";

describe("processing a document into segments", () => {
  const document = processDocument(
    [
      "Protecting victims. A priority",
      "",
      "The convention must protect victims.1 It must offer remedies.",
      "",
      "Sincerely,",
      "",
      "Dr. Jane Doe. Professor of Law",
      "",
      "1 See the report. It is public.",
    ].join("\n"),
    "en",
  );

  it("cuts prose by sentence, keeps a heading and a signature entry whole", () => {
    expect(document.segments.map((s) => [s.kind, s.text])).toEqual([
      ["heading", "Protecting victims. A priority"],
      ["body", "The convention must protect victims."],
      ["body", "It must offer remedies."],
      ["body", "Sincerely,"],
      ["item", "Dr. Jane Doe. Professor of Law"],
      ["note", "See the report."],
      ["note", "It is public."],
    ]);
  });

  it("keeps the note number in the clean text but not in the note's first segment", () => {
    const note = document.paragraphs.find((p) => p.kind === "note")!;
    expect(note).toMatchObject({ label: "1", text: "1 See the report. It is public." });
    expect(document.cleanText.endsWith("\n\n1 See the report. It is public.")).toBe(true);
  });

  it("places a note call at its offset in the segment that carried it", () => {
    const carrier = document.segments[1];
    expect(carrier.noteRefs).toEqual([{ label: "1", offset: carrier.text.length }]);
    expect(document.segments.filter((s) => s.noteRefs.length > 0)).toHaveLength(1);
  });

  it("numbers paragraphs in reading order and keeps offsets exact", () => {
    expect(document.segments.map((s) => s.paragraph)).toEqual([0, 1, 1, 2, 3, 4, 4]);
    for (const s of document.segments) expect(document.cleanText.slice(s.start, s.end)).toBe(s.text);
  });

  it("gives an empty document no segment", () => {
    expect(processDocument("\n \n", "fr")).toMatchObject({ cleanText: "", segments: [], paragraphs: [] });
  });
});

describe("a statute's lines read as prose (the Bank Act, ../shared/corpora)", () => {
  // Its marginal note "Signatures", then provisions and definitions, one unit a line as the corpus has them.
  const lines = [
    "Signatures",
    "A security certificate shall be signed by or bear the printed or otherwise mechanically reproduced signature of at least one of the following:",
    "a director or officer of the bank;",
    "a registrar or transfer agent of the bank or a branch transfer agent or a natural person on their behalf; or",
    "a trustee who certifies it in accordance with a trust indenture.",
    "Special Security",
    "Definitions",
    "For the purposes of sections 426 to 436,",
    "agricultural equipment means implements, apparatus, appliances and machinery of any kind usually affixed to real property, for use on a farm, but does not include a farm electric system; (installations agricoles ou matériel agricole immobilier)",
    "agricultural implements means tools, implements, apparatus, appliances and machines of any kind not usually affixed to real property, for use on or in connection with a farm, and vehicles for use in the business of farming and, without restricting the generality of the foregoing, includes plows, harrows, drills, seeders, cultivators, mowing machines, reapers, binders, threshing machines, combines, leaf tobacco tying machines, tractors, movable granaries, trucks for carrying products of agriculture, equipment for bee-keeping, cream separators, churns, washing machines, spraying apparatus, portable irrigation apparatus, incubators, milking machines, refrigerators and heating and cooking appliances for farming operations or use in the farm home of a kind not usually affixed to real property; (instruments agricoles ou matériel agricole mobilier)",
    "aquacultural electric system means all machinery, apparatus and appliances for the generation or distribution of electricity in an aquaculture operation, whether or not affixed to real property; (installation électrique aquicole)",
    "aquacultural equipment means implements, apparatus, appliances and machinery of any kind usually affixed to real property for use in an aquaculture operation, but does not include an aquacultural electric system; (installations aquicoles ou matériel aquicole immobilier)",
    "aquacultural implements means tools, implements, apparatus, appliances and machines of any kind not usually affixed to real property, for use in an aquaculture operation, and includes net pen systems, vehicles and boats for use in aquaculture; (instruments aquicoles ou matériel aquicole mobilier)",
  ];
  const document = processDocument(lines.join("\n"), "en");
  const texts = document.segments.map((s) => s.text);

  it("does not take a marginal note \"Signatures\" for a letter's signatures: what follows is still cut into sentences", () => {
    expect(document.paragraphs.some((p) => p.oneSegment)).toBe(false);
    // Its paragraphs, whose labels the corpus leaves out, go on in lower case: prose joins them to the provision.
    expect(texts).toContain(lines.slice(1, 5).join(" "));
  });

  it("keeps each definition a segment with its closing French term, though each goes on in lower case", () => {
    // The first one stays behind its introduction, "For the purposes of sections 426 to 436,": nothing cuts after a comma.
    expect(texts).toContain(`${lines[7]} ${lines[8]}`);
    for (const definition of lines.slice(9)) expect(texts).toContain(definition);
  });
});

describe("prose in the scripts without Latin sentence ends (made-up paragraphs)", () => {
  it.each([
    { language: "zh-Hans", text: "大会通过了决议。会议于下午结束。", segments: ["大会通过了决议。", "会议于下午结束。"] },
    { language: "zh-Hant", text: "主席說：“會議結束。”各國代表離開了。", segments: ["主席說：“會議結束。”", "各國代表離開了。"] },
    { language: "ja", text: "総会は決議を採択した。会議は午後に終わった。", segments: ["総会は決議を採択した。", "会議は午後に終わった。"] },
    { language: "ar", text: "هل انتهت الدورة؟ نعم، انتهت اليوم؟", segments: ["هل انتهت الدورة؟", "نعم، انتهت اليوم؟"] },
  ] as const)("$language: a paragraph ending in its own punctuation is prose, cut into sentences", ({ language, text, segments }) => {
    // Two paragraphs, so the first is not read as the document's title.
    const document = processDocument(`Title\n\n${text}`, language);
    expect(document.segments.slice(1).map((s) => [s.kind, s.text])).toEqual(segments.map((s) => ["body", s]));
  });

  it("keeps a Chinese title without final punctuation a heading", () => {
    expect(processDocument("世界人权宣言\n\n大会通过了决议。会议于下午结束。", "zh-Hans").segments[0]).toMatchObject({ kind: "heading", text: "世界人权宣言" });
  });
});
