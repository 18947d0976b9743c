import type { Language } from "../../alignments/languages";
import type { Segmentation } from "../../alignments/text/lines";
import { getDb } from "../../db/client.server";
import { unsettle, type ImportJobs, type PairDictionary } from "../workers/import-jobs";
import { ComputeWorker, WorkerStoppedError } from "./compute.server";
import { formValues, refusal } from "./document-import.server";
import type { ImportOutcome as GlossaryOutcome, ExistingPolicy } from "./glossary.server";
import type { CorrectionsKept } from "./segmentation.server";
import { GlossaryError } from "./glossary.server";
import { MemoryImportError, type MemoryImportResult } from "./memories.server";
import { PairError, type PairInput } from "./pairs.server";

/**
 * Imports run in a worker thread of their own (decision 0017): parsing an original, cleaning and cutting its
 * text, reading a memory, a glossary or a dictionary, and writing the result in one transaction through the
 * worker's own database connection. The server's thread only reads the upload, hands the bytes over (moved,
 * not copied) and waits, so it keeps answering other requests. Imports run one at a time, apart from the
 * compute worker's jobs (term candidates can take seconds). The worker starts on the first import (about half
 * a second), stays for the next ones and stops after a minute without any, giving its memory back.
 */

/**
 * An import may build large trees (a 50 MB web page takes about 350 MB of heap): past this heap the worker stops,
 * and its import is refused, not the server.
 */
const IMPORT_HEAP_MB = 1536;

declare global {
  // One import worker per server process (survives module reloads in `remix dev`).
  // eslint-disable-next-line no-var
  var __tandemImportWorker: ComputeWorker<ImportJobs> | undefined;
}

/** The process's import worker, made on first use. */
export function importWorker(): ComputeWorker<ImportJobs> {
  globalThis.__tandemImportWorker ??= new ComputeWorker<ImportJobs>({
    entry: "import.worker.ts",
    name: "import",
    resourceLimits: { maxOldGenerationSizeMb: IMPORT_HEAP_MB },
  });
  return globalThis.__tandemImportWorker;
}

/** The buffers of these byte arrays that can be moved to the worker: each must hold its array alone. */
export function ownBuffers(...arrays: Uint8Array[]): ArrayBuffer[] {
  return arrays
    .filter((a) => a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength && a.byteLength > 0)
    .map((a) => a.buffer as ArrayBuffer);
}

/** What a user is told when the worker itself failed (out of memory on a pathological file, most likely). */
const STOPPED = "Tandem stopped reading this file before the end (it needed more memory than an import may take), so nothing was imported. Try a smaller file, or split it.";

/**
 * Runs an import job in the worker; `refuse` turns the worker's failure into the refusal of this kind of import
 * (the transaction it was in never committed, so nothing was written).
 */
export async function runImport<K extends keyof ImportJobs & string>(
  kind: K,
  input: Parameters<ImportJobs[K]>[0],
  transfer: ArrayBuffer[] = [],
  refuse?: (message: string) => never,
): Promise<Awaited<ReturnType<ImportJobs[K]>>> {
  try {
    return await importWorker().run(kind, input, { transfer });
  } catch (error) {
    if (error instanceof WorkerStoppedError) {
      console.error(`Tandem: ${error.message}`);
      if (refuse) refuse(STOPPED);
      if (kind === "document") {
        const { job } = input as Parameters<ImportJobs["document"]>[0];
        return refusal(formValues(job.submission), 422, job.source.kind === "text" ? "text" : job.source.kind, STOPPED) as Awaited<ReturnType<ImportJobs[K]>>;
      }
    }
    throw error;
  }
}

const database = () => getDb().$client.name;

/** A translation memory (TMX) imported in the worker; throws MemoryImportError as importMemory does. */
export async function importMemoryUpload(input: { name: string; bytes: Uint8Array; title: string }): Promise<MemoryImportResult> {
  const settled = await runImport("memory", { database: database(), ...input }, ownBuffers(input.bytes), (message) => {
    throw new MemoryImportError(422, message);
  });
  return unsettle(settled);
}

/** A glossary file (CSV or TBX) imported in the worker; throws GlossaryError as importGlossaryFile does. */
export async function importGlossaryUpload(input: { name: string; bytes: Uint8Array; existing: ExistingPolicy }): Promise<GlossaryOutcome & { format: "csv" | "tbx" }> {
  const settled = await runImport("glossary", { database: database(), ...input }, ownBuffers(input.bytes), (message) => {
    throw new GlossaryError(422, message, "file");
  });
  return unsettle(settled);
}

/** A pair whose dictionary is read, and the pair stored with it, in the worker; throws PairError as createPair does. */
export async function createPairWithDictionary(pair: Omit<PairInput, "lexicon">, dictionary: PairDictionary): Promise<{ id: number; queued: boolean }> {
  const buffers = "bytes" in dictionary ? ownBuffers(dictionary.bytes) : [];
  const settled = await runImport("pair", { database: database(), pair, dictionary }, buffers, (message) => {
    throw new PairError(422, "lexicon", message);
  });
  return unsettle(settled);
}

/** A document's language changed and its text cut again, in the worker; throws DocumentInUseError as changeDocumentLanguage does. */
export async function changeLanguageInWorker(id: number, language: Language): Promise<boolean> {
  return unsettle(await runImport("language", { database: database(), id, language }));
}

/**
 * A document cut again, into sentences or one segment per line, in the worker; throws DocumentInUseError while it
 * is in a pair; the count of its segments' corrections, left as they are, unless `discardCorrections`.
 */
export async function resegmentInWorker(id: number, segmentation: Segmentation, discardCorrections = false): Promise<boolean | CorrectionsKept> {
  return unsettle(await runImport("segmentation", { database: database(), id, segmentation, discardCorrections }));
}
