/**
 * What the import worker (app/workers/import.worker.ts) does for the server: every import's parsing, cleaning and
 * segmentation, and its write to the database in one transaction through the worker's own connection (opened
 * once per database file, without migrating: the server has). Each job takes plain data (a file's bytes moved,
 * not copied) and answers plain data. A refusal meant for the user (MemoryImportError, GlossaryError, PairError,
 * DocumentInUseError) comes back as `{ refused }` and is thrown again on the server's side by `unsettle`, so the
 * routes handle it as they did when all this ran on their thread.
 */
import type { Language } from "../../alignments/languages";
import type { GlossaryProblem } from "../../alignments/terms/glossary-entry";
import { openDatabase, type Db } from "../../db/client.server";
import { importFromSource, type DocumentJob } from "../models/document-import.server";
import { changeDocumentLanguage, DocumentInUseError } from "../models/documents.server";
import { GlossaryError, importGlossaryBytes, type ExistingPolicy } from "../models/glossary.server";
import { glossaryLexicon, type GlossaryChoice } from "../models/glossary-dictionary.server";
import { importMemory, MemoryImportError } from "../models/memories.server";
import { createPair, PairError, readLexicon, type PairInput } from "../models/pairs.server";
import { resegmentDocument } from "../models/segmentation.server";
import type { Segmentation } from "../../alignments/text/lines";

const connections = new Map<string, Db>();

function databaseAt(file: string): Db {
  if (file === "" || file === ":memory:") throw new Error("An import worker needs a database file: an in-memory database cannot be shared with it.");
  let db = connections.get(file);
  if (!db) connections.set(file, (db = openDatabase(file, { migrate: false })));
  return db;
}

/** A refusal for the user, as plain data: which kind, and what its error held. */
export type Refusal =
  | { kind: "memory"; status: MemoryImportError["status"]; message: string }
  | { kind: "glossary"; status: GlossaryError["status"]; message: string; field: GlossaryError["field"]; problems: GlossaryProblem[] }
  | { kind: "pair"; status: PairError["status"]; message: string; field: PairError["field"] }
  | { kind: "in-use"; message: string; pairs: DocumentInUseError["pairs"]; action: "delete" | "re-segment" };

export type Settled<T> = { ok: true; value: T } | { ok: false; refused: Refusal };

/** Runs a job's work, turning the refusals meant for the user into data. */
function settle<T>(work: () => T): Settled<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (error instanceof MemoryImportError) return { ok: false, refused: { kind: "memory", status: error.status, message: error.message } };
    if (error instanceof GlossaryError) return { ok: false, refused: { kind: "glossary", status: error.status, message: error.message, field: error.field, problems: error.problems } };
    if (error instanceof PairError) return { ok: false, refused: { kind: "pair", status: error.status, message: error.message, field: error.field } };
    if (error instanceof DocumentInUseError) return { ok: false, refused: { kind: "in-use", message: error.message, pairs: error.pairs, action: error.action } };
    throw error;
  }
}

/** On the server's side: the job's value, or its refusal thrown again as the error it was. */
export function unsettle<T>(settled: Settled<T>): T {
  if (settled.ok) return settled.value;
  const refused = settled.refused;
  switch (refused.kind) {
    case "memory":
      throw new MemoryImportError(refused.status, refused.message);
    case "glossary":
      throw new GlossaryError(refused.status, refused.message, refused.field, refused.problems);
    case "pair":
      throw new PairError(refused.status, refused.field, refused.message);
    case "in-use":
      throw new DocumentInUseError(refused.pairs, refused.action);
  }
}

/** A pair's dictionary: an uploaded file, or the app's glossary (all of it or one domain). */
export type PairDictionary = { name: string; bytes: Uint8Array } | { glossary: GlossaryChoice };

export interface FileJob {
  database: string;
  name: string;
  bytes: Uint8Array;
}

export const IMPORT_JOBS = {
  /** "Add a document": read the original, settle the language, clean, segment and store (ImportOutcome). */
  document: (input: { database: string; job: DocumentJob }) => importFromSource(input.job, databaseAt(input.database)),
  /** A translation memory (TMX): two documents and a ready pair. */
  memory: (input: FileJob & { title: string }) => settle(() => importMemory(input, databaseAt(input.database))),
  /** A glossary file (CSV or TBX) into the glossary. */
  glossary: (input: FileJob & { existing: ExistingPolicy }) => settle(() => importGlossaryBytes(input.name, input.bytes, input.existing, databaseAt(input.database))),
  /** A pair with a dictionary (a file, or the app's glossary): the dictionary read, the pair stored with it (queued for alignment by the server). */
  pair: (input: { database: string; pair: Omit<PairInput, "lexicon">; dictionary: PairDictionary }) =>
    settle(() => {
      const db = databaseAt(input.database);
      const { dictionary } = input;
      const lexicon = "glossary" in dictionary ? glossaryLexicon(dictionary.glossary, db) : readLexicon(dictionary.name, dictionary.bytes);
      return createPair({ ...input.pair, lexicon }, db);
    }),
  /** A document's language changed: its text cleaned and cut again for that language. */
  language: (input: { database: string; id: number; language: Language }) => settle(() => changeDocumentLanguage(input.id, input.language, databaseAt(input.database))),
  /** A document cut again, into sentences or one segment per line. */
  segmentation: (input: { database: string; id: number; segmentation: Segmentation; discardCorrections: boolean }) =>
    settle(() => resegmentDocument(input.id, input.segmentation, databaseAt(input.database), { discardCorrections: input.discardCorrections })),
};

export type ImportJobs = typeof IMPORT_JOBS;
