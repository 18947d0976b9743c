/**
 * The hand-judged measures of `npm run bench:terms` (issue 12, items 10 and 12), over the fixtures that
 * scripts/sample-terms.ts drew and a person judged (tests/fixtures/terminology/):
 * - findings: precision before (the old rules' findings on the sampled links, as drawn) and after (today's
 *   findings on the same links), with the counts per kind and per level;
 * - candidates: the share of the top 50 a terminologist would keep, before (the list as drawn) and after.
 * A finding or candidate nobody judged yet is counted apart and listed, never guessed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { termCandidates, type TermShape } from "../alignments/terms/candidates";
import { nounPhraseShape } from "../alignments/terms/noun-phrases";
import { checkUnits } from "../alignments/terms/checks";
import type { Term } from "../alignments/terms/match";
import { corporaRoot, readLines } from "./corpora";
import { CANDIDATES_JUDGED, type TermsPairs } from "./terms-pairs";

export const FIXTURES = join(import.meta.dirname, "../tests/fixtures/terminology");

/** The corpus files of the judged pairs: the fixtures name lines of them, and never hold their text. */
const CORPUS_FILES: Record<string, string> = {
  "pair:demo:canada-mla-act": "canada-mla-act/M-13.6",
  "pair:demo:udhr": "udhr/udhr",
  "pair:bench:canada-bank-act": "canada-bank-act/B-1.01",
};

/** A judged finding as the fixture holds it: its link's sides as lines [from, to) of the pair's corpus files. */
interface StoredFinding {
  pair: string;
  link: number;
  enLines: [number, number] | [];
  frLines: [number, number] | [];
  kind: string;
  message: string;
  /** Drawn from the old rules' findings (false: a finding only today's rules make, judged afterwards). */
  before: boolean;
  real: boolean | null;
  why: string;
}

export interface JudgedFinding extends Omit<StoredFinding, "enLines" | "frLines"> {
  en: string;
  fr: string;
}

const corpusLines = new Map<string, string[]>();
function linesOfCorpus(pair: string, language: "en" | "fr"): string[] {
  const file = CORPUS_FILES[pair];
  if (!file) throw new Error(`No corpus file is known for ${pair}.`);
  const path = join(corporaRoot(), `${file}.${language}`);
  if (!corpusLines.has(path)) corpusLines.set(path, readLines(path));
  return corpusLines.get(path)!;
}

/**
 * The lines [from, to) of a pair's corpus file whose texts, joined by spaces, are `text` (as the app joins a link's
 * segments). A short text may occur more than once (a marginal note such as "Restriction"): the occurrence
 * nearest line `near` is taken when it is given, the first otherwise.
 */
export function corpusLinesOf(pair: string, language: "en" | "fr", text: string, near?: number): [number, number] | [] {
  if (text === "") return [];
  const lines = linesOfCorpus(pair, language).map((line) => line.trim());
  let best: [number, number] | null = null;
  for (let from = 0; from < lines.length; from++) {
    if (!text.startsWith(lines[from])) continue;
    let joined = "";
    for (let to = from; to < Math.min(lines.length, from + 8) && joined.length < text.length; to++) {
      joined = joined === "" ? lines[to] : `${joined} ${lines[to]}`;
      if (joined !== text) continue;
      if (near === undefined) return [from, to + 1];
      if (best === null || Math.abs(from - near) < Math.abs(best[0] - near)) best = [from, to + 1];
      break;
    }
  }
  if (best !== null) return best;
  throw new Error(`A text of ${pair} (${language}) is not lines of its corpus file: ${text.slice(0, 60)}…`);
}

/** The text of lines [from, to) of a pair's corpus file, joined as the app joins a link's segments. */
export const textOf = (pair: string, language: "en" | "fr", span: [number, number] | []) =>
  span.length === 0 ? "" : linesOfCorpus(pair, language).slice(span[0], span[1]).map((line) => line.trim()).join(" ");

/** The judged findings, their links' texts read from ../shared/corpora (or TANDEM_CORPORA). */
export const readJudgedFindings = (): JudgedFinding[] =>
  (JSON.parse(readFileSync(join(FIXTURES, "findings-sample.json"), "utf8")) as StoredFinding[]).map(({ enLines, frLines, ...finding }) => ({
    ...finding,
    en: textOf(finding.pair, "en", enLines),
    fr: textOf(finding.pair, "fr", frLines),
  }));

export const judgementKey = (f: { pair: string; link: number; kind: string; message: string }) => `${f.pair}#${f.link}#${f.kind}#${f.message}`;

export interface Tally {
  real: number;
  notReal: number;
  unjudged: string[];
  byKind: Map<string, { real: number; all: number }>;
  byLevel: Map<string, { real: number; all: number }>;
}

export function tally(findings: ReadonlyArray<{ key: string; kind: string; level?: string }>, judged: ReadonlyMap<string, { real: boolean | null }>): Tally {
  const t: Tally = { real: 0, notReal: 0, unjudged: [], byKind: new Map(), byLevel: new Map() };
  for (const f of findings) {
    const j = judged.get(f.key);
    if (j === undefined || j.real === null) {
      t.unjudged.push(f.key);
      continue;
    }
    if (j.real) t.real++;
    else t.notReal++;
    for (const [map, name] of [[t.byKind, f.kind], [t.byLevel, f.level]] as const) {
      if (name === undefined) continue;
      const entry = map.get(name) ?? { real: 0, all: 0 };
      entry.all++;
      if (j.real) entry.real++;
      map.set(name, entry);
    }
  }
  return t;
}

export const share = (part: number, all: number) => (all === 0 ? "–" : `${((100 * part) / all).toFixed(0)}%`);
export const counts = (map: Map<string, { real: number; all: number }>) =>
  [...map.entries()].sort((a, b) => b[1].all - a[1].all).map(([name, e]) => `${name} ${e.real}/${e.all}`).join(", ");

/** Prints the findings' precision on the judged sample, before and after. */
export function printFindingsPrecision(terms: readonly Term[]): void {
  const judged = readJudgedFindings();
  const byKey = new Map(judged.map((j) => [judgementKey(j), j]));
  const before = tally(judged.filter((j) => j.before).map((j) => ({ key: judgementKey(j), kind: j.kind })), byKey);
  const links = new Map<string, { pair: string; link: number; en: string; fr: string }>();
  for (const j of judged) links.set(`${j.pair}#${j.link}`, j);
  const found = [...links.values()].flatMap((l) =>
    checkUnits([{ link: l.link, en: l.en, fr: l.fr }], terms).map((f) => ({ key: judgementKey({ pair: l.pair, link: l.link, kind: f.kind, message: f.message }), kind: f.kind, level: f.level })),
  );
  const after = tally(found, byKey);
  const pairs = new Set(judged.map((j) => j.pair));
  console.log(`\nFindings judged by hand (by the helper who wrote the rules: one person, not blind): ${links.size} links of ${[...pairs].join(", ")}, drawn with a fixed seed from the old rules' findings`);
  const line = (name: string, t: Tally) =>
    `  ${name}: precision ${share(t.real, t.real + t.notReal)} (${t.real} real of ${t.real + t.notReal} findings)${t.unjudged.length > 0 ? `; ${t.unjudged.length} not judged yet` : ""}; real/all by kind: ${counts(t.byKind)}`;
  console.log(line("before (old rules)", before));
  console.log(line("after (today's rules)", after));
  console.log(`  after, by level (real/all): ${counts(after.byLevel)}`);
  // A real finding is lost when its link has no real finding any more (a wrong link's "numbers" that became "misaligned?" is not).
  const realAfter = new Set(found.filter((f) => byKey.get(f.key)?.real === true).map((f) => f.key.split("#").slice(0, 2).join("#")));
  const lost = judged.filter((j) => j.before && j.real === true && !realAfter.has(`${j.pair}#${j.link}`));
  console.log(`  links with a real finding before and none after: ${lost.length}${lost.length > 0 ? ` (${lost.map((j) => `${j.kind} #${j.link + 1}`).join(", ")})` : ""}`);
  for (const key of after.unjudged) console.log(`    not judged: ${key}`);
}

export interface JudgedCandidates {
  /** The top candidates as the old rules found them, "fr ↔ en". */
  before: string[];
  judged: Array<{ candidate: string; keep: boolean | null; why: string }>;
}

/** Prints the share of the top 50 term candidates a terminologist would keep, before and after, and the time each takes (on this thread). */
export function printCandidatesKept(pairs: TermsPairs, pairKeys: readonly string[]): void {
  const fixture: Record<string, JudgedCandidates> = JSON.parse(readFileSync(join(FIXTURES, "candidates-judged.json"), "utf8"));
  const known = pairs.terms.map((t) => ({ language: t.language, text: t.text }));
  console.log(`\nTerm candidates judged by hand (top ${CANDIDATES_JUDGED}, the glossary's terms left out; judged by the helper who wrote the rules):`);
  // The taggers load their lexicons on first use (once per compute worker): timed apart.
  const warming = performance.now();
  nounPhraseShape("en", "The central authority.", 4, 21);
  nounPhraseShape("fr", "L’autorité centrale.", 2, 19);
  console.log(`  the taggers' first use (their lexicons loaded, once per worker): ${(performance.now() - warming).toFixed(0)} ms`);
  for (const key of pairKeys) {
    const entry = fixture[key];
    if (!entry) continue;
    const keepOf = new Map(entry.judged.map((j) => [j.candidate, j.keep]));
    const units = pairs.unitsOf(key);
    const timed = (termShape?: TermShape) => {
      const started = performance.now();
      const list = termCandidates(units, { top: CANDIDATES_JUDGED, known, termShape }).map((c) => `${c.fr} ↔ ${c.en}`);
      return { list, ms: performance.now() - started };
    };
    const plain = timed();
    const after = timed(nounPhraseShape);
    const rate = (list: string[]) => {
      const kept = list.filter((c) => keepOf.get(c) === true).length;
      const judged = list.filter((c) => typeof keepOf.get(c) === "boolean").length;
      const missing = list.filter((c) => typeof keepOf.get(c) !== "boolean");
      return { text: `${kept} of ${judged} kept (${share(kept, judged)})${missing.length > 0 ? `; ${missing.length} not judged: ${missing.join("; ")}` : ""}`, kept };
    };
    const same = plain.list.join("\n") === entry.before.join("\n") ? "the same list as drawn" : "NOT the list drawn";
    console.log(`  ${key} (${units.length} links): before (any recurring phrase) ${rate(entry.before).text}; found again in ${plain.ms.toFixed(0)} ms (${same})`);
    console.log(`  ${key}: after (noun phrases) ${rate(after.list).text}; found in ${after.ms.toFixed(0)} ms`);
  }
}
