import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useCallback, useState } from "react";
import { z } from "zod";
import { PairStatus, percent, ProgressBar } from "~/components/alignment";
import { Editor } from "~/components/editor";
import { InlineCodesProvider } from "~/components/inline-codes";
import { PairExportBox } from "~/components/exports";
import { isoDate, LanguageBadge } from "~/components/labels";
import { usePoll } from "~/components/use-poll";
import { alignmentQueue } from "~/models/alignment-queue.server";
import { whenWritable } from "~/models/busy.server";
import { requestRealignment } from "~/models/alignment-jobs.server";
import { applyEdit } from "~/models/editor.server";
import { getEditor, pairTexts } from "~/models/editor-read.server";
import { deletePair, getPair, LOW_SUPPORT, retryPair } from "~/models/pairs.server";
import { pairCodes } from "~/models/inline-codes.server";
import { renamePair } from "~/models/renames.server";
import { RenameForm } from "~/components/rename-form";
import { renameAnswer } from "~/utils/rename-answer.server";
import { EDIT_OPERATION_NAMES, operationFrom } from "../../alignments/align/edit-operations";
import type { EditAnswer } from "~/editor/edits";
import { EDIT_FIELDS, EDIT_REQUESTS } from "~/editor/edit-requests";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { refusalOf } from "~/utils/form-errors";
import { pairIdParam } from "~/utils/params";
import { userFromCookie } from "~/utils/user.server";
import { panelsHiddenIn, savePanelsHidden } from "~/editor/panels";
import { Bdi } from "~/components/bidi";
import { isolated } from "~/utils/bidi";
import { GONE, goneResponse } from "~/utils/refusal";
import { PageHead, PAIRS_CRUMBS } from "~/components/page-head";
import { DeleteSection } from "~/components/form-actions";
import { SideNamesProvider, sideNamesOf } from "~/components/editor/side-names";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${isolated(data.pair.title)} · Tandem` : "Pair · Tandem" }];

/** The editor's two text columns take the page's width (root.tsx widens the page for such a route). */
export const handle = { wide: true };

/** Pairs with more segments than this send the texts of their first links with the page, the rest by /pairs/:id/texts. */
const INLINE_SEGMENTS = 4000;
/** Links whose texts come with the page of a large pair (the first screens). */
const FIRST_LINKS = 80;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = pairIdParam(params.id);
  const detail = getPair(id);
  if (!detail) throw goneResponse("pair");
  const place = detail.pair.status === "queued" ? alignmentQueue().place(id) : null;
  const editor = detail.pair.status === "ready" ? getEditor(id) : null;
  let texts = null;
  let textsComplete = true;
  if (editor) {
    if (detail.en.segmentCount + detail.fr.segmentCount <= INLINE_SEGMENTS) {
      texts = pairTexts(id);
    } else {
      const first = editor.links.slice(0, FIRST_LINKS);
      const last = first.at(-1);
      texts = pairTexts(id, { enFrom: 0, enTo: last ? last[0] + last[1] : 0, frFrom: 0, frTo: last ? last[2] + last[3] : 0 });
      textsComplete = false;
    }
  }
  return json({
    ...detail,
    place,
    created: isoDate(detail.pair.createdAt),
    lowSupport: LOW_SUPPORT,
    editor,
    texts,
    textsComplete,
    user: userFromCookie(request),
    codes: editor ? pairCodes(detail.pair.sourceDocumentId, detail.pair.targetDocumentId) : {},
    panelsHidden: panelsHiddenIn(request.headers.get("Cookie")),
  });
}

const PairAction = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("retry") }),
    z.object({ intent: z.literal("delete") }),
    z.object({ intent: z.literal("rename"), title: z.string() }),
    ...EDIT_REQUESTS,
    z.object({ intent: z.literal("realign"), ...EDIT_FIELDS }),
  ],
  { errorMap: () => ({ message: "Tandem did not understand this request." }) },
);

/** Intents answered with a patch that the editor applies itself: the page's data is not reloaded. */
const EDIT_INTENTS = new Set<string>(EDIT_OPERATION_NAMES);

export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  if (typeof intent === "string" && EDIT_INTENTS.has(intent)) return false;
  return defaultShouldRevalidate;
};

const refused = (status: number, message: string) => json<EditAnswer>({ ok: false, message, conflict: status === 409 }, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const id = pairIdParam(params.id);
  const form = PairAction.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return refused(400, refusalOf(form.error).message);
  const data = form.data;
  switch (data.intent) {
    case "delete":
      alignmentQueue().cancel(id);
      if (!(await whenWritable((db) => deletePair(id, db)))) throw goneResponse("pair");
      return redirect("/pairs");
    case "rename": {
      const { title } = data;
      return renameAnswer(() => whenWritable((db) => renamePair(id, title, userFromCookie(request), db)), GONE.pair);
    }
    case "retry":
      if (!(await whenWritable((db) => retryPair(id, db)))) return refused(409, "Only a failed alignment can be retried.");
      alignmentQueue().enqueue(id);
      return redirect(`/pairs/${id}`);
    case "realign":
      try {
        await whenWritable((db) => requestRealignment({ pairId: id, version: data.version, user: data.user }, db));
      } catch (error) {
        return answerRefusal(error, (refusal) => refused(refusal.status, refusal.message));
      }
      alignmentQueue().enqueue(id, "realign");
      return json({ ok: true as const, realign: true });
    default: {
      const { intent, version, user, ...args } = data;
      const operation = operationFrom(intent, args);
      try {
        return json<EditAnswer>({ ok: true, ...(await whenWritable((db) => applyEdit({ pairId: id, version, operation, user }, db))) });
      } catch (error) {
        return answerRefusal(error, (refusal) => refused(refusal.status, refusal.message));
      }
    }
  }
}

export default function PairPage() {
  const data = useLoaderData<typeof loader>();
  const { pair, en, fr, place, created, editor } = data;
  const sideNames = sideNamesOf(en.language, fr.language);
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const running = pair.status === "queued" || pair.status === "aligning";
  usePoll(running || editor?.realign.pending === true, 800);
  // A segment split or merge in the editor changes the documents' counts at once; the loader's follow on reload.
  const [segmentCounts, setSegmentCounts] = useState<{ pair: number; en: number; fr: number } | null>(null);
  const onSegmentCounts = useCallback((counts: { en: number; fr: number }) => setSegmentCounts({ pair: pair.id, ...counts }), [pair.id]);
  const counted = editor && segmentCounts?.pair === pair.id ? segmentCounts : null;
  const sourceCount = counted ? counted.en : en.segmentCount;
  const targetCount = counted ? counted.fr : fr.segmentCount;
  // The panels above the rows, hidden from the editor's bar (only where there is an editor); remembered.
  const [panelsHidden, setPanelsHidden] = useState(data.panelsHidden);
  const onPanelsHidden = useCallback((hidden: boolean) => {
    savePanelsHidden(hidden);
    setPanelsHidden(hidden);
  }, []);
  const hidePanels = panelsHidden && editor !== null;

  return (
    <article className="pair">
      <PageHead
        crumbs={PAIRS_CRUMBS}
        title={<Bdi>{pair.title}</Bdi>}
        side={
          <div className="page-head-side">
            {pair.status === "ready" ? (
              <p className="page-head-links">
                <Link to={`/pairs/${pair.id}/terminology`}>Terminology</Link> · <Link to={`/pairs/${pair.id}/candidates`}>Term candidates</Link>
              </p>
            ) : null}
            {/* Beside the title, not under it: the page-head keeps its height, and the editor below does not move. */}
            <RenameForm title={pair.title} what="pair" />
          </div>
        }
      />

      <dl className="meta meta--pair" hidden={hidePanels}>
        <div className="meta-doc">
          <dt>{sideNames.en} original</dt>
          <dd>
            <LanguageBadge language={en.language} /> <Link to={`/documents/${en.id}`}>
              <Bdi>{en.title}</Bdi>
            </Link>{" "}
            <span className="muted" data-testid="en-segment-count">({sourceCount.toLocaleString("en-US")} segments)</span>
          </dd>
        </div>
        <div className="meta-doc">
          <dt>{sideNames.fr} translation</dt>
          <dd>
            <LanguageBadge language={fr.language} /> <Link to={`/documents/${fr.id}`}>
              <Bdi>{fr.title}</Bdi>
            </Link>{" "}
            <span className="muted" data-testid="fr-segment-count">({targetCount.toLocaleString("en-US")} segments)</span>
          </dd>
        </div>
        <div>
          <dt>Dictionary</dt>
          <dd>
            {pair.lexiconName ? (
              <>
                <span className="mono">
                  <Bdi>{pair.lexiconName}</Bdi>
                </span>{" "}
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

      {result && "message" in result ? (
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
              : `Tandem is pairing ${en.segmentCount.toLocaleString("en-US")} ${sideNames.en} and ${fr.segmentCount.toLocaleString("en-US")} ${sideNames.fr} segments in the background.`}{" "}
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

      {pair.status === "ready" && !hidePanels ? <PairExportBox pairId={pair.id} /> : null}

      {editor && data.texts ? (
        <InlineCodesProvider value={data.codes}>
          <SideNamesProvider value={sideNames}>
            <Editor
              key={pair.id}
              pairId={pair.id}
              sourceDocumentId={en.id}
              targetDocumentId={fr.id}
              sourceCount={en.segmentCount}
              targetCount={fr.segmentCount}
              support={pair.support}
              lowSupport={data.lowSupport}
              data={editor}
              texts={data.texts}
              textsComplete={data.textsComplete}
              user={data.user}
              onSegmentCounts={onSegmentCounts}
              panelsHidden={hidePanels}
              onPanelsHidden={onPanelsHidden}
            />
          </SideNamesProvider>
        </InlineCodesProvider>
      ) : null}

      <DeleteSection question={`Delete the pair “${isolated(pair.title)}” and its alignment? The two documents stay in the library.`} label="Delete pair" busy={busy} />
    </article>
  );
}
