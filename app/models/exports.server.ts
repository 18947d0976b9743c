import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import { RefusalOf } from "../utils/refusal";
import { formatLink, linkType } from "../../alignments/align/links";
import { CREATION_TOOL, TMX, TSV } from "../../alignments/formats/bitext";
import { formatCsv } from "../../alignments/formats/csv";
import { memoryUnit } from "../../alignments/formats/memory";
import { withCodeText, type InlineCodes } from "../../alignments/formats/tmx-codes";
import { tmxDate } from "../../alignments/formats/tmx";
import { martifChunks, tbxChunks } from "../../alignments/formats/tbx";
import { withoutForbidden, type XmlWriteStats } from "../../alignments/formats/xml";
import { TEXT_LANGUAGE_NAMES, type TextLanguage } from "../../alignments/languages";
import { foldForSearch } from "../../alignments/text/fold";
import { getDb, openDatabase, type Db } from "../../db/client.server";
import { documents, links, pairs, segments, type StoredLink } from "../../db/schema";
import { linkColumns } from "./editor-links.server";
import { allEntries } from "./glossary.server";
import { termEvidenceCounts, type SearchOptions } from "./corpus-queries.server";

/**
 * Exports of what is in the database: the links of one pair, a selection or every ready pair (TMX 1.4, plain
 * parallel text, CSV, the gold-link format), and the glossary as TBX. Files are written as they are read:
 * links come from SQLite a batch at a time and leave as chunks of a stream, so a large pair never sits in
 * memory as a whole file. The reads happen on a connection of their own inside one read transaction, so the
 * file shows the pairs as they were when it started, whatever is edited while it downloads.
 */

export const LINK_FORMATS = ["tmx", "tsv", "csv", "links"] as const;
export type LinkFormat = (typeof LINK_FORMATS)[number];

export interface LinkExportOptions {
  /** Only the links a person confirmed. */
  confirmedOnly: boolean;
  /**
   * Leave out 1-0 and 0-1 links. Unset: left out of TMX (they are not translation units: a CAT tool would store
   * an untranslated unit), kept in the other formats.
   */
  skipEmpty?: boolean;
}

export interface LinkExportRequest extends LinkExportOptions {
  /** Pair ids, or every ready pair. */
  pairs: readonly number[] | "all";
  format: LinkFormat;
}

/** A refusal before anything was sent: the route answers with this status and message. */
export class ExportError extends RefusalOf<400 | 404 | 409> {}

export interface ExportFile {
  filename: string;
  contentType: string;
  /** The file, piece by piece (pieces of about 64 KB). Reading it to the end, or `close`, frees the snapshot. */
  chunks: Generator<string>;
  /** Characters XML cannot hold that the writer left out so far (TMX, TBX). */
  stats: XmlWriteStats;
  close(): void;
}

/** Links read per query: enough to make queries rare, few enough that a batch's texts stay small. */
const BATCH = 1000;
/** Pieces of the file handed to the stream. */
const PIECE = 64 * 1024;

// ---------------------------------------------------------------------------------------------------
// A consistent view of the database while a file streams

interface Snapshot {
  db: Db;
  close(): void;
}

/**
 * A second connection to the same file with a read transaction open: the export reads one state of the
 * database even if the editor writes meanwhile (WAL lets both go on), and the application's connection is
 * never left inside a transaction across the stream's pauses. An in-memory database has no second connection:
 * the export then reads through the caller's, without that guarantee.
 */
function openSnapshot(db: Db): Snapshot {
  const file = db.$client.name;
  if (db.$client.memory || !file) return { db, close: () => {} };
  const snapshot = openDatabase(file, { existing: true });
  const client = snapshot.$client;
  client.exec("BEGIN");
  let open = true;
  return {
    db: snapshot,
    close() {
      if (!open) return;
      open = false;
      if (client.inTransaction) client.exec("ROLLBACK");
      client.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading links

interface ExportPair {
  id: number;
  title: string;
  status: string;
  linkCount: number;
  sourceDocumentId: number;
  targetDocumentId: number;
  enTitle: string;
  frTitle: string;
  /** The languages of the source and target documents (their tags in TMX and TBX). */
  sourceLanguage: TextLanguage;
  targetLanguage: TextLanguage;
  /** What the documents' code characters stand for (decision 23). */
  enCodes?: InlineCodes;
  frCodes?: InlineCodes;
}

/** One link with its segments' texts. */
interface ExportLink {
  pair: ExportPair;
  position: number;
  en: string[];
  fr: string[];
  status: "automatic" | "confirmed";
  confidence: number;
  stamps: LinkStampColumns;
}

/** When and by whom a link was made and last changed (decision 23). */
interface LinkStampColumns {
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date;
  changedBy: string | null;
}

function readPairs(db: Db, ids: readonly number[] | "all"): ExportPair[] {
  const rows = db
    .select({
      id: pairs.id,
      title: pairs.title,
      status: pairs.status,
      linkCount: pairs.linkCount,
      sourceDocumentId: pairs.sourceDocumentId,
      targetDocumentId: pairs.targetDocumentId,
    })
    .from(pairs)
    .where(ids === "all" ? eq(pairs.status, "ready") : inArray(pairs.id, ids.length > 0 ? [...ids] : [-1]))
    .orderBy(asc(pairs.id))
    .all();
  const documentIds = [...new Set(rows.flatMap((r) => [r.sourceDocumentId, r.targetDocumentId]))];
  const titles = new Map(
    documentIds.length === 0
      ? []
      : db
          .select({ id: documents.id, title: documents.title, language: documents.language, inlineCodes: documents.inlineCodes })
          .from(documents)
          .where(inArray(documents.id, documentIds))
          .all()
          .map((d) => [d.id, d]),
  );
  const codes = (id: number) => {
    const json = titles.get(id)?.inlineCodes;
    return json ? (JSON.parse(json) as InlineCodes) : undefined;
  };
  const found = rows.map((r) => ({
    ...r,
    enTitle: titles.get(r.sourceDocumentId)?.title ?? "",
    frTitle: titles.get(r.targetDocumentId)?.title ?? "",
    sourceLanguage: titles.get(r.sourceDocumentId)?.language ?? "en",
    targetLanguage: titles.get(r.targetDocumentId)?.language ?? "fr",
    enCodes: codes(r.sourceDocumentId),
    frCodes: codes(r.targetDocumentId),
  }));
  if (ids === "all") return found;
  // In the order the request named them.
  const byId = new Map(found.map((p) => [p.id, p]));
  return [...new Set(ids)].map((id) => byId.get(id)!).filter(Boolean);
}

/** Texts of a document's segments in [from, to). */
function segmentRange(db: Db, documentId: number, from: number, to: number): string[] {
  if (to <= from) return [];
  return db
    .select({ text: segments.text })
    .from(segments)
    .where(and(eq(segments.documentId, documentId), gte(segments.position, from), lt(segments.position, to)))
    .orderBy(asc(segments.position))
    .all()
    .map((r) => r.text);
}

/** A link as the export reads it: the stored link, where it stands, and who made and changed it when. */
interface LinkRow extends StoredLink {
  position: number;
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date;
  changedBy: string | null;
}

/**
 * A pair's links in order, read a batch of positions at a time, each batch less the links the options leave out.
 * Filters apply after reading, so a sparse selection (a few confirmed links) never widens a batch's span of segments.
 */
function* linkBatches(db: Db, pairId: number, options: Required<LinkExportOptions>): Generator<LinkRow[]> {
  let from = 0;
  for (;;) {
    const rows = db
      .select({
        position: links.position,
        ...linkColumns,
        createdAt: links.createdAt,
        createdBy: links.createdBy,
        updatedAt: links.updatedAt,
        changedBy: links.changedBy,
      })
      .from(links)
      .where(and(eq(links.pairId, pairId), gte(links.position, from)))
      .orderBy(asc(links.position))
      .limit(BATCH)
      .all();
    if (rows.length === 0) return;
    from = rows[rows.length - 1].position + 1;
    yield rows.filter((r) => !(options.confirmedOnly && r.status !== "confirmed") && !(options.skipEmpty && (r.sourceCount === 0 || r.targetCount === 0)));
    if (rows.length < BATCH) return;
  }
}

/** A pair's links with their texts: for each batch, the English and French segments its links span, read once. */
function* pairLinks(db: Db, pair: ExportPair, options: Required<LinkExportOptions>): Generator<ExportLink> {
  for (const rows of linkBatches(db, pair.id, options)) {
    const span = (side: "en" | "fr") => {
      let lo = Infinity;
      let hi = -Infinity;
      for (const r of rows) {
        const start = side === "en" ? r.sourceStart : r.targetStart;
        const count = side === "en" ? r.sourceCount : r.targetCount;
        if (count === 0) continue;
        lo = Math.min(lo, start);
        hi = Math.max(hi, start + count);
      }
      return lo === Infinity
        ? { lo: 0, texts: [] as string[] }
        : { lo, texts: segmentRange(db, side === "en" ? pair.sourceDocumentId : pair.targetDocumentId, lo, hi) };
    };
    const en = span("en");
    const fr = span("fr");
    for (const r of rows) {
      yield {
        pair,
        position: r.position,
        en: en.texts.slice(r.sourceStart - en.lo, r.sourceStart - en.lo + r.sourceCount),
        fr: fr.texts.slice(r.targetStart - fr.lo, r.targetStart - fr.lo + r.targetCount),
        status: r.status,
        confidence: r.confidence,
        stamps: r,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Writing

export const LINK_CSV_COLUMNS = ["pair", "link", "type", "status", "confidence", "en", "fr"] as const;

/** Pieces of at least `size` characters, so the stream is not fed one small string per unit. */
function* pieces(chunks: Iterable<string>, size = PIECE): Generator<string> {
  let buffer = "";
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= size) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

/** A file name from a title: "Bank Act (Canada) ↔ Loi…" → "bank-act-canada-loi…", cut between words. */
function slug(text: string, max = 80): string {
  const whole = foldForSearch(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (whole.length <= max) return whole || "pair";
  const cut = whole.slice(0, max + 1);
  const hyphen = cut.lastIndexOf("-");
  return hyphen > max / 2 ? cut.slice(0, hyphen) : cut.slice(0, max);
}

function describeOptions(options: Required<LinkExportOptions>): string {
  return `${options.confirmedOnly ? "confirmed links only" : "every link, confirmed or not"}; ${
    options.skipEmpty ? "1-0 and 0-1 links left out" : "1-0 and 0-1 links kept"
  }`;
}

/**
 * A TMX unit's creationdate, creationid, changedate and changeid: the aligner is "Tandem"; a link nobody changed
 * has no change to tell.
 */
function stampAttributes(stamps: LinkStampColumns): Array<[string, string]> {
  const attributes: Array<[string, string]> = [
    ["creationdate", tmxDate(stamps.createdAt)],
    ["creationid", stamps.createdBy ?? "Tandem"],
  ];
  if (stamps.changedBy !== null) {
    attributes.push(["changedate", tmxDate(stamps.updatedAt)]);
    if (stamps.changedBy !== "") attributes.push(["changeid", stamps.changedBy]);
  }
  return attributes;
}

function* linkFile(db: Db, chosen: ExportPair[], request: Required<LinkExportRequest>, stats: XmlWriteStats): Generator<string> {
  const all = function* () {
    for (const pair of chosen) yield* pairLinks(db, pair, request);
  };
  switch (request.format) {
    case "tmx":
    case "tsv": {
      const notes = [
        ...chosen.map((p) => `Pair ${p.id} “${p.title}”: English original “${p.enTitle}”, French translation “${p.frTitle}”, ${p.linkCount} links.`),
        `Exported by Tandem: ${describeOptions(
          request,
        )}. A unit joins a link's segments with a space; x-en-breaks and x-fr-breaks say where each following segment starts (in characters).`,
      ];
      // One pair's title is the memory's name (x-title), which Tandem reads back as the title of an imported memory.
      const props: Array<[string, string]> = chosen.length === 1 ? [["x-title", chosen[0].title]] : [];
      const header = { ...CREATION_TOOL, sourceLanguage: chosen[0].sourceLanguage, targetLanguage: chosen[0].targetLanguage, created: new Date(), notes, props };
      const units = function* () {
        for (const link of all()) {
          yield memoryUnit(link, {
            document: link.pair.title,
            id: `${link.pair.id}-${link.position + 1}`,
            attributes: stampAttributes(link.stamps),
            codes: link.pair.enCodes || link.pair.frCodes ? { en: link.pair.enCodes, fr: link.pair.frCodes } : undefined,
          });
        }
      };
      yield* (request.format === "tmx" ? TMX : TSV).write(units(), header, stats);
      return;
    }
    case "csv": {
      yield formatCsv([LINK_CSV_COLUMNS]);
      for (const link of all()) {
        yield formatCsv([
          [
            link.pair.title,
            String(link.position + 1),
            linkType(link),
            link.status,
            link.confidence.toFixed(3),
            withCodeText(link.en.join(" "), link.pair.enCodes),
            withCodeText(link.fr.join(" "), link.pair.frCodes),
          ],
        ]);
      }
      return;
    }
    case "links": {
      // Segment numbers only: no text is read.
      const numbers = (start: number, count: number) => Array.from({ length: count }, (_, k) => start + k);
      for (const pair of chosen) {
        for (const rows of linkBatches(db, pair.id, request)) {
          for (const r of rows) yield `${formatLink({ en: numbers(r.sourceStart, r.sourceCount), fr: numbers(r.targetStart, r.targetCount) })}\n`;
        }
      }
      return;
    }
  }
}

const CONTENT_TYPES: Record<LinkFormat, string> = {
  tmx: TMX.contentType,
  tsv: TSV.contentType,
  csv: "text/csv; charset=utf-8",
  links: "text/plain; charset=utf-8",
};
const EXTENSIONS: Record<LinkFormat, string> = { tmx: "tmx", tsv: "tsv", csv: "csv", links: "en-fr.gold" };

/**
 * Opens an export of links: checks the request against the database (inside the snapshot the file will be
 * read from) and returns the file to stream. Refuses with ExportError: a pair that does not exist (404), one
 * not aligned yet (409), no ready pair for "everything" (409), the gold-link format for several pairs (400).
 */
export function openLinkExport(asked: LinkExportRequest, db: Db = getDb()): ExportFile {
  const request = { ...asked, skipEmpty: asked.skipEmpty ?? asked.format === "tmx" };
  if (request.pairs !== "all" && request.pairs.length === 0) throw new ExportError(400, "Choose at least one pair to export, or everything.");
  const snapshot = openSnapshot(db);
  try {
    const chosen = readPairs(snapshot.db, request.pairs);
    if (request.pairs !== "all") {
      const missing = [...new Set(request.pairs)].filter((id) => !chosen.some((p) => p.id === id));
      if (missing.length > 0) throw new ExportError(404, `There is no pair ${missing.join(", ")}; it may have been deleted.`);
      const waiting = chosen.find((p) => p.status !== "ready");
      if (waiting) {
        throw new ExportError(
          409,
          waiting.status === "failed"
            ? `The alignment of “${waiting.title}” failed: it has no links to export. Retry its alignment first.`
            : `“${waiting.title}” is still being aligned: export it once it is ready.`,
        );
      }
    }
    if (chosen.length === 0) throw new ExportError(409, "No pair is aligned yet: there is nothing to export.");
    const languagesOf = (p: ExportPair) => `${TEXT_LANGUAGE_NAMES[p.sourceLanguage]}–${TEXT_LANGUAGE_NAMES[p.targetLanguage]}`;
    const other = chosen.find((p) => languagesOf(p) !== languagesOf(chosen[0]));
    if (other) {
      throw new ExportError(
        400,
        `A memory holds one pair of languages: “${chosen[0].title}” is ${languagesOf(chosen[0])} and “${other.title}” is ${languagesOf(other)}. Export them separately.`,
      );
    }
    if (request.format === "links" && chosen.length > 1) {
      throw new ExportError(400, "The gold-link format numbers the segments of one pair: export one pair at a time in it.");
    }
    const base = request.pairs === "all" ? "tandem-all-pairs" : chosen.length === 1 ? slug(chosen[0].title) : `tandem-${chosen.length}-pairs`;
    const stats: XmlWriteStats = { dropped: 0 };
    return {
      filename: `${base}.${EXTENSIONS[request.format]}`,
      contentType: CONTENT_TYPES[request.format],
      chunks: closing(pieces(linkFile(snapshot.db, chosen, request, stats)), snapshot),
      stats,
      close: snapshot.close,
    };
  } catch (error) {
    snapshot.close();
    throw error;
  }
}

/** The chunks, then the snapshot closed (also when the reader stops early or a read fails). */
function* closing(chunks: Generator<string>, snapshot: Snapshot): Generator<string> {
  try {
    yield* chunks;
  } finally {
    snapshot.close();
  }
}

/**
 * The whole glossary as TBX v3, with each term's evidence count (links of ready pairs it occurs in), counted
 * over the whole corpus by the compute worker before the file starts.
 */
export async function openGlossaryTbx(db: Db = getDb(), options: SearchOptions = {}): Promise<ExportFile> {
  const evidence = await termEvidenceCounts(db, options);
  const entries = allEntries(db);
  const stats: XmlWriteStats = { dropped: 0 };
  return {
    filename: "tandem-glossary.tbx",
    contentType: "application/x-tbx+xml; charset=utf-8",
    chunks: pieces(tbxChunks(entries, { evidence, title: "Glossary exported by Tandem" }, stats)),
    stats,
    close: () => {},
  };
}

/** The whole glossary as TBX-Basic in the older martif form (no evidence counts: TBX-Basic has no place for them). */
export function openGlossaryMartif(db: Db = getDb()): ExportFile {
  const stats: XmlWriteStats = { dropped: 0 };
  return {
    filename: "tandem-glossary-basic.tbx",
    contentType: "application/x-tbx+xml; charset=utf-8",
    chunks: pieces(martifChunks(allEntries(db), { title: "Glossary exported by Tandem" }, stats)),
    stats,
    close: () => {},
  };
}

/**
 * The file as a byte stream for a Response: one piece per pull, so the writer runs only as fast as the
 * client reads. Cancelling (the client went away) stops the writer and frees the snapshot.
 */
export function exportStream(file: ExportFile): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        const next = file.chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        file.close();
        controller.error(error);
      }
    },
    cancel() {
      file.chunks.return(undefined);
      file.close();
    },
  });
}

/** The file as a streamed download: its type, its name, never cached nor sniffed. */
export function downloadResponse(file: ExportFile): Response {
  return new Response(exportStream(file), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachment(file.filename),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** `Content-Disposition` for a download, with the name also in RFC 5987 form for non-ASCII names. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * How many characters of a pair's texts XML cannot hold (control characters): a TMX leaves them out, so the
 * export box says so before the download. SQLite's GLOB finds the few segments holding one.
 */
export function xmlForbiddenCount(pairId: number, db: Db = getDb()): number {
  const pair = db.select({ en: pairs.sourceDocumentId, fr: pairs.targetDocumentId }).from(pairs).where(eq(pairs.id, pairId)).get();
  if (!pair) return 0;
  const rows = db.$client
    .prepare(
      "select text from segments where document_id in (?, ?) and text glob '*[' || char(1) || '-' || char(8) || char(11) || char(12) || char(14) || '-' || char(31) || char(65534) || char(65535) || ']*'",
    )
    .pluck()
    .all(pair.en, pair.fr) as string[];
  const stats: XmlWriteStats = { dropped: 0 };
  for (const text of rows) withoutForbidden(text, stats);
  return stats.dropped;
}

