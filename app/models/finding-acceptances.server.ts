/**
 * Findings a person accepted (the text is right as it is), with a note and their name: kept per pair under the
 * link's texts' hash and the finding's key, so an acceptance holds while the link's texts and the glossary do.
 */
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "../../db/client.server";
import { acceptedFindings, pairs } from "../../db/schema";
import { MAX_USER_NAME } from "../editor/edits";
import { FindingAction, MAX_FINDING_NOTE } from "../terminology/findings";
import { refusalOf } from "../utils/form-errors";
import { whenWritable } from "./busy.server";
import { checkPair } from "./pair-check.server";
import { GONE, TerminologyError } from "./terminology-error.server";

interface AcceptedRow {
  unit: string;
  findingKey: string;
  note: string;
  user: string;
  createdAt: Date;
}

/** The pair's acceptances, by unit and finding key. */
export function acceptedOf(pairId: number, db: Db): Map<string, AcceptedRow> {
  const rows = db
    .select({ unit: acceptedFindings.unit, findingKey: acceptedFindings.findingKey, note: acceptedFindings.note, user: acceptedFindings.user, createdAt: acceptedFindings.createdAt })
    .from(acceptedFindings)
    .where(eq(acceptedFindings.pairId, pairId))
    .all();
  return new Map(rows.map((r) => [`${r.unit}\u0000${r.findingKey}`, r]));
}

function checkName(user: string): string {
  const name = user.replace(/\s+/g, " ").trim();
  if (name === "") throw new TerminologyError(422, "Give your name first: Tandem records who accepted a finding.");
  if (name.length > MAX_USER_NAME) throw new TerminologyError(422, `Your name is too long (at most ${MAX_USER_NAME} characters).`);
  return name;
}

/**
 * Marks a finding as accepted (the text is right as it is), with a note; accepting it again replaces the note.
 * Refused when the finding is not there any more (its link's text or the glossary changed since the page was made).
 */
export async function acceptFinding(pairId: number, input: { unit: string; key: string; note: string; user: string }, db: Db = getDb()): Promise<{ link: number }> {
  const user = checkName(input.user);
  const note = input.note.replace(/\r\n?/g, "\n").trim();
  if (note.length > MAX_FINDING_NOTE) throw new TerminologyError(422, `Keep the note under ${MAX_FINDING_NOTE} characters.`);
  const check = await checkPair(pairId, db);
  const k = check.units.fingerprints.findIndex((fingerprint, i) => fingerprint === input.unit && check.results[i].findings.some((f) => f.key === input.key));
  if (k < 0) throw new TerminologyError(409, "This finding is not there any more: the link’s text or the glossary changed since this page was made. Reload to see the findings as they are now.");
  const finding = check.results[k].findings.find((f) => f.key === input.key)!;
  const link = check.units.units[k].link;
  db.transaction((tx) => {
    if (!tx.select({ id: pairs.id }).from(pairs).where(eq(pairs.id, pairId)).get()) throw new TerminologyError(404, GONE);
    tx.insert(acceptedFindings)
      .values({ pairId, unit: input.unit, findingKey: input.key, link, message: finding.message, note, user })
      .onConflictDoUpdate({
        target: [acceptedFindings.pairId, acceptedFindings.unit, acceptedFindings.findingKey],
        set: { note, user, link, message: finding.message, createdAt: sql`(unixepoch())` },
      })
      .run();
  });
  return { link };
}

export function unacceptFinding(pairId: number, input: { unit: string; key: string }, db: Db = getDb()): void {
  const removed = db
    .delete(acceptedFindings)
    .where(and(eq(acceptedFindings.pairId, pairId), eq(acceptedFindings.unit, input.unit), eq(acceptedFindings.findingKey, input.key)))
    .run().changes;
  if (removed === 0) throw new TerminologyError(404, "This finding is not accepted (someone may have un-accepted it already). Reload to see it as it is now.");
}

/** What a request to accept or un-accept a finding did. */
export interface FindingActionDone {
  intent: "accept" | "unaccept";
  key: string;
  user: string;
}

/**
 * A finding accepted or un-accepted from a form (the editor's and the terminology page's), as a write that waits
 * for the database (whenWritable). Refused with a TerminologyError: the form in a sentence naming the field (its
 * `field` ""), the finding itself with its `field` the finding's unit and key ("unit:key"), which the page marks.
 */
export async function runFindingAction(pairId: number, formData: FormData): Promise<FindingActionDone> {
  const form = FindingAction.safeParse(Object.fromEntries(formData));
  if (!form.success) throw new TerminologyError(400, refusalOf(form.error, { key: "the finding's key" }).message);
  const data = form.data;
  try {
    if (data.intent === "accept") await whenWritable((db) => acceptFinding(pairId, data, db));
    else await whenWritable((db) => unacceptFinding(pairId, data, db));
  } catch (error) {
    if (error instanceof TerminologyError) throw new TerminologyError(error.status, error.message, `${data.unit}:${data.key}`);
    throw error;
  }
  return { intent: data.intent, key: data.key, user: data.intent === "accept" ? data.user.replace(/\s+/g, " ").trim() : "" };
}
