import { linkSupport } from "../../alignments/align/aligner";
import { RefusalOf } from "../utils/refusal";
import type { LinkSides } from "../../alignments/align/links";
import { memoryFromTmx, type MemoryLink, type MemoryReport } from "../../alignments/formats/memory";
import type { InlineCodes } from "../../alignments/formats/tmx-codes";
import { codesIn } from "../../alignments/text/inline-codes";
import { ReadLimitError } from "../../alignments/formats/text-limit";
import { XmlError } from "../../alignments/formats/xml-read";
import type { Language } from "../../alignments/languages";
import { decodeText } from "../../alignments/text/decode";
import type { ProcessedDocument } from "../../alignments/text/types";
import { getDb, type Db } from "../../db/client.server";
import { insertEach } from "../../db/insert-each";
import { eq } from "drizzle-orm";
import { documents, links, pairs } from "../../db/schema";
import { clipTitle, formatCount, MAX_MEMORY_UNITS } from "../utils/limits";
import { documentFromSegments } from "../../alignments/text/given-segments";
import { documentRows, insertDocument, type DocumentRows, type ImportInput } from "./documents.server";

/**
 * A translation memory (TMX) brought into Tandem: its English and French variants become two documents, one
 * segment per variant ("lines" segmentation, origin "import"), and each unit becomes a link of a ready pair,
 * so the memory can be reviewed in the editor. See decision 0013.
 */

/** A refusal: the page shows the message; nothing was written. */
export class MemoryImportError extends RefusalOf<400 | 413 | 422> {}

export interface MemoryImportResult {
  pairId: number;
  title: string;
  sourceDocumentId: number;
  targetDocumentId: number;
  links: number;
  enSegments: number;
  frSegments: number;
  encoding: string;
  encodingNote: string | null;
  report: MemoryReport;
  /** Where the title came from: the memory's header, the form, or the file's name. */
  titleFrom: "header" | "form" | "file";
  /** The links' lexical support, as the aligner measures it (null when no link could be scored). */
  support: number | null;
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

/** A memory read and checked, with everything its write needs: made before the write's transaction begins. */
export interface MemoryPlan {
  title: string;
  en: { input: ImportInput; doc: ProcessedDocument; rows: DocumentRows };
  fr: { input: ImportInput; doc: ProcessedDocument; rows: DocumentRows };
  /** Their pair's id is set in the transaction. */
  links: Array<typeof links.$inferInsert>;
  /** What each side's code characters stand for (JSON), or null without codes. */
  codes: { en: string | null; fr: string | null };
  result: Omit<MemoryImportResult, "pairId" | "sourceDocumentId" | "targetDocumentId">;
}

/**
 * Reads an uploaded TMX into what importing it writes. Refuses with MemoryImportError a file that is not text,
 * not well-formed XML, declares entities, has a variant without a language, has more than MAX_MEMORY_UNITS
 * units (found as soon as it has one more), or has no English and French to pair.
 */
export function readMemory(input: { name: string; bytes: Uint8Array; title?: string }): MemoryPlan {
  const decoded = decodeText(input.bytes);
  if (!decoded.ok) {
    // The decoder's advice is about plain texts: keep only what it found.
    const found = decoded.message.split(/(?<=\.)\s/)[0];
    throw new MemoryImportError(422, `${input.name} is not a TMX file: ${found} A TMX is an XML file (UTF-8 or UTF-16).`);
  }
  let read: ReturnType<typeof memoryFromTmx>;
  try {
    read = memoryFromTmx(decoded.text, { maxUnits: MAX_MEMORY_UNITS });
  } catch (error) {
    if (error instanceof XmlError) throw new MemoryImportError(422, `${input.name} is not a TMX file Tandem can read: ${error.message}. Nothing was imported.`);
    if (error instanceof ReadLimitError) {
      throw new MemoryImportError(
        413,
        `${input.name} holds more than ${formatCount(MAX_MEMORY_UNITS)} translation units; Tandem imports memories of up to ${formatCount(MAX_MEMORY_UNITS)} units: split it into several files (most CAT tools export a memory by project or by date). Nothing was imported.`,
      );
    }
    throw error;
  }
  const { links: memoryLinks, report } = read;
  const refusal = nothingToPair(input.name, memoryLinks, report);
  if (refusal) throw new MemoryImportError(422, refusal);

  const given = input.title?.trim();
  const titleFrom = given ? "form" : read.title ? "header" : "file";
  const title = clipTitle(given || read.title || baseName(input.name));
  const side = (language: Language) => memoryLinks.flatMap((l) => l[language]);
  const enTexts = side("en");
  const frTexts = side("fr");
  // Each link takes the next segments of each side: the links cover both documents exactly once, in order.
  let enNext = 0;
  let frNext = 0;
  const importedAt = new Date();
  const rows = memoryLinks.map((link, position) => {
    const row: typeof links.$inferInsert = {
      pairId: 0,
      position,
      sourceStart: enNext,
      sourceCount: link.en.length,
      targetStart: frNext,
      targetCount: link.fr.length,
      status: link.status,
      confidence: link.confidence,
      ...stampColumns(link, importedAt),
    };
    enNext += link.en.length;
    frNext += link.fr.length;
    return row;
  });

  const description = `Read from the translation memory ${input.name} (TMX ${report.version || "of no stated version"}): ${report.units.toLocaleString(
    "en-US",
  )} units.`;
  const documentInput = (language: Language, texts: string[]): ImportInput => ({
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
  const prepared = (language: Language, texts: string[]) => {
    const doc = documentFromSegments(texts, language);
    return { input: documentInput(language, texts), doc, rows: documentRows(doc) };
  };
  const support = memorySupport(
    enTexts,
    frTexts,
    rows.map((row) => ({ en: range(row.sourceStart, row.sourceCount), fr: range(row.targetStart, row.targetCount) })),
  );
  return {
    title,
    codes: { en: codesOfSide(read.codes, enTexts), fr: codesOfSide(read.codes, frTexts) },
    en: prepared("en", enTexts),
    fr: prepared("fr", frTexts),
    links: rows,
    result: {
      title,
      links: rows.length,
      enSegments: enTexts.length,
      frSegments: frTexts.length,
      encoding: decoded.encoding,
      encodingNote: decoded.note ?? null,
      report,
      titleFrom,
      support,
    },
  };
}

const range = (start: number, count: number) => Array.from({ length: count }, (_, k) => start + k);

/**
 * Links a memory's support is measured on: an even sample, so a 100,000-unit memory does not spend a minute of its
 * import on a share that a sample of this size gives within about a point and a half.
 */
export const SUPPORT_SAMPLE = 4000;

/** The memory's lexical support (linkSupport), measured on an even sample of its links and their segments. */
export function memorySupport(en: readonly string[], fr: readonly string[], sides: readonly LinkSides[], sample = SUPPORT_SAMPLE): number | null {
  const step = Math.max(1, sides.length / sample);
  const enTexts: Array<{ text: string }> = [];
  const frTexts: Array<{ text: string }> = [];
  const taken = (texts: Array<{ text: string }>, from: readonly string[], indices: readonly number[]) =>
    indices.map((i) => texts.push({ text: from[i] }) - 1);
  const links: LinkSides[] = [];
  for (let k = 0; k < sides.length; k += step) {
    const link = sides[Math.floor(k)];
    links.push({ en: taken(enTexts, en, link.en), fr: taken(frTexts, fr, link.fr) });
  }
  return linkSupport(enTexts, frTexts, links);
}

/** The codes a side's texts use, as the document stores them (JSON), or null when it uses none. */
function codesOfSide(codes: InlineCodes, texts: readonly string[]): string | null {
  const used: InlineCodes = {};
  for (const text of texts) for (const code of codesIn(text)) if (codes[code] !== undefined) used[code] = codes[code];
  return Object.keys(used).length > 0 ? JSON.stringify(used) : null;
}

/**
 * A unit's own dates and users as the link's (decision 23): created when the memory says, by whom it says ("Tandem",
 * the importer, when it names nobody); changed only when it says it was.
 */
function stampColumns(link: MemoryLink, importedAt: Date): Pick<typeof links.$inferInsert, "createdAt" | "createdBy" | "updatedAt" | "changedBy"> {
  const stamps = link.stamps ?? {};
  const createdAt = stamps.createdAt ?? importedAt;
  const changed = stamps.changedAt !== undefined || stamps.changedBy !== undefined;
  return {
    createdAt,
    createdBy: stamps.createdBy ?? null,
    updatedAt: stamps.changedAt ?? createdAt,
    changedBy: changed ? (stamps.changedBy ?? "") : null,
  };
}

/** Stores a memory read by readMemory: its two documents, the pair and every link, in one transaction. */
export function storeMemory(plan: MemoryPlan, db: Db = getDb()): MemoryImportResult {
  return db.transaction(
    (tx) => {
      const en = insertDocument(tx, plan.en.input, plan.en.doc, plan.en.rows);
      const fr = insertDocument(tx, plan.fr.input, plan.fr.doc, plan.fr.rows);
      if (plan.codes.en !== null) tx.update(documents).set({ inlineCodes: plan.codes.en }).where(eq(documents.id, en.id)).run();
      if (plan.codes.fr !== null) tx.update(documents).set({ inlineCodes: plan.codes.fr }).where(eq(documents.id, fr.id)).run();
      const [pair] = tx
        .insert(pairs)
        .values({ title: plan.title, sourceDocumentId: en.id, targetDocumentId: fr.id, status: "ready", progress: 1, linkCount: plan.links.length, version: 1, support: plan.result.support })
        .returning({ id: pairs.id })
        .all();
      for (const link of plan.links) link.pairId = pair.id;
      insertEach(tx, links, plan.links);
      return { ...plan.result, pairId: pair.id, sourceDocumentId: en.id, targetDocumentId: fr.id };
    },
    { behavior: "immediate" },
  );
}

/** Reads an uploaded TMX and stores it (readMemory, then storeMemory): nothing is written if it is refused. */
export function importMemory(input: { name: string; bytes: Uint8Array; title?: string }, db: Db = getDb()): MemoryImportResult {
  return storeMemory(readMemory(input), db);
}
