import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { isoDate, LanguageBadge, OriginTag } from "~/components/labels";
import { listDocuments } from "~/models/documents.server";
import { Bdi } from "~/components/bidi";
import { PageHead } from "~/components/page-head";
import { ColumnHeads } from "~/components/column-heads";

export const meta: MetaFunction = () => [{ title: "Library · Tandem" }];

export async function loader() {
  const documents = listDocuments().map((d) => ({ ...d, added: isoDate(d.createdAt) }));
  return json({ documents });
}

export default function Library() {
  const { documents } = useLoaderData<typeof loader>();
  const total = documents.reduce((n, d) => n + d.segmentCount, 0);
  return (
    <>
      <PageHead
        title="Library"
        lede={
          <>
            {documents.length === 1 ? "1 document" : `${documents.length} documents`},{" "}
            {total.toLocaleString("en-US")} segments. French and English texts, cleaned and cut into segments for
            alignment.
          </>
        }
        actions={[
          { to: "/pairs/new", label: "Pair documents" },
          { to: "/documents/new", label: "Add a document", primary: true },
        ]}
      />
      {documents.length === 0 ? (
        <p className="empty">The library is empty. Add a French or English text to begin.</p>
      ) : (
        <table className="table library">
          <ColumnHeads columns={["Title", "Language", "Origin", { label: "Segments", className: "num" }, "Added"]} />
          <tbody>
            {documents.map((d) => (
              <tr key={d.id} data-document-id={d.id}>
                <td className="title-cell">
                  <Link to={`/documents/${d.id}`}>
                    <Bdi>{d.title}</Bdi>
                  </Link>
                  {d.sourceName ? <span className="source-name">
                      <Bdi>{d.sourceName}</Bdi>
                    </span> : null}
                </td>
                <td>
                  <LanguageBadge language={d.language} />
                </td>
                <td>
                  <OriginTag origin={d.origin} />
                </td>
                <td className="num">{d.segmentCount.toLocaleString("en-US")}</td>
                <td className="date">{d.added}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
