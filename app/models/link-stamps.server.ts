import { and, eq, gte, lt } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { links, type StoredLink } from "../../db/schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The columns that say when and by whom a link was made and last changed (decision 23), as a TMX unit carries them. */
export type LinkStampValues = Pick<typeof links.$inferInsert, "createdAt" | "createdBy" | "updatedAt" | "changedBy">;

/**
 * When and by whom each link a change writes was made and changed. A link that keeps the segments of one it replaces
 * (a confirmation, a corrected text, an undo that puts it back) keeps when and by whom those segments were first
 * linked; a new pairing was made now, by `madeBy` (the reviewer, or null for the aligner's realignment). Every link a
 * change writes was changed now by `user`. Read inside the change's transaction, before the old rows go.
 */
export function stampsForRange(tx: Tx, pairId: number, position: number, removed: number, rows: readonly StoredLink[], user: string, madeBy: string | null, now: Date): LinkStampValues[] {
  const key = (r: Pick<StoredLink, "sourceStart" | "sourceCount" | "targetStart" | "targetCount">) => `${r.sourceStart}:${r.sourceCount}:${r.targetStart}:${r.targetCount}`;
  const before = new Map(
    tx
      .select({ sourceStart: links.sourceStart, sourceCount: links.sourceCount, targetStart: links.targetStart, targetCount: links.targetCount, createdAt: links.createdAt, createdBy: links.createdBy })
      .from(links)
      .where(and(eq(links.pairId, pairId), gte(links.position, position), lt(links.position, position + removed)))
      .all()
      .map((r) => [key(r), r]),
  );
  return rows.map((row) => {
    const was = before.get(key(row));
    return { createdAt: was ? was.createdAt : now, createdBy: was ? was.createdBy : madeBy, updatedAt: now, changedBy: user };
  });
}
