/**
 * How each French term of a pair is rendered in the linked English: the entry's own English terms, then the recurring
 * English of the links where none of them is; kept with the pair's check, made in the compute worker when large.
 */
import type { Renderings, UnitHits } from "../../alignments/terms/checks";
import { foldForms, formsByConcept } from "../../alignments/terms/surface-forms";
import { getDb, type Db } from "../../db/client.server";
import { compute, INLINE_CHARS, textSize } from "./compute.server";
import { checkPair, type PairCheck } from "./pair-check.server";

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
  const french = formsByConcept(
    units.units.map((unit) => unit.fr),
    results.map((r) => r.fr),
  );
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
