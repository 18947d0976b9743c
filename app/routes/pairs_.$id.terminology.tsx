import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { AcceptedBy, FindingBadge, FindingLevel } from "~/components/findings";
import { Highlighted } from "~/components/glossary";
import { CountBar, RowLink, RowLinks, TerminologyNav } from "~/components/terminology";
import { pairCodes } from "~/models/inline-codes.server";
import { getPair } from "~/models/pairs.server";
import { runFindingAction } from "~/models/finding-acceptances.server";
import { findingsList } from "~/models/pair-findings.server";
import { pairRenderings, type ConceptRenderings } from "~/models/renderings.server";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { MAX_USER_NAME } from "~/editor/edits";
import { FINDING_KINDS, KIND_HELP, KIND_LABELS, MAX_FINDING_NOTE, type FindingKind } from "~/terminology/findings";
import { pairIdParam } from "~/utils/params";
import { userCookie, userFromCookie } from "~/utils/user.server";
import { Bdi } from "~/components/bidi";
import { isolated } from "~/utils/bidi";
import { goneResponse } from "~/utils/refusal";
import { PageHead, pairCrumbs } from "~/components/page-head";
import { ColumnHeads } from "~/components/column-heads";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Terminology · ${isolated(data.title)} · Tandem` : "Terminology · Tandem" }];

/** Links listed at once; "show all" lists the rest. */
const LIST_LIMIT = 100;

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

const isKind = (value: string | null): value is FindingKind => value !== null && (FINDING_KINDS as readonly string[]).includes(value);

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = pairIdParam(params.id);
  const detail = getPair(id);
  if (!detail) throw goneResponse("pair");
  const url = new URL(request.url);
  const kindParam = url.searchParams.get("kind");
  const kind = isKind(kindParam) ? kindParam : null;
  const all = url.searchParams.get("all") === "1";
  const codes = pairCodes(detail.pair.sourceDocumentId, detail.pair.targetDocumentId);
  const base = { id, title: detail.pair.title, status: detail.pair.status, user: userFromCookie(request), kind, all, codes };
  if (detail.pair.status !== "ready") return json({ ...base, findings: null, renderings: [] as ConceptRenderings[], renderingsMs: 0 });
  try {
    const findings = await findingsList(id, { kind, limit: all ? Number.MAX_SAFE_INTEGER : LIST_LIMIT });
    const started = performance.now();
    const renderings = await pairRenderings(id);
    return json({ ...base, findings, renderings, renderingsMs: Math.round(performance.now() - started) });
  } catch (error) {
    answerRefusal(error);
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  let outcome;
  try {
    outcome = await runFindingAction(pairIdParam(params.id), await request.formData());
  } catch (error) {
    return answerRefusal(error, (refusal) => json({ ok: false as const, message: refusal.message, key: refusal.field }, { status: refusal.status }));
  }
  // The name given with an acceptance is remembered for the next one.
  const headers = outcome.intent === "accept" ? { "Set-Cookie": userCookie(outcome.user) } : undefined;
  return json({ ok: true as const, message: "", key: outcome.key }, { headers });
}

export default function PairTerminology() {
  const data = useLoaderData<typeof loader>();
  const { id, title, findings, renderings } = data;
  return (
    <article className="terminology">
      <PageHead
        crumbs={pairCrumbs(id, title)}
        title="Terminology"
        lede={
          <>
            The pair’s links checked against the <Link to="/glossary">glossary</Link>: terms without their counterpart, counts that differ, deprecated and
            forbidden terms, figures that do not correspond; and how each French term is rendered in the English.
          </>
        }
      />
      <TerminologyNav pairId={id} />
      {findings === null ? (
        <p className="empty">This pair is not aligned yet: its terminology can be checked once the alignment is done.</p>
      ) : (
        <>
          <p className="page-toc muted">
            On this page: <a href="#findings-title">findings ({findings.total.toLocaleString("en-US")})</a> ·{" "}
            <a href="#renderings-title">renderings of {renderings.length === 1 ? "1 French term" : `${renderings.length} French terms`}</a>
          </p>
          <FindingsSection />
          <section className="renderings" aria-labelledby="renderings-title">
            <h2 className="section-title" id="renderings-title">
              Renderings of the French terms
            </h2>
            {renderings.length === 0 ? (
              <p className="empty">No French term of the glossary occurs in this pair.</p>
            ) : (
              <>
                <p className="muted">
                  For each glossary entry found in the French, the English found in the same links: the entry’s own English terms, then the recurring
                  English phrases of the links where none of them is (the likeliest renderings the glossary lacks). A number opens the row in the editor.
                </p>
                {renderings.map((r) => (
                  <RenderingChart key={r.concept} pairId={id} rendering={r} />
                ))}
              </>
            )}
          </section>
        </>
      )}
    </article>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function FindingsSection() {
  const { id, findings, kind, all, user, codes } = useLoaderData<typeof loader>() as LoaderData & { findings: NonNullable<LoaderData["findings"]> };
  const [params] = useSearchParams();
  const link = (next: FindingKind | null) => {
    const p = new URLSearchParams(params);
    if (next) p.set("kind", next);
    else p.delete("kind");
    p.delete("all");
    const q = p.toString();
    return q ? `?${q}` : ".";
  };
  return (
    <section className="findings" aria-labelledby="findings-title">
      <h2 className="section-title" id="findings-title">
        Findings
      </h2>
      <p className="muted" data-testid="findings-summary">
        {findings.total === 0
          ? `No finding: checked against ${findings.terms} glossary terms.`
          : `${plural(findings.total, "finding")} in ${plural(findings.withFindings, "link")}, ${findings.accepted} accepted; checked against ${findings.terms} glossary terms.`}
        {findings.total > 0 ? " Links are listed likeliest real first." : ""}
        {findings.stale > 0 ? ` ${findings.stale} earlier acceptance${findings.stale === 1 ? " matches" : "s match"} no finding now (the link’s text or the glossary changed).` : ""}
      </p>
      {findings.total > 0 ? (
        <p className="kind-tabs" role="list">
          <Link role="listitem" to={link(null)} className={`kind-tab${kind === null ? " kind-tab--on" : ""}`} aria-current={kind === null ? "page" : undefined}>
            All <span className="muted">{findings.total}</span>
          </Link>
          {FINDING_KINDS.filter((k) => findings.counts[k] > 0).map((k) => (
            <Link
              role="listitem"
              key={k}
              to={link(k)}
              className={`kind-tab${kind === k ? " kind-tab--on" : ""}`}
              title={KIND_HELP[k]}
              aria-current={kind === k ? "page" : undefined}
              data-kind={k}
            >
              <span className={`finding-badge finding-badge--${k}`}>{KIND_LABELS[k]}</span> <span className="muted">{findings.counts[k]}</span>
            </Link>
          ))}
        </p>
      ) : null}
      {findings.rows.length > 0 ? (
        <table className="table findings-table">
          <ColumnHeads colClasses={["col-row", null, null]} columns={[{ label: "Row", className: "num" }, "Finding", "English · French"]} />
          <tbody>
            {findings.rows.map((row) => (
              <tr key={row.link} data-link={row.link + 1}>
                <td className="num">
                  <RowLink pairId={id} link={row.link} />
                </td>
                <td>
                  <ul className="findings-of-row">
                    {row.findings.map((f) => (
                      <FindingLine key={f.key} unit={row.unit} finding={f} user={user} />
                    ))}
                  </ul>
                </td>
                <td className="texts">
                  <div lang="en">
                    <Highlighted text={row.en} hits={row.enHits} codes={codes.en} />
                  </div>
                  <div lang="fr">
                    <Highlighted text={row.fr} hits={row.frHits} codes={codes.fr} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {findings.matching > findings.rows.length ? (
        <p>
          {findings.rows.length} of {findings.matching.toLocaleString("en-US")} links shown.{" "}
          <Link to={`?${new URLSearchParams({ ...(kind ? { kind } : {}), all: "1" })}`}>Show them all</Link>
        </p>
      ) : all && findings.matching > 100 ? (
        <p className="muted">All {findings.matching.toLocaleString("en-US")} links shown.</p>
      ) : null}
    </section>
  );
}

function FindingLine({ unit, finding, user }: { unit: string; finding: NonNullable<LoaderData["findings"]>["rows"][number]["findings"][number]; user: string }) {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const mine = navigation.formData?.get("unit") === unit && navigation.formData?.get("key") === finding.key;
  const refusal = result && !result.ok && result.key === `${unit}:${finding.key}` ? result.message : null;
  const accepted = finding.accepted;
  return (
    <li className={`finding-line${accepted ? " finding-line--accepted" : ""}`} data-testid="finding-line" data-kind={finding.kind} data-accepted={accepted ? "yes" : "no"}>
      <FindingBadge finding={finding} /> <FindingLevel finding={finding} /> {finding.message}
      {accepted ? (
        <Form method="post" className="accepted-line" preventScrollReset>
          <input type="hidden" name="intent" value="unaccept" />
          <input type="hidden" name="unit" value={unit} />
          <input type="hidden" name="key" value={finding.key} />
          <AcceptedBy accepted={accepted} />{" "}
          <button type="submit" className="link-button" disabled={mine}>
            Un-accept
          </button>
        </Form>
      ) : (
        <details className="accept-details">
          <summary>Accept…</summary>
          <Form method="post" className="accept-form" preventScrollReset>
            <input type="hidden" name="intent" value="accept" />
            <input type="hidden" name="unit" value={unit} />
            <input type="hidden" name="key" value={finding.key} />
            <input type="text" name="note" maxLength={MAX_FINDING_NOTE} placeholder="Why it is right as it is (optional)" aria-label="Note on this finding" />
            <input type="text" name="user" maxLength={MAX_USER_NAME} defaultValue={user} placeholder="Your name" aria-label="Your name" required />
            <button type="submit" className="button button--small button--primary" disabled={mine}>
              Accept
            </button>
          </Form>
        </details>
      )}
      {refusal ? (
        <p className="hint--warn" role="alert">
          {refusal}
        </p>
      ) : null}
    </li>
  );
}

/** Phrases of the links without the entry's English terms need two links at least to suggest a rendering. */
const MIN_OTHER_LINKS = 2;

function RenderingChart({ pairId, rendering }: { pairId: number; rendering: ConceptRenderings }) {
  const glossary = rendering.renderings.filter((r) => r.glossary);
  const others = rendering.renderings.filter((r) => !r.glossary && r.links.length >= MIN_OTHER_LINKS);
  const max = Math.max(1, ...glossary.map((r) => r.count), ...others.map((r) => r.count), rendering.unrendered.length);
  const french = rendering.french.map((f) => `“${f.text}”${rendering.french.length > 1 ? ` ×${f.count}` : ""}`).join(", ");
  const bar = (r: ConceptRenderings["renderings"][number], tone: "glossary" | "other") => (
    <tr key={`${tone}:${r.text}`} className={`rendering-row rendering-row--${tone}`} data-testid="rendering-bar" data-glossary={r.glossary ? "yes" : "no"}>
      <th scope="row" lang="en">
        {r.text}
      </th>
      <td className="rendering-count" data-testid="rendering-count">
        ×{r.count}
      </td>
      <td className="rendering-bar-cell">
        <CountBar count={r.count} max={max} tone={tone} />
      </td>
      <td className="rendering-rows">
        <RowLinks pairId={pairId} links={r.links} max={6} />
      </td>
    </tr>
  );
  return (
    <figure className="rendering" data-testid="rendering" data-entry={rendering.key}>
      <figcaption>
        <strong lang="fr">{french}</strong>{" "}
        <span className="muted">
          in {rendering.links === 1 ? "1 link" : `${rendering.links} links`} · entry{" "}
          <Link to={`/glossary/${rendering.concept}`}>
            <Bdi>{rendering.heading}</Bdi>
          </Link>
        </span>
      </figcaption>
      <table className="rendering-bars">
        <tbody>
          {glossary.map((r) => bar(r, "glossary"))}
          {rendering.unrendered.length > 0 ? (
            <tr className="rendering-row rendering-row--none" data-testid="rendering-bar" data-glossary="none">
              <th scope="row">none of the entry’s English terms</th>
              <td className="rendering-count">×{rendering.unrendered.length}</td>
              <td className="rendering-bar-cell">
                <CountBar count={rendering.unrendered.length} max={max} tone="none" />
              </td>
              <td className="rendering-rows">
                <RowLinks pairId={pairId} links={rendering.unrendered} max={6} />
              </td>
            </tr>
          ) : null}
          {others.length > 0 ? (
            <>
              <tr className="rendering-subhead">
                <td colSpan={4}>
                  Not in the glossary: the phrases these {rendering.unrendered.length} links share most, likeliest renderings first
                </td>
              </tr>
              {others.map((r) => bar(r, "other"))}
            </>
          ) : null}
        </tbody>
      </table>
    </figure>
  );
}
