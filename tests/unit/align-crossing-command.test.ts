import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coverageProblems } from "../../alignments/align/crossing";
import { alignmentProblems, parseLinks } from "../../alignments/align/links";
import { alignPair, type PairOptions } from "../../scripts/align-pair";

/**
 * The command line links definitions across the order by default (decision 0039): a made-up act whose definitions are
 * alphabetised in each language, so that "cart … (chariot)", listed after "apple" in English, opens the French list.
 */

const ENGLISH = [
  "Definitions",
  "The following definitions apply in this Act.",
  "apple means the fruit of a tree grown in an orchard; (pomme)",
  "cart means a wagon with two wheels pulled by hand; (chariot)",
  "door means the opening of a shed that closes with a lock; (porte)",
  "Application",
  "This Act applies to every orchard of 40 hectares or more in the province.",
];
const FRENCH = [
  "Définitions",
  "Les définitions qui suivent s’appliquent à la présente loi.",
  "chariot Voiture à deux roues tirée à la main. (cart)",
  "pomme Fruit d’un arbre cultivé dans un verger. (apple)",
  "porte Ouverture d’une remise qui se ferme à clé. (door)",
  "Application",
  "La présente loi s’applique à tout verger de 40 hectares ou plus dans la province.",
];

let root: string;
let corpus: string;
const OPTIONS: PairOptions = { languages: ["en", "fr"], presegmented: true, lexicon: [], format: "links", confidence: false };
const files = () => ({ first: path.join(corpus, "act.en"), second: path.join(corpus, "act.fr") });

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "tandem-crossing-"));
  corpus = path.join(root, "in");
  mkdirSync(corpus);
  writeFileSync(files().first, ENGLISH.join("\n") + "\n");
  writeFileSync(files().second, FRENCH.join("\n") + "\n");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the command line's links across the order", () => {
  it("links a definition the other language lists elsewhere by default, and keeps the documents' order with monotone", async () => {
    const links = parseLinks((await alignPair(files(), OPTIONS)).output);
    expect(links).toContainEqual({ en: [3], fr: [2] });
    expect(links).toContainEqual({ en: [2], fr: [3] });
    expect(coverageProblems(links, ENGLISH.length, FRENCH.length)).toEqual([]);
    const monotone = parseLinks((await alignPair(files(), { ...OPTIONS, monotone: true })).output);
    expect(alignmentProblems(monotone, ENGLISH.length, FRENCH.length)).toEqual([]);
  });

  it("takes --monotone on the command line, for one pair and for a corpus", () => {
    const run = (args: string[]) => spawnSync("npx", ["tsx", "scripts/align.ts", "--presegmented", ...args], { encoding: "utf8" });
    const onePair = run(["--monotone", files().first, files().second]);
    expect(onePair.status, onePair.stderr).toBe(0);
    expect(alignmentProblems(parseLinks(onePair.stdout), ENGLISH.length, FRENCH.length)).toEqual([]);
    const out = path.join(root, "out");
    rmSync(out, { recursive: true, force: true });
    const folder = run(["--monotone", "--corpus", corpus, "--out", out, "--jobs", "1"]);
    expect(folder.status, folder.stderr).toBe(0);
    expect(alignmentProblems(parseLinks(readFileSync(path.join(out, "act.links"), "utf8")), ENGLISH.length, FRENCH.length)).toEqual([]);
  });
});
