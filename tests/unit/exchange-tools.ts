import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

/**
 * The tools of the trade the exchange tests read Tandem's files with, as tests/ensure-tools.sh installs them:
 * xmllint against the TMX 1.4 DTD and the TBX v3 core structure, translate-toolkit's pocount and build_tmdb.
 * Each check throws, with the tool's report, when the tool refuses the file.
 */
const TMX_DTD = path.resolve("..", "shared", "schemas", "tmx", "tmx14.dtd");
const TBX_RNG = path.resolve("..", "shared", "schemas", "tbx", "TBXcoreStructV03.rng");
/** A TBX the core structure refuses, shipped with the schema. */
export const BAD_TBX = path.resolve("..", "shared", "schemas", "tbx", "core_structure_bad.tbx");

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: "utf8", stdio: "pipe" });

export function checkTmx(file: string): void {
  run("xmllint", ["--noout", "--nonet", "--dtdvalid", TMX_DTD, file]);
}

export function checkTbx(file: string): void {
  run("xmllint", ["--noout", "--nonet", "--relaxng", TBX_RNG, file]);
}

/** pocount's CSV row for a file: translated and total messages. */
export function pocount(file: string): { translated: number; total: number } {
  const [header, row] = run("pocount", ["--csv", file]).trim().split("\n").slice(-2);
  const columns = header.split(",").map((c) => c.trim());
  const values = row.split(",").map((c) => c.trim());
  return { translated: Number(values[columns.indexOf("Translated Messages")]), total: Number(values[columns.indexOf("Total Message")]) };
}

/** The targets build_tmdb stores from a TMX (English to French), in a database beside the file. */
export function tmdbCount(file: string): number {
  const tm = `${file}.db`;
  rmSync(tm, { force: true });
  run("build_tmdb", ["-d", tm, "-s", "en", "-t", "fr", file]);
  return Number(run("python3", ["-c", `import sqlite3;print(sqlite3.connect(${JSON.stringify(tm)}).execute("select count(*) from targets").fetchone()[0])`]));
}
