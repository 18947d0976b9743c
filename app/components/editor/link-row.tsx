/**
 * A link's row in the editor's table: its number, the two sides' segments (with a pencil on each in the selected
 * row, and the open correction), its type, confidence and review button; and the spacers standing for the rows
 * outside the window.
 */
import { memo, type ReactNode } from "react";
import { linkType } from "../../../alignments/align/links";
import type { EditOperation, ShownLink, Side } from "../../editor/edits";
import { isLow } from "../../editor/review";
import { describeType } from "../alignment";
import { FindingBadges, TermText } from "../findings";
import { LinkConfidence } from "../link-confidence";
import { keyOf } from "./local-edits";
import { SegmentEditor } from "./segment-editor";
import type { SegmentLookup } from "./use-pair-texts";
import { useSideNames } from "./side-names";
import { segmentLanguageProps } from "../segment-language";

export interface RowProps {
  link: ShownLink;
  position: number;
  selected: boolean;
  segment: SegmentLookup;
  sourceDocumentId: number;
  targetDocumentId: number;
  editable: boolean;
  onSelect: (position: number) => void;
  onToggle: (position: number) => void;
  /** The segment open for correction in this row, if any. */
  editing: { side: Side; segment: number } | null;
  onEdit: (position: number, side: Side, segment: number | null) => void;
  onCloseEditor: () => void;
  perform: (op: EditOperation) => boolean;
  /** On the selected row: who last changed the link, and when. */
  author: ReactNode;
}

export const LinkRow = memo(function LinkRow({
  link,
  position,
  selected,
  segment,
  sourceDocumentId,
  targetDocumentId,
  editable,
  onSelect,
  onToggle,
  editing,
  onEdit,
  onCloseEditor,
  perform,
  author,
}: RowProps) {
  const low = isLow(link);
  const alone = link.en.length === 0 || link.fr.length === 0;
  const confirmed = link.status === "confirmed";
  const type = linkType(link);
  return (
    <tr
      data-key={keyOf(link)}
      data-position={position}
      id={`link-${position + 1}`}
      className={`link-row${low ? " link-row--low" : ""}${alone ? " link-row--alone" : ""}${confirmed ? " link-row--confirmed" : ""}${selected ? " link-row--selected" : ""}`}
      data-type={type}
      data-confidence={link.confidence}
      data-low={low || undefined}
      data-review={link.status}
      aria-selected={selected}
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest("a, button, .seg-editor")) onSelect(position);
      }}
    >
      <td className="num link-num">
        {position + 1}
        {low && !confirmed ? (
          <span className="low-mark" title="Low confidence: check this link">
            <span aria-hidden="true">!</span>
            <span className="visually-hidden">low confidence</span>
          </span>
        ) : null}
      </td>
      {(["en", "fr"] as const).map((side) => (
        <SideCell
          key={side}
          side={side}
          segments={link[side]}
          segment={segment}
          documentId={side === "en" ? sourceDocumentId : targetDocumentId}
          tools={selected && editable ? { position, editing: editing?.side === side ? editing.segment : -1, onEdit, onCloseEditor, perform } : null}
        />
      ))}
      <td>
        <span className={`link-type${type === "1-1" ? "" : " link-type--other"}`} title={describeType(type)}>
          {type}
        </span>
      </td>
      <td>
        <LinkConfidence link={link} author={author} />
      </td>
      <td className="review">
        <button
          type="button"
          className={`confirm-toggle${confirmed ? " confirm-toggle--on" : ""}`}
          aria-pressed={confirmed}
          disabled={!editable}
          title={confirmed ? "Confirmed: click to unconfirm (c)" : "Confirm this link (c)"}
          onClick={() => {
            onSelect(position);
            onToggle(position);
          }}
        >
          {confirmed ? "✓ Confirmed" : "Confirm"}
        </button>
        <FindingBadges link={link} />
      </td>
    </tr>
  );
});

interface SegmentTools {
  position: number;
  /** The segment of this side open for correction; -1: none. */
  editing: number;
  onEdit: RowProps["onEdit"];
  onCloseEditor: () => void;
  perform: RowProps["perform"];
}

function SideCell({
  side,
  segments,
  segment,
  documentId,
  tools,
}: {
  side: Side;
  segments: number[];
  segment: RowProps["segment"];
  documentId: number;
  /** In the selected row: a pencil on each segment, and the open correction. */
  tools: SegmentTools | null;
}) {
  const names = useSideNames();
  if (segments.length === 0) {
    return (
      <td className="side side--none" lang="en">
        <span className="no-counterpart">— no counterpart</span>
      </td>
    );
  }
  return (
    <td className="side" lang={names.lang[side]}>
      {segments.map((s) => {
        const seg = segment(side, s);
        return (
          <div key={s} className={`pair-seg pair-seg--${seg?.kind ?? "body"}`} data-kind={seg?.kind} data-segment={s}>
            <a className="pair-seg-num" href={`/documents/${documentId}#s${s + 1}`} title={`${names[side]} segment ${s + 1}`} lang="en">
              {s + 1}
            </a>
            {tools && seg && tools.editing === s ? (
              <SegmentEditor key={`${s}:${seg.text}`} side={side} segment={s} text={seg.text} perform={tools.perform} onClose={tools.onCloseEditor} />
            ) : seg ? (
              <>
                <span className="pair-seg-text" {...segmentLanguageProps(seg.text, names.lang[side])}>
                  <TermText side={side} segment={s} text={seg.text} />
                </span>
                {tools ? (
                  <button
                    type="button"
                    className="seg-edit"
                    lang="en"
                    title={`Correct, split or merge ${names[side]} segment ${s + 1} (${side === "en" ? "e" : "⇧E"} for the first)`}
                    aria-label={`Correct ${names[side]} segment ${s + 1}`}
                    onClick={() => tools.onEdit(tools.position, side, s)}
                  >
                    ✎
                  </button>
                ) : null}
              </>
            ) : (
              <span className="pair-seg-text pair-seg-text--loading" aria-label="loading">
                …
              </span>
            )}
          </div>
        );
      })}
    </td>
  );
}

/**
 * Stands for the rows outside the window. Its height is set through the DOM: the Content-Security-Policy admits
 * no style attributes in markup (decision 16).
 */
export function Spacer({ height }: { height: number }) {
  return (
    <tr
      className="spacer"
      aria-hidden="true"
      ref={(row) => {
        if (row) row.style.height = `${height}px`;
      }}
    >
      <td colSpan={6} />
    </tr>
  );
}
