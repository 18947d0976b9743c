import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { Highlighted } from "~/components/glossary";
import { RowLink, TerminologyNav } from "~/components/terminology";
import { usePoll } from "~/components/use-poll";
import { whenWritable } from "~/models/busy.server";
import { MAX_TERM } from "~/models/glossary.server";
import { pairCodes } from "~/models/inline-codes.server";
import { getPair } from "~/models/pairs.server";
import { addCandidate, candidatesWithin, type PairCandidates } from "~/models/term-candidates.server";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { refusalOf } from "~/utils/form-errors";
import { pairIdParam } from "~/utils/params";
import { Bdi } from "~/components/bidi";
import { isolated } from "~/utils/bidi";
import { goneResponse } from "~/utils/refusal";
import { PageHead, pairCrumbs } from "~/components/page-head";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Term candidates · ${isolated(data.title)} · Tandem` : "Term candidates · Tandem" }];

/**
 * How long the loader waits for the candidates before it answers "computing" (a small pair's come within it;
 * the Bank Act's take seconds, found in the compute worker while the server answers other requests).
 */
const WAIT_MS = 500;
/** How often a page showing "computing" asks again. */
const POLL_MS = 400;

export async function loader({ params }: LoaderFunctionArgs) {
  const id = pairIdParam(params.id);
  const detail = getPair(id);
  if (!detail) throw goneResponse("pair");
  const base = { id, title: detail.pair.title, linkCount: detail.pair.linkCount, codes: pairCodes(detail.pair.sourceDocumentId, detail.pair.targetDocumentId) };
  if (detail.pair.status !== "ready") return json({ ...base, ready: false as const, state: null });
  try {
    return json({ ...base, ready: true as const, state: await candidatesWithin(id, WAIT_MS) });
  } catch (error) {
    answerRefusal(error);
  }
}

const term = z.string().trim().min(1, "A candidate needs a French and an English term.").max(MAX_TERM, `Keep each term under ${MAX_TERM} characters.`);
const CandidateAction = z.discriminatedUnion("intent", [z.object({ intent: z.literal("add"), fr: term, en: term })], {
  errorMap: (issue, ctx) => ({ message: issue.code === "invalid_union_discriminator" ? "Tandem did not understand this request." : ctx.defaultError }),
});

export async function action({ params, request }: ActionFunctionArgs) {
  const id = pairIdParam(params.id);
  const detail = getPair(id);
  if (!detail) throw goneResponse("pair");
  const form = CandidateAction.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return json({ ok: false as const, message: refusalOf(form.error).message, fr: "", en: "" }, { status: 400 });
  const { fr, en } = form.data;
  try {
    const entry = await whenWritable((db) => addCandidate({ fr, en, pairTitle: detail.pair.title }, db));
    return json({ ok: true as const, entry, fr, en });
  } catch (error) {
    return answerRefusal(error, (refusal) => json({ ok: false as const, message: refusal.message, fr, en }, { status: refusal.status }));
  }
}

export default function Candidates() {
  const { id, title, ready, state, linkCount } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  usePoll(state?.status === "computing", POLL_MS);
  return (
    <article className="terminology">
      <PageHead
        crumbs={pairCrumbs(id, title)}
        title="Term candidates"
        lede={
          <>
            French and English phrases that recur and keep turning up in the same links of this pair, which the glossary does not have yet. Strongest
            first: Dice over links, weighed by how often the pair is seen and how long it is.
          </>
        }
      />
      <TerminologyNav pairId={id} />
      {result?.ok ? (
        <div className="alert alert--ok" role="status" data-testid="candidate-added">
          Added “{result.fr}” ↔ “{result.en}” to the glossary, both preferred: <Link to={`/glossary/${result.entry.id}`}>
            open the entry “<Bdi>{result.entry.key}</Bdi>”
          </Link> to
          edit it.
        </div>
      ) : result ? (
        <div className="alert alert--error" role="alert" data-testid="candidate-refused">
          {result.message}
        </div>
      ) : null}
      {!ready || state === null ? (
        <p className="empty">This pair is not aligned yet: term candidates come from its links once the alignment is done.</p>
      ) : state.status === "failed" ? (
        <div className="alert alert--error" role="alert" data-testid="candidates-failed">
          {state.message} <Link to=".">Try again</Link>.
        </div>
      ) : state.status === "computing" ? (
        <>
          <section className="computing" aria-live="polite" data-testid="candidates-computing">
            <h2 className="section-title">Finding term candidates…</h2>
            <div className="progress progress--indeterminate" role="progressbar" aria-label="Finding term candidates">
              <div className="progress-fill" />
            </div>
            <p className="muted">
              Reading the {linkCount.toLocaleString("en-US")} links of this pair for phrases that recur together: a large pair takes a few seconds (
              {Math.floor(state.seconds)} s so far). This page shows them when they are ready; the rest of Tandem keeps working meanwhile.
            </p>
          </section>
          {state.previous ? (
            <CandidateList
              id={id}
              found={state.previous}
              note={
                <p className="muted" data-testid="candidates-previous">
                  Until then, the {state.previous.candidates.length} candidates found before the last change to the pair or the glossary:
                </p>
              }
            />
          ) : null}
        </>
      ) : state.result.candidates.length === 0 ? (
        <p className="empty">No candidate: no phrase pair recurs in at least three links (or the glossary has them all).</p>
      ) : (
        <CandidateList
          id={id}
          found={state.result}
          note={
            <p className="muted" data-testid="candidates-summary">
              {state.result.candidates.length} candidates, found in {state.result.ms.toLocaleString("en-US")} ms. Each shows a few of the links where both phrases
              occur; a number opens the row in the editor.
            </p>
          }
        />
      )}
    </article>
  );
}

function CandidateList({ id, found, note }: { id: number; found: PairCandidates; note: ReactNode }) {
  const { codes } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const result = useActionData<typeof action>();
  // The page shows the answer to "add" while it asks for the list again: the entry just added is not a candidate any more.
  const added = result?.ok ? result : null;
  const adding = navigation.state === "submitting" ? { fr: navigation.formData?.get("fr"), en: navigation.formData?.get("en") } : null;
  return (
    <>
      {note}
      <ol className="candidates">
        {found.candidates.filter((c) => !(added && c.fr === added.fr && c.en === added.en)).map((c, k) => (
          <li key={`${c.fr}|${c.en}`} className="candidate" data-testid="candidate" data-rank={k + 1}>
            <div className="candidate-head">
              <span className="candidate-rank">{k + 1}</span>
              <span className="candidate-terms">
                <span lang="fr" className="candidate-fr">
                  {c.fr}
                </span>{" "}
                <span aria-hidden="true">↔</span> <span className="visually-hidden">and</span>{" "}
                <span lang="en" className="candidate-en">
                  {c.en}
                </span>
              </span>
              <span className="muted candidate-score" title={`Dice ${c.dice.toFixed(2)}: together in ${c.together} links; the French in ${c.frLinks}, the English in ${c.enLinks}`}>
                Dice {c.dice.toFixed(2)} · together in {c.together} of {c.frLinks} / {c.enLinks} links
              </span>
              <Form method="post" className="candidate-add">
                <input type="hidden" name="intent" value="add" />
                <input type="hidden" name="fr" value={c.fr} />
                <input type="hidden" name="en" value={c.en} />
                <button type="submit" className="button button--small" disabled={adding !== null} aria-label={`Add “${c.fr}” ↔ “${c.en}” to the glossary`}>
                  {adding?.fr === c.fr && adding?.en === c.en ? "Adding…" : "+ Add to glossary"}
                </button>
              </Form>
            </div>
            <table className="candidate-evidence">
              <tbody>
                {c.evidence.map((e) => (
                  <tr key={e.link}>
                    <td className="num">
                      <RowLink pairId={id} link={e.link} />
                    </td>
                    <td lang="en">
                      <Highlighted text={e.en} hits={e.enHits} codes={codes.en} />
                    </td>
                    <td lang="fr">
                      <Highlighted text={e.fr} hits={e.frHits} codes={codes.fr} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
    </>
  );
}
