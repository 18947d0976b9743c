/**
 * The editor's sticky bar: the review's progress, the reviewer, undo and redo, whether the changes are saved, the
 * filters and the search, and the editor's messages.
 */
import type { Dispatch, RefObject, SetStateAction } from "react";
import type { Filters } from "../../editor/review";
import { percent, ProgressBar } from "../alignment";
import { FindingsFilterLabel, FindingsProblem } from "../findings";
import { ReviewerBadge } from "../reviewer";
import { useSideNames } from "./side-names";

export interface EditorBarProps {
  bar: RefObject<HTMLDivElement>;
  summary: { confirmed: number; total: number; reviewedShare: number; lowLeft: number };
  userName: string;
  keepUserName: (name: string) => void;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  problem: { message: string; conflict: boolean } | null;
  saving: boolean;
  saved: boolean;
  panelsHidden: boolean;
  onPanelsHidden: ((hidden: boolean) => void) | undefined;
  filters: Filters;
  setFilters: Dispatch<SetStateAction<Filters>>;
  search: RefObject<HTMLInputElement>;
  /** Links shown, of `total` links. */
  shown: number;
  total: number;
  filtered: boolean;
  searching: boolean;
  textsComplete: boolean;
  message: string | null;
  onDismiss: () => void;
  textsError: string | null;
}

export function EditorBar(props: EditorBarProps) {
  const { bar, summary, userName, keepUserName, canUndo, canRedo, undoLabel, problem, saving, saved, panelsHidden, filters, setFilters, search } = props;
  const { searching, textsComplete, message, textsError } = props;
  const names = useSideNames();
  return (
    <div className="editor-bar" ref={bar}>
      <div className="editor-bar-row">
        <div className="review-progress" data-testid="review-progress">
          <span className="review-figures">
            <strong>{summary.confirmed.toLocaleString("en-US")}</strong> of {summary.total.toLocaleString("en-US")} links confirmed{" "}
            <span className="muted" title="The share of the text reviewed: of the two texts' segments, those in confirmed links">
              ({percent(summary.reviewedShare)} of the text)
            </span>
          </span>
          <ProgressBar value={summary.reviewedShare} label="Share of the text reviewed" />
          <span className="muted review-left" data-testid="low-left">
            {summary.lowLeft === 0 ? "No low-confidence link left to check" : `${summary.lowLeft.toLocaleString("en-US")} low-confidence left to check`}
          </span>
        </div>
        <div className="history-buttons">
          <ReviewerBadge name={userName} onChange={keepUserName} />
          <button type="button" className="button button--small" onClick={props.onUndo} disabled={!canUndo} title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : "Nothing to undo"}>
            ↶ Undo
          </button>
          <button type="button" className="button button--small" onClick={props.onRedo} disabled={!canRedo} title={props.redoLabel ? `Redo: ${props.redoLabel} (Ctrl+Shift+Z)` : "Nothing to redo"}>
            ↷ Redo
          </button>
          <span className={`save-state${problem ? " save-state--error" : saving ? " save-state--saving" : ""}`} role="status" data-testid="save-state">
            {problem ? "Not saved" : saving ? "Saving…" : saved ? "All changes saved" : ""}
          </span>
          {props.onPanelsHidden ? (
            <button
              type="button"
              className="button button--small panels-toggle"
              title={panelsHidden ? "Show the pair's details, the summary, shortcuts, history and map above the rows" : "Hide the pair's details, the summary, shortcuts, history and map: more rows on screen (remembered)"}
              onClick={() => props.onPanelsHidden?.(!panelsHidden)}
            >
              {panelsHidden ? "Show panels" : "Hide panels"}
            </button>
          ) : null}
        </div>
      </div>
      <div className="editor-bar-row">
        <fieldset className="filters">
          <legend className="visually-hidden">Show only</legend>
          <span className="filters-label">Show only</span>
          {(
            [
              ["unconfirmed", "Unconfirmed"],
              ["low", "Low confidence"],
              ["other", "Not 1-1"],
              ["edited", "Edited"],
              ["findings", <FindingsFilterLabel key="findings" />],
            ] as const
          ).map(([name, label]) => (
            <label key={name} className="filter">
              <input type="checkbox" checked={filters[name]} onChange={(event) => setFilters((f) => ({ ...f, [name]: event.target.checked }))} />
              {label}
            </label>
          ))}
          <input
            ref={search}
            type="search"
            className="filter-search"
            placeholder={`Search ${names.en} or ${names.fr}  ( / )`}
            aria-label={`Search the ${names.en} or ${names.fr} text`}
            value={filters.query}
            onChange={(event) => setFilters((f) => ({ ...f, query: event.target.value }))}
            onKeyDown={(event) => {
              if (event.key === "Escape" || event.key === "Enter") (event.target as HTMLInputElement).blur();
            }}
          />
        </fieldset>
        <span className="filter-count muted" data-testid="shown-count">
          {props.filtered ? `${props.shown.toLocaleString("en-US")} of ${props.total.toLocaleString("en-US")} links shown` : `${props.total.toLocaleString("en-US")} links`}
          {searching && !textsComplete ? " (texts still loading)" : ""}
        </span>
      </div>
      {message ? (
        <div className={`editor-message${problem?.conflict ? " editor-message--conflict" : problem ? " editor-message--error" : ""}`} role="alert">
          <span>{message}</span>
          {problem?.conflict ? (
            <button type="button" className="button button--small button--primary" onClick={() => window.location.reload()}>
              Reload
            </button>
          ) : (
            <button type="button" className="link-button" onClick={props.onDismiss} aria-label="Dismiss">
              ×
            </button>
          )}
        </div>
      ) : null}
      {textsError ? (
        <div className="editor-message editor-message--error" role="alert">
          {textsError}
        </div>
      ) : null}
      <FindingsProblem />
    </div>
  );
}
