import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { LANGUAGE_NAMES, TEXT_LANGUAGE_NAMES, languageName } from "../../alignments/languages";
import { isoDate, LanguageBadge, OriginTag } from "~/components/labels";
import { SegmentedText } from "~/components/segmented-text";
import { ImportReport } from "~/components/import-report";
import { whenWritable } from "~/models/busy.server";
import { deleteDocument, getDocument } from "~/models/documents.server";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { changeLanguageInWorker, resegmentInWorker } from "~/models/import-worker.server";
import { codesOfDocuments } from "~/models/inline-codes.server";
import { pairsOfDocument } from "~/models/pairs.server";
import { documentRenamesOf, renameDocument } from "~/models/renames.server";
import { RenameForm } from "~/components/rename-form";
import { renameAnswer } from "~/utils/rename-answer.server";
import { userFromCookie } from "~/utils/user.server";
import { idParam } from "~/utils/params";
import { Bdi } from "~/components/bidi";
import { isolated } from "~/utils/bidi";
import { GONE, goneResponse } from "~/utils/refusal";
import { PageHead, LIBRARY_CRUMBS } from "~/components/page-head";
import { DeleteSection } from "~/components/form-actions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${isolated(data.document.title)} · Tandem` : "Document · Tandem" },
];

const documentId = (param: string | undefined) => idParam(param, "There is no document at this address.");

export async function loader({ params }: LoaderFunctionArgs) {
  const document = getDocument(documentId(params.id));
  if (!document) throw goneResponse("document");
  const renames = documentRenamesOf(document.id).map((rename) => ({ ...rename, on: isoDate(rename.createdAt) }));
  const codes = codesOfDocuments([document.id])[document.id];
  return json({ document: { ...document, added: isoDate(document.createdAt) }, pairs: pairsOfDocument(document.id), renames, codes });
}

const DocumentAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("change-language"), language: z.enum(["fr", "en"]) }),
  z.object({ intent: z.literal("delete") }),
  z.object({ intent: z.literal("re-segment"), segmentation: z.enum(["pipeline", "lines"]), discardCorrections: z.literal("yes").optional() }),
  z.object({ intent: z.literal("rename"), title: z.string() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const id = documentId(params.id);
  const form = DocumentAction.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) {
    const message =
      form.error.issues[0]?.path[0] === "segmentation"
        ? "Tandem did not understand this request: choose to cut the text into sentences or one segment per line."
        : "Tandem did not understand this request: choose French or English.";
    return json({ message }, { status: 400 });
  }
  if (form.data.intent === "rename") {
    const { title } = form.data;
    return renameAnswer(() => whenWritable((db) => renameDocument(id, title, userFromCookie(request), db)), GONE.document);
  }
  try {
    if (form.data.intent === "delete") {
      if (!(await whenWritable((db) => deleteDocument(id, db)))) throw goneResponse("document");
      return redirect("/");
    }
    // The text is cut again (for the new language, or the other way) in the import worker.
    const done =
      form.data.intent === "re-segment"
        ? await resegmentInWorker(id, form.data.segmentation, form.data.discardCorrections === "yes")
        : await changeLanguageInWorker(id, form.data.language);
    // Cutting again would lose corrections made in a pair's editor: nothing was changed, and the form asks.
    if (typeof done === "object") return json({ message: correctionsQuestion(done.corrections), corrections: done.corrections }, { status: 409 });
    if (!done) {
      throw goneResponse("document");
    }
  } catch (error) {
    return answerRefusal(error, (refusal) => json({ message: refusal.message }, { status: refusal.status }));
  }
  return redirect(`/documents/${id}`);
}

/** What the re-segmenting form says when the segments hold corrections that cutting again would lose. */
function correctionsQuestion(n: number): string {
  const what = n === 1 ? "1 segment was" : `${n.toLocaleString("en-US")} segments were`;
  return `${what} corrected in a pair’s editor (a corrected text, a split or a merge). Cutting the text again starts from the imported text, so ${n === 1 ? "this correction" : "these corrections"} would be lost. Nothing was changed: tick the box to let ${n === 1 ? "it" : "them"} go and cut again.`;
}

export default function DocumentPage() {
  const { document, pairs, renames, codes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const corrections = result && "corrections" in result ? Number(result.corrections) : null;
  const other = document.language === "fr" ? "en" : "fr";
  const kinds = document.segments.reduce<Record<string, number>>((n, s) => ({ ...n, [s.kind]: (n[s.kind] ?? 0) + 1 }), {});

  return (
    <article className="document" lang={document.language}>
      <PageHead
        crumbs={LIBRARY_CRUMBS}
        crumbsLang="en"
        title={<Bdi>{document.title}</Bdi>}
        side={
          <Link
            to={`/pairs/new?${document.language}=${document.id}`}
            className="button"
            lang="en"
            title={document.language === "en" ? "Pair this original with its French translation" : "Pair this translation with its English original"}
          >
            Pair with…
          </Link>
        }
      >
        <RenameForm title={document.title} what="document" />
        {document.description ? (
          <p className="lede" lang="en">
            {document.description}
          </p>
        ) : null}
      </PageHead>

      <dl className="meta" lang="en">
        <div>
          <dt>Language</dt>
          <dd>
            <LanguageBadge language={document.language} /> {TEXT_LANGUAGE_NAMES[document.language]}
            {document.detectedLanguage ? (
              <span className="muted">
                {" "}
                (detected: {languageName(document.detectedLanguage)}
                {document.detectionConfidence != null ? `, margin ${document.detectionConfidence.toFixed(2)}` : ""})
              </span>
            ) : null}
            <Form method="post" className="inline-form" aria-label="Change the language">
              <input type="hidden" name="intent" value="change-language" />
              <input type="hidden" name="language" value={other} />
              <button type="submit" className="button button--small" disabled={busy}>
                It is {LANGUAGE_NAMES[other]}: re-segment
              </button>
            </Form>
          </dd>
        </div>
        <div>
          <dt>Origin</dt>
          <dd>
            <OriginTag origin={document.origin} />
          </dd>
        </div>
        <div>
          <dt>Segments</dt>
          <dd data-testid="segment-count">
            {document.segmentCount.toLocaleString("en-US")}
            <span className="muted">
              {" "}
              ({[
                kinds.heading ? `${kinds.heading} heading${kinds.heading > 1 ? "s" : ""}` : null,
                kinds.body ? `${kinds.body} body` : null,
                kinds.item ? `${kinds.item} list item${kinds.item > 1 ? "s" : ""}` : null,
                kinds.note ? `${kinds.note} in notes` : null,
              ]
                .filter(Boolean)
                .join(", ")}
              )
            </span>
          </dd>
        </div>
        <div>
          <dt>Segmentation</dt>
          <dd data-testid="segmentation">
            {document.segmentation === "lines" ? "One segment per line" : "Into sentences"}
            <Form method="post" className="inline-form" aria-label="Cut the text the other way">
              <input type="hidden" name="intent" value="re-segment" />
              <input type="hidden" name="segmentation" value={document.segmentation === "lines" ? "pipeline" : "lines"} />
              {corrections !== null ? (
                <label className="check" data-testid="discard-corrections">
                  <input type="checkbox" name="discardCorrections" value="yes" required /> Lose the {corrections.toLocaleString("en-US")}{" "}
                  {corrections === 1 ? "correction" : "corrections"}
                </label>
              ) : null}
              <button type="submit" className="button button--small" disabled={busy}>
                {document.segmentation === "lines" ? "Cut into sentences instead" : "One segment per line instead"}
              </button>
            </Form>
          </dd>
        </div>
        {document.sourceName && /^https?:\/\//i.test(document.sourceName) ? (
          <div>
            <dt>Source address</dt>
            <dd className="mono source-url">
              <a href={document.sourceName} rel="noreferrer noopener" target="_blank">
                <Bdi>{document.sourceName}</Bdi>
              </a>
            </dd>
          </div>
        ) : document.sourceName ? (
          <div>
            <dt>Source file</dt>
            <dd className="mono">
              <Bdi>{document.sourceName}</Bdi>
            </dd>
          </div>
        ) : (
          <div>
            <dt>Source</dt>
            <dd>Pasted text</dd>
          </div>
        )}
        {document.encoding ? (
          <div>
            <dt>Encoding</dt>
            <dd>
              {document.encoding.toUpperCase()}
              {document.encodingNote ? <span className="note-inline"> · {document.encodingNote}</span> : null}
            </dd>
          </div>
        ) : document.encodingNote ? (
          <div>
            <dt>Read from</dt>
            <dd>{document.encodingNote}</dd>
          </div>
        ) : null}
        <div>
          <dt>Added</dt>
          <dd>{document.added}</dd>
        </div>
        {renames.length > 0 ? (
          <div>
            <dt>Earlier titles</dt>
            <dd>
              <ul className="renames" data-testid="renames">
                {renames.map((rename) => (
                  <li key={rename.id}>
                    <Bdi>{rename.before}</Bdi>{" "}
                    <span className="muted">
                      (until {rename.on}
                      {rename.user ? (
                        <>
                          , renamed by <Bdi>{rename.user}</Bdi>
                        </>
                      ) : null}
                      )
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {pairs.length > 0 ? (
          <div>
            <dt>Pairs</dt>
            <dd className="doc-pairs">
              {pairs.map((pair) => (
                <Link key={pair.id} to={`/pairs/${pair.id}`}>
                  <Bdi>{pair.title}</Bdi>
                </Link>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
      {result && "message" in result ? (
        <div className="alert alert--error" role="alert" lang="en">
          {result.message}
        </div>
      ) : null}

      <SegmentedText paragraphs={document.paragraphs} segments={document.segments} codes={codes} language={document.language} />

      <ImportReport removals={document.removals} repairs={document.repairs} segmentation={document.segmentation} segmentationNote={document.segmentationNote} />

      <DeleteSection question={`Delete “${isolated(document.title)}”? This cannot be undone.`} label="Delete document" busy={busy} lang="en" />
    </article>
  );
}
