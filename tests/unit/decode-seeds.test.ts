import { describe, expect, it } from "vitest";
import { damage, multibyteStarts, replaced, spread, windows1252, windows1252Text } from "../../alignments/text/decode.cases";
import { decodeText } from "../../alignments/text/decode";
import { corpusSeeds } from "../../app/models/seeds.server";

/**
 * The decoder's rule between damaged UTF-8 and Windows-1252 (alignments/text/decode.ts, `looksLikeUtf8`) on
 * the five real French seed documents: 150 to 650 accented letters, quotes and dashes each.
 */
const utf8 = (s: string) => new TextEncoder().encode(s);

describe.each(corpusSeeds().map((seed) => ({ name: seed.sourceName, text: seed.raw })))("decoding the seed $name", ({ text }) => {
  const bytes = utf8(text);
  const starts = multibyteStarts(bytes);

  it("reads it saved as Windows-1252 as Windows-1252, every accent right", () => {
    const saved = windows1252Text(text);
    expect(decodeText(windows1252(saved))).toMatchObject({ ok: true, encoding: "windows-1252", text: saved });
  });

  it.each([1, 5, 0.4])("reads it as UTF-8 with %s damaged characters (a share when below 1), each replaced and counted", (amount) => {
    const n = amount < 1 ? Math.floor(starts.length * amount) : amount;
    const chosen = spread(starts, n);
    const result = decodeText(damage(bytes, chosen));
    expect(result).toMatchObject({ ok: true, encoding: "utf-8", text: replaced(text, chosen) });
    expect(result.ok && result.note).toMatch(new RegExp(`^Read as UTF-8, but ${n === 1 ? "1 character" : `${n.toLocaleString("en-US")} characters`} could not be read .* on lines? \\d`));
  });

  it("reads it as Windows-1252 with a few accidental UTF-8-looking pairs added", () => {
    const saved = `${windows1252Text(text)}\nL'ÉTÉ» ; Â« note Â» ; CAFÉ».`;
    expect(decodeText(windows1252(saved))).toMatchObject({ ok: true, encoding: "windows-1252", text: saved });
  });

  it("reads it as UTF-8 when cut in the middle of its last accented character", () => {
    const last = starts[starts.length - 1];
    const result = decodeText(bytes.subarray(0, last + 1));
    expect(result).toMatchObject({ ok: true, encoding: "utf-8", text: `${new TextDecoder().decode(bytes.subarray(0, last))}\uFFFD` });
    expect(result.ok && result.note).toMatch(/ends in the middle of a character/);
  });
});
