/**
 * Brings the selected row into view, whole and below the sticky bar: after a jump (keys, the map, an address), when
 * the filters change what is shown, or when the selected row or the bar grew (a text or the split form opened, the
 * row's history, a message).
 */
import { useRef, useState, type MutableRefObject, type RefObject } from "react";
import type { Side } from "../../editor/edits";
import type { Filters } from "../../editor/review";
import { useIsomorphicLayoutEffect } from "./layout-effect";

export interface BringIntoViewInputs {
  body: RefObject<HTMLTableSectionElement>;
  bar: RefObject<HTMLDivElement>;
  offsets: Float64Array;
  /** The selection as rendered, as keys left it, and the selected row's position and index among those shown. */
  selected: number;
  selectedNow: MutableRefObject<number>;
  current: number;
  selectedIndex: number;
  /** The row wanted in view (null: none), whether at the top, and how many checks it has had. */
  scrollWanted: MutableRefObject<number | null>;
  scrollToTop: MutableRefObject<boolean>;
  scrollTries: MutableRefObject<number>;
  /** Set by the windowed rows when a row's height changed in this commit. */
  measuredNow: { current: boolean };
  filters: Filters;
  /** What can make the selected row or the bar grow. */
  editing: { side: Side; segment: number } | null;
  splitOpen: boolean;
  historyOpen: boolean;
  askingWhere: "row" | "realign" | null;
  message: string | null;
}

export function useBringIntoView(inputs: BringIntoViewInputs) {
  const { body, bar, offsets, selected, selectedNow, current, selectedIndex, scrollWanted, scrollToTop, scrollTries, measuredNow, filters } = inputs;
  const { editing, splitOpen, historyOpen, askingWhere, message } = inputs;
  const [, setScrollCheck] = useState(0);

  // Other filters show other rows at the same height of the page: the selected row (or the first one shown after it)
  // is brought just below the bar, so that what was chosen is what is seen, also when the page was at its top.
  const lastFilters = useRef(filters);
  useIsomorphicLayoutEffect(() => {
    if (lastFilters.current === filters) return;
    lastFilters.current = filters;
    scrollWanted.current = selectedNow.current;
    scrollToTop.current = true;
    scrollTries.current = 0;
  }, [filters]);

  // The selected row grew (its text or split form opened, its history) or the bar did (a message): the whole row
  // is brought into view again below the bar, if it was on screen or a text was opened in it.
  const grown = `${editing ? `${editing.side}${editing.segment}` : ""}|${splitOpen}|${historyOpen}|${askingWhere ?? ""}|${message ?? ""}`;
  const lastGrown = useRef(grown);
  useIsomorphicLayoutEffect(() => {
    if (lastGrown.current === grown) return;
    lastGrown.current = grown;
    if (!editing && !splitOpen && !historyOpen && !askingWhere && !message) return;
    const row = body.current?.querySelector<HTMLElement>("tr.link-row--selected");
    const rect = row?.getBoundingClientRect();
    if (!editing && (!rect || rect.bottom < 0 || rect.top > window.innerHeight)) return;
    scrollWanted.current = selectedNow.current;
    scrollToTop.current = false;
    scrollTries.current = 0;
  }, [grown]);

  useIsomorphicLayoutEffect(() => {
    const settled = !measuredNow.current;
    measuredNow.current = false;
    // The wanted row, once the selection has caught up with it (another render may come first).
    if (scrollWanted.current === null || scrollWanted.current !== selected || current < 0) return;
    const element = body.current;
    if (!element) return;
    const barBottom = bar.current ? bar.current.getBoundingClientRect().bottom : 0;
    const row = element.querySelector<HTMLElement>(`tr[data-position="${current}"]`);
    if (row) {
      const rect = row.getBoundingClientRect();
      const tools = element.querySelector<HTMLElement>("tr.row-tools");
      const bottom = tools ? tools.getBoundingClientRect().bottom : rect.bottom;
      // Rows measured above it move it after this commit: it is in place only once a commit measured nothing new.
      scrollTries.current++;
      if (rect.top < barBottom + 8 || (scrollToTop.current && rect.top > barBottom + 9)) window.scrollBy(0, rect.top - barBottom - 8);
      else if (bottom > window.innerHeight - 8) window.scrollBy(0, Math.min(bottom - window.innerHeight + 8, rect.top - barBottom - 8));
      else if (settled) scrollTries.current = 99;
      if (scrollTries.current > 12) {
        scrollWanted.current = null;
        scrollTries.current = 0;
      } else requestAnimationFrame(() => setScrollCheck((t) => t + 1));
    } else {
      // Not rendered: jump to where the estimate puts it; the next render brings it in and measures it.
      const top = element.getBoundingClientRect().top + window.scrollY + offsets[selectedIndex];
      window.scrollTo(0, top - (bar.current ? bar.current.offsetHeight : 0) - 40);
    }
  });
}
