/**
 * The selected row and what is open on it (the split form, a segment's text, its history), and the row the page
 * should bring into view. Keys can come faster than React renders: the selection is also kept in a ref that a key
 * updates at once, so that the next key acts on what the previous one did.
 */
import { useCallback, useRef, useState } from "react";
import { windowShift } from "../../../alignments/align/operations";
import type { Side } from "../../editor/edits";
import type { LinkChanges } from "./use-edit-queue";

/** How a selection brings its row into view: not at all, as little as it can, or just below the bar. */
export type ScrollTo = false | "nearest" | "top";

export function useSelection() {
  const [selected, setSelected] = useState(0);
  const [splitOpen, setSplitOpen] = useState(false);
  /** The selected row's own history is open under its tools (and stays open from row to row). */
  const [historyOpen, setHistoryOpen] = useState(false);
  /** The segment whose text is open for correction, in the selected row. */
  const [editing, setEditing] = useState<{ side: Side; segment: number } | null>(null);
  /** The row to bring into view (a move by keyboard, an address naming a link); null when none. */
  const scrollWanted = useRef<number | null>(null);
  /** A jump puts the row just below the bar; a move to the next or previous row scrolls as little as it can. */
  const scrollToTop = useRef(false);
  const scrollTries = useRef(0);

  const selectedNow = useRef(0);
  const select = useCallback((position: number, scroll: ScrollTo = false) => {
    selectedNow.current = position;
    setSelected(position);
    setSplitOpen(false);
    setEditing(null);
    scrollWanted.current = scroll ? position : null;
    scrollToTop.current = scroll === "top";
    scrollTries.current = 0;
  }, []);

  /** Changes made elsewhere moved the links: the selected link keeps its selection where they moved it. */
  const followChanges = useCallback((changes: LinkChanges) => {
    const moved = windowShift(selectedNow.current, selectedNow.current + 1, changes);
    if (moved) {
      selectedNow.current += moved;
      setSelected(selectedNow.current);
    }
  }, []);

  return {
    selected,
    selectedNow,
    select,
    followChanges,
    splitOpen,
    setSplitOpen,
    historyOpen,
    setHistoryOpen,
    editing,
    setEditing,
    scrollWanted,
    scrollToTop,
    scrollTries,
  };
}
