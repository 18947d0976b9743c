import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { DICTD_FOLDER, freedictFiles, freedictPairLexicon } from "./freedict";

/** A dictionary in dictd's files, as the packages install them (base-64 offsets into the inflated dictionary). */
function writeDictionary(folder: string, name: string, entries: Array<[string, string]>): void {
  const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const b64 = (n: number) => {
    let out = "";
    do (out = digits[n % 64] + out), (n = Math.floor(n / 64));
    while (n > 0);
    return out;
  };
  let offset = 0;
  const index: string[] = [];
  const bodies: Buffer[] = [];
  for (const [headword, body] of entries) {
    const bytes = Buffer.from(body, "utf8");
    index.push(`${headword}\t${b64(offset)}\t${b64(bytes.length)}`);
    bodies.push(bytes);
    offset += bytes.length;
  }
  writeFileSync(join(folder, `${name}.index`), index.join("\n") + "\n");
  writeFileSync(join(folder, `${name}.dict.dz`), gzipSync(Buffer.concat(bodies)));
}

describe("FreeDict dictionaries from dictd's files", () => {
  const folder = mkdtempSync(join(tmpdir(), "tandem-dictd-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  writeDictionary(folder, "freedict-eng-spa", [["right", "right /rait/\nderecho\n"]]);
  writeDictionary(folder, "freedict-spa-eng", [["libertad", "libertad /liβeɾtˈað/\nfreedom, liberty\n"]]);

  it("finds both directions of a pair, and none of a pair not installed", () => {
    expect(freedictFiles("en", "es", folder)).toEqual([["freedict-eng-spa", true], ["freedict-spa-eng", false]]);
    expect(freedictFiles("es", "en", folder)).toEqual([["freedict-spa-eng", true], ["freedict-eng-spa", false]]);
    expect(freedictFiles("en", "ru", folder)).toEqual([]);
  });

  it("gives word pairs with the first language's word first, whichever way the dictionary goes", () => {
    expect(freedictPairLexicon("en", "es", folder)).toEqual([
      { en: "right", fr: "derecho" },
      { en: "freedom", fr: "libertad" },
      { en: "liberty", fr: "libertad" },
    ]);
  });

  const installed = freedictFiles("en", "fr").length === 2;
  it.skipIf(!installed)(`reads Debian's English–French dictionaries in ${DICTD_FOLDER}`, () => {
    const pairs = freedictPairLexicon("en", "fr");
    expect(pairs).toContainEqual({ en: "bank", fr: "banque" });
    expect(pairs.length).toBeGreaterThan(10_000);
  });
});
