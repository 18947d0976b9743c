import { Link } from "@remix-run/react";
import { LOW_CONFIDENCE } from "~/utils/thresholds";

export const percent = (x: number) => `${Math.round(x * 100)}%`;

const STATUS_LABELS: Record<string, string> = { queued: "Queued", aligning: "Aligning", ready: "Aligned", failed: "Failed" };

export function PairStatus({ status, progress }: { status: string; progress: number }) {
  return (
    <span className={`pair-status pair-status--${status}`} data-status={status}>
      {STATUS_LABELS[status] ?? status}
      {status === "aligning" ? ` ${percent(progress)}` : ""}
    </span>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(value * 100)}
    >
      <div className="progress-fill" style={{ width: `${Math.max(2, Math.round(value * 100))}%` }} />
    </div>
  );
}

/** "1-1": one English segment, one French. */
export function describeType(type: string): string {
  const [e, f] = type.split("-").map(Number);
  const count = (n: number, language: string) => `${["no", "one", "two", "three", "four", "five"][n] ?? n} ${language} segment${n === 1 ? "" : "s"}`;
  if (f === 0) return `${count(e, "English")} with no French counterpart`;
  if (e === 0) return `${count(f, "French")} with no English counterpart`;
  return `${count(e, "English")}, ${count(f, "French")}`;
}

interface TypeCount {
  type: string;
  count: number;
}

export interface SummaryProps {
  enCount: number;
  frCount: number;
  total: number;
  low: number;
  lowShare: number;
  support: number;
  lowSupport: number;
  types: TypeCount[];
}

/** Counts by link type, the share of low-confidence links, lexical support, and warnings in plain words. */
export function AlignmentSummary(props: SummaryProps) {
  const { enCount, frCount, total, low, lowShare, support, lowSupport, types } = props;
  const warnings: Array<{ key: string; text: string }> = [];
  if (enCount === 0 && frCount === 0) {
    warnings.push({ key: "empty", text: "Both documents are empty: there is nothing to align." });
  } else if (enCount === 0 || frCount === 0) {
    const [empty, other] = enCount === 0 ? ["English", "French"] : ["French", "English"];
    warnings.push({
      key: "empty",
      text: `The ${empty} document has no segments, so there is nothing to align: every ${other} segment stands alone, with no counterpart.`,
    });
  } else {
    if (support < lowSupport) {
      warnings.push({
        key: "unrelated",
        text:
          support === 0
            ? "These documents look unrelated: none of the links has any lexical support (shared words, numbers or names). Check that the French document translates the English one."
            : `These documents look unrelated: only ${percent(support)} of links have any lexical support (shared words, numbers or names). Check that the French document translates the English one.`,
      });
    }
    const ratio = Math.max(enCount, frCount) / Math.min(enCount, frCount);
    if (ratio >= 1.5) {
      warnings.push({
        key: "lengths",
        text: `The lengths differ a lot: ${enCount.toLocaleString("en-US")} English segments and ${frCount.toLocaleString("en-US")} French ones. One text may be incomplete, or they may not be the same text.`,
      });
    }
  }
  return (
    <section className="pair-summary" aria-label="Alignment summary">
      <dl className="meta summary-figures">
        <div>
          <dt>Links</dt>
          <dd data-testid="link-count">{total.toLocaleString("en-US")}</dd>
        </div>
        <div>
          <dt>By type</dt>
          <dd className="type-counts">
            {types.length === 0 ? (
              <span className="muted">none</span>
            ) : (
              types.map((t) => (
                <span key={t.type} className={`type-count${t.type === "1-1" ? "" : " type-count--other"}`} title={describeType(t.type)} data-type={t.type}>
                  <span className="link-type">{t.type}</span> {t.count.toLocaleString("en-US")}
                </span>
              ))
            )}
          </dd>
        </div>
        <div>
          <dt>Low confidence</dt>
          <dd data-testid="low-share">
            {low.toLocaleString("en-US")} <span className="muted">({percent(lowShare)} of links)</span>
          </dd>
        </div>
        <div>
          <dt>Lexical support</dt>
          <dd data-testid="support" title="Share of links whose two sides share words (from the lexicon), numbers or names">
            {percent(support)} <span className="muted">of links</span>
          </dd>
        </div>
      </dl>
      {warnings.map((w) => (
        <div key={w.key} className="alert alert--ask" role="status" data-warning={w.key}>
          {w.text}
        </div>
      ))}
    </section>
  );
}

interface SegmentView {
  position: number;
  kind: string;
  text: string;
}

export interface LinkRowView {
  position: number;
  type: string;
  confidence: number;
  status: string;
  en: SegmentView[];
  fr: SegmentView[];
}

function Side({ segments, documentId, language }: { segments: SegmentView[]; documentId: number; language: "en" | "fr" }) {
  if (segments.length === 0) {
    return (
      <td className="side side--none" lang="en">
        <span className="no-counterpart">— no counterpart</span>
      </td>
    );
  }
  return (
    <td className="side" lang={language}>
      {segments.map((s) => (
        <div key={s.position} className={`pair-seg pair-seg--${s.kind}`} data-kind={s.kind}>
          <a
            className="pair-seg-num"
            href={`/documents/${documentId}#s${s.position + 1}`}
            title={`${language === "en" ? "English" : "French"} segment ${s.position + 1}`}
            lang="en"
          >
            {s.position + 1}
          </a>
          <span className="pair-seg-text" dir="auto">
            {s.text}
          </span>
        </div>
      ))}
    </td>
  );
}

function Confidence({ value }: { value: number }) {
  const low = value < LOW_CONFIDENCE;
  return (
    <div className={`confidence${low ? " confidence--low" : ""}`} title={`Confidence ${percent(value)}${low ? ": check this link" : ""}`}>
      <span className="confidence-bar" aria-hidden="true">
        <span className="confidence-fill" style={{ width: `${Math.round(value * 100)}%` }} />
      </span>
      <span className="confidence-value">{percent(value)}</span>
    </div>
  );
}

/** One row per link: number, English, French, type and confidence; low-confidence rows are tinted and marked. */
export function AlignmentTable({ links, enDocumentId, frDocumentId }: { links: LinkRowView[]; enDocumentId: number; frDocumentId: number }) {
  return (
    <table className="table alignment">
      <colgroup>
        <col className="col-num" />
        <col className="col-side" />
        <col className="col-side" />
        <col className="col-type" />
        <col className="col-confidence" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="num">
            #
          </th>
          <th scope="col">English (original)</th>
          <th scope="col">French (translation)</th>
          <th scope="col">Type</th>
          <th scope="col">Confidence</th>
        </tr>
      </thead>
      <tbody>
        {links.map((link) => {
          const low = link.confidence < LOW_CONFIDENCE;
          const alone = link.en.length === 0 || link.fr.length === 0;
          return (
            <tr
              key={link.position}
              id={`link-${link.position + 1}`}
              className={`link-row${low ? " link-row--low" : ""}${alone ? " link-row--alone" : ""}`}
              data-type={link.type}
              data-confidence={link.confidence}
              data-low={low || undefined}
            >
              <td className="num link-num">
                <a href={`#link-${link.position + 1}`}>{link.position + 1}</a>
                {low ? (
                  <span className="low-mark" title="Low confidence: check this link">
                    <span aria-hidden="true">!</span>
                    <span className="visually-hidden">low confidence</span>
                  </span>
                ) : null}
              </td>
              <Side segments={link.en} documentId={enDocumentId} language="en" />
              <Side segments={link.fr} documentId={frDocumentId} language="fr" />
              <td>
                <span className={`link-type${link.type === "1-1" ? "" : " link-type--other"}`} title={describeType(link.type)}>
                  {link.type}
                </span>
              </td>
              <td>
                <Confidence value={link.confidence} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Page links: first, last, and the pages around the current one. */
export function Pagination({ number, count, size, total }: { number: number; count: number; size: number; total: number }) {
  const first = (number - 1) * size + 1;
  const last = Math.min(total, number * size);
  const shown = new Set([1, count, number - 2, number - 1, number, number + 1, number + 2].filter((p) => p >= 1 && p <= count));
  const pages = [...shown].sort((a, b) => a - b);
  const href = (p: number) => `?page=${p}#links`;
  return (
    <nav className="pagination" aria-label="Pages of links">
      <span className="pagination-range">
        Links {first.toLocaleString("en-US")}–{last.toLocaleString("en-US")} of {total.toLocaleString("en-US")}
      </span>
      {count > 1 ? (
        <span className="pagination-pages">
          {number > 1 ? (
            <Link to={href(number - 1)} rel="prev">
              ← Previous
            </Link>
          ) : null}
          {pages.map((p, i) => (
            <span key={p}>
              {i > 0 && p > pages[i - 1] + 1 ? <span className="gap">…</span> : null}
              {p === number ? (
                <span className="page-current" aria-current="page">
                  {p}
                </span>
              ) : (
                <Link to={href(p)} aria-label={`Page ${p}`}>
                  {p}
                </Link>
              )}
            </span>
          ))}
          {number < count ? (
            <Link to={href(number + 1)} rel="next">
              Next →
            </Link>
          ) : null}
        </span>
      ) : null}
    </nav>
  );
}
