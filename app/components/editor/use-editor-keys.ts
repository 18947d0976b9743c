/**
 * The editor's keys (those of app/editor/shortcuts.ts, the list the shortcuts panel and the user guide show), on
 * the window. The handler is made again at each render, with what that render knows; what keys change before the
 * next render (the selection, the links, the queue) they read from refs.
 */
import { useEffect, useRef, type Dispatch, type MutableRefObject, type RefObject, type SetStateAction } from "react";
import type { EditOperation, Side } from "../../editor/edits";
import { lowerBound, nextToCheck } from "../../editor/review";
import { shortcutFor } from "../../editor/shortcuts";
import { nextRowWithFindings, type useFindings } from "../findings";
import type { LiveQueue } from "./use-edit-queue";
import type { AskName } from "./use-reviewer";
import type { ScrollTo } from "./use-selection";

export interface EditorKeyInputs {
  perform: (op: EditOperation) => boolean;
  /** The links and the queue as the latest change left them. */
  live: MutableRefObject<LiveQueue>;
  /** The positions of the links shown, as the latest render had them. */
  visible: MutableRefObject<readonly number[]>;
  selectedNow: MutableRefObject<number>;
  select: (position: number, scroll?: ScrollTo) => void;
  findings: ReturnType<typeof useFindings>;
  search: RefObject<HTMLInputElement>;
  user: MutableRefObject<string>;
  askName: AskName;
  setNotice: (notice: string | null) => void;
  setSplitOpen: (open: boolean) => void;
  setEditing: (editing: null) => void;
  setHistoryOpen: Dispatch<SetStateAction<boolean>>;
  cancelName: () => void;
  toggle: (position: number) => void;
  openEditor: (position: number, side: Side, segment: number | null) => void;
}

/** The selected position as keys see it: the latest selection, or the first row shown after it; -1 when none is shown. */
function currentRow(visible: readonly number[], selected: number): number {
  return visible.length > 0 ? visible[Math.max(0, Math.min(lowerBound(visible, selected), visible.length - 1))] : -1;
}

/** Moves the selection by `delta` rows among those shown. */
function moveSelection(visible: readonly number[], selected: number, delta: number, select: EditorKeyInputs["select"]) {
  if (visible.length === 0) return;
  const from = Math.max(0, Math.min(lowerBound(visible, selected), visible.length - 1));
  select(visible[Math.max(0, Math.min(visible.length - 1, from + delta))], "nearest");
}

export function useEditorKeys(inputs: EditorKeyInputs) {
  const onKey = useRef<(event: KeyboardEvent) => void>(() => {});
  onKey.current = (event: KeyboardEvent) => {
    const { perform, live, visible, selectedNow, select, findings, search, user, askName, setNotice } = inputs;
    const target = event.target instanceof Element ? event.target : null;
    if (event.altKey || target?.closest("input, textarea, select, [contenteditable=true]")) return;
    const action = shortcutFor(event);
    if (action === null) return;
    const run = (op: EditOperation) => {
      event.preventDefault();
      perform(op);
    };
    const k = currentRow(visible.current, selectedNow.current);
    switch (action) {
      case "undo":
      case "redo":
        return run({ name: action });
      case "next-row":
      case "previous-row":
        event.preventDefault();
        moveSelection(visible.current, selectedNow.current, action === "next-row" ? 1 : -1, select);
        return;
      case "next-to-check": {
        event.preventDefault();
        const next = nextToCheck(live.current.links, visible.current, k);
        if (next < 0) setNotice("Every link shown is confirmed: nothing left to check.");
        else select(next, "top");
        return;
      }
      case "next-findings":
      case "previous-findings": {
        event.preventDefault();
        const next = nextRowWithFindings(findings, live.current.links, visible.current, k, action === "next-findings" ? 1 : -1);
        if (next < 0) setNotice(findings.payload ? "No row shown has terminology findings." : "The terminology is still being checked.");
        else select(next, "top");
        return;
      }
      case "search":
        event.preventDefault();
        search.current?.focus();
        return;
      case "close":
        inputs.setSplitOpen(false);
        inputs.setEditing(null);
        inputs.setHistoryOpen(false);
        setNotice(null);
        inputs.cancelName();
        return;
    }
    if (k < 0) return;
    switch (action) {
      case "confirm-toggle":
        event.preventDefault();
        inputs.toggle(k);
        return;
      case "confirm-through":
        return run({ name: "confirm-through", link: k });
      case "merge":
        return run({ name: "merge", link: k });
      case "en-up":
      case "fr-up":
        return run({ name: "shift-up", link: k, side: action === "en-up" ? "en" : "fr" });
      case "en-down":
      case "fr-down":
        return run({ name: "shift-down", link: k, side: action === "en-down" ? "en" : "fr" });
      case "history":
        event.preventDefault();
        inputs.setHistoryOpen((open) => !open);
        return;
      case "edit-en":
      case "edit-fr":
        event.preventDefault();
        inputs.openEditor(k, action === "edit-en" ? "en" : "fr", null);
        return;
      case "split": {
        event.preventDefault();
        const link = live.current.links[k];
        if (user.current === "") askName("split this row", () => inputs.setSplitOpen(true));
        else if (live.current.editable && link && link.en.length + link.fr.length > 1) inputs.setSplitOpen(true);
        return;
      }
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}
