import { describe, expect, it } from "vitest";
import { decodeDeclared, decodeText, looksLikeUtf8, scanUtf8 } from "./decode";
import { damage, DISPATCH, latin1, multibyteStarts, replaced, spread } from "./decode.cases";

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

describe("damaged UTF-8 against Windows-1252", () => {
  const bytes8 = utf8(DISPATCH);
  const starts = multibyteStarts(bytes8);

  it("reads a real Windows-1252 French text as Windows-1252, every accent right", () => {
    expect(decodeText(latin1(DISPATCH))).toMatchObject({ ok: true, encoding: "windows-1252", text: DISPATCH });
  });

  it.each([
    { damaged: 1, lines: "line 5" },
    { damaged: 5, lines: "lines 1, 3, 5 and 7" },
    // 20 of its 47 accented letters and quotes: damage no longer rare, but still fewer than the good ones.
    { damaged: 20, lines: "lines 1, 3, 5 and 7" },
  ])("reads UTF-8 French with $damaged damaged characters as UTF-8, replacing them and naming their lines", ({ damaged, lines }) => {
    const chosen = spread(starts, damaged);
    const result = decodeText(damage(bytes8, chosen));
    expect(result).toMatchObject({ ok: true, encoding: "utf-8", text: replaced(DISPATCH, chosen) });
    expect(result.ok && result.note).toBe(
      `Read as UTF-8, but ${damaged === 1 ? "1 character" : `${damaged} characters`} could not be read (bytes that are not valid UTF-8) and ${damaged === 1 ? "was" : "were"} replaced by “\uFFFD”, on ${lines}.`,
    );
  });

  it("reads as Windows-1252 a file with more errors than well-formed characters: it is not plausibly UTF-8", () => {
    const result = decodeText(damage(bytes8, spread(starts, 30)));
    expect(result).toMatchObject({ ok: true, encoding: "windows-1252" });
    expect(result.ok && result.note).toMatch(/not UTF-8/);
  });

  it("names the first five lines with damage and counts the others", () => {
    const text = Array.from({ length: 12 }, (_, k) => `Ligne ${k + 1} : coopération.`).join("\n");
    const every = multibyteStarts(utf8(text));
    const result = decodeText(damage(utf8(text), every.filter((_, k) => k % 2 === 1)));
    expect(result.ok && result.note).toMatch(/6 characters .* on lines 2, 4, 6, 8, 10 and 1 other line\.$/);
  });

  it("reads Latin-1 text with a few accidental UTF-8-looking pairs as Windows-1252", () => {
    // "É»" and "Â«" are well-formed UTF-8 (ɻ, «) by accident; the text's other accents are not.
    const text = `${DISPATCH}\n\nRÉSUMÉ» : L'ÉTÉ» de l'ONU ; Â« citation Â».`;
    const scan = scanUtf8(latin1(text));
    expect(scan.multibyte).toBe(4);
    expect(looksLikeUtf8(scan)).toBe(false);
    expect(decodeText(latin1(text))).toMatchObject({ ok: true, encoding: "windows-1252", text });
  });

  it.each([
    { name: "an accented letter", text: "Coopération internationale, entraide judiciaire : procédure accélérée pour les données é", cut: 1 },
    { name: "a curly apostrophe in ASCII text", text: "Mutual legal assistance shall be provided without delay by the central authority’", cut: 2 },
  ])("reads UTF-8 cut in the middle of $name at the end, and says it was cut", ({ text, cut }) => {
    const input = utf8(text).subarray(0, utf8(text).length - cut);
    const result = decodeText(input);
    expect(result).toMatchObject({ ok: true, encoding: "utf-8", text: `${text.slice(0, -1)}\uFFFD` });
    expect(result.ok && result.note).toMatch(/ends in the middle of a character/);
    expect(result.ok && result.note).not.toMatch(/could not be read/);
  });

  it("still reads a text whose only non-ASCII byte is a Windows-1252 sign as Windows-1252", () => {
    expect(decodeText(latin1("The fee is 5 \u0080 per page."))).toMatchObject({ ok: true, encoding: "windows-1252", text: "The fee is 5 € per page." });
  });

  it("replaces damage after a byte-order mark and says so, rather than calling the file binary", () => {
    const chosen = starts.slice(0, 30);
    const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...damage(bytes8, chosen)]));
    expect(result).toMatchObject({ ok: true, encoding: "utf-8", text: replaced(DISPATCH, chosen) });
    expect(result.ok && result.note).toMatch(/^Read as UTF-8, but 30 characters could not be read/);
  });

  it.each([
    { name: "a lone continuation byte", input: bytes(0x61, 0x80, 0x62), multibyte: 0, invalid: [1] },
    { name: "an overlong form", input: bytes(0xc0, 0xaf, 0x61), multibyte: 0, invalid: [0, 1] },
    { name: "a surrogate", input: bytes(0xed, 0xa0, 0x80), multibyte: 0, invalid: [0, 1, 2] },
    { name: "a three-byte character broken after two bytes", input: bytes(0xe2, 0x80, 0x61, 0xc3, 0xa9), multibyte: 1, invalid: [0] },
    { name: "four bytes past U+10FFFF", input: bytes(0xf4, 0x90, 0x80, 0x80), multibyte: 0, invalid: [0, 1, 2, 3] },
  ])("counts UTF-8 errors as a decoder replaces them: $name", ({ input, multibyte, invalid }) => {
    expect(scanUtf8(input)).toEqual({ multibyte, invalid, cutAtEnd: false });
    expect([...new TextDecoder().decode(input)].filter((c) => c === "\uFFFD")).toHaveLength(invalid.length);
  });
});

describe("a declared encoding", () => {
  // “Déjà” € – in Windows-1252: the bytes 0x80–0x9F are its signs, not Latin-1's controls.
  const bytes = Uint8Array.from([0x93, 0x44, 0xe9, 0x6a, 0xe0, 0x94, 0x20, 0x80, 0x20, 0x96]);
  it.each([["windows-1252"], ["ISO-8859-1"], ["latin1"], ["us-ascii"], [" cp1252 "]])("reads %s as browsers do, as Windows-1252", (label) => {
    expect(decodeDeclared(bytes, label)).toBe("“Déjà” € –");
  });
  it("reads other encodings Node knows, and gives null for a label it does not", () => {
    expect(decodeDeclared(Uint8Array.from([0xc3, 0xa9]), "utf-8")).toBe("é");
    expect(decodeDeclared(Uint8Array.from([0xe9, 0xbf]), "iso-8859-15")).toBe("é¿");
    expect(decodeDeclared(bytes, "no-such-charset")).toBeNull();
  });
});
