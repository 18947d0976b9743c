import { spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";

/**
 * Runs poppler's pdftotext (Debian's poppler-utils) on a PDF's bytes and returns its word list as TSV
 * (alignments/formats/pdf-text.ts rebuilds the text). A separate process keeps a hostile or huge PDF away
 * from the server's event loop: it is killed past the time limit and its output is capped.
 */

export type PdfToolResult =
  | { ok: true; tsv: string }
  | { ok: false; reason: "missing" | "encrypted" | "damaged" | "timeout" | "too-large" | "text-limit"; detail: string };

export const PDFTOTEXT = process.env.TANDEM_PDFTOTEXT ?? "pdftotext";
const MAX_OUTPUT = 256 * 1024 * 1024;

/**
 * `maxTextChars`: the words' characters (the text pdf-text.ts rebuilds holds them all) are counted as the TSV
 * comes, and pdftotext is stopped as soon as they pass it ("text-limit").
 */
export function runPdftotext(bytes: Uint8Array, { command = PDFTOTEXT, timeoutMs = 60_000, maxTextChars = Infinity } = {}): Promise<PdfToolResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PdfToolResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const child = spawn(command, ["-tsv", "-enc", "UTF-8", "-", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let outLength = 0;
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish({ ok: false, reason: "timeout", detail: `pdftotext took more than ${Math.round(timeoutMs / 1000)} s` });
    }, timeoutMs);
    child.on("error", (error: NodeJS.ErrnoException) => {
      finish({ ok: false, reason: error.code === "ENOENT" ? "missing" : "damaged", detail: error.message });
    });
    const words = wordCounter();
    child.stdout.on("data", (chunk: Buffer) => {
      outLength += chunk.length;
      if (words.add(chunk) > maxTextChars) {
        child.kill("SIGKILL");
        finish({ ok: false, reason: "text-limit", detail: `the PDF's text is over ${maxTextChars} characters` });
      } else if (outLength > MAX_OUTPUT) {
        child.kill("SIGKILL");
        finish({ ok: false, reason: "too-large", detail: "the PDF's text is larger than 256 MB" });
      } else out.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (err.length < 4096) err += chunk.toString("utf8");
    });
    child.on("close", (code) => {
      if (code === 0) finish({ ok: true, tsv: Buffer.concat(out).toString("utf8") });
      else if (/incorrect password/i.test(err)) finish({ ok: false, reason: "encrypted", detail: err.trim() });
      else finish({ ok: false, reason: "damaged", detail: err.trim().split("\n").slice(-1)[0] || `pdftotext exited with ${code}` });
    });
    // A PDF the tool refuses early closes its input: the write error is expected, the exit code tells.
    child.stdin.on("error", () => {});
    child.stdin.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}

/**
 * Counts the characters of the words in pdftotext's TSV as it arrives in pieces: a row is a word when its
 * first cell is 5, and its text is the twelfth cell onwards (a word may hold a tab).
 */
function wordCounter(): { add: (chunk: Buffer) => number } {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let characters = 0;
  return {
    add(chunk) {
      const rows = (rest + decoder.write(chunk)).split("\n");
      rest = rows.pop() ?? "";
      for (const row of rows) {
        if (!row.startsWith("5\t")) continue;
        let at = -1;
        for (let cell = 0; cell < 11 && (at = row.indexOf("\t", at + 1)) >= 0; cell++);
        const word = at >= 0 ? row.slice(at + 1).replace(/\r$/, "") : "";
        if (word.trim()) characters += word.length;
      }
      return characters;
    },
  };
}

let available: Promise<boolean> | null = null;

/** Whether pdftotext can be run here (asked once per process). */
export function pdftotextAvailable(): Promise<boolean> {
  available ??= new Promise((resolve) => {
    const child = spawn(PDFTOTEXT, ["-v"], { stdio: "ignore" });
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0));
  });
  return available;
}
