import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusPairs } from "../../scripts/corpus-pool";
import { parseShard, shardOf } from "../../scripts/corpus-shard";

/**
 * The corpus command split across machines (issue 15 item 4, decision 45): `--shard K/N` on one made-up folder of six
 * short pairs; the shards together write exactly what one run writes.
 */

const PAIRS: Record<string, [string[], string[]]> = {
  bakery: [
    ["The bakery opens at seven.", "Bread is baked every morning."],
    ["La boulangerie ouvre à sept heures.", "Le pain est cuit chaque matin."],
  ],
  library: [
    ["The library lends twelve books at a time.", "Books are due back in three weeks.", "Late books cost 20 cents a day."],
    ["La bibliothèque prête douze livres à la fois.", "Les livres sont à rendre dans trois semaines.", "Un livre en retard coûte 20 centimes par jour."],
  ],
  market: [
    ["The market is held on Saturdays.", "Stalls cost 15 euros."],
    ["Le marché a lieu le samedi.", "Un étal coûte 15 euros."],
  ],
  pool: [
    ["The swimming pool is closed on Mondays.", "Children under 8 must swim with an adult."],
    ["La piscine est fermée le lundi.", "Les enfants de moins de 8 ans nagent avec un adulte."],
  ],
  station: [
    ["Trains leave for the city every hour.", "The last train leaves at 23:10."],
    ["Les trains partent pour la ville toutes les heures.", "Le dernier train part à 23 h 10."],
  ],
  theatre: [
    ["The theatre seats 400 people.", "Tickets go on sale in September.", "The season ends in June."],
    ["Le théâtre compte 400 places.", "Les billets sont en vente en septembre.", "La saison finit en juin."],
  ],
};
const NAMES = Object.keys(PAIRS).sort();

let root: string;
let corpus: string;

function align(...args: string[]) {
  const done = spawnSync("npx", ["tsx", "scripts/align.ts", ...args], { encoding: "utf8" });
  return { status: done.status, stderr: done.stderr };
}
const outputs = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((file) => [file, readFileSync(path.join(dir, file))]));
/** A folder under the test's root that does not exist yet (removed if an earlier try left it). */
function freshPath(name: string): string {
  const dir = path.join(root, name);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "tandem-shards-"));
  corpus = path.join(root, "in");
  mkdirSync(corpus);
  for (const [name, [en, fr]] of Object.entries(PAIRS)) {
    writeFileSync(path.join(corpus, `${name}.en`), en.join("\n") + "\n");
    writeFileSync(path.join(corpus, `${name}.fr`), fr.join("\n") + "\n");
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the corpus command's --shard K/N", () => {
  it("aligns on two shards, disjoint and both at work, what one run aligns, byte for byte", () => {
    // The folder is meant to give both shards work; if a renamed pair ever breaks that, the test says so first.
    expect(new Set(NAMES.map((name) => shardOf(name, 2)))).toEqual(new Set([1, 2]));
    const whole = freshPath("whole");
    expect(align("--presegmented", "--corpus", corpus, "--out", whole, "--jobs", "1").status).toBe(0);
    expect(Object.keys(outputs(whole))).toEqual(NAMES.map((name) => `${name}.links`));

    const shards = [1, 2].map((k) => {
      const out = freshPath(`shard-${k}`);
      const done = align("--presegmented", "--corpus", corpus, "--out", out, "--jobs", "1", "--shard", `${k}/2`);
      expect(done.status).toBe(0);
      const mine = NAMES.filter((name) => shardOf(name, 2) === k);
      expect(done.stderr).toContain(`shard ${k}/2 (${NAMES.length - mine.length} names of the folder in the other shards): ${mine.length} of ${mine.length} pairs to align`);
      return outputs(out);
    });
    const [first, second] = shards.map((files) => Object.keys(files));
    expect(first.filter((file) => second.includes(file))).toEqual([]);
    expect({ ...shards[0], ...shards[1] }).toEqual(outputs(whole));
  }, 120_000);

  it("puts a pair in a shard by its name alone, so that pairs added to the corpus move no finished pair", () => {
    const grown = freshPath("grown");
    mkdirSync(grown);
    for (const file of readdirSync(corpus)) writeFileSync(path.join(grown, file), readFileSync(path.join(corpus, file)));
    for (const name of ["ferry", "museum", "zoo"]) for (const language of ["en", "fr"]) writeFileSync(path.join(grown, `${name}.${language}`), "x\n");
    for (const index of [1, 2, 3]) {
      const shard = { index, count: 3 };
      const before = corpusPairs(corpus, ["en", "fr"], shard).pairs.map((pair) => pair.name);
      const after = corpusPairs(grown, ["en", "fr"], shard).pairs.map((pair) => pair.name);
      expect(after.filter((name) => NAMES.includes(name))).toEqual(before);
    }
    const counted = corpusPairs(grown, ["en", "fr"], { index: 1, count: 3 });
    expect(counted.pairs.length + counted.elsewhere).toBe(NAMES.length + 3);
  });

  it("is the SHA-1 of the name, as `printf NAME | sha1sum` shows it: its first eight hex digits modulo N, plus one", () => {
    // FIPS 180's test vector: SHA-1("abc") = a9993e36 4706816a …; 0xa9993e36 = 2845392438, which leaves 2 modulo 4.
    expect(shardOf("abc", 4)).toBe(3);
    expect(shardOf("abc", 1)).toBe(1);
  });

  it("refuses a shard that is not K/N with 1 ≤ K ≤ N, and a shard without --corpus, with a sentence", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    for (const wrong of ["0/2", "3/2", "1/0", "a/b", "1", "", undefined]) expect(parseShard(wrong)).toMatch(/^--shard takes K\/N, this machine's part K of N/);
    const refused = align("--presegmented", "--corpus", corpus, "--out", freshPath("refused"), "--shard", "3/2");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^--shard takes K\/N, this machine's part K of N \(1 ≤ K ≤ N\), e\.g\. 1\/4, not 3\/2$/m);
    const alone = align("--presegmented", "--shard", "1/2", path.join(corpus, "pool.en"), path.join(corpus, "pool.fr"));
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain("--out, --jobs, --force and --shard go with --corpus");
  }, 60_000);
});
