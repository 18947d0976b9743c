import { useEffect, useState } from "react";
import type { EditableLink } from "../../../alignments/align/operations";
import { describeRecordedLink, type LinkHistoryEntry } from "../../editor/edits";
import { Bdi } from "../bidi";
import { formatWhen } from "../link-confidence";
import { useSideNames } from "./side-names";

/**
 * The history of the selected link: the changes that touched its segments, newest first, with what the link
 * was before and after each, and the text before and after a correction. Asked of the server when opened, and
 * again after each saved change.
 */
export function LinkHistoryPanel({ pairId, link, position, version, saving }: { pairId: number; link: EditableLink; position: number; version: number; saving: boolean }) {
  const [state, setState] = useState<{ entries: LinkHistoryEntry[] | null; error: string | null }>({ entries: null, error: null });
  const names = useSideNames();
  const sourceStart = link.en[0] ?? -1;
  const targetStart = link.fr[0] ?? -1;
  const query = `en=${Math.max(0, sourceStart)},${link.en.length}&fr=${Math.max(0, targetStart)},${link.fr.length}`;
  useEffect(() => {
    // The server numbers segments as it stored them: ask once the changes on their way are saved.
    if (saving) return;
    const controller = new AbortController();
    fetch(`/pairs/${pairId}/history?${query}`, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ entries: LinkHistoryEntry[] }>) : Promise.reject(new Error(String(response.status)))))
      .then(({ entries }) => setState({ entries, error: null }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ entries: null, error: `Tandem could not read this link’s history (${error instanceof Error ? error.message : "no answer"}).` });
      });
    return () => controller.abort();
  }, [pairId, query, version, saving]);
  const { entries, error } = state;
  return (
    <section className="link-history" data-testid="link-history" aria-label={`History of link ${position + 1}`}>
      <h3 className="link-history-title">History of link {position + 1}</h3>
      {error ? (
        <p className="hint--warn">{error}</p>
      ) : entries === null ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted">No change has touched this link since the pair was aligned: it is as the aligner made it.</p>
      ) : (
        <ol>
          {entries.map((entry) => (
            <li key={entry.id} className={entry.undone ? "history-undone" : undefined}>
              <span className="history-what">{entry.label}</span>
              {entry.undone ? <span className="muted"> (undone)</span> : null}{" "}
              <span className="muted">
                · <Bdi>{entry.user}</Bdi> · {formatWhen(entry.at)}
              </span>
              {/* A corrected text rewrites its link as it was: only the texts say something then. */}
              {entry.before.map(describeRecordedLink).join("; ") !== entry.after.map(describeRecordedLink).join("; ") ? (
                <div className="link-history-links">
                  <span className="link-history-label">was</span> {entry.before.map(describeRecordedLink).join("; ") || "—"}{" "}
                  <span className="link-history-label">→ became</span> {entry.after.map(describeRecordedLink).join("; ") || "—"}
                </div>
              ) : null}
              {entry.texts ? (
                <div className="link-history-texts">
                  <span className="link-history-label">{names[entry.texts.side]} text was</span>{" "}
                  <q lang={names.lang[entry.texts.side]}>{entry.texts.before.join(" ‖ ")}</q> <span className="link-history-label">→</span>{" "}
                  <q lang={names.lang[entry.texts.side]}>{entry.texts.after.join(" ‖ ")}</q>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
