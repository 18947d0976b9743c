import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { TermChip } from "~/components/glossary";
import { ORIGIN_LABELS } from "~/components/labels";
import { CountBar, TerminologyNav } from "~/components/terminology";
import { documentVariation } from "~/models/corpus-queries.server";
import { Bdi } from "~/components/bidi";
import { isolated } from "~/utils/bidi";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { PageHead, TERMINOLOGY_CRUMBS } from "~/components/page-head";
import { ColumnHeads } from "~/components/column-heads";

export const meta: MetaFunction = () => [{ title: "Variation · Terminology · Tandem" }];

const ORIGINS = ["seed", "demo", "import"] as const;

const Query = z.object({
  lang: z.enum(["fr", "en"]).catch("fr"),
  origin: z.array(z.enum(ORIGINS)).catch([]),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { lang, origin } = Query.parse({ lang: url.searchParams.get("lang") ?? undefined, origin: url.searchParams.getAll("origin") });
  // No choice of origin means every document of the language.
  try {
    const result = await documentVariation(lang, origin.length > 0 ? origin : null, undefined, { signal: request.signal });
    return json({ lang, origin, ...result });
  } catch (error) {
    answerRefusal(error);
  }
}

/** A short column name: the seed's number ("000"), or the document's number. */
function shortName(doc: { id: number; sourceKey: string | null; origin: string }): string {
  const seed = /^seed:(\d{3})_/.exec(doc.sourceKey ?? "");
  return seed ? seed[1] : `#${doc.id}`;
}

export default function Variation() {
  const { lang, origin, documents, concepts, ms } = useLoaderData<typeof loader>();
  const language = lang === "fr" ? "French" : "English";
  return (
    <article className="terminology">
      <PageHead
        crumbs={TERMINOLOGY_CRUMBS}
        title="Variation across documents"
        lede={
          <>
            Concepts of the glossary written in more than one way across the {language} documents of the library (“droits de l’homme” and “droits
            humains”), with each way’s count per document. No alignment is needed: it reads the documents themselves.
          </>
        }
      />
      <TerminologyNav pairId={null} />
      <Form method="get" className="variation-form">
        <label>
          Language{" "}
          <select name="lang" defaultValue={lang}>
            <option value="fr">French</option>
            <option value="en">English</option>
          </select>
        </label>
        <fieldset className="filters">
          <legend className="filters-label">Documents</legend>
          {ORIGINS.map((o) => (
            <label key={o} className="filter">
              <input type="checkbox" name="origin" value={o} defaultChecked={origin.includes(o)} /> {ORIGIN_LABELS[o]}
            </label>
          ))}
          <span className="muted">(none ticked: every {language} document)</span>
        </fieldset>
        <button type="submit" className="button button--small button--primary">
          Show
        </button>
      </Form>
      {concepts.length === 0 ? (
        <p className="empty" data-testid="variation-summary">
          No concept of the glossary is written in more than one way in these {language} documents.
        </p>
      ) : (
        <>
          <p className="muted" data-testid="variation-summary">
            {concepts.length === 1 ? "1 concept" : `${concepts.length} concepts`} written in several ways in {documents.length} {language} documents (read in {ms} ms). A
            count opens the document at the first segment holding the term.
          </p>
          <table className="table variation-table">
            <ColumnHeads columns={["Term", { label: "In all", className: "num" }]}>
              {documents.map((d) => (
                <th key={d.id} scope="col" className="num variation-doc" title={`${isolated(d.title)} (${ORIGIN_LABELS[d.origin] ?? d.origin})`}>
                  <Link to={`/documents/${d.id}`}>{shortName(d)}</Link>
                </th>
              ))}
            </ColumnHeads>
            {concepts.map((c) => {
              const max = Math.max(...c.terms.map((t) => t.total));
              return (
                <tbody key={c.concept} className="variation-concept" data-testid="variation-concept" data-entry={c.key}>
                  <tr className="variation-head">
                    <th colSpan={2 + documents.length} scope="rowgroup">
                      <Link to={`/glossary/${c.concept}`}>
                        <Bdi>{c.heading}</Bdi>
                      </Link>
                    </th>
                  </tr>
                  {c.terms.map((t) => (
                    <tr key={t.text} data-testid="variation-term" data-term={t.text}>
                      <th scope="row" lang={lang}>
                        <TermChip text={t.text} status={t.status} />
                      </th>
                      <td className="num variation-total">
                        <span data-testid="variation-total">×{t.total}</span>
                        <CountBar count={t.total} max={max} tone={t.status === "preferred" ? "glossary" : "other"} />
                      </td>
                      {documents.map((d) => {
                        const cell = t.byDocument[d.id];
                        return (
                          <td key={d.id} className={`num variation-cell${cell ? " variation-cell--on" : ""}`} data-document={shortName(d)}>
                            {cell ? (
                              <Link to={`/documents/${d.id}#s${cell.firstSegment + 1}`} title={`${cell.count} in ${isolated(d.title)}; first in segment ${cell.firstSegment + 1}`}>
                                {cell.count}
                              </Link>
                            ) : (
                              <span className="muted">·</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              );
            })}
          </table>
          <details className="variation-legend" open>
            <summary>Documents</summary>
            <dl>
              {documents.map((d) => (
                <div key={d.id}>
                  <dt>{shortName(d)}</dt>
                  <dd>
                    <Link to={`/documents/${d.id}`}>
                      <Bdi>{d.title}</Bdi>
                    </Link>{" "}
                    <span className="muted">({ORIGIN_LABELS[d.origin] ?? d.origin})</span>
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        </>
      )}
    </article>
  );
}
