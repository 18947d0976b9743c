import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPORT_HEADINGS, REPORT_LEFT_OUT, REPORT_NOTES } from "../fixtures/originals/report-pdf";

/**
 * The command-line tools read originals as the app's import does (scripts/cli.ts → readOriginal): PDF with
 * poppler's pdftotext, Word documents and web pages through their extraction, with the app's messages for
 * files that cannot be read. Each case runs the script as a user would.
 */

const FIXTURES = "tests/fixtures/originals";
const fixture = (name: string) => path.join(FIXTURES, name);

function run(script: string, args: string[]) {
  const done = spawnSync("npx", ["tsx", `scripts/${script}`, ...args], { encoding: "utf8" });
  return { status: done.status, stdout: done.stdout, stderr: done.stderr };
}

interface Segment {
  kind: string;
  text: string;
}
const segmented = (file: string): { language: string; segments: Segment[] } => {
  const done = run("segment.ts", ["--json", fixture(file)]);
  if (done.status !== 0) throw new Error(`segment.ts ${file} exited ${done.status}: ${done.stderr}`);
  return JSON.parse(done.stdout);
};
const ofKind = (segments: Segment[], kind: string) => segments.filter((s) => s.kind === kind).map((s) => s.text);

describe("the command line reads PDF, Word and HTML originals", () => {
  it("segments a PDF as the import does: headings, numbered items and the note, no running heads, stamps or broken words", () => {
    const done = run("segment.ts", ["--json", fixture("report.pdf")]);
    expect(done.status).toBe(0);
    expect(done.stderr).toContain("report.pdf: PDF, 3 pages: text read with pdftotext");
    const { language, segments } = JSON.parse(done.stdout) as { language: string; segments: Segment[] };
    expect(language).toBe("en");
    expect(ofKind(segments, "heading")).toEqual(REPORT_HEADINGS);
    expect(ofKind(segments, "item").filter((t) => /^\d+\. /.test(t))).toHaveLength(16);
    expect(ofKind(segments, "note")).toEqual(REPORT_NOTES);
    const texts = segments.map((s) => s.text).join("\n");
    expect(texts).not.toMatch(REPORT_LEFT_OUT);
  }, 30_000);

  it("segments a Word document and a web page through their extraction", () => {
    const docx = segmented("statement.docx").segments;
    expect(ofKind(docx, "heading").slice(0, 2)).toEqual([
      "Putting people first in the cybercrime convention",
      "A statement by civil society organizations, academics and industry, March 2026",
    ]);
    expect(ofKind(docx, "item")).toContain("(b) Conditions and safeguards for every investigative power.");
    expect(docx.map((s) => s.text).join(" ")).not.toMatch(/<w:|deleted and must not appear/);
    const html = segmented("statement.html").segments;
    const page = html.map((s) => s.text).join("\n");
    expect(ofKind(html, "heading")).toEqual(expect.arrayContaining(["Putting people first in the UN cybercrime convention", "Principles", "What States should avoid"]));
    expect(page).toContain("Duplicating the work of existing bodies & instruments;");
    expect(page).not.toMatch(/<\/?[a-z]+[\s>]|function\s*\(|Subscribe|Cookie/i);
  }, 30_000);

  it("aligns and checks originals given as PDF, Word or HTML", () => {
    const aligned = run("align.ts", ["--format", "tsv", fixture("statement.docx"), fixture("statement.html")]);
    expect(aligned.status).toBe(0);
    const lines = aligned.stdout.trim().split("\n");
    expect(lines[0]).toBe("Putting people first in the cybercrime convention\tPutting people first in the UN cybercrime convention");
    expect(lines).toContain("Principles\tPrinciples");
    const variation = run("terms.ts", ["variation", "--lang", "en", fixture("report.pdf"), fixture("statement.docx")]);
    expect(variation.status).toBe(0);
    expect(Array.isArray(JSON.parse(variation.stdout))).toBe(true);
  }, 60_000);

  it("refuses an encrypted PDF and a ZIP that is not a Word document with the import's messages", () => {
    const encrypted = run("segment.ts", [fixture("encrypted.pdf")]);
    expect(encrypted.status).toBe(2);
    expect(encrypted.stderr).toContain("is protected by a password");
    const zip = run("segment.ts", [fixture("not-a-document.docx")]);
    expect(zip.status).toBe(2);
    expect(zip.stderr).toMatch(/not-a-document\.docx is .*not a Word document/);
    expect(zip.stdout).toBe("");
  }, 30_000);
});
