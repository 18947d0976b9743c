/**
 * Terminology in the editor: each row's findings as badges, glossary terms highlighted in the texts, the
 * selected row's findings with "accept" (and a note) or "un-accept", and the "with findings" filter.
 *
 * The findings come from /pairs/:id/findings after the first rows are painted, and again when the pair's
 * version moves (the server keeps the check per version and re-checks only the links whose texts changed).
 * Rows are matched by their segments, so a row moved by an edit above it keeps its findings until the next
 * answer.
 */
import { Link } from "@remix-run/react";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { FINDING_KINDS, KIND_HELP, KIND_LABELS, LEVEL_LABELS, MAX_FINDING_NOTE, nextWithFindings, rowKeyOfLink, rowKeyOfRow, type Acceptance, type FindingKind, type FindingRow, type FindingsPayload, type SegmentHit, type ShownFinding } from "../terminology/findings";
import { hasOpenFinding, openRowCount, withAcceptance } from "../terminology/findings-count";
import { MAX_USER_NAME } from "../editor/edits";
import { cleanUserName } from "./reviewer";
import { Highlighted } from "./glossary";
import { codedRenderer } from "./inline-codes";
import { Bdi } from "./bidi";

interface FindingsState {
  pairId: number;
  payload: FindingsPayload | null;
  error: string | null;
  /** Rows by their segments (the editor's row identity). */
  byRow: Map<string, FindingRow>;
  /** Term hits by "side:segment". */
  bySegment: Map<string, SegmentHit[]>;
  /** Rows with a finding not yet accepted: the "With findings" count. */
  openRows: number;
  /** Rows whose findings were accepted in this page: the filter keeps them, so a row does not vanish as it is accepted. */
  acceptedHere: ReadonlySet<string>;
  user: string;
  /** Keeps the reviewer's name given where a finding is accepted. */
  onUserName: (name: string) => void;
  /** Sends an accept or un-accept of a row's finding; resolves to an error message, or null when done. */
  send: (row: FindingRow, form: Record<string, string>) => Promise<string | null>;
}

const FindingsContext = createContext<FindingsState | null>(null);
export const FindingsProvider = FindingsContext.Provider;

/** How long the editor waits after the pair's version moved before asking for the findings again. */
const RECHECK_DELAY = 700;

/** The same findings, whatever version and time the check names. */
function sameFindings(a: FindingsPayload, b: FindingsPayload): boolean {
  return JSON.stringify({ ...a, version: 0, ms: 0 }) === JSON.stringify({ ...b, version: 0, ms: 0 });
}

/** The editor's findings: asked for after the first paint, again when `version` moves, and after an accept. */
export function useFindings(pairId: number, version: number, user: string, onUserName: (name: string) => void): FindingsState {
  const [payload, setPayload] = useState<FindingsPayload | null>(null);
  const [acceptedHere, setAcceptedHere] = useState<ReadonlySet<string>>(() => new Set());
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const first = useRef(true);
  useEffect(() => {
    const controller = new AbortController();
    const delay = first.current ? 0 : RECHECK_DELAY;
    first.current = false;
    const timer = window.setTimeout(() => {
      fetch(`/pairs/${pairId}/findings`, { signal: controller.signal })
        .then(async (response) => (response.ok ? (response.json() as Promise<FindingsPayload>) : Promise.reject(new Error((await response.text()) || String(response.status)))))
        .then((answer) => {
          // A confirm or a merge usually leaves the findings as they were: keep the same object then, so the
          // highlighted rows do not draw again for nothing.
          setPayload((kept) => (kept && sameFindings(kept, answer) ? kept : answer));
          setError(null);
        })
        .catch((reason: unknown) => {
          if (!controller.signal.aborted) setError(`Tandem could not check the terminology: ${reason instanceof Error ? reason.message : "no answer"}`);
        });
    }, delay);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [pairId, version, asked]);

  const send = useCallback(
    async (row: FindingRow, fields: Record<string, string>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      try {
        const response = await fetch(`/pairs/${pairId}/findings`, { method: "post", body: form });
        const answer = (await response.json().catch(() => null)) as { ok: boolean; message?: string } | null;
        if (!answer?.ok) return answer?.message ?? `Tandem could not save this (${response.status}).`;
        // Shown at once as saved (the counts follow); the check asked again next brings the server's own record.
        const acceptance = fields.intent === "accept" ? { note: fields.note ?? "", user: fields.user ?? "", at: new Date().toISOString() } : null;
        setPayload((held) => (held ? withAcceptance(held, fields.unit, fields.key, acceptance) : held));
        if (acceptance) setAcceptedHere((keys) => new Set(keys).add(rowKeyOfRow(row)));
        setAsked((n) => n + 1);
        return null;
      } catch {
        return "Tandem could not save this: the server did not answer.";
      }
    },
    [pairId],
  );

  return useMemo(() => {
    const byRow = new Map<string, FindingRow>();
    const bySegment = new Map<string, SegmentHit[]>();
    for (const row of payload?.rows ?? []) {
      if (row.findings.length > 0) byRow.set(rowKeyOfRow(row), row);
      for (const hit of row.hits) {
        const key = `${hit.side}:${hit.segment}`;
        const list = bySegment.get(key);
        if (list) list.push(hit);
        else bySegment.set(key, [hit]);
      }
    }
    return { pairId, payload, error, byRow, bySegment, openRows: openRowCount(payload), acceptedHere, user, onUserName, send };
  }, [pairId, payload, error, acceptedHere, user, onUserName, send]);
}

/** The row's findings, if any. */
export const findingsOf = (state: FindingsState, link: { en: readonly number[]; fr: readonly number[] }) => state.byRow.get(rowKeyOfLink(link));

/** Whether the "With findings" filter shows a row: a finding still to look at, or accepted in this page. */
export function shownByFindingsFilter(state: FindingsState, link: { en: readonly number[]; fr: readonly number[] }): boolean {
  const row = findingsOf(state, link);
  return row !== undefined && (hasOpenFinding(row) || state.acceptedHere.has(rowKeyOfLink(link)));
}

/** The editor's `f` / `⇧F`: the next or previous row shown with findings not all accepted (see nextWithFindings); -1 if none. */
export const nextRowWithFindings = (state: FindingsState, links: ReadonlyArray<{ en: readonly number[]; fr: readonly number[] }>, shown: readonly number[], from: number, direction: 1 | -1) =>
  nextWithFindings(shown, from, direction, (k) => (links[k] ? findingsOf(state, links[k])?.findings : undefined));

/** A segment's text with the glossary terms found in it highlighted (hits that no longer fit the text are left out). */
export function TermText({ side, segment, text }: { side: "en" | "fr"; segment: number; text: string }) {
  const state = useContext(FindingsContext);
  const coded = codedRenderer(side);
  const hits = state?.bySegment.get(`${side}:${segment}`);
  if (!hits) return <>{coded(text)}</>;
  const fitting = hits.filter((h) => text.slice(h.start, h.end) === h.text).sort((a, b) => a.start - b.start);
  return <Highlighted text={text} hits={fitting} render={coded} />;
}

function byKind(findings: readonly ShownFinding[]): Array<{ kind: FindingKind; open: number; accepted: number; messages: string[] }> {
  return FINDING_KINDS.flatMap((kind) => {
    const of = findings.filter((f) => f.kind === kind);
    if (of.length === 0) return [];
    const accepted = of.filter((f) => f.accepted !== null).length;
    return [{ kind, open: of.length - accepted, accepted, messages: of.map((f) => f.message) }];
  });
}

/** A row's findings as badges, one per kind with its count; a kind whose findings are all accepted is shown as accepted. */
export function FindingBadges({ link }: { link: { en: readonly number[]; fr: readonly number[] } }) {
  const state = useContext(FindingsContext);
  const row = state ? findingsOf(state, link) : undefined;
  if (!row) return null;
  return (
    <span className="finding-badges">
      {byKind(row.findings).map(({ kind, open, accepted, messages }) => {
        const count = open + accepted;
        const done = open === 0;
        return (
          <span
            key={kind}
            className={`finding-badge finding-badge--${kind}${done ? " finding-badge--accepted" : ""}`}
            data-testid="finding-badge"
            data-kind={kind}
            data-accepted={done || undefined}
            title={`${done ? "Accepted: " : ""}${messages.join(" ")}`}
          >
            {done ? "✓ " : ""}
            {KIND_LABELS[kind]}
            {count > 1 ? ` ×${count}` : ""}
          </span>
        );
      })}
    </span>
  );
}

/** The "with findings" filter's label: how many rows have findings not yet accepted, once known. */
export function FindingsFilterLabel() {
  const state = useContext(FindingsContext);
  const payload = state?.payload;
  const rows = state?.openRows ?? 0;
  return (
    <span
      title={
        payload
          ? `${rows.toLocaleString("en-US")} rows with findings to look at (${payload.total} findings against ${payload.terms} glossary terms, ${payload.accepted} accepted)`
          : "Checking the terminology…"
      }
    >
      With findings{" "}
      <span className="muted" data-testid="findings-rows">
        {state?.error ? "(not checked)" : payload ? `(${rows.toLocaleString("en-US")})` : "(checking…)"}
      </span>
    </span>
  );
}

/** The selected row's findings, under its tools: what each says, and accept with a note, or un-accept. */
export function RowFindings({ link, position }: { link: { en: readonly number[]; fr: readonly number[] }; position: number }) {
  const state = useContext(FindingsContext);
  const row = state ? findingsOf(state, link) : undefined;
  if (!state || !row) return null;
  return (
    <section className="row-findings" data-testid="row-findings" aria-label={`Terminology findings of link ${position + 1}`}>
      <h3 className="row-findings-title">
        Terminology <span className="muted">· {row.findings.length === 1 ? "1 finding" : `${row.findings.length} findings`} ·</span>{" "}
        <Link to={`/pairs/${state.pairId}/terminology`}>all findings of this pair</Link>
      </h3>
      <ul>
        {row.findings.map((finding) => (
          <FindingItem key={finding.key} state={state} row={row} finding={finding} />
        ))}
      </ul>
    </section>
  );
}

/** A finding's kind as a badge, ticked when the finding is accepted. */
export function FindingBadge({ finding }: { finding: Pick<ShownFinding, "kind" | "accepted"> }) {
  return (
    <span className={`finding-badge finding-badge--${finding.kind}${finding.accepted ? " finding-badge--accepted" : ""}`} title={KIND_HELP[finding.kind]}>
      {finding.accepted ? "✓ " : ""}
      {KIND_LABELS[finding.kind]}
    </span>
  );
}

/** How likely a finding is real, in words ("likely real", "worth a look", "probably fine"), with its score as a title. */
export function FindingLevel({ finding }: { finding: Pick<ShownFinding, "level" | "score"> }) {
  return (
    <span className={`finding-level finding-level--${finding.level}`} data-testid="finding-level" data-level={finding.level} title={`Score ${finding.score.toFixed(2)} of 1: how likely this finding is a real problem`}>
      {LEVEL_LABELS[finding.level]}
    </span>
  );
}

/** Who accepted a finding, when, and their note. */
export function AcceptedBy({ accepted }: { accepted: Acceptance }) {
  return (
    <>
      <span className="muted">
        Accepted by <Bdi>{accepted.user}</Bdi>, {accepted.at.slice(0, 10)}
        {accepted.note ? ": " : "."}
      </span>
      {accepted.note ? <q className="row-finding-note">{accepted.note}</q> : null}
    </>
  );
}

function FindingItem({ state, row, finding }: { state: FindingsState; row: FindingRow; finding: ShownFinding }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  /** The reviewer's name, asked here when none is known yet. */
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (fields: Record<string, string>) => {
    setBusy(true);
    const message = await state.send(row, { unit: row.unit, key: finding.key, ...fields });
    setBusy(false);
    setProblem(message);
    if (message === null) setOpen(false);
  };
  const accepted = finding.accepted;
  return (
    <li className={`row-finding${accepted ? " row-finding--accepted" : ""}`} data-testid="row-finding" data-kind={finding.kind} data-accepted={accepted ? "yes" : "no"}>
      <FindingBadge finding={finding} /> <FindingLevel finding={finding} /> <span className="row-finding-message">{finding.message}</span>
      {accepted ? (
        <span className="row-finding-accepted">
          {" "}
          <AcceptedBy accepted={accepted} />{" "}
          <button type="button" className="link-button" disabled={busy} onClick={() => run({ intent: "unaccept" })}>
            Un-accept
          </button>
        </span>
      ) : open ? (
        <form
          className="accept-form"
          onSubmit={(event) => {
            event.preventDefault();
            const user = state.user || cleanUserName(name);
            if (user === "") return setProblem("Give your name: Tandem records who accepted a finding.");
            if (state.user === "") state.onUserName(user);
            run({ intent: "accept", note, user });
          }}
        >
          {state.user === "" ? (
            <input type="text" value={name} maxLength={MAX_USER_NAME} placeholder="Your name" aria-label="Your name" autoComplete="name" onChange={(event) => setName(event.target.value)} />
          ) : null}
          <input
            type="text"
            value={note}
            maxLength={MAX_FINDING_NOTE}
            placeholder="Why it is right as it is (optional)"
            aria-label="Note on this finding"
            autoFocus
            onChange={(event) => setNote(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                event.stopPropagation();
                setOpen(false);
              }
            }}
          />
          <button type="submit" className="button button--small button--primary" disabled={busy}>
            Accept
          </button>
          <button type="button" className="button button--small" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          {" "}
          <button type="button" className="link-button" onClick={() => setOpen(true)} title="The text is right as it is: mark this finding accepted, with a note">
            Accept…
          </button>
        </>
      )}
      {problem ? (
        <span className="hint--warn" role="alert">
          {" "}
          {problem}
        </span>
      ) : null}
    </li>
  );
}

/** A notice when the check failed (the editor works without it). */
export function FindingsProblem(): ReactNode {
  const state = useContext(FindingsContext);
  if (!state?.error) return null;
  return (
    <div className="editor-message editor-message--error" role="alert">
      {state.error}
    </div>
  );
}
