/** The concordance's results: the documents holding the query, and its lines in context (keyword in context). */
import { Link } from "@remix-run/react";
import type { ConcordanceAnswer, ConcordanceLine } from "~/models/concordance-search.server";
import type { InlineCodes } from "../../alignments/formats/tmx-codes";
import { Bdi } from "~/components/bidi";
import { CodeChips, type PairCodes } from "~/components/inline-codes";
import { baseDirection, isolated } from "~/utils/bidi";
import { ColumnHeads } from "./column-heads";

const n = (count: number) => count.toLocaleString("en-US");

const SORT_NAMES: Record<string, string> = {
  document: "in the documents’ order",
  "1L": "by the word before (1L)",
  "2L": "by the second word before (2L)",
  "3L": "by the third word before (3L)",
  "1R": "by the word after (1R)",
  "2R": "by the second word after (2R)",
  "3R": "by the third word after (3R)",
};
export const SORT_CHOICES = Object.entries(SORT_NAMES);

/** "2,889 occurrences in 2,101 segments of the French; the first 200 shown, by the word after (1R)". */
export function countedLine(answer: ConcordanceAnswer, side: string): string {
  const occurrences = `${n(answer.total)} ${answer.total === 1 ? "occurrence" : "occurrences"}`;
  const segments = `${n(answer.segments)} ${answer.segments === 1 ? "segment" : "segments"}`;
  const shown = answer.shown < answer.total ? `; the first ${n(answer.shown)} shown` : answer.total > 1 ? "; all shown" : "";
  return `${occurrences} in ${segments} of the ${side}${shown}${answer.total > 1 ? `, ${SORT_NAMES[answer.sort]}` : ""}`;
}

/** Which words of the other side are marked, and from where (counterparts.ts). */
const MARK_TITLES: Record<string, string> = {
  lexicon: "a translation from the aligner’s word list",
  preferred: "the glossary’s preferred term",
  admitted: "a term the glossary admits",
  deprecated: "a term the glossary deprecates",
  forbidden: "a term the glossary forbids",
};

/** What the lines' inline codes stand for: by document, and by pair for the counterparts (decision 23). */
export interface ConcordanceCodes {
  documents: Record<number, InlineCodes>;
  pairs: Record<number, PairCodes>;
}

function MarkedCounterpart({ line, paired, codes }: { line: ConcordanceLine; paired: boolean; codes?: InlineCodes }) {
  if (line.counterpart === null) {
    return <span className="muted kwic-none">{paired ? "No counterpart: this segment’s link has one side only." : "No counterpart: this document is in no aligned pair."}</span>;
  }
  const text = line.counterpart;
  const parts: JSX.Element[] = [];
  let at = 0;
  line.marks.forEach((mark, k) => {
    if (mark.start > at) parts.push(<CodeChips key={`t${k}`} text={text.slice(at, mark.start)} codes={codes} />);
    parts.push(
      <mark key={`m${k}`} className={`hit hit--${mark.status}`} title={MARK_TITLES[mark.status]}>
        <CodeChips text={text.slice(mark.start, mark.end)} codes={codes} />
      </mark>,
    );
    at = mark.end;
  });
  if (at < text.length) parts.push(<CodeChips key="end" text={text.slice(at)} codes={codes} />);
  return <>{parts}</>;
}

/** Where a line is: the row of its pair's editor, or its segment in a document in no aligned pair. */
function Place({ line, pairId }: { line: ConcordanceLine; pairId: number | null }) {
  if (line.link !== null && pairId !== null) {
    return (
      <Link to={`/pairs/${pairId}#link-${line.link + 1}`} aria-label={`Row ${line.link + 1} in the editor`}>
        {line.link + 1}
      </Link>
    );
  }
  return (
    <Link to={`/documents/${line.document}#s${line.segment + 1}`} aria-label={`Segment ${line.segment + 1} of the document`}>
      §{line.segment + 1}
    </Link>
  );
}

/** One side's documents with their counts (each a filter to that document), then its lines. */
export function ConcordanceResults({
  answer,
  language,
  filterHref,
  codes,
}: {
  answer: ConcordanceAnswer;
  language: "fr" | "en";
  filterHref: (documentId: number) => string;
  codes?: ConcordanceCodes;
}) {
  const other = language === "fr" ? "en" : "fr";
  const documents = new Map(answer.documents.map((d) => [d.id, d]));
  return (
    <>
      <ul className="concordance-documents" aria-label={language === "fr" ? "French documents holding it" : "English documents holding it"}>
        {answer.documents.map((d) => (
          <li key={d.id} data-testid="concordance-document">
            <Link to={filterHref(d.id)} title={`Only ${isolated(d.title)}`}>
              <Bdi>{d.title}</Bdi>
            </Link>{" "}
            <span className="muted">
              {n(d.count)} in {n(d.segments)} {d.segments === 1 ? "segment" : "segments"}
              {d.pairId === null ? "; in no aligned pair, so without counterparts" : null}
            </span>
          </li>
        ))}
      </ul>
      {answer.lines.length === 0 ? null : (
        <table className="kwic" data-testid="kwic">
          <ColumnHeads
            colClasses={["col-document", "col-row", "col-left", "col-match", "col-right", "col-counterpart"]}
            columns={[
              "Document",
              { label: "Row", className: "num" },
              { label: "Before", className: "kwic-left" },
              "Found",
              "After",
              language === "fr" ? "English of the link" : "French of the link",
            ]}
          />
          <tbody>
            {answer.lines.map((line, k) => {
              const doc = documents.get(line.document)!;
              const own = codes?.documents[line.document];
              const counterpart = doc.pairId === null ? undefined : codes?.pairs[doc.pairId]?.[other];
              return (
                <tr key={`${line.document}:${line.segment}:${k}`} data-testid="kwic-line">
                  <td className="kwic-document" dir={baseDirection(doc.title)} title={isolated(doc.title)}>
                    <Bdi>{doc.title}</Bdi>
                  </td>
                  <td className="num">
                    <Place line={line} pairId={doc.pairId} />
                  </td>
                  <td className="kwic-left" lang={language}>
                    <span>
                      <CodeChips text={line.left} codes={own} />
                    </span>
                  </td>
                  <td className="kwic-match" lang={language}>
                    <mark className="hit">
                      <CodeChips text={line.match} codes={own} />
                    </mark>
                  </td>
                  <td className="kwic-right" lang={language}>
                    <CodeChips text={line.right} codes={own} />
                  </td>
                  <td className="kwic-counterpart" lang={other}>
                    <MarkedCounterpart line={line} paired={doc.pairId !== null} codes={counterpart} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
