import { memoryFromTmx, type MemoryLink, type MemoryReport } from "../../alignments/formats/memory";
import { XmlError } from "../../alignments/formats/xml-read";
import type { Language } from "../../alignments/languages";
import { decodeText } from "../../alignments/text/decode";
import { getDb, type Db } from "../../db/client.server";
import { links, pairs } from "../../db/schema";
import { clipTitle } from "../utils/limits";
import { documentFromSegments, insertDocument } from "./documents.server";
import { CHUNK } from "./pairs.server";

/**
 * A translation memory (TMX) brought into Tandem: its English and French variants become two documents, one
 * segment per variant ("lines" segmentation, origin "import"), and each unit becomes a link of a ready pair,
 * so the memory can be reviewed in the editor. See decision 0013.
 */

/** A refusal: the page shows the message; nothing was written. */
export class MemoryImportError extends Error {
  constructor(readonly status: 400 | 413 | 422, message: string) {
    super(message);
    this.name = "MemoryImportError";
  }
}

export interface MemoryImportResult {
  pairId: number;
  title: string;
  enDocumentId: number;
  frDocumentId: number;
  links: number;
  enSegments: number;
  frSegments: number;
  encoding: string;
  encodingNote: string | null;
  report: MemoryReport;
}

const baseName = (name: string) => name.replace(/\.(tmx|xml)$/i, "").trim() || "Translation memory";

/** Why a memory gives Tandem nothing to pair, in the user's terms. */
function nothingToPair(name: string, memoryLinks: MemoryLink[], report: MemoryReport): string | null {
  const others = Object.keys(report.otherLanguages);
  if (report.units === 0) return `${name} holds no translation units: there is nothing to import.`;
  if (memoryLinks.length === 0) {
    return others.length > 0
      ? `${name} has no English or French text (its units are in ${others.join(", ")}). Tandem pairs English originals with French translations.`
      : `None of the ${report.units} units of ${name} has any text: there is nothing to import.`;
  }
  const hasEn = memoryLinks.some((l) => l.en.length > 0);
  const hasFr = memoryLinks.some((l) => l.fr.length > 0);
  if (!hasEn || !hasFr) {
    const missing = hasEn ? "French" : "English";
    return `${name} has no ${missing} text${
      others.length > 0 ? ` (besides ${hasEn ? "English" : "French"}, its units are in ${others.join(", ")})` : ""
    }. Tandem pairs English originals with French translations.`;
  }
  return null;
}

/**
 * Reads an uploaded TMX and stores its two documents, the pair and every link in one transaction. Refuses
 * with MemoryImportError (422) a file that is not text, not well-formed XML, declares entities, has a
 * variant without a language, or has no English and French to pair; nothing is written then.
 */
export function importMemory(input: { name: string; bytes: Uint8Array; title?: string }, db: Db = getDb()): MemoryImportResult {
  const decoded = decodeText(input.bytes);
  if (!decoded.ok) {
    // The decoder's advice is about plain texts: keep only what it found.
    const found = decoded.message.split(/(?<=\.)\s/)[0];
    throw new MemoryImportError(422, `${input.name} is not a TMX file: ${found} A TMX is an XML file (UTF-8 or UTF-16).`);
  }
  let read: ReturnType<typeof memoryFromTmx>;
  try {
    read = memoryFromTmx(decoded.text);
  } catch (error) {
    if (error instanceof XmlError) throw new MemoryImportError(422, `${input.name} is not a TMX file Tandem can read: ${error.message}. Nothing was imported.`);
    throw error;
  }
  const { links: memoryLinks, report } = read;
  const refusal = nothingToPair(input.name, memoryLinks, report);
  if (refusal) throw new MemoryImportError(422, refusal);

  const title = clipTitle(input.title?.trim() || baseName(input.name));
  const side = (language: Language) => memoryLinks.flatMap((l) => l[language]);
  const enTexts = side("en");
  const frTexts = side("fr");
  // Each link takes the next segments of each side: the links cover both documents exactly once, in order.
  let enNext = 0;
  let frNext = 0;
  const rows = memoryLinks.map((link, position) => {
    const row = {
      position,
      enStart: enNext,
      enCount: link.en.length,
      frStart: frNext,
      frCount: link.fr.length,
      status: link.status,
      confidence: link.confidence,
    };
    enNext += link.en.length;
    frNext += link.fr.length;
    return row;
  });

  const description = `Read from the translation memory ${input.name} (TMX ${report.version || "of no stated version"}): ${report.units.toLocaleString(
    "en-US",
  )} units.`;
  const documentInput = (language: Language, texts: string[]) => ({
    title: clipTitle(`${title} (${language === "en" ? "English" : "French"})`),
    // "lines": one segment per unit variant; the raw text is those segments, one per line.
    raw: texts.join("\n"),
    language,
    origin: "import" as const,
    sourceName: input.name,
    description,
    encoding: decoded.encoding,
    encodingNote: decoded.note ?? null,
    presegmented: true,
  });
  return db.transaction((tx) => {
    const en = insertDocument(tx, documentInput("en", enTexts), documentFromSegments(enTexts, "en"));
    const fr = insertDocument(tx, documentInput("fr", frTexts), documentFromSegments(frTexts, "fr"));
    const [pair] = tx
      .insert(pairs)
      .values({ title, enDocumentId: en.id, frDocumentId: fr.id, status: "ready", progress: 1, linkCount: rows.length, version: 1 })
      .returning({ id: pairs.id })
      .all();
    for (let i = 0; i < rows.length; i += CHUNK)
      tx.insert(links)
        .values(rows.slice(i, i + CHUNK).map((r) => ({ pairId: pair.id, ...r })))
        .run();
    return {
      pairId: pair.id,
      title,
      enDocumentId: en.id,
      frDocumentId: fr.id,
      links: rows.length,
      enSegments: enTexts.length,
      frSegments: frTexts.length,
      encoding: decoded.encoding,
      encodingNote: decoded.note ?? null,
      report,
    };
  });
}
