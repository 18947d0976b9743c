import { getDb, type Db } from "../../db/client.server";
import { LruCache } from "../utils/lru-cache";
import type { CandidateEvidence } from "../../alignments/terms/candidate-evidence";
import type { Candidate } from "../../alignments/terms/candidates";
import type { Unit } from "../../alignments/terms/checks";
import type { UnitResult } from "../workers/compute-jobs";
import type { GlossarySnapshot } from "./glossary-snapshot.server";

/**
 * What terminology keeps in memory between requests (decision 0012), per database (tests open many; the app one)
 * and by pair: a pair's units (its texts as links), its check and its term candidates, at most KEEP_PAIRS pairs and
 * KEPT_TEXT_BYTES of their texts, the least recently used forgotten first.
 */

// The shapes kept (declared here, the lowest of the terminology models, so that the cache imports none of them).

export interface PairUnits {
  pairId: number;
  title: string;
  version: number;
  /** Links with text on both sides (those with one side have nothing to compare). */
  units: Unit[];
  /** Per unit: its segments, first position and count on each side. */
  ranges: Array<{ en: [number, number]; fr: [number, number] }>;
  /** Per unit: a hash of its two texts. */
  fingerprints: string[];
  en: string[];
  fr: string[];
  /** Links in all, with one side or two. */
  linkCount: number;
}

export interface PairCheck {
  units: PairUnits;
  glossary: GlossarySnapshot;
  /** Per unit (same order as units.units). */
  results: UnitResult[];
  /** How long the check took when it ran, and how many links it checked (the others were known). */
  ms: number;
  checked: number;
}

export interface PairCandidates {
  candidates: Array<Candidate & { evidence: CandidateEvidence[] }>;
  /** From the request to the answer, the worker's wait included. */
  ms: number;
}

/** Term candidates under way for a pair's version and a glossary; `error` once they failed (kept until reported). */
export interface CandidatesJob {
  units: PairUnits;
  glossary: string;
  startedAt: number;
  promise: Promise<PairCandidates>;
  error: string | null;
}

export const KEEP_PAIRS = 4;
/**
 * The kept pairs' texts, at most (an upper estimate, pairUnitsBytes): the Bank Act pair counts about 15 MB, so four
 * pairs of its size stay; a pair larger than this stays alone while it is the one in use.
 */
export const KEPT_TEXT_BYTES = 128 * 1024 * 1024;

export interface Kept {
  /** Forgetting a pair's units to make room forgets its check and candidates too, which hold the same texts. */
  units: LruCache<number, PairUnits>;
  checks: Map<number, PairCheck>;
  /** Checks under way, so that two requests share one. */
  checking: Map<number, { units: PairUnits; glossary: string; promise: Promise<PairCheck> }>;
  candidates: Map<number, { units: PairUnits; glossary: string; result: PairCandidates }>;
  candidateJobs: Map<number, CandidatesJob>;
}

const keptByDb = new WeakMap<Db, Kept>();

export function keptFor(db: Db, maxTextBytes = KEPT_TEXT_BYTES): Kept {
  let kept = keptByDb.get(db);
  if (!kept) {
    const checks: Kept["checks"] = new Map();
    const candidates: Kept["candidates"] = new Map();
    const units = new LruCache<number, PairUnits>({
      maxEntries: KEEP_PAIRS,
      maxBytes: maxTextBytes,
      sizeOf: pairUnitsBytes,
      onEvict: (pairId) => {
        checks.delete(pairId);
        candidates.delete(pairId);
      },
    });
    keptByDb.set(db, (kept = { units, checks, checking: new Map(), candidates, candidateJobs: new Map() }));
  }
  return kept;
}

/** Forgets everything kept for `db`. */
export function forgetKept(db: Db): void {
  keptByDb.delete(db);
}

/** Forgets what is kept for `db` and keeps at most `maxTextBytes` of pairs' texts from now on (tests). */
export function limitKeptTexts(maxTextBytes: number, db: Db = getDb()): void {
  forgetKept(db);
  keptFor(db, maxTextBytes);
}

/** The memory a pair's units hold, over-estimated: two bytes a character, and each string's and unit's own cost. */
export function pairUnitsBytes(units: PairUnits): number {
  const strings = (texts: readonly string[]) => texts.reduce((n, text) => n + 2 * text.length + 32, 0);
  let bytes = strings(units.en) + strings(units.fr) + strings(units.fingerprints);
  for (const unit of units.units) bytes += 2 * (unit.en.length + unit.fr.length) + 160;
  return bytes;
}

/** Keeps `value` under `key` as the newest of `cache`, forgetting the oldest past KEEP_PAIRS. */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > KEEP_PAIRS) cache.delete(cache.keys().next().value as K);
  return value;
}
