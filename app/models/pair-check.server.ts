/**
 * A pair's links checked against the glossary (the core's checks, alignments/terms/checks.ts). The check is kept in
 * memory under the pair's version and a fingerprint of the glossary, so the editor and the terminology page ask for
 * it as often as they like; and each link's result is kept under a hash of its two texts and the glossary
 * fingerprint, so after an edit only the links whose texts changed are checked again (an edit moves the pair's
 * version, not most links' texts; decision 0012). A large pair's first check runs in the compute worker
 * (compute.server.ts); two requests for the same check share one run.
 */
import type { Unit } from "../../alignments/terms/checks";
import { getDb, type Db } from "../../db/client.server";
import type { UnitResult } from "../workers/compute-jobs";
import { compute, INLINE_CHARS, textSize } from "./compute.server";
import { glossarySnapshot, type GlossarySnapshot } from "./glossary-snapshot.server";
import { pairUnits, type PairUnits } from "./pair-units.server";
import { forgetKept, keptFor, remember, type PairCheck } from "./terminology-kept.server";

export type { PairCheck };

/** A link with no finding and no term hit: one object, so that a reader can tell it by identity. */
export const NOTHING: UnitResult = { findings: [], en: [], fr: [] };
/** Per-link results under one glossary fingerprint; emptied when the glossary changes or it grows too big. */
let unitResults: { glossary: string; results: Map<string, UnitResult> } = { glossary: "", results: new Map() };
const MAX_UNIT_RESULTS = 250_000;


/** Forgets every kept check and link result (benchmarks). */
export function forgetChecks(db: Db = getDb()): void {
  forgetKept(db);
  unitResults = { glossary: "", results: new Map() };
}

/**
 * The pair checked against the glossary as it is now: kept, or made, or updated for the links that changed.
 * The links not checked yet are checked in the compute worker when they hold much text (a large pair's first
 * check: ~0.6 s for the Bank Act), on this thread when they are few (after an edit).
 */
export async function checkPair(pairId: number, db: Db = getDb()): Promise<PairCheck> {
  const glossary = glossarySnapshot(db);
  const units = pairUnits(pairId, db);
  const kept = keptFor(db);
  const done = kept.checks.get(pairId);
  if (done && done.units === units && done.glossary.fingerprint === glossary.fingerprint) return done;
  const running = kept.checking.get(pairId);
  if (running && running.units === units && running.glossary === glossary.fingerprint) return running.promise;
  const promise = runCheck(units, glossary, db).finally(() => {
    if (kept.checking.get(pairId)?.promise === promise) kept.checking.delete(pairId);
  });
  kept.checking.set(pairId, { units, glossary: glossary.fingerprint, promise });
  return promise;
}

async function runCheck(units: PairUnits, glossary: GlossarySnapshot, db: Db): Promise<PairCheck> {
  const started = performance.now();
  if (unitResults.glossary !== glossary.fingerprint || unitResults.results.size > MAX_UNIT_RESULTS) {
    unitResults = { glossary: glossary.fingerprint, results: new Map() };
  }
  const known = unitResults.results;
  const fresh = new Map<string, UnitResult>();
  const todo: Unit[] = [];
  const todoKeys: string[] = [];
  units.units.forEach((unit, k) => {
    const fingerprint = units.fingerprints[k];
    if (known.has(fingerprint) || fresh.has(fingerprint)) return;
    fresh.set(fingerprint, NOTHING); // placeholder: one check per distinct text
    todo.push(unit);
    todoKeys.push(fingerprint);
  });
  if (todo.length > 0) {
    const results = await compute("check", { units: todo, terms: glossary.terms }, { inline: textSize(todo) <= INLINE_CHARS });
    results.forEach((result, i) => {
      const kept = result.findings.length === 0 && result.en.length === 0 && result.fr.length === 0 ? NOTHING : result;
      fresh.set(todoKeys[i], kept);
      known.set(todoKeys[i], kept);
    });
  }
  const results = units.fingerprints.map((fingerprint) => fresh.get(fingerprint) ?? known.get(fingerprint) ?? NOTHING);
  const check: PairCheck = { units, glossary, results, ms: performance.now() - started, checked: todo.length };
  const checks = keptFor(db).checks;
  // A slower check of an older version must not replace a newer one.
  if ((checks.get(units.pairId)?.units.version ?? -1) <= units.version) remember(checks, units.pairId, check);
  return check;
}
