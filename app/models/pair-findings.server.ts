/**
 * A pair's findings as the editor and the terminology page show them: the check's links with findings or term hits,
 * the acceptances beside their findings, and the counts ("With findings", per kind).
 */
import type { Language } from "../../alignments/languages";
import { byLikelihood } from "../../alignments/terms/checks";
import { hitParts, type TermHit } from "../../alignments/terms/match";
import { linkText, piecesInSegments } from "../../alignments/text/joined-segments";
import { getDb, type Db } from "../../db/client.server";
import { FINDING_KINDS, likeliestFirst, type FindingKind, type FindingRow, type FindingsPayload, type SegmentHit, type ShownFinding } from "../terminology/findings";
import { acceptedOf } from "./finding-acceptances.server";
import { checkPair, NOTHING, type PairCheck } from "./pair-check.server";

/** A unit's term hits, as hits in its segments (the unit is its segments joined by one space). */
function segmentHits(side: Language, texts: readonly string[], start: number, count: number, hits: readonly TermHit[], statusOf: Map<number, string>): SegmentHit[] {
  // A term matched with other words among its own is highlighted word by word (hitParts).
  const spans = hits.flatMap((hit) => hitParts(hit).map((part) => ({ ...part, hit })));
  return piecesInSegments(texts, start, count, spans).map((piece) => {
    const { hit } = spans[piece.span];
    const text = texts[piece.segment];
    return { side, segment: piece.segment, start: piece.start, end: piece.end, text: text.slice(piece.start, piece.end), status: statusOf.get(hit.term) ?? "preferred", concept: hit.concept };
  });
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
    const range = check.units.ranges[k];
    return {
      link: unit.link,
      unit: check.units.fingerprints[k],
      // The stored texts, not the checked ones, where a segment in another script is blank (same offsets).
      en: linkText(check.units.en, range.en[0], range.en[1]),
      fr: linkText(check.units.fr, range.fr[0], range.fr[1]),
      enHits: marks(result.en),
      frHits: marks(result.fr),
      findings: byLikelihood(findings.filter((f) => kind === null || f.kind === kind)),
    };
  });
  return { ...summary, rows: listed, matching: matching.length, withFindings: rows.filter((r) => r.findings.length > 0).length };
}
