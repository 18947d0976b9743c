import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { TEXT_LANGUAGES } from "../alignments/languages";

/** One imported text, in any language the core reads (TEXT_LANGUAGES), with what import did to it. */
export const documents = sqliteTable("documents", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  title: text("title").notNull(),
  language: text("language", { enum: TEXT_LANGUAGES }).notNull(),
  /** seed: the project's own corpus (db/corpus); demo: ../shared/corpora; import: brought by a user. */
  origin: text("origin", { enum: ["seed", "demo", "import"] }).notNull(),
  /** A sentence on where the text comes from (seed and demo documents). */
  description: text("description"),
  /** The uploaded file's name, or null for pasted text. */
  sourceName: text("source_name"),
  /** Stable key of a seed or demo document ("seed:000_…"); null for user imports. */
  sourceKey: text("source_key").unique(),
  /** pipeline: cleaned and cut into sentences; lines: one segment per line, as given. */
  segmentation: text("segmentation", { enum: ["pipeline", "lines"] }).notNull().default("pipeline"),
  /** Why Tandem cut the text as it did, when it chose (what the lines showed); null when a person chose. */
  segmentationNote: text("segmentation_note"),
  rawText: text("raw_text").notNull(),
  cleanText: text("clean_text").notNull(),
  /** How the uploaded bytes were read (utf-8, utf-16le, utf-16be, windows-1252); null for pasted text. */
  encoding: text("encoding"),
  encodingNote: text("encoding_note"),
  /** franc's ISO 639-3 guess, when detection ran. */
  detectedLanguage: text("detected_language"),
  detectionConfidence: real("detection_confidence"),
  segmentCount: integer("segment_count").notNull().default(0),
  /**
   * JSON {character: markup}: what each inline-code character in the segments stands for, the markup exactly as
   * the memory it came from wrote it (decision 23); null for a document without codes.
   */
  inlineCodes: text("inline_codes"),
  createdAt: integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  updatedAt: integer("updated_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
});

export const paragraphs = sqliteTable(
  "paragraphs",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    /** 0-based, in reading order (body, then notes); segments.paragraph points here. */
    position: integer("position").notNull(),
    kind: text("kind", { enum: ["heading", "body", "item", "note"] }).notNull(),
    /** Note number or mark ("1", "*") on the first paragraph of a note. */
    label: text("label"),
    /** 1-based source line where the paragraph starts. */
    line: integer("line").notNull(),
    oneSegment: integer("one_segment", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [uniqueIndex("paragraphs_document_position").on(t.documentId, t.position)],
);

export const segments = sqliteTable(
  "segments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    /** 0-based order in the document; shown 1-based. */
    position: integer("position").notNull(),
    paragraph: integer("paragraph").notNull(),
    kind: text("kind", { enum: ["heading", "body", "item", "note"] }).notNull(),
    text: text("text").notNull(),
    /** Offsets into documents.clean_text. */
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    /** JSON: [{label, offset}] with offsets into this segment's text. */
    noteRefs: text("note_refs").notNull().default("[]"),
  },
  (t) => [uniqueIndex("segments_document_position").on(t.documentId, t.position)],
);

/** What import took out of the text (page stamps, page numbers, markup...), so nothing goes silently. */
export const removals = sqliteTable(
  "removals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind").notNull(),
    line: integer("line").notNull(),
    text: text("text").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [index("removals_document").on(t.documentId)],
);

/** Where import re-joined text split by page breaks or wrapping. */
export const repairs = sqliteTable(
  "repairs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind").notNull(),
    line: integer("line").notNull(),
    before: text("before").notNull(),
    after: text("after").notNull(),
  },
  (t) => [index("repairs_document").on(t.documentId)],
);

/**
 * An English original paired with its French translation, and the state of its alignment.
 *
 * The documents are referenced with ON DELETE RESTRICT: links point at segment positions and will carry
 * a person's confirmations, so deleting (or re-segmenting) a document that is in a pair is refused with a
 * message naming the pair; the user deletes the pair first. Deleting a pair deletes its links (cascade).
 */
export const pairs = sqliteTable(
  "pairs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    sourceDocumentId: integer("source_document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "restrict" }),
    targetDocumentId: integer("target_document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "restrict" }),
    /** queued → aligning → ready, or failed (with `error`); an interrupted alignment goes back to queued. */
    status: text("status", { enum: ["queued", "aligning", "ready", "failed"] }).notNull().default("queued"),
    /** 0..1 while aligning (written at most a few times a second). */
    progress: real("progress").notNull().default(0),
    error: text("error"),
    /** The aligner's share of links with lexical support (0..1), once ready; low means unrelated texts. */
    support: real("support"),
    linkCount: integer("link_count").notNull().default(0),
    /** The user's dictionary or glossary: its file name, entry count and entries (JSON [{en, fr}]), kept for re-runs. */
    lexiconName: text("lexicon_name"),
    lexiconSize: integer("lexicon_size").notNull().default(0),
    lexicon: text("lexicon"),
    /** Stable key of a demo pair ("pair:demo:udhr"); null for the user's pairs. */
    sourceKey: text("source_key").unique(),
    /**
     * Bumped by every change to the links (an edit, an undo or redo, a realignment, a new alignment). An edit
     * names the version it was made on and is refused when the pair has moved on, so nothing is silently overwritten.
     */
    version: integer("version").notNull().default(0),
    /**
     * A realignment of the unconfirmed links is waiting or running: the version it was asked on (its result is
     * stored only if the pair is still at that version), who asked, and how far it has got. Null: none.
     */
    realignVersion: integer("realign_version"),
    realignUser: text("realign_user"),
    realignProgress: real("realign_progress").notNull().default(0),
    /** Why the last realignment stopped without a result (the links were left as they were); cleared by the next one. */
    realignError: text("realign_error"),
    /**
     * The server (its lease holder id, see serverLease) whose worker is aligning or realigning this pair. A job is
     * claimed by a compare-and-set on it, so a second process that meets the same job does nothing, and a result is
     * stored only by its claimant. Null: no job runs.
     */
    jobHolder: text("job_holder"),
    createdAt: integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
    updatedAt: integer("updated_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [index("pairs_source_document").on(t.sourceDocumentId), index("pairs_target_document").on(t.targetDocumentId)],
);

/**
 * One link of a pair's alignment: a contiguous range of English segments (positions) and one of French
 * segments, either possibly empty (1-0, 0-1). Links are numbered in document order; every segment of both
 * documents is in exactly one link, and links never cross.
 */
export const links = sqliteTable(
  "links",
  {
    pairId: integer("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    /** 0-based order in the alignment; shown 1-based. */
    position: integer("position").notNull(),
    sourceStart: integer("source_start").notNull(),
    sourceCount: integer("source_count").notNull(),
    targetStart: integer("target_start").notNull(),
    targetCount: integer("target_count").notNull(),
    /** automatic: made by the aligner or reshaped but not yet checked; confirmed: checked by a person. */
    status: text("status", { enum: ["automatic", "confirmed"] }).notNull().default("automatic"),
    /** 0..1, from the aligner. */
    confidence: real("confidence").notNull(),
    /**
     * Written by a change in the pair's history (an edit, undo, redo, realignment, or a segment change to the
     * link's text): the editor's "only edited" filter. A link only renumbered by a segment change elsewhere
     * keeps its flag; a new alignment of the whole pair starts with none.
     */
    edited: integer("edited", { mode: "boolean" }).notNull().default(false),
    /**
     * When these segments were first linked (`createdAt`) and by whom: the reviewer's name, the memory's creationid,
     * or null for the aligner (TMX's creationid "Tandem"). A change that keeps the link's segments keeps them.
     */
    createdBy: text("created_by"),
    /** Who made the last change (`updatedAt`): a reviewer, or the memory's changeid; null while nobody changed it. */
    changedBy: text("changed_by"),
    createdAt: integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
    updatedAt: integer("updated_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [uniqueIndex("links_pair_position").on(t.pairId, t.position)],
);

/** What an edit did to a range of links: the rows as stored (positions implied by the range). */
export interface StoredLink {
  sourceStart: number;
  sourceCount: number;
  targetStart: number;
  targetCount: number;
  status: "automatic" | "confirmed";
  confidence: number;
}

/** A segment as an edit recorded it (SegmentChange); noteRefs as in `segments`. */
export interface StoredSegment {
  text: string;
  kind: "heading" | "body" | "item" | "note";
  paragraph: number;
  start: number;
  end: number;
  noteRefs: { label: string; offset: number }[];
}

/**
 * A change to a document's segments: those at [position, position + before.length) of the document were
 * replaced by `after`; every later segment moved by after.length - before.length. Every pair using the
 * document records it, with its own range of links; in those pairs, the links after that range moved
 * their `side` start by the same amount.
 */
export interface SegmentChange {
  document: number;
  side: "en" | "fr";
  position: number;
  before: StoredSegment[];
  after: StoredSegment[];
}

/**
 * The history of a pair's alignment: one row per change, written in the same transaction as the change.
 *
 * A change replaced the links at positions [position, position + before.length) by `after` (JSON arrays of
 * StoredLink), taking the pair from `versionBefore` to `versionAfter`. Undo puts `before` back in place of
 * `after`; redo does the reverse. Undo and redo are rows of their own, naming the change they undid or redid
 * in `target`. `state` is the place of an ordinary change on the undo stack: done (undo reaches it), undone
 * (redo reaches it) or dropped (a later change made redoing it impossible); null on undo and redo rows.
 *
 * A change to the segments of a document (`segment` set) is recorded in every pair that uses the document:
 * on the undo stack of the pair it was made in, and as a row with state null in the others. Their stacks stay:
 * at undo or redo, their recorded links are carried through every segment change made since (decisions 0008, 0011).
 */
export const edits = sqliteTable(
  "edits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pairId: integer("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    versionBefore: integer("version_before").notNull(),
    versionAfter: integer("version_after").notNull(),
    operation: text("operation", {
      enum: [
        "shift-up",
        "shift-down",
        "merge",
        "split",
        "confirm",
        "unconfirm",
        "confirm-through",
        "realign",
        "undo",
        "redo",
        "edit-segment",
        "split-segment",
        "merge-segments",
        "rename",
      ],
    }).notNull(),
    /** JSON: the operation's arguments ({link, side}, {link, sourceCount, targetCount}...), link positions 0-based. */
    args: text("args").notNull().default("{}"),
    position: integer("position").notNull(),
    before: text("before").notNull(),
    after: text("after").notNull(),
    target: integer("target"),
    /**
     * JSON SegmentChange, on a change to a document's segments (split, merge, new text): the segments it
     * replaced and those it put in their place, and (`clean`) the part of the document's clean text it replaced,
     * so undo and redo restore the text itself (RecordedSegmentChange in app/models/editor.server.ts).
     */
    segment: text("segment"),
    state: text("state", { enum: ["done", "undone", "dropped"] }),
    /** The name the person gave in the editor. */
    user: text("user").notNull(),
    createdAt: integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [index("edits_pair").on(t.pairId, t.id)],
);

/**
 * A document's earlier titles: one row per rename, written in the same transaction as the new title, shown on the
 * document page (decision 0022). A pair's renames go in its history (`edits`, operation "rename").
 */
export const documentRenames = sqliteTable(
  "document_renames",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    before: text("before").notNull(),
    after: text("after").notNull(),
    /** The name the person gave in the editor (its cookie); "" when none was given. */
    user: text("user").notNull().default(""),
    createdAt: integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [index("document_renames_document").on(t.documentId, t.id)],
);

/**
 * A glossary entry: one concept, holding French and English terms. `key` is the entry's name in the CSV
 * exchange format (and the seed log's "glossary:KEY" for starter entries).
 */
export const glossaryEntries = sqliteTable("glossary_entries", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  key: text("key").notNull().unique(),
  domain: text("domain").notNull().default(""),
  source: text("source").notNull().default(""),
  note: text("note").notNull().default(""),
  /** starter: db/glossary/starter.csv, written by the Tandem team; user: made in the app; import: from a user's CSV. */
  origin: text("origin", { enum: ["starter", "user", "import"] }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  updatedAt: integer("updated_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
});

export const glossaryTerms = sqliteTable(
  "glossary_terms",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    entryId: integer("entry_id")
      .notNull()
      .references(() => glossaryEntries.id, { onDelete: "cascade" }),
    language: text("language", { enum: ["fr", "en"] }).notNull(),
    text: text("text").notNull(),
    /**
     * The text in lower case with accents folded: SQLite's lower() and LIKE only know ASCII, and a search
     * for "preuve electronique" must find "preuve électronique".
     */
    folded: text("folded").notNull(),
    status: text("status", { enum: ["preferred", "admitted", "deprecated", "forbidden"] }).notNull().default("preferred"),
    /** How the term is found in texts: alignments/terms/match.ts, MATCH_MODES (an enum only in types: no migration). */
    match: text("match", { enum: ["inflected", "exact", "gapped", "unordered"] }).notNull().default("inflected"),
    /** 0-based order within the entry (the CSV's row order). */
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("glossary_terms_entry_position").on(t.entryId, t.position)],
);

/**
 * A terminology finding a person accepted (the text is right as it is), with why. A finding is named by the
 * link's texts (`unit`, a hash of its English and French) and the check's key for it, both stable across
 * re-checks: a link moved by an edit elsewhere keeps its acceptances, a link whose text changed is checked
 * afresh (decision 0012). `link` and `message` say where and what it was when accepted.
 */
export const acceptedFindings = sqliteTable(
  "accepted_findings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pairId: integer("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    unit: text("unit").notNull(),
    findingKey: text("finding_key").notNull(),
    /** 0-based position of the link when the finding was accepted. */
    link: integer("link").notNull(),
    message: text("message").notNull(),
    note: text("note").notNull().default(""),
    /** The name the person gave in the editor. */
    user: text("user").notNull(),
    createdAt: integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [uniqueIndex("accepted_findings_pair_unit_key").on(t.pairId, t.unit, t.findingKey)],
);

/**
 * Seeds applied once: a seed the user deleted is not added again, and one the user changed is left alone.
 * No foreign key on purpose: the entry outlives the document.
 */
export const seedLog = sqliteTable("seed_log", {
  sourceKey: text("source_key").primaryKey(),
  appliedAt: integer("applied_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
});

/**
 * The server that serves this database file (decision 18): one row at most. Taken at start in an IMMEDIATE
 * transaction, its heartbeat renewed every few seconds; a lease whose heartbeat is old, or whose process is gone
 * from this machine, is taken over. A second server refuses to start while it is live; set-up and the scripts
 * leave a live server's jobs alone.
 */
export const serverLease = sqliteTable("server_lease", {
  id: integer("id").primaryKey(),
  /** A random id per server process: the claimant of its jobs (pairs.job_holder). */
  holder: text("holder").notNull(),
  pid: integer("pid").notNull(),
  /** The machine's name: a process id is checked for life only on the same machine. */
  hostname: text("hostname").notNull(),
  /** Where it answers (http://127.0.0.1:3000), for the message a second server prints. */
  address: text("address").notNull(),
  startedAt: integer("started_at").notNull(),
  /** Milliseconds since the epoch of the last renewal. */
  heartbeatAt: integer("heartbeat_at").notNull(),
});

export type ServerLeaseRow = typeof serverLease.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type SegmentRow = typeof segments.$inferSelect;
export type PairRow = typeof pairs.$inferSelect;
export type LinkRow = typeof links.$inferSelect;
export type EditRow = typeof edits.$inferSelect;
export type GlossaryEntryRow = typeof glossaryEntries.$inferSelect;
export type GlossaryTermRow = typeof glossaryTerms.$inferSelect;
export type AcceptedFindingRow = typeof acceptedFindings.$inferSelect;
