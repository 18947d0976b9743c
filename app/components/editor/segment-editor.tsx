import { useEffect, useRef, useState } from "react";
import type { EditOperation, Side } from "../../editor/edits";
import { CodesHint, keepingCodes } from "../inline-codes";
import { useIsomorphicLayoutEffect } from "./layout-effect";
import { useSideNames } from "./side-names";

/**
 * A segment's text open for correction: Enter saves the new text, Shift+Enter splits the segment at the caret,
 * Ctrl+M merges it with the next segment of its side, Escape leaves it as it was. A changed text is saved first,
 * as its own step in the history, then split or merged.
 */
export function SegmentEditor({
  side,
  segment,
  text,
  perform,
  onClose,
}: {
  side: Side;
  segment: number;
  text: string;
  perform: (op: EditOperation) => boolean;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState(text);
  const [codesRefused, setCodesRefused] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    // The editor brings the row into view below its sticky bar; the browser's own scroll would not mind the bar.
    element.focus({ preventScroll: true });
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);
  // The whole text in view, however narrow the column: the field grows with it.
  useIsomorphicLayoutEffect(() => {
    const element = area.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${element.scrollHeight + 2}px`;
  }, [draft]);
  const names = useSideNames();
  const sideName = names[side];
  const run = (then: "save" | "split" | "merge") => {
    const ops: EditOperation[] = [];
    let caret = area.current?.selectionStart ?? 0;
    if (draft !== text) {
      ops.push({ name: "edit-segment", side, segment, text: draft });
      // Where the caret falls once the text is cleaned as the server cleans it (line breaks to spaces, ends trimmed).
      caret = draft.slice(0, caret).replace(/[ \t]*[\r\n]+[ \t]*/g, " ").trimStart().length;
    }
    if (then === "split") ops.push({ name: "split-segment", side, segment, caret });
    if (then === "merge") ops.push({ name: "merge-segments", side, segment });
    if (ops.length === 0) onClose();
    for (const op of ops) if (!perform(op)) break;
  };
  return (
    <div className="seg-editor" lang="en">
      <textarea
        ref={area}
        value={draft}
        lang={names.lang[side]}
        rows={2}
        aria-label={`Text of ${sideName} segment ${segment + 1}`}
        onChange={(event) => {
          const next = keepingCodes(draft, event.target.value);
          setCodesRefused(next.refused);
          setDraft(next.text);
        }}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing) return;
          if (event.key === "Escape") {
            event.preventDefault();
            onClose();
          } else if (event.key === "Enter" && !event.ctrlKey && !event.metaKey && !event.altKey) {
            event.preventDefault();
            run(event.shiftKey ? "split" : "save");
          } else if ((event.key === "m" || event.key === "M") && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            run("merge");
          }
        }}
      />
      <CodesHint text={draft} refused={codesRefused} />
      <div className="seg-editor-tools">
        <button type="button" className="tool tool--primary" onClick={() => run("save")} title="Save the corrected text (Enter); the text before it stays in the history">
          Save <kbd>⏎</kbd>
        </button>
        <button type="button" className="tool" onClick={() => run("split")} title="Cut this segment in two where the caret is (Shift+Enter)">
          Split at caret <kbd>⇧⏎</kbd>
        </button>
        <button type="button" className="tool" onClick={() => run("merge")} title={`Join ${sideName} segment ${segment + 2} to the end of this one (Ctrl+M)`}>
          Merge with segment {segment + 2} <kbd>Ctrl M</kbd>
        </button>
        <button type="button" className="tool" onClick={onClose} title="Leave the text as it was (Escape)">
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
