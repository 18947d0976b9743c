import { and, eq } from "drizzle-orm";
import type { Alignment } from "../../alignments/align/aligner";
import { alignmentProblems } from "../../alignments/align/links";
import { getDb, type Db } from "../../db/client.server";
import { pairs, type StoredLink } from "../../db/schema";
import { commit, difference, loadLinks } from "./editor.server";
import { alignmentRows, documentInfo, toStored, writeAlignmentRows, type Tx } from "./pairs.server";

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
      en: pairs.enDocumentId,
      fr: pairs.frDocumentId,
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
  const key = (r: StoredLink) => `${r.enStart}:${r.enCount}:${r.frStart}:${r.frCount}`;
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
