import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * alignments/ is the pure domain core: strings, language codes and numbers in, plain data out. It must
 * run without the web app, the database or Node, so it imports no framework, no database driver and no
 * Node built-in, and reaches nothing outside its own folder.
 */

const ROOT = join(import.meta.dirname, "../..");
const CORE = join(ROOT, "alignments");

const FORBIDDEN_PACKAGES = [/^react(-dom)?(\/|$)/, /^@remix-run\//, /^drizzle-orm/, /^drizzle-kit/, /^better-sqlite3/, /^zod$/];
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export function violations(file: string, source: string): string[] {
  const found: string[] = [];
  const specifiers = [
    ...source.matchAll(/\b(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']/g),
    ...source.matchAll(/\bimport\s*["']([^"']+)["']/g),
    ...source.matchAll(/\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]);
  const isTest = file.endsWith(".test.ts");
  for (const specifier of specifiers) {
    if (specifier === "vitest" && isTest) continue;
    if (NODE_BUILTINS.has(specifier) || specifier.startsWith("node:")) found.push(`${file}: imports the Node built-in "${specifier}"`);
    else if (FORBIDDEN_PACKAGES.some((p) => p.test(specifier))) found.push(`${file}: imports "${specifier}" (a framework or the database)`);
    else if (specifier.startsWith(".") && relative(CORE, join(CORE, file, "..", specifier)).startsWith(".."))
      found.push(`${file}: reaches outside alignments/ with "${specifier}"`);
  }
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  if (/\bprocess\.|\bBuffer\b|\b__dirname\b|\bimport\.meta\.dirname\b/.test(code)) found.push(`${file}: uses a Node global`);
  if (/\bMath\.random\s*\(/.test(code)) found.push(`${file}: uses unseeded randomness`);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe("the alignments/ core stays pure", () => {
  it("imports no framework, database, Node built-in or code outside alignments/", () => {
    const files = sourceFiles(CORE);
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((path) => violations(relative(CORE, path), readFileSync(path, "utf8")));
    expect(found).toEqual([]);
  });

  it.each([
    ['import { readFileSync } from "node:fs";', /Node built-in/],
    ['import path from "path";', /Node built-in/],
    ['import { useState } from "react";', /framework/],
    ['import { json } from "@remix-run/node";', /framework/],
    ['import { eq } from "drizzle-orm";', /database/],
    ['import Database from "better-sqlite3";', /database/],
    ['import { db } from "../../db/client.server";', /outside alignments/],
    ['const root = process.cwd();', /Node global/],
    ["const pick = Math.random();", /randomness/],
  ])("flags %s", (source, message) => {
    expect(violations("text/example.ts", source).join("\n")).toMatch(message);
  });

  it("accepts imports inside the core and plain libraries", () => {
    expect(violations("text/example.ts", 'import { francAll } from "franc";\nimport type { Language } from "../languages";')).toEqual([]);
  });
});
