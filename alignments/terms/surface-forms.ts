/** The forms a term was found in, counted, as a page lists them. */

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
