import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCommand } from "../../scripts/build-command.mjs";
import { corpusPairs } from "../../scripts/corpus-pool";
import { CorpusProgress } from "../../scripts/corpus-progress";

/**
 * The corpus command (issue 15 item 2) and the built command (item 3), run as a user runs them, on a made-up folder:
 * two pairs that align and one whose English file is binary.
 */

const CHARTER = {
  en: [
    "Charter of the Harbour Cooperative",
    "Article 1. Members",
    "Every fisher who lives in the village may join the cooperative.",
    "Membership costs 25 euros a year and is paid in March.",
    "Article 2. Meetings",
    "The members meet twice a year, in April and in October.",
    "A meeting decides by a majority of the members present.",
  ],
  fr: [
    "Charte de la coopérative du port",
    "Article 1. Membres",
    "Tout pêcheur qui habite le village peut adhérer à la coopérative.",
    "L'adhésion coûte 25 euros par an et se paie en mars.",
    "Article 2. Réunions",
    "Les membres se réunissent deux fois par an, en avril et en octobre.",
    "Une réunion décide à la majorité des membres présents.",
  ],
};
const NOTICE = {
  en: ["Notice to visitors", "The museum opens at 9 a.m. and closes at 6 p.m.", "Tickets cost 12 euros.", "Photographs are allowed without flash."],
  fr: ["Avis aux visiteurs", "Le musée ouvre à 9 heures et ferme à 18 heures.", "Le billet coûte 12 euros.", "Les photographies sont permises sans flash."],
};

let root: string;
let corpus: string;
const lines = (texts: string[]) => texts.join("\n") + "\n";

function run(program: string[], args: string[]) {
  const done = spawnSync(program[0], [...program.slice(1), ...args], { encoding: "utf8" });
  return { status: done.status, stdout: done.stdout, stderr: done.stderr };
}
const TSX = ["npx", "tsx", "scripts/align.ts"];
/** A fresh folder under the test's root (emptied if an earlier try left it). */
function freshDir(name: string): string {
  const dir = path.join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  return dir;
}
const corpusRun = (out: string, ...more: string[]) => run(TSX, ["--presegmented", "--corpus", corpus, "--out", out, ...more]);
let onOneThread: Record<string, string> | undefined;
/** The outputs of one run on one thread, made by whichever test needs them first. */
function oneThreadOutputs(): Record<string, string> {
  if (!onOneThread) {
    const out = path.join(freshDir("reference"), "out");
    corpusRun(out, "--jobs", "1");
    onOneThread = outputs(out);
  }
  return onOneThread;
}
const outputs = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((file) => [file, readFileSync(path.join(dir, file), "utf8")]));

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "tandem-corpus-"));
  corpus = path.join(root, "in");
  mkdirSync(corpus);
  for (const [name, pair] of Object.entries({ charter: CHARTER, notice: NOTICE })) {
    writeFileSync(path.join(corpus, `${name}.en`), lines(pair.en));
    writeFileSync(path.join(corpus, `${name}.fr`), lines(pair.fr));
  }
  writeFileSync(path.join(corpus, "broken.en"), Buffer.from([0x50, 0x4b, 0x00, 0x01, 0x02, 0x00, 0xff, 0xfe, 0x00, 0x00]));
  writeFileSync(path.join(corpus, "broken.fr"), "Un avis.\n");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the corpus command", () => {
  it("aligns each pair into OUT/NAME.links as the two-file command does, reports the broken pair by name and exits non-zero", () => {
    const out = path.join(freshDir("one"), "out");
    const done = corpusRun(out, "--jobs", "1");
    expect(done.status).toBe(1);
    expect(done.stderr).toMatch(/^broken: failed: .*broken\.en.*binary/m);
    expect(done.stderr).toContain("1 of 3 pairs failed: broken");
    // Not a terminal: plain progress lines, no carriage returns or control codes.
    expect(done.stderr).toMatch(/^3\/3 pairs, /m);
    expect(done.stderr).not.toMatch(/[\r\x1b]/);
    expect(Object.keys(outputs(out))).toEqual(["charter.links", "notice.links"]);
    for (const name of ["charter", "notice"]) {
      const single = run(TSX, ["--presegmented", path.join(corpus, `${name}.en`), path.join(corpus, `${name}.fr`)]);
      expect(single.status).toBe(0);
      expect(outputs(out)[`${name}.links`]).toBe(single.stdout);
    }
    expect(outputs(out)["charter.links"]).toBe("[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n[4]:[4]\n[5]:[5]\n[6]:[6]\n");
  }, 90_000);

  it("writes the same bytes on one thread and on two, memories included", () => {
    const [one, two] = [path.join(freshDir("tmx-1"), "out"), path.join(freshDir("tmx-2"), "out")];
    expect(corpusRun(one, "--jobs", "1", "--format", "tmx").status).toBe(1);
    expect(corpusRun(two, "--jobs", "2", "--format", "tmx").status).toBe(1);
    expect(Object.keys(outputs(one))).toEqual(["charter.tmx", "notice.tmx"]);
    expect(outputs(two)).toEqual(outputs(one));
  }, 90_000);

  it("skips the pairs already written, aligns them again with --force, and does not take a left-over partial file for one", () => {
    const out = freshDir("resume");
    writeFileSync(path.join(out, "charter.links"), "written by an earlier run\n");
    writeFileSync(path.join(out, "notice.links.partial"), "[0]:[0]\n"); // what an interrupted write leaves
    const resumed = corpusRun(out, "--jobs", "2");
    expect(resumed.stderr).toContain("2 of 3 pairs to align on 2 threads (1 already done, skipped");
    expect(outputs(out)["charter.links"]).toBe("written by an earlier run\n");
    expect(outputs(out)["notice.links"]).toMatch(/^\[0\]:\[0\]\n\[1\]:\[1\]\n/);
    expect(Object.keys(outputs(out))).toEqual(["charter.links", "notice.links"]);
    const forced = corpusRun(out, "--jobs", "2", "--force");
    expect(forced.stderr).toContain("3 of 3 pairs to align");
    expect(outputs(out)["charter.links"]).toBe(oneThreadOutputs()["charter.links"]);
  }, 90_000);

  it("pairs files by name and language, and names a file left without its counterpart", () => {
    const dir = freshDir("names");
    for (const file of ["a.en", "a.zh", "b.en", "c.zh", "notes.txt"]) writeFileSync(path.join(dir, file), "x\n");
    const { pairs, lonely } = corpusPairs(dir, ["en", "zh-Hans"]);
    expect(pairs.map((pair) => [pair.name, path.basename(pair.first), path.basename(pair.second)])).toEqual([["a", "a.en", "a.zh"]]);
    expect(lonely).toEqual([`b: no zh-Hans file beside ${path.join(dir, "b.en")}; left out`, `c: no en file beside ${path.join(dir, "c.zh")}; left out`]);
  });
});

describe("the corpus command's progress", () => {
  it("rewrites one line in place on a terminal, keeping failures on lines of their own above it", () => {
    let written = "";
    const progress = new CorpusProgress({ isTTY: true, write: (text: string) => (written += text) }, 3, 300);
    progress.finished("a", 100, 40);
    progress.say("b: failed: cannot read b.en");
    progress.finished("b", 100, 0);
    progress.finished("c", 100, 60);
    progress.end();
    const shown = written.split("\n");
    expect(shown).toHaveLength(3);
    expect(shown[0]).toMatch(/^\r1\/3 pairs, 40 segments, [\d,]+ segments\/s, about .+ left\x1b\[K\r\x1b\[Kb: failed: cannot read b\.en$/);
    expect(shown[1]).toMatch(/\r3\/3 pairs, 100 segments, [\d,]+ segments\/s, .+ in all\x1b\[K$/);
    expect(shown[2]).toBe("");
  });
});

describe("the built command", () => {
  it("is one bundle that answers --help and aligns, pairs and corpora, as scripts/align.ts does", async () => {
    // Inside the project, so that the bundle finds the packages it leaves outside in node_modules, as dist/tandem.mjs does.
    const cache = path.join(import.meta.dirname, "../../node_modules/.cache");
    mkdirSync(cache, { recursive: true });
    const dir = mkdtempSync(path.join(cache, "tandem-command-"));
    try {
      const command = await buildCommand(path.join(dir, "tandem.mjs"));
      const help = run([command], ["--help"]);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain("usage: tandem align [options] FILE_A FILE_B");
      const files = [path.join(corpus, "notice.en"), path.join(corpus, "notice.fr")];
      const built = run([command], ["align", "--presegmented", ...files]);
      expect(built.status).toBe(0);
      expect(built.stdout).toBe(run(TSX, ["--presegmented", ...files]).stdout);
      const out = path.join(dir, "out");
      const corpusDone = run([command], ["align", "--presegmented", "--corpus", corpus, "--out", out, "--jobs", "2"]);
      expect(corpusDone.stderr).toContain("1 of 3 pairs failed: broken");
      expect(outputs(out)).toEqual(oneThreadOutputs());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it("is package.json's bin, built at install by prepare", () => {
    const manifest = JSON.parse(readFileSync("package.json", "utf8"));
    expect(manifest.bin).toEqual({ tandem: "dist/tandem.mjs" });
    expect(manifest.scripts.prepare).toBe("node scripts/build-command.mjs");
  });
});
