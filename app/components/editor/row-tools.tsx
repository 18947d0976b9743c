/** The operations on the selected link, in a row under it: the tool buttons, or the form that splits the link. */
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { EditableLink } from "../../../alignments/align/operations";
import type { EditOperation } from "../../editor/edits";
import { defaultSplit } from "../../editor/review";
import type { RowProps } from "./link-row";
import { useSideNames } from "./side-names";

interface ToolsProps {
  link: EditableLink;
  position: number;
  total: number;
  editable: boolean;
  splitOpen: boolean;
  filtered: boolean;
  onSplitOpen: (open: boolean) => void;
  historyOpen: boolean;
  onHistoryOpen: (open: boolean) => void;
  /** The row's history panel, when open. */
  history: ReactNode;
  /** The row's terminology findings, if any. */
  findings: ReactNode;
  /** The reviewer's name, asked here at the first change made on this row. */
  namePrompt: ReactNode;
  onEdit: RowProps["onEdit"];
  perform: (op: EditOperation) => boolean;
}

/** The operations on the selected link, under its row. */
export function RowTools({ link, position, total, editable, splitOpen, filtered, onSplitOpen, historyOpen, onHistoryOpen, history, findings, namePrompt, onEdit, perform }: ToolsProps) {
  const k = position;
  const names = useSideNames();
  const confirmed = link.status === "confirmed";
  const button = (label: ReactNode, key: string, op: EditOperation, title: string, enabled = true) => (
    <button type="button" className="tool" disabled={!editable || !enabled} title={title} onClick={() => perform(op)}>
      {label} <kbd>{key}</kbd>
    </button>
  );
  return (
    <tr className="row-tools" aria-label={`Operations on link ${k + 1}`}>
      <td colSpan={6}>
        {splitOpen ? (
          <SplitForm link={link} position={k} perform={perform} onClose={() => onSplitOpen(false)} />
        ) : (
          <div className="tools" role="toolbar" aria-label={`Link ${k + 1}`}>
            <span className="tool-group">
              <span className="tool-group-label">{names.en}</span>
              {button("↑ First to row above", "u", { name: "shift-up", link: k, side: "en" }, `Move this row’s first ${names.en} segment into the row above`, k > 0 && link.en.length > 0)}
              {button("↓ Last to row below", "d", { name: "shift-down", link: k, side: "en" }, `Move this row’s last ${names.en} segment into the row below`, k < total - 1 && link.en.length > 0)}
            </span>
            <span className="tool-group">
              <span className="tool-group-label">{names.fr}</span>
              {button("↑ First to row above", "⇧U", { name: "shift-up", link: k, side: "fr" }, `Move this row’s first ${names.fr} segment into the row above`, k > 0 && link.fr.length > 0)}
              {button("↓ Last to row below", "⇧D", { name: "shift-down", link: k, side: "fr" }, `Move this row’s last ${names.fr} segment into the row below`, k < total - 1 && link.fr.length > 0)}
            </span>
            <span className="tool-group">
              {button("Merge with next", "m", { name: "merge", link: k }, filtered ? "Merge with the next link of the alignment (which the filters may hide)" : "Merge this row with the row below", k < total - 1)}
              <button
                type="button"
                className="tool"
                disabled={!editable || link.en.length + link.fr.length < 2}
                title="Split this row in two"
                onClick={() => onSplitOpen(true)}
              >
                Split… <kbd>s</kbd>
              </button>
              {button(confirmed ? "Unconfirm" : "Confirm", "c", { name: confirmed ? "unconfirm" : "confirm", link: k }, confirmed ? "Mark this link as not checked" : "Mark this link as checked")}
              {button(`Confirm 1–${k + 1}`, "⇧C", { name: "confirm-through", link: k }, "Confirm every link from the first one down to this one")}
            </span>
            <span className="tool-group">
              <span className="tool-group-label">Text</span>
              {(["en", "fr"] as const).map((side) => (
                <button
                  key={side}
                  type="button"
                  className="tool"
                  disabled={!editable || link[side].length === 0}
                  title={`Correct, split or merge this row’s ${link[side].length > 1 ? "first " : ""}${names[side]} segment (the ✎ beside a segment opens that one)`}
                  onClick={() => onEdit(k, side, null)}
                >
                  ✎ {names[side]} <kbd>{side === "en" ? "e" : "⇧E"}</kbd>
                </button>
              ))}
            </span>
            <span className="tool-group">
              <button
                type="button"
                className={`tool${historyOpen ? " tool--on" : ""}`}
                aria-expanded={historyOpen}
                title="Who changed this link, when, and what it was"
                onClick={() => onHistoryOpen(!historyOpen)}
              >
                History <kbd>h</kbd>
              </button>
            </span>
          </div>
        )}
        {namePrompt}
        {findings}
        {history}
      </td>
    </tr>
  );
}

function SplitForm({ link, position, perform, onClose }: { link: EditableLink; position: number; perform: (op: EditOperation) => boolean; onClose: () => void }) {
  const names = useSideNames();
  const initial = defaultSplit(link);
  const [sourceCount, setEnCount] = useState(initial.sourceCount);
  const [targetCount, setFrCount] = useState(initial.targetCount);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus({ preventScroll: true }), []);
  const empty = (sourceCount === 0 && targetCount === 0) || (sourceCount === link.en.length && targetCount === link.fr.length);
  const options = (count: number) => Array.from({ length: count + 1 }, (_, i) => <option key={i} value={i}>{i}</option>);
  return (
    <form
      className="split-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!empty) perform({ name: "split", link: position, sourceCount, targetCount });
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose();
        } else if (event.key === "Enter" && (event.target as HTMLElement).tagName === "SELECT") {
          // A select does not submit its form on Enter; the split form does.
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      <span className="split-title">Split link {position + 1}: this row keeps the first</span>
      <label>
        <select ref={first} value={sourceCount} onChange={(event) => setEnCount(Number(event.target.value))} aria-label={`${names.en} segments kept in this row`}>
          {options(link.en.length)}
        </select>{" "}
        of {link.en.length} {names.en}
      </label>
      <label>
        <select value={targetCount} onChange={(event) => setFrCount(Number(event.target.value))} aria-label={`${names.fr} segments kept in this row`}>
          {options(link.fr.length)}
        </select>{" "}
        of {link.fr.length} {names.fr}
      </label>
      <span className="muted split-rest">
        → new row below: {link.en.length - sourceCount} {names.en}, {link.fr.length - targetCount} {names.fr}
      </span>
      <button type="submit" className="button button--small button--primary" disabled={empty}>
        Split
      </button>
      <button type="button" className="button button--small" onClick={onClose}>
        Cancel
      </button>
      {empty ? <span className="hint--warn">One of the two rows would be empty.</span> : null}
    </form>
  );
}
