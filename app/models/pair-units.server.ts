/**
 * A pair's links as the terminology reads them (units: a link's two texts), kept until the pair's version moves
 * (terminology-kept.server.ts), each with a hash of its two texts: what an acceptance names and what the per-link
 * check results are kept under (decision 0012).
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Unit } from "../../alignments/terms/checks";
import { linkText } from "../../alignments/text/joined-segments";
import { blankOtherScripts } from "../../alignments/text/script-language";
import { getDb, type Db } from "../../db/client.server";
import { documents, pairs } from "../../db/schema";
import { readPairLinks } from "./corpus-read.server";
import { keptFor, type PairUnits } from "./terminology-kept.server";

export type { PairUnits };
import { GONE, NOT_READY, TerminologyError } from "./terminology-error.server";


/** A hash of a link's two texts: what an acceptance names, and the key of the per-link results. */
export function unitFingerprint(en: string, fr: string): string {
  return createHash("sha1").update(en).update("\u0000").update(fr).digest("hex").slice(0, 16);
}

/** A ready pair's units at its current version (kept until the version moves). */
export function pairUnits(pairId: number, db: Db = getDb()): PairUnits {
  const pair = db
    .select({ title: pairs.title, status: pairs.status, version: pairs.version, en: pairs.sourceDocumentId, fr: pairs.targetDocumentId })
    .from(pairs)
    .where(eq(pairs.id, pairId))
    .get();
  if (!pair) throw new TerminologyError(404, GONE);
  if (pair.status !== "ready") throw new TerminologyError(409, NOT_READY);
  const cached = keptFor(db).units.get(pairId);
  if (cached && cached.version === pair.version && cached.title === pair.title) return cached;
  const { en, fr, rows } = readPairLinks(db, { id: pairId, en: pair.en, fr: pair.fr });
  // A segment in another script than its document's language (an Arabic line in a French document) is not checked as
  // that language: the checks read it blanked, and a link whose side is all such segments is not checked at all.
  const languageOf = (id: number) => db.select({ language: documents.language }).from(documents).where(eq(documents.id, id)).get()!.language;
  const [enRead, frRead] = [blankOtherScripts(en, languageOf(pair.en)), blankOtherScripts(fr, languageOf(pair.fr))];
  const units: Unit[] = [];
  const ranges: PairUnits["ranges"] = [];
  const fingerprints: string[] = [];
  for (const row of rows) {
    if (row.sourceCount === 0 || row.targetCount === 0) continue;
    const unit = { link: row.position, en: linkText(enRead, row.sourceStart, row.sourceCount), fr: linkText(frRead, row.targetStart, row.targetCount) };
    if (!unit.en.trim() || !unit.fr.trim()) continue;
    units.push(unit);
    ranges.push({ en: [row.sourceStart, row.sourceCount], fr: [row.targetStart, row.targetCount] });
    // Acceptances name the link's texts as stored.
    fingerprints.push(unitFingerprint(linkText(en, row.sourceStart, row.sourceCount), linkText(fr, row.targetStart, row.targetCount)));
  }
  return keptFor(db).units.set(pairId, { pairId, title: pair.title, version: pair.version, units, ranges, fingerprints, en, fr, linkCount: rows.length });
}
