import type { Language } from "../languages";
import { BASE_SCORES, levelOf, numbersScore, rounded, WEAK_SUPPORT, WEAK_SUPPORT_BONUS, type FindingLevel } from "./finding-rank";
import { linkEvidence, misalignment } from "./link-evidence";
import { compileTerms, findTerms, type Term, type TermHit } from "./match";
import { countCodes } from "../text/inline-codes";
import { checkNumbers } from "./number-check";
import type { Unit, UnitHits } from "./units";
import { wordsOf, type Word } from "./words";

// Declared in units.ts so that link-evidence.ts, which checks.ts calls, need not import checks.ts back.
export type { Unit, UnitHits } from "./units";

export type FindingKind = "missing-en" | "missing-fr" | "count" | "deprecated" | "forbidden" | "numbers" | "codes" | "misaligned";

export interface Finding {
  kind: FindingKind;
  link: number;
  /** The glossary entry concerned (none for numbers). */
  concept: number | null;
  /** The term used (for deprecated and forbidden terms), or the terms found on the side that has them. */
  term: number | null;
  message: string;
  /** A key that stays the same across re-checks of the same link, so an accepted finding stays accepted. */
  key: string;
  /** How likely the finding is a real problem, 0 to 1 (finding-rank.ts), and its level; findings are listed by it. */
  score: number;
  level: FindingLevel;
}

/** A finding before it is ranked. */
type Unranked = Omit<Finding, "score" | "level">;

const quote = (text: string) => `“${text}”`;

/** The units of an alignment: each link with both sides' segment texts joined; links with an empty side hold nothing to compare. */
export function unitsOf(links: ReadonlyArray<{ en: readonly number[]; fr: readonly number[] }>, en: readonly string[], fr: readonly string[]): Unit[] {
  const units: Unit[] = [];
  links.forEach((link, k) => {
    if (link.en.length === 0 || link.fr.length === 0) return;
    units.push({ link: k, en: link.en.map((i) => en[i]).join(" "), fr: link.fr.map((j) => fr[j]).join(" ") });
  });
  return units;
}

export function hitsOf(units: readonly Unit[], terms: readonly Term[]): UnitHits[] {
  const en = compileTerms(terms, "en");
  const fr = compileTerms(terms, "fr");
  return units.map((unit) => ({ link: unit.link, en: findTerms(en, unit.en), fr: findTerms(fr, unit.fr) }));
}

/**
 * Every finding over the links of a pair: a term on one side whose concept has no term on the other (or not
 * as many times), deprecated and forbidden terms, and numbers that do not correspond (cross-references said in
 * words on the other side left out: number-check.ts); a link whose texts share nothing is one "misaligned" finding
 * instead of its missing terms and numbers. Each finding is scored by how likely it is real (finding-rank.ts).
 */
export function checkUnits(units: readonly Unit[], terms: readonly Term[], hits: readonly UnitHits[] = hitsOf(units, terms)): Finding[] {
  const byId = new Map(terms.map((t) => [t.id, t]));
  const languagesOf = new Map<number, Set<Language>>();
  for (const t of terms) {
    const set = languagesOf.get(t.concept) ?? new Set<Language>();
    set.add(t.language);
    languagesOf.set(t.concept, set);
  }
  const namesOf = (concept: number, language: Language) =>
    terms
      .filter((t) => t.concept === concept && t.language === language && (t.status === "preferred" || t.status === "admitted"))
      .map((t) => quote(t.text))
      .join(" or ");
  const findings: Finding[] = [];
  units.forEach((unit, k) => {
    const { en, fr } = hits[k];
    const found: Unranked[] = [];
    const scores: number[] = [];
    const add = (finding: Unranked, score: number) => (found.push(finding), scores.push(score));
    const count = (list: TermHit[]) => {
      const counts = new Map<number, number>();
      for (const hit of list) counts.set(hit.concept, (counts.get(hit.concept) ?? 0) + 1);
      return counts;
    };
    const enCounts = count(en);
    const frCounts = count(fr);
    for (const concept of new Set([...frCounts.keys(), ...enCounts.keys()])) {
      if (languagesOf.get(concept)?.size !== 2) continue; // a one-language entry has nothing to find on the other side
      const f = frCounts.get(concept) ?? 0;
      const e = enCounts.get(concept) ?? 0;
      const frTerm = fr.find((h) => h.concept === concept);
      const enTerm = en.find((h) => h.concept === concept);
      const frText = frTerm ? quote(unit.fr.slice(frTerm.start, frTerm.end)) : "";
      const enText = enTerm ? quote(unit.en.slice(enTerm.start, enTerm.end)) : "";
      if (e === 0) {
        add({ kind: "missing-en", link: unit.link, concept, term: frTerm?.term ?? null, message: `The French has ${frText}${f > 1 ? ` (${f}×)` : ""}; the English has no ${namesOf(concept, "en")}.`, key: `missing-en:${concept}` }, BASE_SCORES["missing-en"]);
      } else if (f === 0) {
        add({ kind: "missing-fr", link: unit.link, concept, term: enTerm?.term ?? null, message: `The English has ${enText}${e > 1 ? ` (${e}×)` : ""}; the French has no ${namesOf(concept, "fr")}.`, key: `missing-fr:${concept}` }, BASE_SCORES["missing-fr"]);
      } else if (e !== f) {
        add({ kind: "count", link: unit.link, concept, term: frTerm?.term ?? null, message: `${frText} ${f}× in the French, ${enText} ${e}× in the English.`, key: `count:${concept}:${f}:${e}` }, BASE_SCORES.count);
      }
    }
    const numbers = checkNumbers(unit.en, unit.fr);
    if (numbers.onlyFrench.length > 0 || numbers.onlyEnglish.length > 0) {
      const parts = [
        numbers.onlyFrench.length > 0 ? `${numbers.onlyFrench.join(", ")} only in the French` : "",
        numbers.onlyEnglish.length > 0 ? `${numbers.onlyEnglish.join(", ")} only in the English` : "",
      ].filter(Boolean);
      add({ kind: "numbers", link: unit.link, concept: null, term: null, message: `Numbers differ: ${parts.join("; ")}.`, key: `numbers:${[...numbers.onlyFrench, "|", ...numbers.onlyEnglish].join(",")}` }, numbersScore(numbers));
    }
    // A memory's inline codes (decision 23): a tag lost or added on one side comes back broken in the CAT tool.
    const codes = { en: countCodes(unit.en), fr: countCodes(unit.fr) };
    if (codes.en !== codes.fr) {
      const many = (n: number) => `${n} inline code${n === 1 ? "" : "s"}`;
      add({ kind: "codes", link: unit.link, concept: null, term: null, message: `Inline codes differ: ${many(codes.en)} in the English, ${many(codes.fr)} in the French.`, key: `codes:${codes.en}:${codes.fr}` }, BASE_SCORES.codes);
    }
    // A link whose texts share nothing is a wrong link rather than missing terms or figures: one finding says so.
    const evidence = linkEvidence(unit, hits[k]);
    const wrongLink = misalignment(evidence, unit);
    if (wrongLink !== null) {
      found.length = 0;
      scores.length = 0;
      add({ kind: "misaligned", link: unit.link, concept: null, term: null, message: wrongLink, key: "misaligned" }, BASE_SCORES.misaligned);
    }
    for (const [side, list, text] of [["en", en, unit.en], ["fr", fr, unit.fr]] as const) {
      for (const hit of list) {
        const term = byId.get(hit.term);
        if (term === undefined || (term.status !== "deprecated" && term.status !== "forbidden")) continue;
        const better = namesOf(term.concept, side);
        add(
          {
            kind: term.status,
            link: unit.link,
            concept: term.concept,
            term: term.id,
            message: `${quote(text.slice(hit.start, hit.end))} is ${term.status === "forbidden" ? "a forbidden" : "a deprecated"} term${better ? `; use ${better}` : ""}.`,
            key: `${term.status}:${term.id}:${hit.start}`,
          },
          BASE_SCORES[term.status],
        );
      }
    }
    // On a link whose texts share little, any finding may point at a wrong link: it weighs more.
    const shorter = Math.min(evidence.enWords, evidence.frWords);
    const weak = wrongLink === null && shorter > 0 && evidence.supported / shorter < WEAK_SUPPORT;
    found.forEach((finding, i) => {
      const score = rounded(scores[i] + (weak ? WEAK_SUPPORT_BONUS : 0));
      findings.push({ ...finding, score, level: levelOf(score) });
    });
  });
  return findings;
}

/** Findings, the likeliest real first (a stable sort: equal scores keep the links' order). */
export const byLikelihood = <F extends Pick<Finding, "score">>(findings: readonly F[]): F[] => [...findings].sort((a, b) => b.score - a.score);

export interface Rendering {
  /** The English words as written most often. */
  text: string;
  count: number;
  /** The glossary term it is, if any. */
  term: number | null;
  links: number[];
}

export interface Renderings {
  /** Links whose French has one of the concept's terms. */
  links: number;
  renderings: Rendering[];
  /** Those of them whose English has none of the concept's terms. */
  unrendered: number[];
}

/**
 * How a concept's French terms are rendered in the linked English across the corpus: the glossary's English
 * terms with their counts, then the recurring English word sequences most associated with the French term
 * (Dice over links), so that a rendering the glossary lacks ("judicial assistance") shows up too.
 */
export function renderings(units: readonly Unit[], terms: readonly Term[], concept: number, hits: readonly UnitHits[] = hitsOf(units, terms), top = 5): Renderings {
  return renderingsOf(units, terms, [concept], hits, top).get(concept)!;
}

/** `renderings` for several concepts at once: the English of the corpus is read once for all of them. */
export function renderingsOf(units: readonly Unit[], terms: readonly Term[], concepts: readonly number[], hits: readonly UnitHits[] = hitsOf(units, terms), top = 5): Map<number, Renderings> {
  const known = new Map<number, { links: number; byTerm: Map<number, Rendering>; unrendered: number[] }>();
  for (const concept of concepts) known.set(concept, { links: 0, byTerm: new Map(), unrendered: [] });
  hits.forEach((h, k) => {
    const unit = units[k];
    const seen = new Set<number>();
    for (const x of h.fr) {
      const entry = known.get(x.concept);
      if (entry === undefined || seen.has(x.concept)) continue;
      seen.add(x.concept);
      entry.links++;
      const found = h.en.filter((y) => y.concept === x.concept);
      if (found.length === 0) entry.unrendered.push(unit.link);
      for (const hit of found) {
        const r = entry.byTerm.get(hit.term) ?? { text: unit.en.slice(hit.start, hit.end), count: 0, term: hit.term, links: [] };
        r.count++;
        if (!r.links.includes(unit.link)) r.links.push(unit.link);
        entry.byTerm.set(hit.term, r);
      }
    }
  });
  // Other renderings: word sequences of the English of the links the glossary could not account for.
  const others = associatedPhrases(units, new Map(concepts.map((c) => [c, new Set(known.get(c)!.unrendered)])), top);
  const out = new Map<number, Renderings>();
  for (const concept of concepts) {
    const entry = known.get(concept)!;
    const glossary = [...entry.byTerm.values()].sort((a, b) => b.count - a.count);
    out.set(concept, { links: entry.links, renderings: [...glossary, ...(others.get(concept) ?? [])], unrendered: entry.unrendered });
  }
  return out;
}

const EN_STOPWORDS = new Set(
  "a an the of to in on at by for from with and or but as is are was were be been being that this these those which who whom whose it its their his her our your shall may must not no any all each such other than into under upon".split(" "),
);

/** A word a rendering neither starts nor ends with: a function word, or a figure (figures are the numbers check's business). */
const isEdge = (word: Word) => EN_STOPWORDS.has(word.exact) || /^\p{N}+$/u.test(word.exact);

/** The recurring 1–4 word sequences of the English of a unit, each once: `visit(key, from, to)`; `firsts` limits their first word. */
function englishPhrases(words: readonly Word[], visit: (key: string, from: number, to: number) => void, firsts: Set<string> | null = null): void {
  const seen = new Set<string>();
  for (let from = 0; from < words.length; from++) {
    if (isEdge(words[from]) || (firsts !== null && !firsts.has(words[from].stem))) continue;
    let key = "";
    for (let to = from; to < Math.min(words.length, from + 4); to++) {
      key = to === from ? words[to].stem : `${key} ${words[to].stem}`;
      if (isEdge(words[to])) continue;
      if (seen.has(key)) continue;
      seen.add(key);
      visit(key, from, to);
    }
  }
}

/**
 * Two links whose English shares this much of its vocabulary (Jaccard over the sets of word stems) are
 * near-duplicates: the same provision repeated for another subject ("the directors of the bank" / "of the bank
 * holding company"). Unrelated sentences that share a phrase stay far below it.
 */
export const NEAR_DUPLICATE = 0.8;

/** Whether two of `links` are not near-duplicates of each other, i.e. the links are two independent witnesses at least. */
function independentWitnesses(links: readonly number[], stemsOf: (link: number) => Set<string>): boolean {
  for (let i = 0; i < links.length; i++) {
    const a = stemsOf(links[i]);
    for (let j = i + 1; j < links.length; j++) {
      const b = stemsOf(links[j]);
      let shared = 0;
      for (const stem of a) if (b.has(stem)) shared++;
      if (shared / (a.size + b.size - shared) < NEAR_DUPLICATE) return true;
    }
  }
  return false;
}

/**
 * For each concept, the recurring 1–4 word sequences of the English of its `inside` links, scored by Dice
 * against all links. All links are read once, and only for the sequences found inside. A sequence is kept
 * only when
 * - two links at least bear it that are not near-duplicates of each other: a provision repeated nearly word
 *   for word is one witness, and its every phrase would otherwise look associated with the term;
 * - at least half of the links bearing it anywhere are `inside`: a phrase found more often elsewhere is the
 *   corpus's everyday vocabulary ("bank holding company" in the Bank Act), not how the term is rendered.
 */
function associatedPhrases(units: readonly Unit[], insideOf: Map<number, Set<number>>, top: number): Map<number, Rendering[]> {
  const byLink = new Map(units.map((u) => [u.link, u]));
  const withinOf = new Map<number, Map<string, { count: number; links: number[]; text: string }>>();
  const wanted = new Set<string>();
  const stems = new Map<number, Set<string>>();
  const stemsOf = (link: number) => stems.get(link) ?? new Set();
  for (const [concept, inside] of insideOf) {
    const within = new Map<string, { count: number; links: number[]; text: string }>();
    for (const link of inside) {
      const unit = byLink.get(link);
      if (unit === undefined) continue;
      const words = wordsOf(unit.en, "en");
      if (!stems.has(link)) stems.set(link, new Set(words.map((w) => w.stem)));
      englishPhrases(words, (key, from, to) => {
        const entry = within.get(key) ?? { count: 0, links: [], text: unit.en.slice(words[from].start, words[to].end) };
        entry.count++;
        entry.links.push(unit.link);
        within.set(key, entry);
      });
    }
    for (const [key, e] of within) {
      if (e.links.length >= 2 && independentWitnesses(e.links, stemsOf)) wanted.add(key);
      else within.delete(key);
    }
    withinOf.set(concept, within);
  }
  const out = new Map<number, Rendering[]>();
  if (wanted.size === 0) return out;
  const firsts = new Set([...wanted].map((key) => key.split(" ")[0]));
  const everywhere = new Map<string, number>();
  for (const unit of units) {
    englishPhrases(wordsOf(unit.en, "en"), (key) => {
      if (wanted.has(key)) everywhere.set(key, (everywhere.get(key) ?? 0) + 1);
    }, firsts);
  }
  for (const [concept, within] of withinOf) {
    const inside = insideOf.get(concept)!;
    out.set(
      concept,
      [...within.entries()]
        .filter(([key, e]) => 2 * e.count >= (everywhere.get(key) ?? 0))
        .map(([key, e]) => ({ e, dice: (2 * e.count) / (inside.size + (everywhere.get(key) ?? 0)), words: key.split(" ").length }))
        .sort((a, b) => b.dice - a.dice || b.words - a.words)
        .slice(0, top)
        .map(({ e }) => ({ text: e.text, count: e.count, term: null, links: e.links })),
    );
  }
  return out;
}

export interface Variation {
  concept: number;
  language: Language;
  /** Each term of the concept found, with its count per document. */
  terms: Array<{ term: number; text: string; total: number; byDocument: Record<string, number> }>;
}

/**
 * Concepts written in more than one way across documents of one language ("droits de l'homme" and "droits
 * humains"): for each, every term found with its count per document. Needs no alignment.
 */
export function variation(documents: ReadonlyArray<{ id: string; language: Language; text: string }>, terms: readonly Term[]): Variation[] {
  const counts = new Map<string, Map<number, Record<string, number>>>(); // language:concept → term → document → count
  for (const language of ["fr", "en"] as const) {
    const matcher = compileTerms(terms, language);
    for (const doc of documents.filter((d) => d.language === language)) {
      for (const hit of findTerms(matcher, doc.text)) {
        const key = `${language}:${hit.concept}`;
        const perTerm = counts.get(key) ?? new Map<number, Record<string, number>>();
        const perDoc = perTerm.get(hit.term) ?? {};
        perDoc[doc.id] = (perDoc[doc.id] ?? 0) + 1;
        perTerm.set(hit.term, perDoc);
        counts.set(key, perTerm);
      }
    }
  }
  const byId = new Map(terms.map((t) => [t.id, t]));
  const result: Variation[] = [];
  for (const [key, perTerm] of counts) {
    if (perTerm.size < 2) continue;
    const [language, concept] = key.split(":");
    result.push({
      concept: Number(concept),
      language: language as Language,
      terms: [...perTerm.entries()]
        .map(([term, byDocument]) => ({ term, text: byId.get(term)?.text ?? "", total: Object.values(byDocument).reduce((a, b) => a + b, 0), byDocument }))
        .sort((a, b) => b.total - a.total),
    });
  }
  return result.sort((a, b) => a.language.localeCompare(b.language) || a.concept - b.concept);
}
