import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { PairStatus, percent } from "~/components/alignment";
import { SelectionExportBar } from "~/components/exports";
import { isoDate } from "~/components/labels";
import { usePoll } from "~/components/use-poll";
import { listPairs, LOW_SUPPORT } from "~/models/pairs.server";
import { Bdi } from "~/components/bidi";
import { isolated } from "~/utils/bidi";
import { PageHead } from "~/components/page-head";
import { ColumnHeads } from "~/components/column-heads";

export const meta: MetaFunction = () => [{ title: "Pairs · Tandem" }];

export async function loader() {
  const pairs = listPairs().map(({ createdAt, updatedAt: _updated, ...p }) => ({ ...p, created: isoDate(createdAt) }));
  return json({ pairs, lowSupport: LOW_SUPPORT });
}

export default function Pairs() {
  const { pairs, lowSupport } = useLoaderData<typeof loader>();
  usePoll(pairs.some((p) => p.status === "queued" || p.status === "aligning"), 1500);
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const ready = pairs.filter((p) => p.status === "ready");
  // A ticked pair that was deleted meanwhile is not counted.
  const selected = ready.filter((p) => ticked.has(p.id)).length;
  const tick = (id: number, on: boolean) =>
    setTicked((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <>
      <PageHead
        title="Pairs"
        lede={
          <>
            {pairs.length === 1 ? "1 pair" : `${pairs.length} pairs`}. Each pair is an English original and its French translation,
            aligned segment by segment.
          </>
        }
        actions={[
          { to: "/pairs/import", label: "Import a memory (TMX)" },
          { to: "/pairs/new", label: "Pair two documents", primary: true },
        ]}
      />
      {pairs.length === 0 ? (
        <p className="empty">
          No pairs yet. <Link to="/pairs/new">Pair an English document with its French translation</Link> to see them side by side.
        </p>
      ) : (
        <>
          <SelectionExportBar formId="export-pairs" selected={selected} ready={ready.length} />
          <table className="table library pairs-list">
            <ColumnHeads
              columns={[
                {
                  className: "col-pick",
                  label: (
                    <input
                      type="checkbox"
                      aria-label="Tick every ready pair"
                      checked={ready.length > 0 && selected === ready.length}
                      disabled={ready.length === 0}
                      onChange={(e) => setTicked(e.target.checked ? new Set(ready.map((p) => p.id)) : new Set())}
                    />
                  ),
                },
                "Pair",
                "Status",
                { label: "Links", className: "num" },
                { label: "Low confidence", className: "num" },
                { label: "Lexical support", className: "num" },
                "Created",
              ]}
            />
            <tbody>
              {pairs.map((p) => (
                <tr key={p.id} data-pair-id={p.id}>
                  <td className="col-pick">
                    <input
                      type="checkbox"
                      form="export-pairs"
                      name="pair"
                      value={p.id}
                      aria-label={`Export “${isolated(p.title)}”`}
                      title={p.status === "ready" ? undefined : "Only aligned pairs can be exported"}
                      disabled={p.status !== "ready"}
                      checked={p.status === "ready" && ticked.has(p.id)}
                      onChange={(e) => tick(p.id, e.target.checked)}
                    />
                  </td>
                  <td className="title-cell">
                    <Link to={`/pairs/${p.id}`}>
                      <Bdi>{p.title}</Bdi>
                    </Link>
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
                      <span
                        className={p.support < lowSupport ? "support-low" : undefined}
                        title={p.support < lowSupport ? "These documents look unrelated" : undefined}
                      >
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
        </>
      )}
    </>
  );
}
