import { asc, eq, inArray, sql } from "drizzle-orm";
import { UserError } from "../utils/refusal";
import type { Language } from "../../alignments/languages";
import { parseTbx } from "../../alignments/formats/tbx";
import { ReadLimitError } from "../../alignments/formats/text-limit";
import { XmlError } from "../../alignments/formats/xml-read";
import { ALTERNATIVES, formatConceptCsv } from "../../alignments/terms/glossary-concepts";
import { formatGlossaryCsv, parseGlossaryCsv } from "../../alignments/formats/glossary-csv";
import type { GlossaryEntry, GlossaryProblem } from "../../alignments/terms/glossary-entry";
import { TERM_STATUSES, type MatchMode, type TermStatus } from "../../alignments/terms/match";
import { decodeText } from "../../alignments/text/decode";
import { foldForSearch } from "../../alignments/text/fold";
import { wordsOf } from "../../alignments/terms/words";
import { getDb, type Db } from "../../db/client.server";
import { insertEach } from "../../db/insert-each";
import { glossaryEntries, glossaryTerms, seedLog } from "../../db/schema";
import { formatCount, MAX_GLOSSARY_ENTRIES, MAX_GLOSSARY_TERMS } from "../utils/limits";
import type { Tx } from "./pairs.server";

export type GlossaryOrigin = "starter" | "user" | "import";
export { TERM_STATUSES };

export const MAX_KEY = 100;
export const MAX_TERM = 200;
export const MAX_FIELD = 200;
export const MAX_NOTE = 2000;
export const MAX_TERMS = 40;

/** A user-facing refusal: the route shows the message beside what the user typed; nothing was written. */
export class GlossaryError extends UserError {
  declare readonly status: 400 | 404 | 409 | 413 | 422;
  declare readonly field: "key" | "terms" | "note" | "domain" | "source" | "file";
  declare readonly problems: GlossaryProblem[];
  constructor(
    status: 400 | 404 | 409 | 413 | 422,
    message: string,
    field: "key" | "terms" | "note" | "domain" | "source" | "file" = "terms",
    problems: GlossaryProblem[] = [],
  ) {
    super(status, message, field, problems);
  }
}

export interface TermInput {
  language: Language;
  text: string;
  status: TermStatus;
  match: MatchMode;
}

export interface EntryInput {
  /** Empty on creation: made from the first term. */
  key: string;
  domain: string;
  source: string;
  note: string;
  terms: TermInput[];
}

/** "Entraide judiciaire" → "entraide-judiciaire", the form of the starter glossary's keys. */
export function keyOf(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_KEY);
}

const quoted = (text: string) => `“${text}”`;

/** Trims, drops the blank term rows a form sends, and refuses what cannot be stored. */
function normalize(input: EntryInput): EntryInput {
  const terms = input.terms
    .map((t) => ({ ...t, text: t.text.replace(/\s+/g, " ").trim() }))
    .filter((t) => t.text !== "");
  if (terms.length === 0) throw new GlossaryError(422, "An entry needs at least one term: write a French or an English term.", "terms");
  if (terms.length > MAX_TERMS) throw new GlossaryError(422, `An entry holds at most ${MAX_TERMS} terms; split this one into several entries.`, "terms");
  const long = terms.find((t) => t.text.length > MAX_TERM);
  const barred = terms.find((t) => t.text.includes(ALTERNATIVES));
  if (barred) throw new GlossaryError(422, `The term ${quoted(barred.text)} holds “${ALTERNATIVES}”, which separates a cell's terms in spreadsheet glossaries; write it without.`, "terms");
  if (long) throw new GlossaryError(422, `The term “${long.text.slice(0, 40)}…” is longer than ${MAX_TERM} characters.`, "terms");
  const empty = terms.find((t) => wordsOf(t.text, t.language).length === 0);
  if (empty) throw new GlossaryError(422, `The term ${quoted(empty.text)} has no letters or digits, so it could never be found in a text.`, "terms");
  const seen = new Set<string>();
  for (const t of terms) {
    const id = `${t.language}:${t.text.toLowerCase()}`;
    if (seen.has(id)) throw new GlossaryError(422, `${quoted(t.text)} is twice in this entry's ${t.language === "fr" ? "French" : "English"} terms; remove one.`, "terms");
    seen.add(id);
  }
  const key = input.key.trim() || keyOf(terms[0].text);
  if (!key) throw new GlossaryError(422, "Give the entry a key (letters, digits and hyphens), for instance “mutual-legal-assistance”.", "key");
  if (key.length > MAX_KEY) throw new GlossaryError(422, `Keep the key under ${MAX_KEY} characters.`, "key");
  for (const [field, max] of [["domain", MAX_FIELD], ["source", MAX_FIELD], ["note", MAX_NOTE]] as const) {
    if (input[field].trim().length > max) throw new GlossaryError(422, `Keep the ${field} under ${max} characters.`, field);
  }
  return { key, domain: input.domain.trim(), source: input.source.trim(), note: input.note.trim(), terms };
}

function writeTerms(tx: Tx, entryId: number, terms: readonly TermInput[]): void {
  tx.delete(glossaryTerms).where(eq(glossaryTerms.entryId, entryId)).run();
  if (terms.length === 0) return;
  tx.insert(glossaryTerms)
    .values(terms.map((t, position) => ({ entryId, position, language: t.language, text: t.text, folded: foldForSearch(t.text), status: t.status, match: t.match })))
    .run();
}

/** A new entry with its terms, inside the caller's transaction; returns its id. */
function insertEntry(tx: Tx, entry: { key: string; domain: string; source: string; note: string; terms: readonly TermInput[] }, origin: GlossaryOrigin): number {
  const [row] = tx
    .insert(glossaryEntries)
    .values({ key: entry.key, domain: entry.domain, source: entry.source, note: entry.note, origin })
    .returning({ id: glossaryEntries.id })
    .all();
  writeTerms(tx, row.id, entry.terms);
  return row.id;
}

function keyTaken(tx: Db | Tx, key: string, except: number | null): boolean {
  const row = tx.select({ id: glossaryEntries.id }).from(glossaryEntries).where(eq(glossaryEntries.key, key)).get();
  return row !== undefined && row.id !== except;
}

// ---------------------------------------------------------------------------------------------------
// Reading

export interface EntrySummary {
  id: number;
  key: string;
  domain: string;
  origin: GlossaryOrigin;
  terms: Array<{ language: Language; text: string; status: TermStatus }>;
}

/**
 * Entries in key order, with their terms; `query` keeps those with a term or key containing it, whatever the
 * case, accents or apostrophe ("preuve electronique" finds "preuve électronique").
 */
export function listEntries(query = "", db: Db = getDb()): EntrySummary[] {
  const needle = foldForSearch(query);
  let ids: number[] | null = null;
  if (needle) {
    const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    ids = db
      .select({ id: glossaryEntries.id })
      .from(glossaryEntries)
      .where(
        sql`${glossaryEntries.key} like ${pattern} escape '\\' or ${glossaryEntries.id} in (select ${glossaryTerms.entryId} from ${glossaryTerms} where ${glossaryTerms.folded} like ${pattern} escape '\\')`,
      )
      .all()
      .map((r) => r.id);
    if (ids.length === 0) return [];
  }
  const entries = db
    .select({ id: glossaryEntries.id, key: glossaryEntries.key, domain: glossaryEntries.domain, origin: glossaryEntries.origin })
    .from(glossaryEntries)
    .where(ids ? inArray(glossaryEntries.id, ids) : undefined)
    .orderBy(asc(glossaryEntries.key))
    .all();
  const terms = db
    .select({ entryId: glossaryTerms.entryId, language: glossaryTerms.language, text: glossaryTerms.text, status: glossaryTerms.status })
    .from(glossaryTerms)
    .where(ids ? inArray(glossaryTerms.entryId, ids) : undefined)
    .orderBy(asc(glossaryTerms.entryId), asc(glossaryTerms.position))
    .all();
  const byEntry = new Map<number, EntrySummary["terms"]>();
  for (const { entryId, ...term } of terms) {
    const list = byEntry.get(entryId) ?? [];
    list.push(term);
    byEntry.set(entryId, list);
  }
  // In the order a reader scans the list: by the entry's first French term, as French sorts (accents after letters).
  const collator = new Intl.Collator("fr", { sensitivity: "base" });
  const heading = (terms: EntrySummary["terms"], key: string) => terms.find((t) => t.language === "fr")?.text ?? terms[0]?.text ?? key;
  return entries
    .map((e) => ({ ...e, terms: byEntry.get(e.id) ?? [] }))
    .sort((a, b) => collator.compare(heading(a.terms, a.key), heading(b.terms, b.key)));
}

/** How many entries and terms the whole glossary has, and how many terms of each status. */
export function glossaryCounts(db: Db = getDb()): { entries: number; terms: number; byStatus: Record<TermStatus, number> } {
  const entries = db.select({ n: sql<number>`count(*)` }).from(glossaryEntries).get()!.n;
  const byStatus = Object.fromEntries(TERM_STATUSES.map((s) => [s, 0])) as Record<TermStatus, number>;
  let terms = 0;
  for (const row of db.select({ status: glossaryTerms.status, n: sql<number>`count(*)` }).from(glossaryTerms).groupBy(glossaryTerms.status).all()) {
    byStatus[row.status] = row.n;
    terms += row.n;
  }
  return { entries, terms, byStatus };
}

export function getEntry(id: number, db: Db | Tx = getDb()) {
  const entry = db.select().from(glossaryEntries).where(eq(glossaryEntries.id, id)).get();
  if (!entry) return null;
  const terms = db
    .select({ id: glossaryTerms.id, language: glossaryTerms.language, text: glossaryTerms.text, status: glossaryTerms.status, match: glossaryTerms.match })
    .from(glossaryTerms)
    .where(eq(glossaryTerms.entryId, id))
    .orderBy(asc(glossaryTerms.position))
    .all();
  return { ...entry, terms };
}

export type EntryDetail = NonNullable<ReturnType<typeof getEntry>>;

// ---------------------------------------------------------------------------------------------------
// Writing

export function createEntry(input: EntryInput, db: Db = getDb(), origin: GlossaryOrigin = "user"): { id: number; key: string } {
  const entry = normalize(input);
  return db.transaction((tx) => {
    if (keyTaken(tx, entry.key, null)) {
      throw new GlossaryError(409, `There is already an entry with the key ${quoted(entry.key)}: choose another key, or edit that entry.`, "key");
    }
    return { id: insertEntry(tx, entry, origin), key: entry.key };
  });
}

/** Replaces an entry's fields and terms in one transaction; the entry keeps its origin. */
export function updateEntry(id: number, input: EntryInput, db: Db = getDb()): void {
  const entry = normalize(input);
  db.transaction((tx) => {
    if (!tx.select({ id: glossaryEntries.id }).from(glossaryEntries).where(eq(glossaryEntries.id, id)).get()) {
      throw new GlossaryError(404, "This glossary entry does not exist any more; it may have been deleted.");
    }
    if (keyTaken(tx, entry.key, id)) {
      throw new GlossaryError(409, `Another entry already has the key ${quoted(entry.key)}: choose another key.`, "key");
    }
    tx.update(glossaryEntries)
      .set({ key: entry.key, domain: entry.domain, source: entry.source, note: entry.note, updatedAt: new Date() })
      .where(eq(glossaryEntries.id, id))
      .run();
    writeTerms(tx, id, entry.terms);
  });
}

export function deleteEntry(id: number, db: Db = getDb()): boolean {
  return db.delete(glossaryEntries).where(eq(glossaryEntries.id, id)).run().changes > 0;
}

// ---------------------------------------------------------------------------------------------------
// CSV import and export, starter glossary

/** What to do with a file's entry whose key is already in the glossary. */
export type ExistingPolicy = "replace" | "skip";

export interface ImportOutcome {
  added: string[];
  /** Replaced by the file's version (policy "replace"). */
  replaced: string[];
  /** Already there and left alone: identical to the file's, or kept (policy "skip"). */
  unchanged: string[];
  /** What was left out of the file without refusing it (terms in other languages). */
  notes?: string[];
}

/** An entry as the glossary holds it, for comparing with a file's. */
interface StoredEntry {
  id: number;
  domain: string;
  source: string;
  note: string;
  terms: TermInput[];
}

/**
 * The same fields and, language by language, the same terms in the same order: how French and English terms
 * interleave means nothing (TBX groups them by language), so it does not make an entry differ.
 */
function sameEntry(stored: StoredEntry, entry: EntryInput): boolean {
  const sameTerms = (language: Language) => {
    const a = stored.terms.filter((t) => t.language === language);
    const b = entry.terms.filter((t) => t.language === language);
    return a.length === b.length && a.every((t, k) => t.text === b[k].text && t.status === b[k].status && t.match === b[k].match);
  };
  return stored.domain === entry.domain && stored.source === entry.source && stored.note === entry.note && sameTerms("fr") && sameTerms("en");
}

/**
 * Imports a glossary CSV in one transaction. A file with any problem imports nothing: every problem comes
 * back with its line, so the user mends the file and sends it again.
 */
export function importGlossaryCsv(text: string, existing: ExistingPolicy, db: Db = getDb()): ImportOutcome {
  const { entries, problems, notes } = parseGlossaryCsv(text);
  if (problems.length > 0) {
    const n = problems.length;
    throw new GlossaryError(422, `${n === 1 ? "One line has a problem" : `${n} lines have problems`}, so nothing was imported. Mend the file and import it again.`, "file", problems);
  }
  if (entries.length === 0) throw new GlossaryError(422, "This file has the column names but no terms: nothing to import.", "file");
  refuseIfTooLarge(entries.length, entries.reduce((n, e) => n + e.terms.length, 0));
  // One concept per row may leave the key out, or give one twice: such entries are named as a TBX's are.
  const outcome = importEntries(withUniqueKeys(entries), existing, db);
  return notes?.length ? { ...outcome, notes } : outcome;
}

/** Keys must be unique in the glossary: an entry without one is named after its first term, a repeated one gets a number. */
function withUniqueKeys(entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  const taken = new Set<string>();
  return entries.map((entry) => {
    const base = entry.key.trim() || keyOf(entry.terms[0].text);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    return { ...entry, key };
  });
}

/** A glossary file over the limits is refused whole, never cut (MAX_GLOSSARY_ENTRIES, MAX_GLOSSARY_TERMS). */
function refuseIfTooLarge(entries: number, terms: number): void {
  const over = entries > MAX_GLOSSARY_ENTRIES ? `more than ${formatCount(MAX_GLOSSARY_ENTRIES)} entries` : terms > MAX_GLOSSARY_TERMS ? `${formatCount(terms)} French and English terms` : null;
  if (over) {
    throw new GlossaryError(
      413,
      `This file holds ${over}; Tandem imports glossaries of up to ${formatCount(MAX_GLOSSARY_ENTRIES)} entries and ${formatCount(MAX_GLOSSARY_TERMS)} terms at a time: split it into several files. Nothing was imported.`,
      "file",
    );
  }
}

/**
 * Imports a TBX term base (v3, or the older martif form) in one transaction. Malformed XML, or an entity
 * declaration, imports nothing. Terms in other languages than French and English are left out and counted
 * in `notes`. An entry without a key of its own (x-entryKey, else its id) is named after its first term.
 */
export function importGlossaryTbx(text: string, existing: ExistingPolicy, db: Db = getDb()): ImportOutcome {
  let parsed: ReturnType<typeof parseTbx>;
  try {
    parsed = parseTbx(text, { maxEntries: MAX_GLOSSARY_ENTRIES });
  } catch (error) {
    if (error instanceof XmlError) throw new GlossaryError(422, `Tandem cannot read this TBX file: ${error.message}. Nothing was imported.`, "file");
    if (error instanceof ReadLimitError) refuseIfTooLarge(error.limit + 1, 0);
    throw error;
  }
  refuseIfTooLarge(parsed.entries.length, parsed.entries.reduce((n, e) => n + e.terms.length, 0));
  if (parsed.entries.length === 0) {
    const why = parsed.problems.length > 0 ? ` ${parsed.problems.map((p) => p.message).join(" ")}` : "";
    throw new GlossaryError(422, `This TBX file has no French or English term: nothing to import.${why}`, "file");
  }
  return { ...importEntries(withUniqueKeys(parsed.entries), existing, db), notes: parsed.problems.map((p) => p.message) };
}

/** An uploaded glossary file's bytes, decoded (UTF-8, UTF-16 or Windows-1252) and imported as importGlossaryFile does. */
export function importGlossaryBytes(name: string, bytes: Uint8Array, existing: ExistingPolicy, db: Db = getDb()): ImportOutcome & { format: "csv" | "tbx" } {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new GlossaryError(422, decoded.message, "file");
  const outcome = importGlossaryFile(decoded.text, existing, db);
  // How the file was read (damaged UTF-8, Windows-1252) comes first among the notes: it may explain odd terms.
  return decoded.note ? { ...outcome, notes: [decoded.note, ...(outcome.notes ?? [])] } : outcome;
}

/** A glossary file as its content says: TBX when it starts with XML markup, CSV (or TSV) otherwise. */
export function importGlossaryFile(text: string, existing: ExistingPolicy, db: Db = getDb()): ImportOutcome & { format: "csv" | "tbx" } {
  const tbx = /^\uFEFF?\s*</.test(text);
  return { ...(tbx ? importGlossaryTbx(text, existing, db) : importGlossaryCsv(text, existing, db)), format: tbx ? "tbx" : "csv" };
}

function importEntries(entries: readonly GlossaryEntry[], existing: ExistingPolicy, db: Db): ImportOutcome {
  const checked = entries.map((entry) => {
    try {
      return normalize(entry);
    } catch (error) {
      if (error instanceof GlossaryError) throw new GlossaryError(422, `Entry ${quoted(entry.key)}: ${error.message} Nothing was imported.`, "file");
      throw error;
    }
  });
  // Everything is prepared before the transaction, and written through statements prepared once: the write lock
  // is held as briefly as a file of thousands of entries allows (decision 0017).
  const termsOf = (entry: EntryInput) =>
    entry.terms.map((t, position) => ({ position, language: t.language, text: t.text, folded: foldForSearch(t.text), status: t.status, match: t.match }));
  const prepared = checked.map((entry) => ({ entry, terms: termsOf(entry) }));
  const placeholder = (name: string) => sql.placeholder(name);
  return db.transaction(
    (tx) => {
      const outcome: ImportOutcome = { added: [], replaced: [], unchanged: [] };
      const stored = storedEntries(tx);
      const newEntry = tx
        .insert(glossaryEntries)
        .values({ key: placeholder("key"), domain: placeholder("domain"), source: placeholder("source"), note: placeholder("note"), origin: "import" })
        .returning({ id: glossaryEntries.id })
        .prepare();
      const termRows: Array<typeof glossaryTerms.$inferInsert> = [];
      for (const { entry, terms } of prepared) {
        const current = stored.get(entry.key);
        if (!current) {
          const { id } = newEntry.get({ key: entry.key, domain: entry.domain, source: entry.source, note: entry.note })!;
          for (const term of terms) termRows.push({ entryId: id, ...term });
          stored.set(entry.key, { id, ...entry });
          outcome.added.push(entry.key);
        } else if (existing === "skip" || sameEntry(current, entry)) {
          outcome.unchanged.push(entry.key);
        } else {
          tx.update(glossaryEntries)
            .set({ domain: entry.domain, source: entry.source, note: entry.note, updatedAt: new Date() })
            .where(eq(glossaryEntries.id, current.id))
            .run();
          tx.delete(glossaryTerms).where(eq(glossaryTerms.entryId, current.id)).run();
          for (const term of terms) termRows.push({ entryId: current.id, ...term });
          stored.set(entry.key, { id: current.id, ...entry });
          outcome.replaced.push(entry.key);
        }
      }
      insertEach(tx, glossaryTerms, termRows);
      return outcome;
    },
    // It reads before it writes: take the write lock first, so another connection's write cannot come between.
    { behavior: "immediate" },
  );
}

/** Every stored entry by key, with its terms in order: two queries, whatever the glossary's size. */
function storedEntries(tx: Tx): Map<string, StoredEntry> {
  const byId = new Map<number, StoredEntry>();
  const byKey = new Map<string, StoredEntry>();
  for (const e of tx.select({ id: glossaryEntries.id, key: glossaryEntries.key, domain: glossaryEntries.domain, source: glossaryEntries.source, note: glossaryEntries.note }).from(glossaryEntries).all()) {
    const entry = { id: e.id, domain: e.domain, source: e.source, note: e.note, terms: [] };
    byId.set(e.id, entry);
    byKey.set(e.key, entry);
  }
  const terms = tx
    .select({ entryId: glossaryTerms.entryId, language: glossaryTerms.language, text: glossaryTerms.text, status: glossaryTerms.status, match: glossaryTerms.match })
    .from(glossaryTerms)
    .orderBy(asc(glossaryTerms.entryId), asc(glossaryTerms.position))
    .all();
  for (const { entryId, ...term } of terms) byId.get(entryId)?.terms.push(term);
  return byKey;
}

/** Every entry with its terms, entries in key order, terms in their order (the exchange formats' content). */
export function allEntries(db: Db = getDb()): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const rows = db.select().from(glossaryEntries).orderBy(asc(glossaryEntries.key)).all();
  const terms = db.select().from(glossaryTerms).orderBy(asc(glossaryTerms.entryId), asc(glossaryTerms.position)).all();
  const byEntry = new Map<number, GlossaryEntry["terms"]>();
  for (const t of terms) {
    const list = byEntry.get(t.entryId) ?? [];
    list.push({ language: t.language, text: t.text, status: t.status, match: t.match });
    byEntry.set(t.entryId, list);
  }
  for (const e of rows) entries.push({ key: e.key, domain: e.domain, source: e.source, note: e.note, terms: byEntry.get(e.id) ?? [] });
  return entries;
}

/** The CSV layouts: one row per term (Tandem's own), one row per concept (termbases' and spreadsheets'). */
export type GlossaryCsvLayout = "terms" | "concepts";

/** The whole glossary in one of its CSV exchange layouts. */
export function exportGlossaryCsv(db: Db = getDb(), layout: GlossaryCsvLayout = "terms"): string {
  return (layout === "concepts" ? formatConceptCsv : formatGlossaryCsv)(allEntries(db));
}

export const starterKey = (key: string) => `glossary:${key}`;

/**
 * Adds the starter entries never applied before. Idempotent through seed_log ("glossary:KEY"): an entry the
 * user deleted is not added again, and one the user edited is left as it is. An unlogged key already in the
 * glossary (the user made it first) is logged and left alone.
 */
export function seedGlossary(text: string, db: Db = getDb()): { added: string[]; skipped: string[] } {
  const { entries, problems } = parseGlossaryCsv(text);
  if (problems.length > 0) throw new Error(`The starter glossary has problems: ${problems.map((p) => p.message).join(" ")}`);
  const added: string[] = [];
  const skipped: string[] = [];
  db.transaction((tx) => {
    for (const raw of entries) {
      const entry = normalize(raw);
      const logKey = starterKey(entry.key);
      if (tx.select().from(seedLog).where(eq(seedLog.sourceKey, logKey)).get()) {
        skipped.push(entry.key);
        continue;
      }
      tx.insert(seedLog).values({ sourceKey: logKey }).run();
      if (keyTaken(tx, entry.key, null)) {
        skipped.push(entry.key);
        continue;
      }
      insertEntry(tx, entry, "starter");
      added.push(entry.key);
    }
  });
  return { added, skipped };
}
