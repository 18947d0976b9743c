import { and, asc, eq, gte, lt } from "drizzle-orm";
import { getDb, type Db } from "../../db/client.server";
import { pairs, segments } from "../../db/schema";
import { kindLetters, type PairTexts } from "../editor/edits";
import { linkTuples } from "./editor-data.server";
import { stacksAndHistory } from "./editor-history.server";

/** What the editor reads: its links, stacks, history and realignment (getEditor), and the pair's texts. */

export interface RealignState {
  /** Waiting or running. */
  pending: boolean;
  progress: number;
  user: string | null;
  error: string | null;
}

/** Everything the editor needs but the texts: the version, every link, undo and redo, history, realignment. */
export function getEditor(pairId: number, db: Db = getDb()) {
  return db.transaction((tx) => {
    const pair = tx
      .select({
        version: pairs.version,
        realignVersion: pairs.realignVersion,
        realignProgress: pairs.realignProgress,
        realignUser: pairs.realignUser,
        realignError: pairs.realignError,
      })
      .from(pairs)
      .where(eq(pairs.id, pairId))
      .get();
    if (!pair) return null;
    const realign: RealignState = {
      pending: pair.realignVersion !== null,
      progress: pair.realignProgress,
      user: pair.realignUser,
      error: pair.realignError,
    };
    return { version: pair.version, links: linkTuples(tx, pairId), ...stacksAndHistory(tx, pairId), realign };
  });
}

export type EditorData = NonNullable<ReturnType<typeof getEditor>>;


export function pairTexts(
  pairId: number,
  window: { enFrom: number; enTo: number; frFrom: number; frTo: number } | null = null,
  db: Db = getDb(),
): PairTexts | null {
  const pair = db.select({ en: pairs.sourceDocumentId, fr: pairs.targetDocumentId }).from(pairs).where(eq(pairs.id, pairId)).get();
  if (!pair) return null;
  const read = (documentId: number, from: number, to: number) => {
    const rows = db
      .select({ text: segments.text, kind: segments.kind })
      .from(segments)
      .where(and(eq(segments.documentId, documentId), gte(segments.position, from), lt(segments.position, to)))
      .orderBy(asc(segments.position))
      .all();
    return { texts: rows.map((r) => r.text), kinds: kindLetters(rows) };
  };
  const w = window ?? { enFrom: 0, enTo: Number.MAX_SAFE_INTEGER, frFrom: 0, frTo: Number.MAX_SAFE_INTEGER };
  const en = read(pair.en, w.enFrom, w.enTo);
  const fr = read(pair.fr, w.frFrom, w.frTo);
  return { enFrom: w.enFrom, frFrom: w.frFrom, en: en.texts, fr: fr.texts, enKinds: en.kinds, frKinds: fr.kinds };
}

