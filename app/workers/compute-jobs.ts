/**
 * The computations the server hands to its compute worker (app/workers/compute.worker.ts): each takes and
 * returns plain data (structured-clonable). Those of COMPUTE_JOBS's first part call only the core, and the
 * server runs them on its own thread when the input is small (app/models/compute.server.ts), so both paths
 * give one result. The searches over the whole corpus (its second part) read the database themselves, through
 * a read-only connection to the file they name, so the server's thread never reads the corpus for them
 * (app/models/term-evidence, variation and concordance-search .server.ts); the server never runs those on its own thread.
 */
import { termCandidates, type CandidateOptions } from "../../alignments/terms/candidates";
import { checkUnits, hitsOf, renderingsOf, variation, type Finding, type Unit } from "../../alignments/terms/checks";
import type { Term, TermHit } from "../../alignments/terms/match";
import type { Language } from "../../alignments/languages";
import { readOnlyDatabase } from "../models/corpus-read.server";
import { concordanceFileIn, concordanceIn, type ConcordanceFileQuestion, type ConcordanceQuestion } from "../models/concordance-search.server";
import { entryEvidenceIn, termEvidenceCountsIn } from "../models/term-evidence.server";
import { variationIn } from "../models/variation.server";

/** One link's result, without its position: the same texts give the same result in any pair, at any place. */
export interface UnitResult {
  findings: Array<Omit<Finding, "link">>;
  en: TermHit[];
  fr: TermHit[];
}

/** Each unit checked against the terms: its findings and term hits, in the units' order. */
function check(input: { units: Unit[]; terms: Term[] }): UnitResult[] {
  const hits = hitsOf(input.units, input.terms);
  const byLink = new Map<number, Array<Omit<Finding, "link">>>();
  for (const { link, ...finding } of checkUnits(input.units, input.terms, hits)) {
    const list = byLink.get(link);
    if (list) list.push(finding);
    else byLink.set(link, [finding]);
  }
  return input.units.map((unit, k) => ({ findings: byLink.get(unit.link) ?? [], en: hits[k].en, fr: hits[k].fr }));
}

export const COMPUTE_JOBS = {
  check,
  // Noun phrases only (decision 25): the taggers run here, where the candidates are found, and are loaded the
  // first time candidates are asked for, so that the worker starts as fast as before for the other jobs.
  candidates: async (input: { units: Unit[]; options: Omit<CandidateOptions, "termShape"> }) => {
    const { nounPhraseShape } = await import("../../alignments/terms/noun-phrases");
    return termCandidates(input.units, { ...input.options, termShape: nounPhraseShape });
  },
  renderings: (input: { units: Unit[]; terms: Term[]; concepts: number[]; hits: Array<{ link: number; en: TermHit[]; fr: TermHit[] }> }) =>
    renderingsOf(input.units, input.terms, input.concepts, input.hits),
  variation: (input: { documents: Array<{ id: string; language: Language; text: string }>; terms: Term[] }) => variation(input.documents, input.terms),
  // The searches over the whole corpus, which read the database file named `database`.
  concordance: (input: ConcordanceQuestion & InDatabase) => concordanceIn(readOnlyDatabase(input.database), input),
  concordanceFile: (input: ConcordanceFileQuestion & InDatabase) => concordanceFileIn(readOnlyDatabase(input.database), input),
  evidence: (input: { entryId: number; limit?: number } & InDatabase) => entryEvidenceIn(readOnlyDatabase(input.database), input),
  termCounts: (input: InDatabase) => termEvidenceCountsIn(readOnlyDatabase(input.database)),
  documentVariation: (input: { language: Language; origins: string[] | null } & InDatabase) => variationIn(readOnlyDatabase(input.database), input),
};

/** A search's database: the file the server has open, which the worker opens read-only. */
interface InDatabase {
  database: string;
}

export type ComputeJobs = typeof COMPUTE_JOBS;
export type JobKind = keyof ComputeJobs;
export type JobInput<K extends JobKind> = Parameters<ComputeJobs[K]>[0];
export type JobOutput<K extends JobKind> = ReturnType<ComputeJobs[K]>;

export type { JobAnswer, JobRequest } from "./serve-jobs";
