import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TerminologyNav } from "~/components/terminology";
import { glossaryCounts } from "~/models/glossary.server";
import { readyPairs } from "~/models/corpus-read.server";
import { Bdi } from "~/components/bidi";
import { PageHead } from "~/components/page-head";
import { ColumnHeads } from "~/components/column-heads";

export const meta: MetaFunction = () => [{ title: "Terminology · Tandem" }];

export async function loader() {
  return json({ pairs: readyPairs(), glossary: glossaryCounts() });
}

export default function Terminology() {
  const { pairs, glossary } = useLoaderData<typeof loader>();
  return (
    <article className="terminology">
      <PageHead
        title="Terminology"
        lede={
          <>
            How the corpus uses the terms of the <Link to="/glossary">glossary</Link> ({glossary.entries} entries, {glossary.terms} terms): checks over each
            pair’s aligned links, renderings, variation across documents, a concordance, and term candidates the glossary lacks.
          </>
        }
      />
      <TerminologyNav pairId={null} />
      <div className="terminology-tools">
        <section className="tool-card">
          <h2 className="section-title">Variation across documents</h2>
          <p>The same concept written several ways in the French documents (or the English ones), counted per document. Works on the French seeds alone.</p>
          <p>
            <Link to="/terminology/variation?lang=fr&origin=seed">French seeds</Link> · <Link to="/terminology/variation?lang=fr">every French document</Link> ·{" "}
            <Link to="/terminology/variation?lang=en">every English document</Link>
          </p>
        </section>
        <section className="tool-card">
          <h2 className="section-title">Concordance</h2>
          <p>Every occurrence of a word or term in the aligned pairs, in context, beside the other side of its link.</p>
          <Form method="get" action="/terminology/concordance" className="concordance-form concordance-form--small" role="search">
            <input type="search" name="q" placeholder="entraide juridique" aria-label="Word or term to find in the concordance" />
            <button type="submit" className="button button--small">
              Search
            </button>
          </Form>
        </section>
      </div>
      <section aria-labelledby="pairs-title">
        <h2 className="section-title" id="pairs-title">
          Aligned pairs
        </h2>
        {pairs.length === 0 ? (
          <p className="empty">
            No aligned pair yet. <Link to="/pairs/new">Pair an English document with its French translation</Link> to check its terminology.
          </p>
        ) : (
          <table className="table terminology-pairs">
            <ColumnHeads columns={["Pair", { label: "Links", className: "num" }, "Terminology"]} />
            <tbody>
              {pairs.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/pairs/${p.id}`}>
                      <Bdi>{p.title}</Bdi>
                    </Link>
                  </td>
                  <td className="num">{p.linkCount.toLocaleString("en-US")}</td>
                  <td>
                    <Link to={`/pairs/${p.id}/terminology`}>Findings and renderings</Link> · <Link to={`/pairs/${p.id}/candidates`}>Term candidates</Link> ·{" "}
                    <Link to={`/terminology/concordance?pair=${p.id}`}>Concordance</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
