import { desc, eq } from "drizzle-orm";
import { UserError } from "../utils/refusal";
import { getDb, type Db } from "../../db/client.server";
import { documentRenames, documents, edits, pairs } from "../../db/schema";
import { MAX_USER_NAME } from "../editor/edits";
import { MAX_TITLE } from "../utils/limits";

/**
 * Renaming a document or a pair (decision 0022): the new title checked, written with its record in one
 * transaction. A document's earlier titles are kept in `document_renames` and shown on its page; a pair's rename
 * is a row of its history (`edits`, operation "rename") that changes no link: the pair's version stays, so an
 * open editor is not made stale by it, and it is on no undo stack (a rename is undone by renaming again).
 */

/** A title refused: the message says why, in a sentence; nothing was written. */
export class RenameError extends UserError {
  declare readonly status: 400;
  constructor(message: string) {
    super(400, message);
  }
}

export type Renamable = "document" | "pair";

/** The title as it will be stored: control characters and runs of spaces made single spaces, the ends trimmed. */
export function checkedTitle(raw: string, what: Renamable): string {
  const title = raw.replace(/\p{Cc}/gu, " ").replace(/\s+/g, " ").trim();
  if (!title) throw new RenameError(`Give the ${what} a title: it cannot be empty.`);
  if (title.length > MAX_TITLE) {
    throw new RenameError(`This title is ${title.length.toLocaleString("en-US")} characters long; keep it to ${MAX_TITLE} characters at most.`);
  }
  return title;
}

export interface Renamed {
  title: string;
  /** False when the title was already this one: nothing was written. */
  changed: boolean;
}

const reviewer = (user: string) => user.trim().slice(0, MAX_USER_NAME);

/** Renames a document and records its earlier title; null when there is no such document. */
export function renameDocument(id: number, rawTitle: string, user: string, db: Db = getDb()): Renamed | null {
  const title = checkedTitle(rawTitle, "document");
  return db.transaction(
    (tx) => {
      const row = tx.select({ title: documents.title }).from(documents).where(eq(documents.id, id)).get();
      if (!row) return null;
      if (row.title === title) return { title, changed: false };
      tx.update(documents).set({ title, updatedAt: new Date() }).where(eq(documents.id, id)).run();
      tx.insert(documentRenames).values({ documentId: id, before: row.title, after: title, user: reviewer(user) }).run();
      return { title, changed: true };
    },
    { behavior: "immediate" },
  );
}

/** Renames a pair, recorded in its history; null when there is no such pair. */
export function renamePair(id: number, rawTitle: string, user: string, db: Db = getDb()): Renamed | null {
  const title = checkedTitle(rawTitle, "pair");
  return db.transaction(
    (tx) => {
      const row = tx.select({ title: pairs.title, version: pairs.version }).from(pairs).where(eq(pairs.id, id)).get();
      if (!row) return null;
      if (row.title === title) return { title, changed: false };
      tx.update(pairs).set({ title, updatedAt: new Date() }).where(eq(pairs.id, id)).run();
      tx.insert(edits)
        .values({
          pairId: id,
          versionBefore: row.version,
          versionAfter: row.version,
          operation: "rename",
          args: JSON.stringify({ before: row.title, after: title }),
          position: 0,
          before: "[]",
          after: "[]",
          state: null,
          user: reviewer(user),
        })
        .run();
      return { title, changed: true };
    },
    { behavior: "immediate" },
  );
}

/** How many earlier titles a document page lists. */
export const RENAMES_SHOWN = 20;

/** A document's earlier titles, newest first. */
export function documentRenamesOf(id: number, db: Db = getDb()) {
  return db
    .select({ id: documentRenames.id, before: documentRenames.before, after: documentRenames.after, user: documentRenames.user, createdAt: documentRenames.createdAt })
    .from(documentRenames)
    .where(eq(documentRenames.documentId, id))
    .orderBy(desc(documentRenames.id))
    .limit(RENAMES_SHOWN)
    .all();
}
