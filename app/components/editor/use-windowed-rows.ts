/**
 * Windowing: only the rows on screen (and a margin) are in the page. Each link's height is estimated from its texts
 * until its row has been shown and measured; the spacers above and below stand for the rest. When heights change but
 * not the rows, the page scrolls by as much as the row being looked at moved, so that it stays where it is on screen
 * (the editor's own anchoring: the browser's is off for the table, it would move the page a second time).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { EditableLink } from "../../../alignments/align/operations";
import type { Side } from "../../editor/edits";
import { ScreenStore } from "../alignment-map";
import { useIsomorphicLayoutEffect } from "./layout-effect";
import { keyOf } from "./local-edits";
import { rangePass } from "./range-guard";
import type { SegmentLookup } from "./use-pair-texts";

/** Rows rendered before the browser has measured anything (the server's page). */
const FIRST_ROWS = 30;
/** Pixels rendered beyond the screen, above and below. */
const OVERSCAN = 1200;

/** The first index i with values[i] > x, in a sorted array. */
export function upperBound(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface WindowedRowsInputs {
  links: readonly EditableLink[];
  /** The positions of the links shown (all, or those the filters keep), in order. */
  visible: readonly number[];
  /** The selected row's index in `visible` (its tools row adds to its height). */
  selectedIndex: number;
  segment: SegmentLookup;
}

export interface WindowedRows {
  /** The table's body, where the rows are. */
  body: RefObject<HTMLTableSectionElement>;
  /** The indexes in `visible` of the first row in the page and the one after the last. */
  range: { first: number; last: number };
  /** Where each shown row starts, from the top of the table's body (one more entry: the end). */
  offsets: Float64Array;
  /** The links on screen, for the map and the overview bar: scrolling re-renders them alone. */
  screen: ScreenStore;
  /** Some row's height changed in this commit: rows may still move, so a row being brought into view is checked again. */
  measuredNow: { current: boolean };
}

export function useWindowedRows({ links, visible, selectedIndex, segment }: WindowedRowsInputs): WindowedRows {
  const body = useRef<HTMLTableSectionElement>(null);
  const heights = useRef(new Map<string, number>());
  const toolsHeight = useRef(56);
  const [measured, setMeasured] = useState(0);
  const [charsPerLine, setCharsPerLine] = useState(44);

  const estimate = useCallback(
    (link: EditableLink) => {
      const lines = (side: Side, list: number[]) =>
        list.reduce((n, s) => n + Math.max(1, Math.ceil((segment(side, s)?.text.length ?? 80) / charsPerLine)), 0);
      const inner = Math.max(1, lines("en", link.en), lines("fr", link.fr));
      const gaps = Math.max(0, Math.max(link.en.length, link.fr.length) - 1);
      return 18 + 24 * inner + 11 * gaps;
    },
    [segment, charsPerLine],
  );

  /**
   * Each link's height, by position: as measured (`heights`, by the link's segments), else estimated from its texts.
   * Built when the links change, from each link object's height kept (an edit makes new objects only for the links it
   * changed) and worked out afresh when the texts or the column's width change; a row measured later writes its
   * height here and there (see the measuring below), so that scrolling, which measures each row it brings in, and
   * moving the selection only add the heights up again.
   */
  const heightOf = useMemo(() => new WeakMap<EditableLink, number>(), [estimate]);
  const linkHeights = useMemo(
    () =>
      Float64Array.from(links, (link) => {
        let height = heightOf.get(link);
        if (height === undefined) {
          height = heights.current.get(keyOf(link)) ?? estimate(link);
          heightOf.set(link, height);
        }
        return height;
      }),
    [links, heightOf, estimate],
  );
  const offsets = useMemo(() => {
    const out = new Float64Array(visible.length + 1);
    for (let i = 0; i < visible.length; i++) out[i + 1] = out[i] + linkHeights[visible[i]] + (i === selectedIndex ? toolsHeight.current : 0);
    return out;
    // `measured` counts new measurements (written into linkHeights and toolsHeight).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible, linkHeights, measured, selectedIndex]);

  const [range, setRange] = useState({ first: 0, last: FIRST_ROWS });
  const screen = useMemo(() => new ScreenStore(), []);
  /**
   * The selected row if it is on screen, else the row at the top of the screen, and where it was in the table: when
   * heights change but not the rows (rows measured, the texts of a large pair arrived), the page scrolls by as much
   * as that row moved, so that it stays where it is on screen.
   */
  const anchor = useRef<{ rows: number; index: number; offset: number } | null>(null);
  const computeRange = useCallback(() => {
    const element = body.current;
    if (!element) return;
    let top = -element.getBoundingClientRect().top;
    const n = offsets.length - 1;
    const held = anchor.current;
    if (held && held.rows === n && held.index < n && top > 0) {
      const drift = offsets[held.index] - held.offset;
      if (Math.abs(drift) >= 1) {
        window.scrollBy(0, drift);
        top += drift;
      }
    }
    const first = Math.max(0, Math.min(n, upperBound(offsets, top - OVERSCAN) - 1));
    const last = Math.max(first, Math.min(n, upperBound(offsets, top + window.innerHeight + OVERSCAN)));
    setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
    if (n > 0) {
      const screenFirst = Math.max(0, Math.min(n - 1, upperBound(offsets, top) - 1));
      const screenLast = Math.max(screenFirst, Math.min(n - 1, upperBound(offsets, top + window.innerHeight) - 1));
      screen.set(visible[screenFirst], visible[screenLast]);
      const held = selectedIndex >= screenFirst && selectedIndex <= screenLast ? selectedIndex : screenFirst;
      anchor.current = { rows: n, index: held, offset: offsets[held] };
    } else {
      screen.set(-1, -1);
      anchor.current = null;
    }
  }, [offsets, visible, screen, selectedIndex]);
  const computeRangeRef = useRef(computeRange);
  computeRangeRef.current = computeRange;
  // A layout that keeps changing what it measures would run this again and again in one commit (see range-guard.ts).
  const passesThisFrame = useRef(0);
  useIsomorphicLayoutEffect(() => {
    const pass = rangePass(passesThisFrame.current);
    passesThisFrame.current = pass.passesThisFrame;
    if (pass.resetNextFrame) requestAnimationFrame(() => (passesThisFrame.current = 0));
    if (pass.runNow) computeRange();
    else requestAnimationFrame(() => computeRangeRef.current());
  }, [computeRange]);
  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        computeRangeRef.current();
      });
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    return () => {
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);

  // Measure the rows shown; the estimate's characters per line follow the English column's width.
  const measuredNow = useRef(false);
  useIsomorphicLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    let changed = false;
    for (const row of element.querySelectorAll<HTMLTableRowElement>("tr[data-key]")) {
      const height = row.getBoundingClientRect().height;
      const key = row.dataset.key!;
      const position = Number(row.dataset.position);
      // The link object shown may hold a height of its own from before (a change rolled back brings old objects back).
      if (Math.abs((heights.current.get(key) ?? -1) - height) > 0.5 || Math.abs(linkHeights[position] - height) > 0.5) {
        heights.current.set(key, height);
        linkHeights[position] = height;
        heightOf.set(links[position], height);
        changed = true;
      }
    }
    const tools = element.querySelector<HTMLTableRowElement>("tr.row-tools");
    if (tools) {
      const height = tools.getBoundingClientRect().height;
      if (Math.abs(toolsHeight.current - height) > 0.5) {
        toolsHeight.current = height;
        changed = true;
      }
    }
    const side = element.querySelector<HTMLElement>("tr[data-key] .pair-seg-text");
    if (side) {
      const chars = Math.max(20, Math.round(side.getBoundingClientRect().width / 7.6));
      // A few characters either way change no estimate that matters, and following them could make the layout oscillate.
      if (Math.abs(chars - charsPerLine) > 2) setCharsPerLine(chars);
    }
    if (changed) {
      measuredNow.current = true;
      setMeasured((m) => m + 1);
    }
  });

  return { body, range, offsets, screen, measuredNow };
}
