import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PairStatus, percent } from "~/components/alignment";
import { isoDate } from "~/components/labels";
import { usePoll } from "~/components/use-poll";
import { listPairs, LOW_SUPPORT } from "~/models/pairs.server";

export const meta: MetaFunction = () => [{ title: "Pairs · Tandem" }];

export async function loader() {
  const pairs = listPairs().map(({ createdAt, updatedAt: _updated, ...p }) => ({ ...p, created: isoDate(createdAt) }));
  return json({ pairs, lowSupport: LOW_SUPPORT });
}

export default function Pairs() {
  const { pairs, lowSupport } = useLoaderData<typeof loader>();
  usePoll(pairs.some((p) => p.status === "queued" || p.status === "aligning"), 1500);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Pairs</h1>
          <p className="lede">
            {pairs.length === 1 ? "1 pair" : `${pairs.length} pairs`}. Each pair is an English original and its French translation,
            aligned segment by segment.
          </p>
        </div>
        <Link to="/pairs/new" className="button button--primary">
          Pair two documents
        </Link>
      </div>
      {pairs.length === 0 ? (
        <p className="empty">
          No pairs yet. <Link to="/pairs/new">Pair an English document with its French translation</Link> to see them side by side.
        </p>
      ) : (
        <table className="table library pairs-list">
          <thead>
            <tr>
              <th scope="col">Pair</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Links
              </th>
              <th scope="col" className="num">
                Low confidence
              </th>
              <th scope="col" className="num">
                Lexical support
              </th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p) => (
              <tr key={p.id} data-pair-id={p.id}>
                <td className="title-cell">
                  <Link to={`/pairs/${p.id}`}>{p.title}</Link>
                  <span className="source-name pair-docs">
                    EN {p.en.segmentCount.toLocaleString("en-US")} segments ↔ FR {p.fr.segmentCount.toLocaleString("en-US")} segments
                  </span>
                </td>
                <td>
                  <PairStatus status={p.status} progress={p.progress} />
                </td>
                <td className="num">{p.status === "ready" ? p.linkCount.toLocaleString("en-US") : "—"}</td>
                <td className="num">{p.status === "ready" && p.linkCount > 0 ? percent(p.lowCount / p.linkCount) : "—"}</td>
                <td className="num">
                  {p.status === "ready" && p.support !== null ? (
                    <span className={p.support < lowSupport ? "support-low" : undefined} title={p.support < lowSupport ? "These documents look unrelated" : undefined}>
                      {percent(p.support)}
                      {p.support < lowSupport ? " ⚠" : ""}
                    </span>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="date">{p.created}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
