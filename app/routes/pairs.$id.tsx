import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AlignmentSummary, AlignmentTable, Pagination, PairStatus, percent, ProgressBar } from "~/components/alignment";
import { isoDate, LanguageBadge } from "~/components/labels";
import { usePoll } from "~/components/use-poll";
import { alignmentQueue } from "~/models/alignment-queue.server";
import { deletePair, getPair, LOW_SUPPORT, retryPair } from "~/models/pairs.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.pair.title} · Tandem` : "Pair · Tandem" }];

const GONE = "This pair does not exist; it may have been deleted.";

function pairId(param: string | undefined): number {
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("There is no pair at this address.", { status: 404 });
  return id;
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = pairId(params.id);
  const page = Number(new URL(request.url).searchParams.get("page") ?? 1);
  const detail = getPair(id, Number.isFinite(page) ? page : 1);
  if (!detail) throw new Response(GONE, { status: 404 });
  const place = detail.pair.status === "queued" ? alignmentQueue().place(id) : null;
  return json({ ...detail, place, created: isoDate(detail.pair.createdAt), lowSupport: LOW_SUPPORT });
}

const PairAction = z.discriminatedUnion("intent", [z.object({ intent: z.literal("retry") }), z.object({ intent: z.literal("delete") })], {
  errorMap: () => ({ message: "Tandem did not understand this request." }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const id = pairId(params.id);
  const form = PairAction.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return json({ message: form.error.issues[0].message }, { status: 400 });
  if (form.data.intent === "delete") {
    alignmentQueue().cancel(id);
    if (!deletePair(id)) throw new Response(GONE, { status: 404 });
    return redirect("/pairs");
  }
  if (!retryPair(id)) return json({ message: "Only a failed alignment can be retried." }, { status: 409 });
  alignmentQueue().enqueue(id);
  return redirect(`/pairs/${id}`);
}

export default function PairPage() {
  const { pair, en, fr, summary, page, place, created, lowSupport } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const running = pair.status === "queued" || pair.status === "aligning";
  usePoll(running, 800);

  return (
    <article className="pair">
      <div className="page-head">
        <div>
          <p className="crumbs">
            <Link to="/pairs">Pairs</Link> /
          </p>
          <h1>{pair.title}</h1>
        </div>
      </div>

      <dl className="meta meta--pair">
        <div className="meta-doc">
          <dt>English original</dt>
          <dd>
            <LanguageBadge language="en" /> <Link to={`/documents/${en.id}`}>{en.title}</Link>{" "}
            <span className="muted">({en.segmentCount.toLocaleString("en-US")} segments)</span>
          </dd>
        </div>
        <div className="meta-doc">
          <dt>French translation</dt>
          <dd>
            <LanguageBadge language="fr" /> <Link to={`/documents/${fr.id}`}>{fr.title}</Link>{" "}
            <span className="muted">({fr.segmentCount.toLocaleString("en-US")} segments)</span>
          </dd>
        </div>
        <div>
          <dt>Dictionary</dt>
          <dd>
            {pair.lexiconName ? (
              <>
                <span className="mono">{pair.lexiconName}</span>{" "}
                <span className="muted">({pair.lexiconSize.toLocaleString("en-US")} word pairs)</span>
              </>
            ) : (
              <span className="muted">Built-in word list only</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <PairStatus status={pair.status} progress={pair.progress} />
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{created}</dd>
        </div>
      </dl>

      {result?.message ? (
        <div className="alert alert--error" role="alert">
          {result.message}
        </div>
      ) : null}

      {running ? (
        <section className="aligning" aria-live="polite" data-testid="aligning">
          <h2 className="section-title">{pair.status === "queued" ? "Waiting to align" : `Aligning… ${percent(pair.progress)}`}</h2>
          <ProgressBar value={pair.status === "queued" ? 0 : pair.progress} label="Alignment progress" />
          <p className="hint">
            {pair.status === "queued"
              ? place && place > 0
                ? `Another alignment is running; this one starts when ${place === 1 ? "it is" : `${place} others are`} done.`
                : "This alignment starts in a moment."
              : `Tandem is pairing ${en.segmentCount.toLocaleString("en-US")} English and ${fr.segmentCount.toLocaleString("en-US")} French segments in the background.`}{" "}
            You can keep working elsewhere in Tandem: this page updates by itself.
          </p>
        </section>
      ) : null}

      {pair.status === "failed" ? (
        <div className="alert alert--error failed" role="alert">
          <p>
            <strong>The alignment failed.</strong> {pair.error ?? ""}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="retry" />
            <button type="submit" className="button button--small" disabled={busy}>
              Retry the alignment
            </button>
          </Form>
        </div>
      ) : null}

      {summary && page ? (
        <>
          <AlignmentSummary
            enCount={en.segmentCount}
            frCount={fr.segmentCount}
            total={summary.total}
            low={summary.low}
            lowShare={summary.lowShare}
            support={pair.support ?? 0}
            lowSupport={lowSupport}
            types={summary.types}
          />
          {summary.total > 0 ? (
            <section className="alignment-links" id="links" aria-label="Links">
              <Pagination number={page.number} count={page.count} size={page.size} total={summary.total} />
              <AlignmentTable links={page.links} enDocumentId={en.id} frDocumentId={fr.id} />
              {page.count > 1 ? <Pagination number={page.number} count={page.count} size={page.size} total={summary.total} /> : null}
            </section>
          ) : null}
        </>
      ) : null}

      <section className="danger-zone">
        <Form
          method="post"
          onSubmit={(event) => {
            if (!window.confirm(`Delete the pair “${pair.title}” and its alignment? The two documents stay in the library.`)) event.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="button button--danger" disabled={busy}>
            Delete pair
          </button>
        </Form>
      </section>
    </article>
  );
}
