/** The panels above the rows: the keyboard shortcuts, the pair's history of changes and the alignment map. */
import { Link } from "@remix-run/react";
import type { EditableLink } from "../../../alignments/align/operations";
import { HISTORY_SHOWN, type HistoryEntry } from "../../editor/edits";
import { EDITOR_SHORTCUTS } from "../../editor/shortcuts";
import { AlignmentMap, type ScreenStore } from "../alignment-map";
import { Bdi } from "../bidi";
import { formatWhen } from "../link-confidence";
import { ShortcutList } from "../shortcuts";

export function EditorHelp({
  history,
  links,
  counts,
  current,
  screen,
  onPick,
}: {
  history: HistoryEntry[];
  links: readonly EditableLink[];
  counts: { en: number; fr: number };
  /** The selected link's position (-1: none shown). */
  current: number;
  screen: ScreenStore;
  onPick: (position: number) => void;
}) {
  return (
    <div className="editor-help">
      <div className="editor-help-main">
        <details className="shortcuts" open>
          <summary>Keyboard shortcuts</summary>
          <ShortcutList shortcuts={EDITOR_SHORTCUTS} />
          <p className="shortcuts-more">
            The keys of a segment’s text box and of the map: <Link to="/guide#shortcuts">in the guide</Link>.
          </p>
        </details>
        <details className="history" data-testid="history">
          <summary>
            History <span className="muted">({history.length === HISTORY_SHOWN ? `latest ${HISTORY_SHOWN}` : history.length} change{history.length === 1 ? "" : "s"})</span>
          </summary>
          {history.length === 0 ? (
            <p className="muted">No change yet.</p>
          ) : (
            <ul>
              {history.map((h) => (
                <li key={h.id} className={h.undone ? "history-undone" : undefined}>
                  <span className="history-what">{h.label}</span>
                  {h.undone ? <span className="muted"> (undone)</span> : null} <span className="muted">· <Bdi>{h.user}</Bdi> · {formatWhen(h.at)}</span>
                </li>
              ))}
            </ul>
          )}
        </details>
      </div>
      <details className="map-panel" open>
        <summary>Alignment map</summary>
        <AlignmentMap links={links} sourceCount={counts.en} targetCount={counts.fr} selected={current} screen={screen} onPick={onPick} />
      </details>
    </div>
  );
}
