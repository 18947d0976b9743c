/**
 * The pair's texts as the server has them: those of the first screens come with the page; a large pair's others
 * follow in one request once the page is up. The edit queue applies the server's patches to them.
 */
import { useCallback, useEffect, useState } from "react";
import { KIND_NAME, type PairTexts, type Side } from "../../editor/edits";

export interface PairTextsState {
  /** The texts as the server has them (the queue adds the segment changes on their way to it). */
  ackedTexts: PairTexts;
  setAckedTexts: (update: (texts: PairTexts) => PairTexts) => void;
  /** Every text has arrived (the page's first ones only, until then). */
  textsComplete: boolean;
  textsError: string | null;
}

export function usePairTexts({ pairId, texts, textsComplete: complete }: { pairId: number; texts: PairTexts; textsComplete: boolean }): PairTextsState {
  const [ackedTexts, setAckedTexts] = useState(texts);
  const [textsComplete, setTextsComplete] = useState(complete);
  const [textsError, setTextsError] = useState<string | null>(null);
  useEffect(() => {
    if (textsComplete) return;
    let cancelled = false;
    fetch(`/pairs/${pairId}/texts`)
      .then((response) => (response.ok ? (response.json() as Promise<PairTexts>) : Promise.reject(new Error(String(response.status)))))
      .then((all) => {
        if (cancelled) return;
        setAckedTexts(all);
        setTextsComplete(true);
      })
      .catch(() => !cancelled && setTextsError("Tandem could not load the texts of the rows further down. Reload the page."));
    return () => {
      cancelled = true;
    };
  }, [pairId, textsComplete]);
  return { ackedTexts, setAckedTexts, textsComplete, textsError };
}

/** A segment's text and kind, by side and number; null while its text has not arrived. */
export type SegmentLookup = (side: Side, s: number) => { text: string; kind: string } | null;

export function useSegmentLookup(texts: PairTexts): SegmentLookup {
  return useCallback(
    (side: Side, s: number) => {
      const k = s - (side === "en" ? texts.enFrom : texts.frFrom);
      const list = side === "en" ? texts.en : texts.fr;
      if (k < 0 || k >= list.length) return null;
      return { text: list[k], kind: KIND_NAME[(side === "en" ? texts.enKinds : texts.frKinds)[k]] ?? "body" };
    },
    [texts],
  );
}
