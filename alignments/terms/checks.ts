import type { Language } from "../languages";
import { compileTerms, findTerms, type Term, type TermHit } from "./match";
import { compareNumbers } from "./numbers";
import { wordsOf } from "./words";

/** One link's texts: the English and the French of all its segments (a 1-2 or 2-1 link is one unit). */
export interface Unit {
  /** The link's position in its pair, to point at the row. */
  link: number;
  en: string;
  fr: string;
}

export type FindingKind = "missing-en" | "missing-fr" | "count" | "deprecated" | "forbidden" | "numbers";

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
}

export interface UnitHits {
  link: number;
  en: TermHit[];
  fr: TermHit[];
}

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
 * as many times), deprecated and forbidden terms, and numbers that do not correspond.
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
        findings.push({ kind: "missing-en", link: unit.link, concept, term: frTerm?.term ?? null, message: `The French has ${frText}${f > 1 ? ` (${f}×)` : ""}; the English has no ${namesOf(concept, "en")}.`, key: `missing-en:${concept}` });
      } else if (f === 0) {
        findings.push({ kind: "missing-fr", link: unit.link, concept, term: enTerm?.term ?? null, message: `The English has ${enText}${e > 1 ? ` (${e}×)` : ""}; the French has no ${namesOf(concept, "fr")}.`, key: `missing-fr:${concept}` });
      } else if (e !== f) {
        findings.push({ kind: "count", link: unit.link, concept, term: frTerm?.term ?? null, message: `${frText} ${f}× in the French, ${enText} ${e}× in the English.`, key: `count:${concept}:${f}:${e}` });
      }
    }
    for (const [side, list, text] of [["en", en, unit.en], ["fr", fr, unit.fr]] as const) {
      for (const hit of list) {
        const term = byId.get(hit.term);
        if (term === undefined || (term.status !== "deprecated" && term.status !== "forbidden")) continue;
        const better = namesOf(term.concept, side);
        findings.push({
          kind: term.status,
          link: unit.link,
          concept: term.concept,
          term: term.id,
          message: `${quote(text.slice(hit.start, hit.end))} is ${term.status === "forbidden" ? "a forbidden" : "a deprecated"} term${better ? `; use ${better}` : ""}.`,
          key: `${term.status}:${term.id}:${hit.start}`,
        });
      }
    }
    const numbers = compareNumbers(unit.en, unit.fr);
    if (numbers.onlyFrench.length > 0 || numbers.onlyEnglish.length > 0) {
      const parts = [
        numbers.onlyFrench.length > 0 ? `${numbers.onlyFrench.join(", ")} only in the French` : "",
        numbers.onlyEnglish.length > 0 ? `${numbers.onlyEnglish.join(", ")} only in the English` : "",
      ].filter(Boolean);
      findings.push({ kind: "numbers", link: unit.link, concept: null, term: null, message: `Numbers differ: ${parts.join("; ")}.`, key: `numbers:${[...numbers.onlyFrench, "|", ...numbers.onlyEnglish].join(",")}` });
    }
  });
  return findings;
}

export interface Rendering {
  /** The English words as written most often. */
  text: string;
  count: number;
  /** The glossary term it is, if any. */
  term: number | null;
  links: number[];
}

/**
 * How a concept's French terms are rendered in the linked English across the corpus: the glossary's English
 * terms with their counts, then the recurring English word sequences most associated with the French term
 * (Dice over links), so that a rendering the glossary lacks ("judicial assistance") shows up too.
 */
export function renderings(units: readonly Unit[], terms: readonly Term[], concept: number, hits: readonly UnitHits[] = hitsOf(units, terms), top = 5): { links: number; renderings: Rendering[]; unrendered: number[] } {
  const withTerm = hits.map((h, k) => [h, units[k]] as const).filter(([h]) => h.fr.some((x) => x.concept === concept));
  const byTerm = new Map<number, Rendering>();
  const unrendered: number[] = [];
  for (const [h, unit] of withTerm) {
    const found = h.en.filter((x) => x.concept === concept);
    if (found.length === 0) unrendered.push(unit.link);
    for (const hit of found) {
      const r = byTerm.get(hit.term) ?? { text: unit.en.slice(hit.start, hit.end), count: 0, term: hit.term, links: [] };
      r.count++;
      if (!r.links.includes(unit.link)) r.links.push(unit.link);
      byTerm.set(hit.term, r);
    }
  }
  const known = [...byTerm.values()].sort((a, b) => b.count - a.count);
  // Other renderings: word sequences of the English of the links the glossary could not account for.
  const others = associatedPhrases(units, new Set(unrendered), top);
  return { links: withTerm.length, renderings: [...known, ...others], unrendered };
}

const EN_STOPWORDS = new Set(
  "a an the of to in on at by for from with and or but as is are was were be been being that this these those which who whom whose it its their his her our your shall may must not no any all each such other than into under upon".split(" "),
);

/** Recurring 1–4 word sequences of the English of `inside` links, scored by Dice against all links. */
function associatedPhrases(units: readonly Unit[], inside: Set<number>, top: number): Rendering[] {
  if (inside.size === 0) return [];
  const everywhere = new Map<string, number>();
  const within = new Map<string, { count: number; links: number[]; text: string }>();
  for (const unit of units) {
    const words = wordsOf(unit.en, "en");
    const seen = new Set<string>();
    for (let from = 0; from < words.length; from++) {
      if (EN_STOPWORDS.has(words[from].exact)) continue;
      for (let to = from; to < Math.min(words.length, from + 4); to++) {
        if (EN_STOPWORDS.has(words[to].exact)) continue;
        const key = words.slice(from, to + 1).map((w) => w.stem).join(" ");
        if (seen.has(key)) continue;
        seen.add(key);
        everywhere.set(key, (everywhere.get(key) ?? 0) + 1);
        if (inside.has(unit.link)) {
          const entry = within.get(key) ?? { count: 0, links: [], text: unit.en.slice(words[from].start, words[to].end) };
          entry.count++;
          entry.links.push(unit.link);
          within.set(key, entry);
        }
      }
    }
  }
  return [...within.entries()]
    .filter(([, e]) => e.count >= 2 || inside.size === 1)
    .map(([key, e]) => ({ e, dice: (2 * e.count) / (inside.size + (everywhere.get(key) ?? 0)), words: key.split(" ").length }))
    .sort((a, b) => b.dice - a.dice || b.words - a.words)
    .slice(0, top)
    .map(({ e }) => ({ text: e.text, count: e.count, term: null, links: e.links }));
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
