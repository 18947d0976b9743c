/** The forms a term was found in, counted, as a page lists them. */

/**
 * The forms each concept was found in, counted: `hits[k]` are the hits in `texts[k]` (a concept's forms in the
 * order first found; the concepts likewise).
 */
export function formsByConcept(texts: readonly string[], hits: ReadonlyArray<ReadonlyArray<{ concept: number; start: number; end: number }>>): Map<number, Map<string, number>> {
  const byConcept = new Map<number, Map<string, number>>();
  hits.forEach((found, k) => {
    for (const hit of found) {
      const forms = byConcept.get(hit.concept) ?? new Map<string, number>();
      const text = texts[k].slice(hit.start, hit.end);
      forms.set(text, (forms.get(text) ?? 0) + 1);
      byConcept.set(hit.concept, forms);
    }
  });
  return byConcept;
}

/** Surface forms that differ only in case, as one, written as seen most often; the most frequent first. */
export function foldForms(forms: ReadonlyMap<string, number>): Array<{ text: string; count: number }> {
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
