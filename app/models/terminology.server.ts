/**
 * Terminology in the app, pair by pair: a pair's links checked against the glossary (findings, term hits,
 * renderings), accepted findings, term candidates with one-click glossary entries. The checks are the core's
 * (alignments/terms); this module reads what they need from the database and keeps their results. The
 * searches over the whole corpus (concordance, a glossary entry's evidence, the TBX export's counts, the
 * variation across documents) are corpus-queries.server.ts's, in the compute worker.
 *
 * Caching (decision 0012): a pair's check is kept in memory under the pair's version and a fingerprint of the
 * glossary, so the editor and the terminology page ask for it as often as they like; and each link's result is
 * kept under a hash of its two texts and the glossary fingerprint, so after an edit only the links whose texts
 * changed are checked again (an edit moves the pair's version, not most links' texts).
 *
 * The heavy computations (a large pair's first check, its renderings and term candidates) run in the compute
 * worker (compute.server.ts), so the server answers other requests while they run; the functions that need
 * them are async. Two requests for the same computation share one run.
 */
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Language } from "../../alignments/languages";
import type { Candidate } from "../../alignments/terms/candidates";
import { byLikelihood, type Renderings, type Unit, type UnitHits } from "../../alignments/terms/checks";
import { compileTerms, findTerms, hitParts, type TermHit } from "../../alignments/terms/match";
import { foldForSearch } from "../../alignments/text/fold";
import { getDb, type Db } from "../../db/client.server";
import { acceptedFindings, glossaryEntries, glossaryTerms, pairs } from "../../db/schema";
import { MAX_USER_NAME } from "../utils/edits";
import { excerpt } from "../utils/excerpt";
import { FINDING_KINDS, likeliestFirst, MAX_FINDING_NOTE, type FindingKind, type FindingRow, type FindingsPayload, type SegmentHit, type ShownFinding } from "../utils/findings";
import type { UnitResult } from "../workers/compute-jobs";
import { compute, INLINE_CHARS, textSize } from "./compute.server";
import { glossarySnapshot, linkText, readPairLinks, type GlossarySnapshot } from "./corpus-read.server";
import { createEntry, GlossaryError } from "./glossary.server";
import { forgetKept, keptFor, remember } from "./terminology-kept.server";

/** A user-facing refusal: the route answers with this status and message; nothing was written. */
export class TerminologyError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 422,
    message: string,
  ) {
    super(message);
    this.name = "TerminologyError";
  }
}

const GONE = "This pair does not exist; it may have been deleted.";
const NOT_READY = "This pair is not aligned yet: its terminology can be checked once the alignment is done.";

// ---------------------------------------------------------------------------------------------------
// A pair's links as units of text

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

/** A hash of a link's two texts: what an acceptance names, and the key of the per-link results. */
export function unitFingerprint(en: string, fr: string): string {
  return createHash("sha1").update(en).update("\u0000").update(fr).digest("hex").slice(0, 16);
}

/** A ready pair's units at its current version (kept until the version moves). */
export function pairUnits(pairId: number, db: Db = getDb()): PairUnits {
  const pair = db
    .select({ title: pairs.title, status: pairs.status, version: pairs.version, en: pairs.enDocumentId, fr: pairs.frDocumentId })
    .from(pairs)
    .where(eq(pairs.id, pairId))
    .get();
  if (!pair) throw new TerminologyError(404, GONE);
  if (pair.status !== "ready") throw new TerminologyError(409, NOT_READY);
  const cached = keptFor(db).units.get(pairId);
  if (cached && cached.version === pair.version && cached.title === pair.title) return cached;
  const { en, fr, rows } = readPairLinks(db, { id: pairId, en: pair.en, fr: pair.fr });
  const units: Unit[] = [];
  const ranges: PairUnits["ranges"] = [];
  const fingerprints: string[] = [];
  for (const row of rows) {
    if (row.enCount === 0 || row.frCount === 0) continue;
    const unit = { link: row.position, en: linkText(en, row.enStart, row.enCount), fr: linkText(fr, row.frStart, row.frCount) };
    units.push(unit);
    ranges.push({ en: [row.enStart, row.enCount], fr: [row.frStart, row.frCount] });
    fingerprints.push(unitFingerprint(unit.en, unit.fr));
  }
  return keptFor(db).units.set(pairId, { pairId, title: pair.title, version: pair.version, units, ranges, fingerprints, en, fr, linkCount: rows.length });
}

// ---------------------------------------------------------------------------------------------------
// Checking a pair

const NOTHING: UnitResult = { findings: [], en: [], fr: [] };
/** Per-link results under one glossary fingerprint; emptied when the glossary changes or it grows too big. */
let unitResults: { glossary: string; results: Map<string, UnitResult> } = { glossary: "", results: new Map() };
const MAX_UNIT_RESULTS = 250_000;

export interface PairCheck {
  units: PairUnits;
  glossary: GlossarySnapshot;
  /** Per unit (same order as units.units). */
  results: UnitResult[];
  /** How long the check took when it ran, and how many links it checked (the others were known). */
  ms: number;
  checked: number;
}

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

/** A hit in a unit's joined text, as hits in its segments (the unit is its segments joined by one space). */
function segmentHits(side: Language, texts: readonly string[], start: number, count: number, hits: readonly TermHit[], statusOf: Map<number, string>): SegmentHit[] {
  const out: SegmentHit[] = [];
  if (hits.length === 0) return out;
  let offset = 0;
  for (let s = start; s < start + count; s++) {
    const text = texts[s];
    const end = offset + text.length;
    // A term matched with other words among its own is highlighted word by word (hitParts).
    for (const hit of hits) {
      for (const part of hitParts(hit)) {
        const from = Math.max(part.start, offset);
        const to = Math.min(part.end, end);
        if (from >= to) continue;
        out.push({ side, segment: s, start: from - offset, end: to - offset, text: text.slice(from - offset, to - offset), status: statusOf.get(hit.term) ?? "preferred", concept: hit.concept });
      }
    }
    offset = end + 1;
  }
  return out;
}

interface AcceptedRow {
  unit: string;
  findingKey: string;
  note: string;
  user: string;
  createdAt: Date;
}

function acceptedOf(pairId: number, db: Db): Map<string, AcceptedRow> {
  const rows = db
    .select({ unit: acceptedFindings.unit, findingKey: acceptedFindings.findingKey, note: acceptedFindings.note, user: acceptedFindings.user, createdAt: acceptedFindings.createdAt })
    .from(acceptedFindings)
    .where(eq(acceptedFindings.pairId, pairId))
    .all();
  return new Map(rows.map((r) => [`${r.unit}\u0000${r.findingKey}`, r]));
}

/**
 * The check's links with findings or term hits (as indices into its units), their findings with the
 * acceptances, and the counts the editor and the terminology page show.
 */
function reviewed(check: PairCheck, db: Db) {
  const { units, glossary, results } = check;
  const accepted = acceptedOf(units.pairId, db);
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  const rows: Array<{ k: number; findings: ShownFinding[] }> = [];
  let total = 0;
  let acceptedCount = 0;
  const used = new Set<string>();
  results.forEach((result, k) => {
    if (result === NOTHING) return;
    const unit = units.fingerprints[k];
    const findings: ShownFinding[] = result.findings.map((f) => {
      const id = `${unit}\u0000${f.key}`;
      const a = accepted.get(id);
      if (a) {
        used.add(id);
        acceptedCount++;
      }
      counts[f.kind]++;
      total++;
      return { kind: f.kind, key: f.key, message: f.message, concept: f.concept, score: f.score, level: f.level, accepted: a ? { note: a.note, user: a.user, at: a.createdAt.toISOString() } : null };
    });
    rows.push({ k, findings });
  });
  const summary = {
    pairId: units.pairId,
    version: units.version,
    counts,
    total,
    accepted: acceptedCount,
    stale: [...accepted.keys()].filter((id) => !used.has(id)).length,
    terms: glossary.terms.length,
    ms: Math.round(check.ms),
  };
  return { rows, summary };
}

/** Every link of the pair with findings or term hits, with the acceptances; what the editor shows. */
export async function pairFindings(pairId: number, db: Db = getDb()): Promise<FindingsPayload> {
  const check = await checkPair(pairId, db);
  const { units, glossary, results } = check;
  const { rows, summary } = reviewed(check, db);
  const statusOf = new Map(glossary.terms.map((t) => [t.id, t.status]));
  return {
    ...summary,
    rows: rows.map(({ k, findings }): FindingRow => {
      const range = units.ranges[k];
      return {
        link: units.units[k].link,
        en: range.en,
        fr: range.fr,
        unit: units.fingerprints[k],
        findings,
        hits: [...segmentHits("en", units.en, range.en[0], range.en[1], results[k].en, statusOf), ...segmentHits("fr", units.fr, range.fr[0], range.fr[1], results[k].fr, statusOf)],
      };
    }),
  };
}

export interface ListedFinding {
  link: number;
  unit: string;
  en: string;
  fr: string;
  enHits: Array<{ start: number; end: number; status: string }>;
  frHits: Array<{ start: number; end: number; status: string }>;
  findings: ShownFinding[];
}

/** The terminology page's list: links with findings (of one kind, or all), likeliest real first, with their texts and term hits. */
export async function findingsList(pairId: number, options: { kind: FindingKind | null; limit: number }, db: Db = getDb()) {
  const check = await checkPair(pairId, db);
  const { rows, summary } = reviewed(check, db);
  const statusOf = new Map(check.glossary.terms.map((t) => [t.id, t.status]));
  const marks = (hits: readonly TermHit[]) => hits.flatMap((h) => hitParts(h).map((part) => ({ ...part, status: statusOf.get(h.term) ?? "preferred" })));
  const kind = options.kind;
  const matching = likeliestFirst(rows.filter((r) => r.findings.some((f) => kind === null || f.kind === kind)));
  const listed: ListedFinding[] = matching.slice(0, options.limit).map(({ k, findings }) => {
    const unit = check.units.units[k];
    const result = check.results[k];
    return {
      link: unit.link,
      unit: check.units.fingerprints[k],
      en: unit.en,
      fr: unit.fr,
      enHits: marks(result.en),
      frHits: marks(result.fr),
      findings: byLikelihood(findings.filter((f) => kind === null || f.kind === kind)),
    };
  });
  return { ...summary, rows: listed, matching: matching.length, withFindings: rows.filter((r) => r.findings.length > 0).length };
}

// ---------------------------------------------------------------------------------------------------
// Accepting findings

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

// ---------------------------------------------------------------------------------------------------
// Renderings: how each French term of the pair is rendered in the linked English

export interface ConceptRenderings {
  concept: number;
  key: string;
  heading: string;
  /** The French terms found, with their counts. */
  french: Array<{ text: string; count: number }>;
  /** Links with one of the French terms. */
  links: number;
  renderings: Array<{ text: string; count: number; glossary: boolean; links: number[] }>;
  /** Links whose English has none of the entry's English terms. */
  unrendered: number[];
}

/** Renderings kept (or being made) with the check they come from. */
const renderingsCache = new WeakMap<PairCheck, Promise<ConceptRenderings[]>>();

/** How each French term found in the pair is rendered in the linked English; kept with the pair's check. */
export async function pairRenderings(pairId: number, db: Db = getDb()): Promise<ConceptRenderings[]> {
  const check = await checkPair(pairId, db);
  let kept = renderingsCache.get(check);
  if (!kept) {
    kept = renderingsOfCheck(check);
    renderingsCache.set(check, kept);
    // A failed run is not kept: the next request tries again.
    kept.catch(() => renderingsCache.delete(check));
  }
  return kept;
}

async function renderingsOfCheck(check: PairCheck): Promise<ConceptRenderings[]> {
  const { units, glossary, results } = check;
  const hits: UnitHits[] = results.map((r, k) => ({ link: units.units[k].link, en: r.en, fr: r.fr }));
  const french = new Map<number, Map<string, number>>();
  results.forEach((r, k) => {
    for (const hit of r.fr) {
      const forms = french.get(hit.concept) ?? new Map<string, number>();
      const text = units.units[k].fr.slice(hit.start, hit.end);
      forms.set(text, (forms.get(text) ?? 0) + 1);
      french.set(hit.concept, forms);
    }
  });
  const all = french.size === 0 ? new Map<number, Renderings>() : await compute("renderings", { units: units.units, terms: glossary.terms, concepts: [...french.keys()], hits }, { inline: textSize(units.units) <= INLINE_CHARS });
  const out: ConceptRenderings[] = [];
  for (const [concept, forms] of french) {
    const entry = glossary.entries.get(concept);
    const found = all.get(concept)!;
    out.push({
      concept,
      key: entry?.key ?? "",
      heading: entry?.heading ?? "",
      french: foldForms(forms),
      links: found.links,
      renderings: found.renderings.map((r) => ({ text: r.text, count: r.count, glossary: r.term !== null, links: r.links })),
      unrendered: found.unrendered,
    });
  }
  out.sort((a, b) => b.links - a.links || a.heading.localeCompare(b.heading));
  return out;
}

/** Surface forms that differ only in case, as one, written as seen most often. */
function foldForms(forms: Map<string, number>): Array<{ text: string; count: number }> {
  const byFold = new Map<string, { text: string; best: number; count: number }>();
  for (const [text, n] of forms) {
    const key = text.toLowerCase();
    const entry = byFold.get(key) ?? { text, best: n, count: 0 };
    if (n > entry.best) Object.assign(entry, { text, best: n });
    entry.count += n;
    byFold.set(key, entry);
  }
  return [...byFold.values()].map(({ text, count }) => ({ text, count })).sort((a, b) => b.count - a.count);
}

// ---------------------------------------------------------------------------------------------------
// Term candidates, and adding one to the glossary

export interface CandidateEvidence {
  link: number;
  en: string;
  fr: string;
  enHits: Array<{ start: number; end: number; status: string }>;
  frHits: Array<{ start: number; end: number; status: string }>;
}

export interface PairCandidates {
  candidates: Array<Candidate & { evidence: CandidateEvidence[] }>;
  /** From the request to the answer, the worker's wait included. */
  ms: number;
}

/** Candidates found and shown per pair. */
const CANDIDATES_SHOWN = 40;
/** Evidence links shown per candidate. */
const EVIDENCE = 3;

/** Term candidates under way for a pair's version and a glossary; `error` once they failed (kept until reported). */
export interface CandidatesJob {
  units: PairUnits;
  glossary: string;
  startedAt: number;
  promise: Promise<PairCandidates>;
  error: string | null;
}

/** The pair's candidates, if kept for its version and the glossary as they are; else the run that makes them (started if needed). */
function candidatesOrJob(pairId: number, db: Db): { result: PairCandidates } | { job: CandidatesJob; glossary: GlossarySnapshot } {
  const glossary = glossarySnapshot(db);
  const units = pairUnits(pairId, db);
  const kept = keptFor(db);
  const done = kept.candidates.get(pairId);
  if (done && done.units === units && done.glossary === glossary.fingerprint) return { result: done.result };
  const running = kept.candidateJobs.get(pairId);
  if (running && running.units === units && running.glossary === glossary.fingerprint) return { job: running, glossary };
  const job: CandidatesJob = { units, glossary: glossary.fingerprint, startedAt: Date.now(), error: null, promise: findCandidates(units, glossary) };
  job.promise.then(
    (result) => {
      if ((kept.candidates.get(pairId)?.units.version ?? -1) <= units.version) remember(kept.candidates, pairId, { units, glossary: glossary.fingerprint, result });
      if (kept.candidateJobs.get(pairId) === job) kept.candidateJobs.delete(pairId);
    },
    (error: unknown) => {
      job.error = error instanceof Error ? error.message : String(error);
    },
  );
  kept.candidateJobs.set(pairId, job);
  return { job, glossary };
}

async function findCandidates(units: PairUnits, glossary: GlossarySnapshot): Promise<PairCandidates> {
  const started = performance.now();
  const known = glossary.terms.map((t) => ({ language: t.language, text: t.text }));
  const found = await compute("candidates", { units: units.units, options: { top: CANDIDATES_SHOWN, known } }, { inline: textSize(units.units) <= INLINE_CHARS });
  const byLink = new Map(units.units.map((u) => [u.link, u]));
  const candidates = found.map((c) => {
    const frMatcher = compileTerms([{ id: 1, concept: 1, language: "fr", text: c.fr, status: "preferred", match: "inflected" }], "fr");
    const enMatcher = compileTerms([{ id: 1, concept: 1, language: "en", text: c.en, status: "preferred", match: "inflected" }], "en");
    const evidence = c.links.slice(0, EVIDENCE).flatMap((link) => {
      const unit = byLink.get(link);
      if (!unit) return [];
      const mark = (h: TermHit) => ({ start: h.start, end: h.end, status: "candidate" });
      const en = excerpt(unit.en, findTerms(enMatcher, unit.en).map(mark));
      const fr = excerpt(unit.fr, findTerms(frMatcher, unit.fr).map(mark));
      return [{ link, en: en.text, fr: fr.text, enHits: en.marks, frHits: fr.marks }];
    });
    return { ...c, evidence };
  });
  return { candidates, ms: Math.round(performance.now() - started) };
}

/** A failed run, reported once: the next request starts again. */
function reportFailure(pairId: number, job: CandidatesJob, db: Db): string {
  const jobs = keptFor(db).candidateJobs;
  if (jobs.get(pairId) === job) jobs.delete(pairId);
  return `Tandem could not find term candidates: ${job.error}`;
}

/** Term pairs from the pair's links that the glossary lacks, strongest first, each with a few links as evidence (waits for them). */
export async function pairCandidates(pairId: number, db: Db = getDb()): Promise<PairCandidates> {
  const found = candidatesOrJob(pairId, db);
  if ("result" in found) return found.result;
  try {
    return await found.job.promise;
  } catch {
    throw new Error(reportFailure(pairId, found.job, db));
  }
}

export type CandidatesState =
  | { status: "ready"; result: PairCandidates }
  /** Still being found after the wait: `previous`, the list found before the pair or the glossary last changed, if any. */
  | { status: "computing"; seconds: number; previous: PairCandidates | null }
  | { status: "failed"; message: string };

/**
 * The pair's term candidates if they are ready within `waitMs`; else "computing" (they go on being found in
 * the compute worker, and a later request gets them). The candidates page asks again until they are there.
 */
export async function candidatesWithin(pairId: number, waitMs: number, db: Db = getDb()): Promise<CandidatesState> {
  const found = candidatesOrJob(pairId, db);
  if ("result" in found) return { status: "ready", result: found.result };
  const { job } = found;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    job.promise.then(
      (result) => ({ result }),
      () => null,
    ),
    new Promise<"waiting">((resolve) => (timer = setTimeout(resolve, waitMs, "waiting"))),
  ]);
  clearTimeout(timer);
  if (outcome === null || job.error !== null) return { status: "failed", message: reportFailure(pairId, job, db) };
  if (outcome !== "waiting") return { status: "ready", result: outcome.result };
  return { status: "computing", seconds: (Date.now() - job.startedAt) / 1000, previous: withoutKnown(keptFor(db).candidates.get(pairId)?.result ?? null, found.glossary) };
}

/** An earlier list without the candidates whose French or English the glossary has now (one just added, say). */
function withoutKnown(found: PairCandidates | null, glossary: GlossarySnapshot): PairCandidates | null {
  if (found === null) return null;
  const known = new Set(glossary.terms.map((t) => `${t.language}:${foldForSearch(t.text)}`));
  return { ...found, candidates: found.candidates.filter((c) => !known.has(`fr:${foldForSearch(c.fr)}`) && !known.has(`en:${foldForSearch(c.en)}`)) };
}

/** The entries already holding a term, as the glossary's search folds it (case, accents, apostrophes). */
function entryWithTerm(db: Db, language: Language, text: string): { id: number; key: string } | undefined {
  return db
    .select({ id: glossaryEntries.id, key: glossaryEntries.key })
    .from(glossaryTerms)
    .innerJoin(glossaryEntries, eq(glossaryEntries.id, glossaryTerms.entryId))
    .where(and(eq(glossaryTerms.language, language), eq(glossaryTerms.folded, foldForSearch(text))))
    .get();
}

/**
 * A candidate made a glossary entry: its French and English terms, preferred and inflection-aware, in one
 * transaction. Refused (409) when either term is already in the glossary, naming the entry.
 */
export function addCandidate(input: { fr: string; en: string; pairTitle?: string }, db: Db = getDb()): { id: number; key: string } {
  const fr = input.fr.replace(/\s+/g, " ").trim();
  const en = input.en.replace(/\s+/g, " ").trim();
  if (!fr || !en) throw new TerminologyError(422, "A candidate needs a French and an English term.");
  for (const [language, text] of [["fr", fr], ["en", en]] as const) {
    const owner = entryWithTerm(db, language, text);
    if (owner) throw new TerminologyError(409, `“${text}” is already in the glossary, in the entry “${owner.key}”: nothing was added.`);
  }
  try {
    return createEntry(
      {
        key: "",
        domain: "",
        source: input.pairTitle ? `Term candidate from the pair “${input.pairTitle}”` : "Term candidate",
        note: "",
        terms: [
          { language: "fr", text: fr, status: "preferred", match: "inflected" },
          { language: "en", text: en, status: "preferred", match: "inflected" },
        ],
      },
      db,
    );
  } catch (error) {
    if (error instanceof GlossaryError) throw new TerminologyError(error.status === 409 ? 409 : 422, error.message);
    throw error;
  }
}
