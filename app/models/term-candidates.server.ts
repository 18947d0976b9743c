/**
 * Term candidates: term pairs from a pair's links that the glossary lacks, strongest first, each with a few links as
 * evidence, found in the compute worker and kept per pair version and glossary; and a candidate made a glossary entry.
 */
import type { Language } from "../../alignments/languages";
import type { Candidate } from "../../alignments/terms/candidates";
import { candidateEvidence, type CandidateEvidence } from "../../alignments/terms/candidate-evidence";
import { foldForSearch } from "../../alignments/text/fold";
import { and, eq } from "drizzle-orm";
import { getDb, type Db } from "../../db/client.server";
import { glossaryEntries, glossaryTerms } from "../../db/schema";
import { compute, INLINE_CHARS, textSize } from "./compute.server";
import { glossarySnapshot, type GlossarySnapshot } from "./glossary-snapshot.server";
import { createEntry, GlossaryError } from "./glossary.server";
import { pairUnits, type PairUnits } from "./pair-units.server";
import { keptFor, remember, type PairCandidates, type CandidatesJob } from "./terminology-kept.server";

export type { PairCandidates, CandidatesJob };
import { TerminologyError } from "./terminology-error.server";


/** Candidates found and shown per pair. */
const CANDIDATES_SHOWN = 40;
/** Evidence links shown per candidate. */
const EVIDENCE = 3;


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
  const candidates = found.map((c) => ({ ...c, evidence: candidateEvidence(c, byLink, EVIDENCE) }));
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
