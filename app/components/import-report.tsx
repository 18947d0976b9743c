import { ColumnHeads } from "./column-heads";

interface Removal {
  kind: string;
  line: number;
  text: string;
  reason: string;
}
interface Repair {
  kind: string;
  line: number;
  before: string;
  after: string;
}

const REMOVAL_KINDS: Array<[string, string]> = [
  ["page-stamp", "Page stamps and running heads"],
  ["page-number", "Page numbers"],
  ["link-list", "Link lists"],
  ["markup", "Markup"],
  ["note-call", "Note calls moved to notes"],
  ["control-character", "Control characters"],
  ["line-end-hyphen", "Hyphens of words broken at line ends"],
];

const REPAIR_LABELS: Record<string, string> = {
  "page-break-join": "Sentence joined across a page break",
  "wrap-join": "Wrapped line joined",
  "note-continued": "Note continued on the next page",
};

/** Makes invisible characters visible: control characters as their code, so a removed form feed shows. */
function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\ufeff]/g, (c) =>
    `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`,
  );
}

/** Everything import removed or re-joined, so that nothing is lost silently. */
export function ImportReport({
  removals,
  repairs,
  segmentation,
  segmentationNote = null,
}: {
  removals: Removal[];
  repairs: Repair[];
  segmentation: string;
  /** Why Tandem cut the text as it did, when it chose; null when a person chose. */
  segmentationNote?: string | null;
}) {
  const known = new Set(REMOVAL_KINDS.map(([k]) => k));
  const groups = [
    ...REMOVAL_KINDS,
    ...[...new Set(removals.map((r) => r.kind))].filter((k) => !known.has(k)).map((k) => [k, k] as [string, string]),
  ]
    .map(([kind, label]) => ({ kind, label, items: removals.filter((r) => r.kind === kind) }))
    .filter((g) => g.items.length > 0);

  return (
    <section className="import-report" lang="en" aria-label="Import report">
      <h2 className="section-title">Import report</h2>
      <p className="muted" data-testid="segmentation-report">
        {segmentation === "lines" ? "One segment per line: each line with text is a segment, as given; nothing was joined or split." : "Cleaned up and cut into sentences."}
        {segmentationNote ? ` ${segmentationNote}` : null}
      </p>
      <details className="report" id="removed">
        <summary>
          Removed at import <span className="count">{removals.length}</span>
        </summary>
        {removals.length === 0 ? (
          <p className="muted">Nothing was removed.</p>
        ) : (
          groups.map((group) => (
            <div className="report-group" key={group.kind} data-kind={group.kind}>
              <h3>
                {group.label} <span className="count">{group.items.length}</span>
              </h3>
              <table className="table table--compact">
                <ColumnHeads colClasses={["col-line", null, "col-why"]} columns={[{ label: "Line", className: "num" }, "Removed text", "Why"]} />
                <tbody>
                  {group.items.map((item, i) => (
                    <tr key={i}>
                      <td className="num">{item.line}</td>
                      <td className="removed-text">{visible(item.text)}</td>
                      <td className="muted">{item.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))
        )}
      </details>
      <details className="report" id="rejoined">
        <summary>
          Re-joined at import <span className="count">{repairs.length}</span>
        </summary>
        {repairs.length === 0 ? (
          <p className="muted">Nothing was re-joined.</p>
        ) : (
          <table className="table table--compact">
            <ColumnHeads colClasses={["col-line", "col-why", null]} columns={[{ label: "Line", className: "num" }, "What", "Where"]} />
            <tbody>
              {repairs.map((repair, i) => (
                <tr key={i}>
                  <td className="num">{repair.line}</td>
                  <td>{REPAIR_LABELS[repair.kind] ?? repair.kind}</td>
                  <td className="join">
                    <span>…{repair.before}</span>
                    <span className="join-mark" title="joined here">
                      ⟷
                    </span>
                    <span>{repair.after}…</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </section>
  );
}
