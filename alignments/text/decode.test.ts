import { describe, expect, it } from "vitest";
import { decodeText } from "./decode";

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);
const utf16le = (s: string, bom = true) => {
  const out: number[] = bom ? [0xff, 0xfe] : [];
  for (const c of s) out.push(c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8);
  return new Uint8Array(out);
};
const utf16be = (s: string) => {
  const out: number[] = [0xfe, 0xff];
  for (const c of s) out.push(c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff);
  return new Uint8Array(out);
};

const TEXT = "Coopération internationale : l'entraide judiciaire « rapide ».";

describe("decoding uploaded files", () => {
  it.each([
    { name: "UTF-8", input: utf8(TEXT), encoding: "utf-8" },
    { name: "UTF-8 with a BOM", input: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]), encoding: "utf-8" },
    { name: "UTF-16 LE with a BOM", input: utf16le(TEXT), encoding: "utf-16le" },
    { name: "UTF-16 BE with a BOM", input: utf16be(TEXT), encoding: "utf-16be" },
    { name: "UTF-16 LE without a BOM", input: utf16le(TEXT, false), encoding: "utf-16le" },
    // "Coopération" with é = 0xE9 and guillemets 0xAB/0xBB: Latin-1 and Windows-1252 agree on them.
    { name: "Latin-1", input: new Uint8Array([...TEXT].map((c) => c.charCodeAt(0))), encoding: "windows-1252" },
  ])("reads $name", ({ input, encoding }) => {
    const result = decodeText(input);
    expect(result).toMatchObject({ ok: true, text: TEXT, encoding });
  });

  it("reads Windows-1252 curly quotes and the euro sign", () => {
    // ’ is 0x92 and € is 0x80 in Windows-1252, undefined in Latin-1.
    const result = decodeText(bytes(0x6c, 0x92, 0x61, 0x72, 0x74, 0x20, 0x80));
    expect(result).toMatchObject({ ok: true, text: "l’art €", encoding: "windows-1252" });
    expect(result.ok && result.note).toMatch(/Windows-1252/);
  });

  it.each([
    { name: "an empty file", input: bytes(), message: /empty/ },
    { name: "white space only", input: utf8(" \n\t\n"), message: /no text/ },
    { name: "a PDF", input: utf8("%PDF-1.7\n..."), message: /PDF/ },
    { name: "a Word .docx (zip)", input: bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), message: /Word/ },
    { name: "a PNG", input: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), message: /PNG/ },
    { name: "random binary", input: bytes(0x01, 0x02, 0x00, 0x9f, 0xff, 0x00, 0x13, 0x37, 0x00, 0x00, 0x05), message: /binary/ },
    { name: "control characters", input: utf8("\u0001\u0002\u0003\u0004abc\u0005\u0006"), message: /binary/ },
  ])("refuses $name with a clear message", ({ input, message }) => {
    const result = decodeText(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
