import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layers (decision 0031): each imports only from its own layer or the ones below it, and no file reaches
 * itself again through its imports.
 *
 *   scripts/, server/                       the programs that run the rest
 *   app/routes, app/components, app/*.tsx   the pages: HTTP in, HTML out
 *   app/models, app/utils, app/workers      the application: the database plus the core, and the features'
 *   app/editor, app/terminology, app/imports  own modules (their wire protocols, filters, upload readers)
 *   db/                                     schema, client, migrations, lease
 *   alignments/                             the pure core (tests/unit/architecture.test.ts keeps it pure)
 *
 * Type-only imports count: a type that runs back up is a design that runs back up. Tests and test data
 * (*.test.ts, *.spec.ts, *.cases.ts) sit outside the graph: they may import anything.
 */

const ROOT = join(import.meta.dirname, "../..");
const FOLDERS = ["alignments", "db", "app", "scripts", "server"];

const LAYERS = ["core", "db", "models", "pages", "programs"] as const;
type Layer = (typeof LAYERS)[number];

export function layerOf(file: string): Layer {
  if (file.startsWith("alignments/")) return "core";
  if (file.startsWith("db/")) return "db";
  if (/^app\/(models|utils|workers|editor|terminology|imports)\//.test(file)) return "models";
  if (file.startsWith("app/")) return "pages";
  return "programs";
}

/**
 * Cycles that other helpers are taking apart on their own branches at this moment (issue 13): listed here with
 * the reason, and to be removed when their branch is merged. Each entry is the cycle's files, sorted.
 */
/** Cycles left while a branch takes them apart (none now: keep this empty unless a merge needs a day). */
const CYCLES_BEING_MOVED: Array<{ files: string[]; why: string }> = [];

const isTestFile = (file: string) => /\.(test|spec|cases)\.tsx?$/.test(file) || file.endsWith(".d.ts");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** The module specifiers a file names: static imports and re-exports, side-effect imports, dynamic imports. */
export function specifiersOf(source: string): string[] {
  return [
    ...source.matchAll(/\b(?:import|export)\s[^'"]*?\sfrom\s*["']([^"']+)["']/g),
    ...source.matchAll(/\bimport\s*["']([^"']+)["']/g),
    ...source.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1]);
}

/** The project file a specifier names (relative to ROOT), or null for a package. "~/" is app/ (tsconfig's paths). */
function resolveSpecifier(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = join(ROOT, "app", specifier.slice(2));
  else if (specifier.startsWith(".")) base = resolve(ROOT, dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, `${base}.js`, join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate);
  }
  throw new Error(`${from}: cannot resolve "${specifier}"`);
}

export type Graph = Map<string, string[]>;

function projectGraph(): Graph {
  const files = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)))
    .map((path) => relative(ROOT, path))
    .filter((file) => !isTestFile(file));
  const graph: Graph = new Map();
  for (const file of files) {
    const targets = specifiersOf(readFileSync(join(ROOT, file), "utf8"))
      .map((specifier) => resolveSpecifier(file, specifier))
      .filter((target): target is string => target !== null && !isTestFile(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every import from a lower layer to a higher one, as "from (layer) imports to (layer)". */
export function upwardImports(graph: Graph): string[] {
  const rank = (file: string) => LAYERS.indexOf(layerOf(file));
  return [...graph].flatMap(([from, targets]) =>
    targets.filter((to) => rank(to) > rank(from)).map((to) => `${from} (${layerOf(from)}) imports ${to} (${layerOf(to)})`),
  );
}

/** The import cycles: each strongly connected group of files (Tarjan's algorithm), its files sorted. */
export function importCycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || graph.get(file)?.includes(file)) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

describe("the layers of the project", () => {
  const graph = projectGraph();

  it("reads the whole project", () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get("app/models/pairs.server.ts")).toContain("db/schema.ts");
  });

  it("has no import from a lower layer to a higher one", () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it("has no import cycle, but those being taken apart on other branches", () => {
    const allowed = new Set(CYCLES_BEING_MOVED.map((cycle) => cycle.files.join(" ")));
    const cycles = importCycles(graph).filter((cycle) => !allowed.has(cycle.join(" ")));
    expect(cycles.map((cycle) => cycle.join(" → "))).toEqual([]);
  });

  it("opens SQLite connections in one place, db/client.server.ts", () => {
    const openers = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)))
      .map((path) => relative(ROOT, path))
      .filter((file) => !isTestFile(file))
      .filter((file) => specifiersOf(readFileSync(join(ROOT, file), "utf8")).some((s) => /^(better-sqlite3|drizzle-orm\/better-sqlite3)/.test(s)));
    expect(openers).toEqual(["db/client.server.ts"]);
  });

  it("finds an upward import and names both files", () => {
    const example: Graph = new Map([
      ["db/seed.ts", ["app/models/pairs.server.ts", "db/schema.ts"]],
      ["app/models/pairs.server.ts", ["db/schema.ts", "alignments/align/aligner.ts"]],
      ["app/utils/answer.server.ts", ["app/components/form.tsx"]],
      ["scripts/setup.ts", ["app/models/pairs.server.ts"]],
    ]);
    expect(upwardImports(example)).toEqual([
      "db/seed.ts (db) imports app/models/pairs.server.ts (models)",
      "app/utils/answer.server.ts (models) imports app/components/form.tsx (pages)",
    ]);
  });

  it("finds cycles, long and short, and nothing in a graph without one", () => {
    const example: Graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts", "d.ts"]],
      ["d.ts", ["e.ts"]],
      ["e.ts", ["d.ts"]],
      ["f.ts", ["f.ts"]],
      ["g.ts", ["a.ts"]],
    ]);
    expect(importCycles(example).sort()).toEqual([["a.ts", "b.ts", "c.ts"], ["d.ts", "e.ts"], ["f.ts"]]);
    expect(importCycles(new Map([["a.ts", ["b.ts"]], ["b.ts", []], ["c.ts", ["a.ts", "b.ts"]]]))).toEqual([]);
  });

  it("reads every kind of import a file can make", () => {
    const source = [
      'import type { A } from "./a";',
      'import { b,\n  c } from "~/models/b.server";',
      'export { d } from "../d";',
      'import "./e.css";',
      'const f = await import("./f");',
      'import express from "express";',
    ].join("\n");
    expect(specifiersOf(source)).toEqual(["./a", "~/models/b.server", "../d", "express", "./e.css", "./f"]);
  });
});
