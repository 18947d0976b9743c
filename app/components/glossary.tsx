import { Fragment, type ReactNode } from "react";
import type { InlineCodes } from "../../alignments/formats/tmx-codes";
import { Bdi } from "./bidi";
import { CodeChips } from "./inline-codes";

const ORIGIN_LABELS: Record<string, string> = { starter: "Starter", user: "Yours", import: "Imported" };
const ORIGIN_TITLES: Record<string, string> = {
  starter: "Starter entry, written by the Tandem team as a fact of the domain",
  user: "Made in Tandem",
  import: "Imported from a CSV file",
};

export function OriginTag({ origin }: { origin: string }) {
  return (
    <span className={`origin origin--${origin}`} title={ORIGIN_TITLES[origin]}>
      {ORIGIN_LABELS[origin] ?? origin}
    </span>
  );
}

/** A term with its status: deprecated and forbidden terms are struck through, so they are never read as advice. */
export function TermChip({ text, status }: { text: string; status: string }) {
  return (
    <span className={`term term--${status}`} title={status}>
      <Bdi>{text}</Bdi>
      {status !== "preferred" ? <span className="term-status">{status}</span> : null}
    </span>
  );
}

export function StatusCounts({ counts }: { counts: Record<string, number> }) {
  return (
    <>
      {Object.entries(counts).map(([status, n], k) => (
        <Fragment key={status}>
          {k > 0 ? " · " : ""}
          <span className={`status-count status-count--${status}`} data-status={status}>
            {n} {status}
          </span>
        </Fragment>
      ))}
    </>
  );
}

/** A text with the given ranges wrapped in <mark> (ranges sorted and not overlapping, as findTerms gives them). */
export function Highlighted({
  text,
  hits,
  codes,
  render = (piece) => <CodeChips text={piece} codes={codes} />,
}: {
  text: string;
  hits: ReadonlyArray<{ start: number; end: number; status: string }>;
  /** What the text's inline codes stand for: each code is a chip (decision 23). */
  codes?: InlineCodes;
  /** How a piece of the text is shown (the editor names a side's codes from its pair). */
  render?: (piece: string) => ReactNode;
}) {
  const parts: JSX.Element[] = [];
  let at = 0;
  hits.forEach((hit, k) => {
    if (hit.start > at) parts.push(<Fragment key={`t${k}`}>{render(text.slice(at, hit.start))}</Fragment>);
    parts.push(
      <mark key={`m${k}`} className={`hit hit--${hit.status}`}>
        {render(text.slice(hit.start, hit.end))}
      </mark>,
    );
    at = hit.end;
  });
  if (at < text.length) parts.push(<Fragment key="end">{render(text.slice(at))}</Fragment>);
  return <>{parts}</>;
}
