import { createContext, Fragment, useContext, type ReactNode } from "react";
import type { InlineCodes } from "../../alignments/formats/tmx-codes";
import { CodeChips } from "./inline-codes";
import { segmentLanguageProps } from "./segment-language";

interface NoteRef {
  label: string;
  offset: number;
}
interface SegmentView {
  position: number;
  paragraph: number;
  kind: string;
  text: string;
  noteRefs: NoteRef[];
}
interface ParagraphView {
  position: number;
  kind: string;
  label: string | null;
  line: number;
}

/** An item that carries its own number or letter ("25.", "a)", "(iii)") needs no bullet. */
const ENUMERATED = /^\(?([0-9]{1,3}|[a-z]|[ivx]{1,5})[.)]\s/i;

const KIND_TAGS: Record<string, string> = { heading: "Heading", item: "List item", note: "Note" };

const slug = (label: string) => (/^[\w-]+$/.test(label) ? label : Array.from(label, (c) => c.codePointAt(0)).join("-"));

/** What the document's inline codes stand for (a memory's document, decision 23): shown as chips. */
const DocumentCodes = createContext<InlineCodes | undefined>(undefined);

/** A segment's text with its footnote calls as superscript links to the notes. */
function withCalls(segment: SegmentView, notes: Set<string>, codes: InlineCodes | undefined): ReactNode {
  if (segment.noteRefs.length === 0) return <CodeChips text={segment.text} codes={codes} />;
  const parts: ReactNode[] = [];
  let from = 0;
  [...segment.noteRefs]
    .sort((a, b) => a.offset - b.offset)
    .forEach((ref, i) => {
      const at = Math.min(Math.max(ref.offset, from), segment.text.length);
      parts.push(<CodeChips key={`t${i}`} text={segment.text.slice(from, at)} codes={codes} />);
      parts.push(
        <sup className="note-call" key={i}>
          {notes.has(ref.label) ? (
            <a href={`#note-${slug(ref.label)}`} id={i === 0 ? `call-${segment.position + 1}` : undefined} title={`Note ${ref.label}`}>
              {ref.label}
            </a>
          ) : (
            ref.label
          )}
        </sup>,
      );
      from = at;
    });
  parts.push(<CodeChips key="end" text={segment.text.slice(from)} codes={codes} />);
  return parts;
}

function Paragraph({ paragraph, segments, notes, anchor, language }: { paragraph: ParagraphView; segments: SegmentView[]; notes: Set<string>; anchor?: string; language: string }) {
  const tag = KIND_TAGS[paragraph.kind];
  const codes = useContext(DocumentCodes);
  return (
    <div className={`para para--${paragraph.kind}`} id={anchor} data-kind={paragraph.kind} data-line={paragraph.line}>
      {segments.map((segment, i) => (
        <div className="seg" key={segment.position} id={`s${segment.position + 1}`} data-kind={segment.kind}>
          <div className="gutter">
            <a className="seg-num" href={`#s${segment.position + 1}`} aria-label={`Segment ${segment.position + 1}`}>
              {segment.position + 1}
            </a>
            {i === 0 && tag && paragraph.kind !== "note" ? (
              <span className={`kind-tag kind-tag--${paragraph.kind}`} lang="en">
                {tag}
              </span>
            ) : null}
          </div>
          <div className="seg-body">
            {i === 0 && paragraph.kind === "note" && paragraph.label ? (
              <span className="note-label" title={`Note ${paragraph.label}`}>
                {paragraph.label}
              </span>
            ) : null}
            {i === 0 && paragraph.kind === "item" && !ENUMERATED.test(segment.text) ? (
              <span className="item-mark" aria-hidden="true">
                •
              </span>
            ) : null}
            <span className="seg-text" {...segmentLanguageProps(segment.text, language)}>
              {withCalls(segment, notes, codes)}
            </span>
          </div>
        </div>
      ))}
    </div>
  );
}

/** The clean text as numbered segments grouped in paragraphs, then the notes. */
export function SegmentedText({
  paragraphs,
  segments,
  codes,
  language,
}: {
  paragraphs: ParagraphView[];
  segments: SegmentView[];
  codes?: InlineCodes;
  /** The document's language: a segment in another script is marked with its own (segment-language.ts). */
  language: string;
}) {
  const byParagraph = new Map<number, SegmentView[]>();
  for (const s of segments) {
    const list = byParagraph.get(s.paragraph) ?? [];
    list.push(s);
    byParagraph.set(s.paragraph, list);
  }
  const noteLabels = new Set(paragraphs.filter((p) => p.kind === "note" && p.label).map((p) => p.label as string));
  const seen = new Set<string>();
  const noteAnchor = (p: ParagraphView) => {
    if (!p.label || seen.has(p.label)) return undefined;
    seen.add(p.label);
    return `note-${slug(p.label)}`;
  };
  const body = paragraphs.filter((p) => p.kind !== "note");
  const notes = paragraphs.filter((p) => p.kind === "note");
  return (
    <DocumentCodes.Provider value={codes}>
      <section className="text" aria-label="Text">
        <h2 className="section-title" lang="en">
          Text
        </h2>
        {body.map((p) => (
          <Paragraph key={p.position} paragraph={p} segments={byParagraph.get(p.position) ?? []} notes={noteLabels} language={language} />
        ))}
      </section>
      {notes.length > 0 ? (
        <section className="text notes" aria-labelledby="notes-title">
          <h2 className="section-title" id="notes-title" lang="en">
            Notes
          </h2>
          {notes.map((p) => (
            <Fragment key={p.position}>
              <Paragraph paragraph={p} segments={byParagraph.get(p.position) ?? []} notes={noteLabels} anchor={noteAnchor(p)} language={language} />
            </Fragment>
          ))}
        </section>
      ) : null}
    </DocumentCodes.Provider>
  );
}
