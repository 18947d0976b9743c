import { useCallback, useEffect, useRef, useState } from "react";

/**
 * The export forms. They are plain GET forms to the /pairs/export resource route (not Remix forms): the
 * browser downloads the answer, an attachment, and the page stays where it is.
 */

const FORMATS = [
  { value: "tmx", label: "TMX 1.4 memory" },
  { value: "tsv", label: "Parallel text (TSV)" },
  { value: "csv", label: "CSV" },
  { value: "links", label: "Gold links [1,2]:[3]" },
] as const;

/** What the CSV and TSV files do to texts a spreadsheet would run as formulas (alignments/formats/csv.ts). */
export const SPREADSHEET_NOTE =
  "A text that begins with =, +, -, @ or a tab is written with an apostrophe in front, so that a spreadsheet shows it as text instead of running it as a formula; Tandem takes the apostrophe off when it reads the file back.";

/** The options; a TMX leaves 1-0 and 0-1 links out unless asked (they are not translation units), the other formats keep them unless asked. */
function ExportOptions({ format }: { format: string }) {
  return (
    <>
      <label className="export-option">
        <input type="checkbox" name="confirmed" value="1" /> Confirmed links only
      </label>
      {format === "tmx" ? (
        <label className="export-option" title="A TMX leaves them out unless asked: a link with one side is not a translation unit">
          <input type="checkbox" name="keepEmpty" value="1" /> Keep 1-0 and 0-1 links
        </label>
      ) : (
        <label className="export-option">
          <input type="checkbox" name="skipEmpty" value="1" /> Leave out 1-0 and 0-1 links
        </label>
      )}
    </>
  );
}

/** The format to export in (of `formats`), then the options for that format. */
function FormatAndOptions({
  id,
  formats,
  format,
  onFormat,
}: {
  id: string;
  formats: readonly { value: string; label: string }[];
  format: string;
  onFormat: (format: string) => void;
}) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        Export format
      </label>
      <select id={id} name="format" value={format} onChange={(e) => onFormat(e.target.value)} className="export-format">
        {formats.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </select>
      <ExportOptions format={format} />
    </>
  );
}

/**
 * The pair page's export box: a format and the two options. The file is made from the links as saved when the
 * button is pressed (edits made since the page loaded included). It asks, once shown, how many characters of
 * the pair's text a TMX cannot hold, and warns when there are some.
 */
export function PairExportBox({ pairId }: { pairId: number }) {
  const [format, setFormat] = useState("tmx");
  const [xmlForbidden, setXmlForbidden] = useState(0);
  // A plain fetch, not a fetcher: Remix revalidates fetchers after every action, and this scan (66 ms on the
  // Bank Act pair) would then delay every edit's "saved". It is asked again when the user comes to the box.
  const asking = useRef(false);
  const askCheck = useCallback(() => {
    if (asking.current) return;
    asking.current = true;
    fetch(`/pairs/${pairId}/export-check`)
      .then((response) => (response.ok ? (response.json() as Promise<{ xmlForbidden: number }>) : null))
      .then((answer) => {
        if (answer) setXmlForbidden(answer.xmlForbidden);
      })
      .catch(() => undefined)
      .finally(() => {
        asking.current = false;
      });
  }, [pairId]);
  useEffect(askCheck, [askCheck]);
  const one = xmlForbidden === 1;
  return (
    <section className="export-box" aria-labelledby="export-title" data-testid="export-box" onPointerEnter={askCheck} onFocus={askCheck}>
      <form method="get" action="/pairs/export" className="export-form">
        <h2 className="export-title" id="export-title">
          Export
        </h2>
        <input type="hidden" name="pair" value={pairId} />
        <FormatAndOptions id="export-format" formats={FORMATS} format={format} onFormat={setFormat} />
        <span className="export-actions">
          <button type="submit" className="button button--small button--primary">
            Download
          </button>
        </span>
      </form>
      {format === "csv" || format === "tsv" ? (
        <p className="hint" data-testid="export-formulas">
          {SPREADSHEET_NOTE}
        </p>
      ) : null}
      {xmlForbidden > 0 && format === "tmx" ? (
        <p className="hint hint--warn" data-testid="export-dropped">
          {one ? "One character" : `${xmlForbidden} characters`} of this pair’s text {one ? "is a control character" : "are control characters"} that XML cannot
          hold: the TMX leaves {one ? "it" : "them"} out (TSV and CSV keep {one ? "it" : "them"}).
        </p>
      ) : null}
    </section>
  );
}

/** The pairs list's export bar: the ticked pairs (checkboxes in the table name this form) or every ready pair. */
export function SelectionExportBar({ formId, selected, ready }: { formId: string; selected: number; ready: number }) {
  const [format, setFormat] = useState("tmx");
  return (
    <form id={formId} method="get" action="/pairs/export" className="export-box export-form export-bar" data-testid="selection-export">
      <h2 className="export-title">Export</h2>
      <FormatAndOptions id="selection-format" formats={FORMATS.filter((f) => f.value !== "links")} format={format} onFormat={setFormat} />
      <span className="export-actions">
        <button type="submit" className="button button--small button--primary" disabled={selected === 0}>
          {selected === 0 ? "Tick pairs to export" : `Download ${selected === 1 ? "1 pair" : `${selected} pairs`}`}
        </button>
        <button type="submit" name="all" value="1" className="button button--small" disabled={ready === 0}>
          Download every ready pair ({ready})
        </button>
      </span>
    </form>
  );
}
