/**
 * The editor's confidence cell. A link the aligner made shows its confidence; a link a person made (reshaped in
 * the editor, its segments corrected, split or merged, or paired in a translator's memory) shows that instead: its confidence is not the aligner's
 * estimate, and "100%" on a link just made wrong would read as a certainty. On the selected row, who last
 * changed the link and when, from its history.
 */
import { useEffect, useState, type ReactNode } from "react";
import { madeByPerson } from "../../alignments/align/operations";
import type { LinkHistoryEntry, ShownLink } from "../editor/edits";
import { Confidence } from "./alignment";
import { Bdi } from "./bidi";

export function LinkConfidence({ link, author }: { link: ShownLink; author?: ReactNode }) {
  if (!madeByPerson(link)) return <Confidence value={link.confidence} />;
  const what = link.edited ? "edited by a person" : "paired by a person";
  return (
    <div
      className="confidence confidence--person"
      data-testid="by-person"
      title={
        link.edited
          ? "A person reshaped this link or changed its segments (corrected, split or merged): the aligner's confidence no longer applies. Confirm it once checked."
          : "Paired by a person (a translator's memory): the aligner did not make this link."
      }
    >
      <span className="confidence-person">{what}</span>
      {author}
    </div>
  );
}

/** A time from the history, in the editor's words: "2026-12-07 16:40 UTC". */
export const formatWhen = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** Waits this long after the selection settles before asking: moving through rows with j and k asks nothing. */
const ASK_AFTER = 250;

/**
 * Who last changed the selected link and when, asked of its history once the changes on their way are saved
 * (the server numbers segments as stored). Nothing while unknown.
 */
export function LastChange({ pairId, link, version, saving }: { pairId: number; link: ShownLink; version: number; saving: boolean }) {
  const [entry, setEntry] = useState<{ query: string; user: string; at: string } | null>(null);
  const query = `en=${Math.max(0, link.en[0] ?? 0)},${link.en.length}&fr=${Math.max(0, link.fr[0] ?? 0)},${link.fr.length}`;
  useEffect(() => {
    if (saving) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetch(`/pairs/${pairId}/history?${query}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<{ entries: LinkHistoryEntry[] }>) : null))
        .then((answer) => {
          const last = answer?.entries.find((e) => !e.undone);
          if (last) setEntry({ query, user: last.user, at: last.at });
        })
        .catch(() => {
          // Only a detail of the cell: the row's own history says why when opened.
        });
    }, ASK_AFTER);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [pairId, query, version, saving]);
  if (!entry || entry.query !== query) return null;
  return (
    <span className="confidence-author" data-testid="last-change">
      <Bdi>{entry.user}</Bdi>
      <span className="muted"> · {formatWhen(entry.at)}</span>
    </span>
  );
}
