import type { TextLanguage } from "../../alignments/languages";
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Alignment, AlignSegment } from "../../alignments/align/aligner";
import type { LexiconEntry } from "../../alignments/align/lexicon";
import { alignmentProblems, type LinkSides } from "../../alignments/align/links";
import { confirmedLinks } from "../../alignments/align/operations";
import { getDb, type Db } from "../../db/client.server";
import { pairs, type StoredLink } from "../../db/schema";
import { commit, difference, loadLinks } from "./editor-links.server";
import { checkUserName, editablePair } from "./editor.server";
import { alignmentRows, documentInfo, readSegments, toEditable, toStored, writeAlignmentRows, type Tx } from "./pairs.server";

/**
 * The aligner's jobs, both kinds, from claim to stored result. align: a new pair's whole alignment (the pair goes
 * queued → aligning → ready | failed). realign: the unconfirmed links of a ready pair, around its confirmed ones
 * (asked for by a person, the pair stays ready, its links untouched until the result is stored, in its history).
 * Each kind differs only in how it is claimed, where its progress and failure are written and how its result is
 * stored; reading the input and beginning a job are the same for both.
 */

/**
 * align: a new pair's whole alignment (the pair is queued → aligning → ready). realign: the unconfirmed links
 * of a ready pair, around its confirmed ones (the pair stays ready, its links untouched until the result is stored).
 */
export type JobKind = "align" | "realign";

/** What the aligner needs for a job: both documents' segments, the pair's dictionary and, to realign, the confirmed links. */
export interface AlignmentInput {
  pairId: number;
  en: AlignSegment[];
  fr: AlignSegment[];
  lexicon: LexiconEntry[];
  /** The source's and the target's languages, for the aligner's word splitting and evidence. */
  languages: [TextLanguage, TextLanguage];
  /** Realigning the rest: the confirmed links, kept in place. */
  fixed?: LinkSides[];
}

export type RealignmentInput = Required<AlignmentInput>;

// ---------------------------------------------------------------------------------------------------
// Asking for a realignment

/**
 * Asks for a realignment of the unconfirmed links of a pair seen at `version`: the confirmed links stay
 * where they are and the aligner redoes the stretches between them. The caller hands the pair to the queue;
 * the links change only when the result is stored, in one transaction.
 */
export function requestRealignment({ pairId, version: expectedVersion, user }: { pairId: number; version: number; user: string }, db: Db = getDb()): void {
  const name = checkUserName(user);
  db.transaction((tx) => {
    editablePair(tx, pairId, expectedVersion);
    tx.update(pairs)
      .set({ realignVersion: expectedVersion, realignUser: name, realignProgress: 0, realignError: null, updatedAt: new Date() })
      .where(eq(pairs.id, pairId))
      .run();
  });
}

// ---------------------------------------------------------------------------------------------------
// Claiming, reading, progress and failure: one table of the two kinds' differences

interface JobKindRules {
  /** The claimant when none is named (the only process, as in tests and scripts). */
  defaultHolder: string | null;
  /**
   * Claims the job for `holder` (the server's lease id): a compare-and-set in one statement; of two processes that
   * meet the same job, the second gets false. align: queued → aligning. realign: asked for and not yet held.
   */
  claim(pairId: number, db: Db | Tx, holder: string | null): boolean;
  /** Records how far the job has got (0..1); ignored once the job is over. */
  progress(pairId: number, fraction: number, db: Db): void;
  /** Ends the job without a result, the pair saying why (a failed pair; a realignment's links stay as they were). */
  fail(pairId: number, message: string, db: Db): void;
  /** Stores a finished job's result; false (nothing stored) when the job is no longer this claimant's or the pair moved on. */
  store(pairId: number, alignment: Alignment, db: Db, holder?: string): boolean;
}

const clamp = (fraction: number) => Math.max(0, Math.min(1, fraction));

export const JOBS: Record<JobKind, JobKindRules> = {
  align: {
    defaultHolder: null,
    claim: (pairId, db, holder) =>
      db
        .update(pairs)
        .set({ status: "aligning", progress: 0, error: null, jobHolder: holder, updatedAt: new Date() })
        .where(and(eq(pairs.id, pairId), eq(pairs.status, "queued")))
        .run().changes > 0,
    progress: (pairId, fraction, db) => {
      db.update(pairs)
        .set({ progress: clamp(fraction), updatedAt: new Date() })
        .where(and(eq(pairs.id, pairId), eq(pairs.status, "aligning")))
        .run();
    },
    fail: (pairId, message, db) => {
      db.update(pairs)
        .set({ status: "failed", error: message, progress: 0, jobHolder: null, updatedAt: new Date() })
        .where(and(eq(pairs.id, pairId), inArray(pairs.status, ["queued", "aligning"])))
        .run();
    },
    store: (pairId, alignment, db, holder) => storeAlignment(pairId, alignment, db, holder),
  },
  realign: {
    defaultHolder: "this process",
    claim: (pairId, db, holder) =>
      db
        .update(pairs)
        .set({ jobHolder: holder })
        .where(and(eq(pairs.id, pairId), isNotNull(pairs.realignVersion), isNull(pairs.jobHolder)))
        .run().changes > 0,
    progress: (pairId, fraction, db) => {
      db.update(pairs)
        .set({ realignProgress: clamp(fraction) })
        .where(and(eq(pairs.id, pairId), isNotNull(pairs.realignVersion)))
        .run();
    },
    fail: (pairId, message, db) => {
      db.update(pairs)
        .set({ realignVersion: null, realignUser: null, realignProgress: 0, realignError: message, jobHolder: null, updatedAt: new Date() })
        .where(eq(pairs.id, pairId))
        .run();
    },
    store: (pairId, alignment, db, holder) => storeRealignment(pairId, alignment, db, holder),
  },
};

/**
 * What the aligner needs for a job, read in one snapshot (a savepoint inside a caller's transaction); null if the
 * pair is gone. A paired document's segments cannot change while its pair aligns or realigns, and edits wait for a
 * realignment, so they stay as read.
 */
export function jobInput(kind: JobKind, pairId: number, db: Db | Tx): AlignmentInput | null {
  return db.transaction((tx) => {
    const pair = tx.select({ en: pairs.sourceDocumentId, fr: pairs.targetDocumentId, lexicon: pairs.lexicon }).from(pairs).where(eq(pairs.id, pairId)).get();
    if (!pair) return null;
    const fixed = kind === "realign" ? { fixed: confirmedLinks(loadLinks(tx, pairId).map(toEditable)) } : {};
    const { en, fr, languages } = readSegments(tx, pair.en, pair.fr);
    return { pairId, en, fr, languages, lexicon: pair.lexicon ? (JSON.parse(pair.lexicon) as LexiconEntry[]) : [], ...fixed };
  });
}

/** Claims a job and reads what the aligner needs, in one transaction; null if there is none to run. */
export function beginJob(kind: JobKind, pairId: number, db: Db = getDb(), holder: string | null = JOBS[kind].defaultHolder): AlignmentInput | null {
  return db.transaction((tx) => (JOBS[kind].claim(pairId, tx, holder) ? jobInput(kind, pairId, tx) : null), { behavior: "immediate" });
}

/** A queued pair's alignment, claimed and read (beginJob). */
export const beginAlignment = (pairId: number, db: Db = getDb(), holder: string | null = null) => beginJob("align", pairId, db, holder);
/** An asked-for realignment, claimed and read (beginJob). */
export const beginRealignment = (pairId: number, db: Db = getDb(), holder = "this process") => beginJob("realign", pairId, db, holder) as RealignmentInput | null;
/** Fails a queued or aligning pair: it says why, and can be retried. */
export const failPair = (pairId: number, message: string, db: Db = getDb()) => JOBS.align.fail(pairId, message, db);

// ---------------------------------------------------------------------------------------------------
// Storing a result

/**
 * Storing an aligner's result (decision 18). The align worker runs these on its own connection, so the server's
 * thread never spends the Bank Act's 11k inserts; everything that can be prepared (the rows, their checks, the
 * difference with the links in place) is prepared before BEGIN, and the transaction itself only checks that the
 * pair is still as it was read and writes. A job carries its claimant (`holder`, the server's lease id): a result
 * whose claim was lost (a set-up or another process re-queued the pair) is not stored.
 */

type PairState = {
  status: string;
  version: number;
  realignVersion: number | null;
  realignUser: string | null;
  jobHolder: string | null;
  en: number;
  fr: number;
};

function pairState(db: Db | Tx, pairId: number): PairState | undefined {
  return db
    .select({
      status: pairs.status,
      version: pairs.version,
      realignVersion: pairs.realignVersion,
      realignUser: pairs.realignUser,
      jobHolder: pairs.jobHolder,
      en: pairs.sourceDocumentId,
      fr: pairs.targetDocumentId,
    })
    .from(pairs)
    .where(eq(pairs.id, pairId))
    .get();
}

const segmentCounts = (db: Db | Tx, pair: Pick<PairState, "en" | "fr">) => ({
  n: documentInfo(db, pair.en)?.segmentCount ?? 0,
  m: documentInfo(db, pair.fr)?.segmentCount ?? 0,
});

/** Whether the job is still this claimant's (no holder given: the caller is the only process, as in tests). */
const claimedBy = (pair: PairState, holder: string | undefined) => holder === undefined || pair.jobHolder === holder;

/**
 * Stores a finished alignment: every link and the status "ready", in one transaction, so a pair never
 * has part of its links. Returns false when the pair was deleted (or failed, or re-queued) meanwhile: nothing
 * stored; throws AlignmentRejected when the alignment does not fit the documents (nothing stored).
 */
export function storeAlignment(pairId: number, alignment: Alignment, db: Db = getDb(), holder?: string): boolean {
  const seen = pairState(db, pairId);
  if (!seen || seen.status !== "aligning" || !claimedBy(seen, holder)) return false;
  const counts = segmentCounts(db, seen);
  const rows = alignmentRows(alignment, counts.n, counts.m);
  return db.transaction(
    (tx) => {
      const pair = pairState(tx, pairId);
      if (!pair || pair.status !== "aligning" || !claimedBy(pair, holder)) return false;
      // A paired document's segments cannot change while it aligns (editor.server's pairsUsing); checked all the same.
      const now = segmentCounts(tx, pair);
      if (now.n !== counts.n || now.m !== counts.m) throw new Error("the documents' segments changed while the pair was aligning");
      writeAlignmentRows(tx, pairId, rows, alignment.support);
      return true;
    },
    { behavior: "immediate" },
  );
}

const REALIGN_CHANGED = "The pair changed while it was being realigned, so nothing was replaced. Realign again.";

/**
 * Stores a realignment: the unconfirmed links are replaced by the aligner's, the confirmed ones kept as they
 * were, in one transaction recorded in the history (so it can be undone). Returns false (nothing written but
 * the reason) when the pair is gone, no realignment was asked for, its claim was lost, or the pair changed meanwhile.
 */
export function storeRealignment(pairId: number, alignment: Alignment, db: Db = getDb(), holder?: string): boolean {
  // Read in one snapshot: the links of the version seen.
  const seen = db.transaction((tx) => {
    const pair = pairState(tx, pairId);
    return pair ? { pair, old: loadLinks(tx, pairId), ...segmentCounts(tx, pair) } : null;
  });
  if (!seen || seen.pair.realignVersion === null || !claimedBy(seen.pair, holder)) return false;
  const clear = { realignVersion: null, realignUser: null, realignProgress: 0, jobHolder: null };
  const changed = () =>
    db
      .update(pairs)
      .set({ ...clear, realignError: REALIGN_CHANGED })
      .where(and(eq(pairs.id, pairId), eq(pairs.realignVersion, seen.pair.realignVersion!)))
      .run();
  if (seen.pair.version !== seen.pair.realignVersion) {
    changed();
    return false;
  }
  const problems = alignmentProblems(alignment.links, seen.n, seen.m);
  if (problems.length > 0) throw new Error(`the aligner's links do not cover both documents exactly once (${problems.slice(0, 2).join("; ")})`);
  const key = (r: StoredLink) => `${r.sourceStart}:${r.sourceCount}:${r.targetStart}:${r.targetCount}`;
  const confirmed = new Map(seen.old.filter((r) => r.status === "confirmed").map((r) => [key(r), r]));
  const next = toStored(alignment.links.map((l) => ({ en: l.en, fr: l.fr, confidence: l.confidence, status: "automatic" as const }))).map(
    (row) => confirmed.get(key(row)) ?? row,
  );
  const kept = next.filter((r) => r.status === "confirmed").length;
  if (kept !== confirmed.size) throw new Error(`the aligner moved ${confirmed.size - kept} confirmed link(s)`);
  const diff = difference(seen.old, next);
  return db.transaction(
    (tx) => {
      const pair = pairState(tx, pairId);
      if (!pair || pair.realignVersion === null || !claimedBy(pair, holder)) return false;
      if (pair.version !== seen.pair.version) {
        // Moved on since it was read (a new full alignment; edits wait for the realignment).
        tx.update(pairs)
          .set({ ...clear, realignError: REALIGN_CHANGED })
          .where(eq(pairs.id, pairId))
          .run();
        return false;
      }
      if (diff.before.length > 0 || diff.after.length > 0) {
        commit(tx, pairId, pair.version, pair.realignUser ?? "Tandem", { operation: "realign", args: { confirmed: confirmed.size }, ...diff, state: "done" });
      }
      tx.update(pairs)
        .set({ ...clear, realignError: null })
        .where(eq(pairs.id, pairId))
        .run();
      return true;
    },
    { behavior: "immediate" },
  );
}
