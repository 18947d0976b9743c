/**
 * What re-segmenting a document would lose (decision 21): the corrections made to its segments in a pair's
 * editor (a corrected text, a split, a merge) live only in its segments and its clean text; cutting it again
 * starts from the imported text. A segment is corrected when its text is not one a fresh cut of the imported
 * text, made the way the document is cut now, gives: each fresh text answers for one segment at most, so a
 * split counts its two halves and a merge its one joined segment.
 */
export function correctedSegmentCount(current: readonly string[], fresh: readonly string[]): number {
  const left = new Map<string, number>();
  for (const text of fresh) left.set(text, (left.get(text) ?? 0) + 1);
  let corrected = 0;
  for (const text of current) {
    const n = left.get(text) ?? 0;
    if (n > 0) left.set(text, n - 1);
    else corrected++;
  }
  return corrected;
}
