import type { HistoryEntry, LinkTuple, PairTexts } from "../../editor/edits";

/** What the pair page gives the editor (its own module, so that the hooks can name it without importing the editor). */
export interface EditorProps {
  pairId: number;
  sourceDocumentId: number;
  targetDocumentId: number;
  sourceCount: number;
  targetCount: number;
  support: number | null;
  lowSupport: number;
  data: {
    version: number;
    links: LinkTuple[];
    undo: string | null;
    redo: string | null;
    history: HistoryEntry[];
    realign: { pending: boolean; progress: number; user: string | null; error: string | null };
  };
  texts: PairTexts;
  textsComplete: boolean;
  user: string;
  /** Told the documents' segment counts when a segment split or merge changes them (the page shows them too). */
  onSegmentCounts?: (counts: { en: number; fr: number }) => void;
  /** The panels above the rows (summary, shortcuts, history, map) are hidden; the bar's button says so. */
  panelsHidden?: boolean;
  onPanelsHidden?: (hidden: boolean) => void;
}
