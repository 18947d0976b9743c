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
