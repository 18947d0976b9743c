/**
 * Prints a document as Tandem segments it: one segment per line, body in reading order, then the notes.
 *
 *   npx tsx scripts/segment.ts [--lang xx] [--json] FILE
 *
 * FILE may be plain text, a PDF, a Word document (.docx) or a web page, read as the app reads an original.
 * --lang takes any language Tandem reads (ar zh-Hans zh-Hant en fr ru es de it pt nl ja; "zh" is zh-Hans). Without it
 * the language is detected as the app's import detects it. --json prints each segment with its kind (heading, body, item,
 * note), paragraph and offsets into the clean text. Removed page furniture is not printed.
 */
import { TEXT_LANGUAGES, type TextLanguage } from "../alignments/languages";
import { detectDocumentLanguage } from "../alignments/text/detect-document-language";
import { readingLanguage } from "../alignments/text/script-language";
import { processDocument } from "../alignments/text/pipeline";
import { fail, readText } from "./cli";

const USAGE = `usage: npx tsx scripts/segment.ts [--lang ${TEXT_LANGUAGES.join("|")}] [--json] FILE`;

const args = process.argv.slice(2);
let language: TextLanguage | null = null;
let json = false;
let file: string | null = null;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === "--json") json = true;
  else if (arg === "--lang") {
    const value = args[++i];
    language = value === undefined ? null : readingLanguage(value);
    if (language === null) fail(`--lang takes one of ${TEXT_LANGUAGES.join(", ")}, not ${value ?? "nothing"}\n${USAGE}`);
  } else if (arg === "--help" || arg === "-h") {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else if (arg.startsWith("--")) fail(`unknown option ${arg}\n${USAGE}`);
  else if (file === null) file = arg;
  else fail(USAGE);
}
if (file === null) fail(USAGE);

const text = await readText(file);

if (language === null) {
  const guess = detectDocumentLanguage(processDocument(text, "en").cleanText);
  if (guess.language === null) fail(`${file}: ${guess.message} (use --lang xx)`);
  language = guess.language;
}

const document = processDocument(text, language);
if (json) {
  const segments = document.segments.map((s, index) => ({
    index,
    kind: s.kind,
    paragraph: s.paragraph,
    text: s.text,
    start: s.start,
    end: s.end,
    ...(s.noteRefs.length > 0 ? { noteRefs: s.noteRefs } : {}),
  }));
  process.stdout.write(`${JSON.stringify({ language, segments }, null, 2)}\n`);
} else {
  process.stdout.write(document.segments.map((s) => s.text.replace(/\n/g, " ")).join("\n") + "\n");
}
