/**
 * One pair of documents aligned and written out as text: what `scripts/align.ts` prints for two files, and what each
 * worker of the corpus command (corpus-pool.ts) writes for each pair of a folder. It fails only by throwing
 * `CommandError`, never by ending the process, so that a worker can report a broken pair and go on.
 */
import { alignSegments } from "../alignments/align/aligner";
import type { LexiconEntry } from "../alignments/align/lexicon";
import { formatLink } from "../alignments/align/links";
import { CREATION_TOOL, TMX, TSV } from "../alignments/formats/bitext";
import { memoryUnit } from "../alignments/formats/memory";
import { isLanguage, type TextLanguage } from "../alignments/languages";
import { CommandError, readDocument, segmentsOfText } from "./cli";

export const FORMATS = ["links", "tmx", "tsv"] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** How a pair is aligned and written: the same for every pair of a corpus. */
export interface PairOptions {
  /** The first file's language, then the second's (the core's codes); English then French by default. */
  languages: readonly [TextLanguage, TextLanguage];
  presegmented: boolean;
  lexicon: readonly LexiconEntry[];
  format: OutputFormat;
  confidence: boolean;
  /**
   * Links in the documents' order only. By default the crossing pass runs too (decision 0039): a definition the other
   * language lists elsewhere is linked where it is, so links may cross and a side may skip lines ("[26,30,31]:[15]").
   */
  monotone?: boolean;
}

export interface PairFiles {
  first: string;
  second: string;
  /** The memory's creation date; the corpus command gives the inputs' own, so that a rerun writes the same bytes. */
  created?: Date;
}

export interface AlignedPair {
  output: string;
  /** Both sides' segments, for the corpus command's rate. */
  segments: number;
  /** What was noticed while reading (a PDF's pages, a Windows-1252 file) and the unrelated-documents warning. */
  notes: string[];
}

export async function alignPair(files: PairFiles, options: PairOptions): Promise<AlignedPair> {
  const [firstLanguage, secondLanguage] = options.languages;
  if (!options.presegmented && !(isLanguage(firstLanguage) && isLanguage(secondLanguage))) {
    // processDocument's clean-up and statute rules are English and French only (decision 32 widened the splitter alone).
    throw new CommandError(
      `${firstLanguage}–${secondLanguage}: only English and French documents go through the text pipeline today; give one segment per line and --presegmented`,
    );
  }
  const notes: string[] = [];
  const segmentsOf = async (path: string, language: TextLanguage) => {
    const read = await readDocument(path);
    if (read.note) notes.push(read.note);
    // Presegmented text never reaches the language-specific pipeline, so the cast only names what the check above proved.
    return segmentsOfText(read.text, language as "en" | "fr", options.presegmented);
  };
  const first = await segmentsOf(files.first, firstLanguage);
  const second = await segmentsOf(files.second, secondLanguage);
  const { links, support } = alignSegments(first, second, { lexicon: [...options.lexicon], languages: options.languages, crossing: options.monotone !== true });
  let output: string;
  if (options.format === "links") {
    const lines = links.map((link) => (options.confidence ? `${formatLink(link)}\t${link.confidence.toFixed(3)}` : formatLink(link)));
    output = lines.join("\n") + (lines.length > 0 ? "\n" : "");
  } else {
    const units = links
      .filter((link) => link.en.length > 0 && link.fr.length > 0)
      .map((link) =>
        memoryUnit({ en: link.en.map((i) => first[i].text), fr: link.fr.map((j) => second[j].text), status: "automatic", confidence: link.confidence }),
      );
    const header = {
      ...CREATION_TOOL,
      sourceLanguage: firstLanguage,
      targetLanguage: secondLanguage,
      created: files.created ?? new Date(),
      notes: [`${files.first} ↔ ${files.second}`],
    };
    output = [...(options.format === "tmx" ? TMX : TSV).write(units, header)].join("");
  }
  if (first.length > 0 && second.length > 0 && support < 0.35) {
    notes.push(`warning: these documents look unrelated: only ${Math.round(100 * support)}% of links have lexical support`);
  }
  return { output, segments: first.length + second.length, notes };
}
