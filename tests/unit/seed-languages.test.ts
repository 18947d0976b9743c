import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../alignments/text/detect-language";
import { corporaDir, corpusSeeds } from "../../app/models/seeds.server";

/**
 * Language detection on real documents: the seeds and the shared corpora are detected as their language, and
 * the check that tells text from noise (random bytes, base64, hex) never calls them noise, not even the Bank
 * Act's lines made mostly of figures ("65(1), 72(2), 75(4), …"). `npx tsx scripts/eval-text-check.ts` runs
 * the same check on every corpus line and prints the measures.
 */
const corpora = corporaDir();
const corpusFiles = corpora
  ? readdirSync(corpora, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(corpora, d.name)).filter((n) => /\.(en|fr)$/.test(n)).map((n) => join(corpora, d.name, n)))
  : [];

describe("language detection on real documents", () => {
  it.each(corpusSeeds().map((s) => ({ name: s.sourceName, text: s.raw })))("detects the seed $name as French", ({ text }) => {
    expect(detectLanguage(text)).toMatchObject({ status: "detected", language: "fr" });
  });

  it.skipIf(corpusFiles.length === 0).each(corpusFiles.map((file) => ({ file, language: file.slice(-2) })))("detects $file as its language", ({ file, language }) => {
    expect(detectLanguage(readFileSync(file, "utf8"))).toMatchObject({ status: "detected", language });
  });

  const bankAct = corpora ? ["en", "fr"].map((l) => join(corpora, "canada-bank-act", `B-1.01.${l}`)).filter((f) => existsSync(f)) : [];
  it.skipIf(bankAct.length === 0)("does not call the Bank Act's lines made mostly of figures noise", () => {
    const lines = bankAct.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => (line.match(/\S/gu) ?? []).length >= 40 && (line.match(/\p{L}/gu) ?? []).length < 0.6 * (line.match(/\S/gu) ?? []).length),
    );
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.filter((line) => detectLanguage(line).status === "not-text")).toEqual([]);
  });
});
