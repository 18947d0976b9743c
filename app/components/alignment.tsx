import { LOW_CONFIDENCE } from "~/editor/thresholds";
import { useSideNames } from "./editor/side-names";

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
      <div className={`progress-fill share-${Math.min(100, Math.max(2, Math.round(value * 100)))}`} />
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
  sourceCount: number;
  targetCount: number;
  total: number;
  low: number;
  lowShare: number;
  /** Null when it is not known (a memory imported before Tandem measured it): then no warning. */
  support: number | null;
  lowSupport: number;
  types: TypeCount[];
}

/** Counts by link type, the share of low-confidence links, lexical support, and warnings in plain words. */
export function AlignmentSummary(props: SummaryProps) {
  const { sourceCount, targetCount, total, low, lowShare, support, lowSupport, types } = props;
  const names = useSideNames();
  const warnings: Array<{ key: string; text: string }> = [];
  if (sourceCount === 0 && targetCount === 0) {
    warnings.push({ key: "empty", text: "Both documents are empty: there is nothing to align." });
  } else if (sourceCount === 0 || targetCount === 0) {
    const [empty, other] = sourceCount === 0 ? [names.en, names.fr] : [names.fr, names.en];
    warnings.push({
      key: "empty",
      text: `The ${empty} document has no segments, so there is nothing to align: every ${other} segment stands alone, with no counterpart.`,
    });
  } else {
    if (support !== null && support < lowSupport) {
      warnings.push({
        key: "unrelated",
        text:
          support === 0
            ? `These documents look unrelated: none of the links has any lexical support (shared words, numbers or names). Check that the ${names.fr} document translates the ${names.en} one.`
            : `These documents look unrelated: only ${percent(support)} of links have any lexical support (shared words, numbers or names). Check that the ${names.fr} document translates the ${names.en} one.`,
      });
    }
    const ratio = Math.max(sourceCount, targetCount) / Math.min(sourceCount, targetCount);
    if (ratio >= 1.5) {
      warnings.push({
        key: "lengths",
        text: `The lengths differ a lot: ${sourceCount.toLocaleString("en-US")} English segments and ${targetCount.toLocaleString("en-US")} French ones. One text may be incomplete, or they may not be the same text.`,
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
          {support === null ? (
            <dd data-testid="support" title="This memory was imported before Tandem measured the lexical support of imported memories">
              <span className="muted">not known</span>
            </dd>
          ) : (
            <dd data-testid="support" title="Share of links whose two sides share words (from the lexicon), numbers or names">
              {percent(support)} <span className="muted">of links</span>
            </dd>
          )}
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

export function Confidence({ value }: { value: number }) {
  const low = value < LOW_CONFIDENCE;
  return (
    <div className={`confidence${low ? " confidence--low" : ""}`} title={`Confidence ${percent(value)}${low ? ": check this link" : ""}`}>
      <span className="confidence-bar" aria-hidden="true">
        <span className={`confidence-fill share-${Math.min(100, Math.max(0, Math.round(value * 100)))}`} />
      </span>
      <span className="confidence-value">{percent(value)}</span>
    </div>
  );
}
