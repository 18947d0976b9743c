import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * `scripts/segment.ts --lang xx` (issue 14 item 7) takes every language Tandem reads, and without --lang detects them
 * as the import does. Made-up texts, each in a temporary file; each case runs the script as a user would.
 */
const folder = mkdtempSync(path.join(tmpdir(), "tandem-segment-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function segment(text: string, args: string[]) {
  const file = path.join(folder, `text-${args.join("-") || "detect"}.txt`);
  writeFileSync(file, text);
  const done = spawnSync("npx", ["tsx", "scripts/segment.ts", ...args, "--json", file], { encoding: "utf8" });
  return { status: done.status, stderr: done.stderr, out: done.status === 0 ? (JSON.parse(done.stdout) as { language: string; segments: Array<{ text: string }> }) : null };
}

describe("segment.ts in any language", () => {
  it("cuts Spanish by Spanish rules with --lang es (\"Sr.\" is an abbreviation, ¿ opens a sentence)", () => {
    const done = segment("El Sr. García llegó ayer. ¿Vendrá mañana la Sra. López? Nadie lo sabe.", ["--lang", "es"]);
    expect(done.out?.language).toBe("es");
    expect(done.out?.segments.map((s) => s.text)).toEqual(["El Sr. García llegó ayer.", "¿Vendrá mañana la Sra. López?", "Nadie lo sabe."]);
  });

  it("takes zh for simplified Chinese and cuts after 。 without a space", () => {
    const done = segment("大会通过了决议。会议于下午结束。", ["--lang", "zh"]);
    expect(done.out?.language).toBe("zh-Hans");
    expect(done.out?.segments.map((s) => s.text)).toEqual(["大会通过了决议。", "会议于下午结束。"]);
  });

  it("detects Russian without --lang", () => {
    const done = segment("Комиссия рассмотрела доклад. Она просила государства представить замечания.", []);
    expect(done.out?.language).toBe("ru");
    expect(done.out?.segments).toHaveLength(2);
  });

  it("refuses a language it does not read, listing those it does", () => {
    const done = segment("Text.", ["--lang", "ko"]);
    expect(done.status).not.toBe(0);
    expect(done.stderr).toContain("--lang takes one of ar, zh-Hans, zh-Hant, en, fr, ru, es, de, it, pt, nl, ja, not ko");
  });
});
