import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useForm } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { MATCH_MODES, MAX_OTHER_WORDS, TERM_STATUSES } from "../../alignments/terms/match";
import { Highlighted, OriginTag } from "~/components/glossary";
import { isoDate, LanguageBadge } from "~/components/labels";
import { RowLink } from "~/components/terminology";
import { whenWritable } from "~/models/busy.server";
import { deleteEntry, getEntry, MAX_FIELD, MAX_KEY, MAX_NOTE, MAX_TERM, MAX_TERMS, updateEntry } from "~/models/glossary.server";
import { entryEvidence } from "~/models/corpus-queries.server";
import { codesOfPairs } from "~/models/inline-codes.server";
import { FieldIssues, invalidProps, IssueSummary, listIntentsOnly, TextField, useFocusFirstInvalid } from "~/components/form-issues";
import { parseSubmission, refusalBody, refusedReply, type FormReply } from "~/utils/form-submission";
import { idParam } from "~/utils/params";
import { Bdi } from "~/components/bidi";
import { isolated } from "~/utils/bidi";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { goneResponse } from "~/utils/refusal";
import { PageHead, GLOSSARY_CRUMBS } from "~/components/page-head";
import { DeleteSection, FormActions } from "~/components/form-actions";
import { ColumnHeads } from "~/components/column-heads";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${isolated(data.entry.key)} · Glossary · Tandem` : "Glossary · Tandem" }];

/** Evidence links shown on the page; the count says how many there are in all. */
const EVIDENCE_LIMIT = 100;

const entryId = (param: string | undefined) => idParam(param, "There is no glossary entry at this address.");

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = entryId(params.id);
  const entry = getEntry(id);
  if (!entry) throw goneResponse("entry");
  const started = performance.now();
  let evidence: Awaited<ReturnType<typeof entryEvidence>>;
  try {
    evidence = await entryEvidence(id, { limit: EVIDENCE_LIMIT, signal: request.signal });
  } catch (error) {
    answerRefusal(error);
  }
  // The entry was deleted between the two reads.
  if (!evidence) throw goneResponse("entry");
  const ms = Math.round(performance.now() - started);
  const { createdAt, updatedAt, ...rest } = entry;
  return json({
    entry: { ...rest, created: isoDate(createdAt), edited: updatedAt.getTime() > createdAt.getTime() ? isoDate(updatedAt) : null },
    evidence,
    codes: codesOfPairs(evidence.pairs.map((p) => p.pairId)),
    ms,
    limit: EVIDENCE_LIMIT,
  });
}

const TermRow = z.object({
  language: z.enum(["fr", "en"], { errorMap: () => ({ message: "Each term is French or English." }) }),
  text: z.string().max(MAX_TERM, `Keep each term under ${MAX_TERM} characters.`),
  status: z.enum(TERM_STATUSES, { errorMap: () => ({ message: "Choose a status: preferred, admitted, deprecated or forbidden." }) }),
  match: z.enum(MATCH_MODES, { errorMap: () => ({ message: "Choose how a term matches: inflected forms, exact, with words between, or in any order." }) }),
});

const EntryAction = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("save"),
      key: z.string().max(MAX_KEY, `Keep the key under ${MAX_KEY} characters.`),
      domain: z.string().max(MAX_FIELD, `Keep the domain under ${MAX_FIELD} characters.`).default(""),
      source: z.string().max(MAX_FIELD, `Keep the source under ${MAX_FIELD} characters.`).default(""),
      note: z.string().max(MAX_NOTE, `Keep the note under ${MAX_NOTE} characters.`).default(""),
      // A form with every row removed sends no row at all.
      terms: z.array(TermRow).max(MAX_TERMS * 2, `An entry holds at most ${MAX_TERMS} terms.`).default([]),
    }),
    z.object({ intent: z.literal("delete") }),
  ],
  { errorMap: () => ({ message: "Tandem did not understand this request." }) },
);

type TermValues = z.infer<typeof TermRow>;
type EntryValues = {
  key: string;
  domain: string;
  source: string;
  note: string;
  terms: TermValues[];
};

/** The form's answer when it is not saved: Conform's result (the values and every issue) or a row added or removed without JavaScript. */
function replied(status: number, reply: FormReply) {
  return json({ ...refusalBody(reply), attempt: Date.now() }, { status });
}

function refused(status: number, message: string, field: string, values: EntryValues) {
  return replied(status, refusedReply({ ...values }, message, field));
}

export async function action({ params, request }: ActionFunctionArgs) {
  const id = entryId(params.id);
  const submission = parseSubmission(await request.formData(), EntryAction);
  // A row added or removed (Conform's intent, sent when JavaScript is off) or a refused form: shown again as sent.
  if (submission.status !== "success") return replied(submission.status === "error" ? 400 : 200, submission.reply());
  const form = { data: submission.value };
  if (form.data.intent === "delete") {
    if (!(await whenWritable((db) => deleteEntry(id, db)))) throw goneResponse("entry");
    return redirect("/glossary");
  }
  const { intent: _intent, ...input } = form.data;
  const kept: EntryValues = input;
  try {
    await whenWritable((db) => updateEntry(id, input, db));
  } catch (error) {
    return answerRefusal(error, (refusal) => {
      if (refusal.status === 404) throw goneResponse("entry");
      return refused(refusal.status, refusal.message, refusal.field, kept);
    });
  }
  return json({ saved: true as const, attempt: Date.now() });
}

export default function GlossaryEntry() {
  const { entry, evidence, ms, limit, codes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const answer = result && "reply" in result ? result : null;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const stored: EntryValues = {
    key: entry.key,
    domain: entry.domain,
    source: entry.source,
    note: entry.note,
    terms: entry.terms.map(({ language, text, status, match }) => ({ language, text, status, match })),
  };
  // Keyed on what is stored, not on the action's answer: the revalidated entry can arrive after the answer,
  // and the rows must be rebuilt from it then.
  const formKey = answer ? `answer:${answer.attempt}` : JSON.stringify([entry.key, entry.domain, entry.source, entry.note, entry.terms]);
  const heading = [entry.terms.find((t) => t.language === "fr")?.text, entry.terms.find((t) => t.language === "en")?.text].filter(Boolean).join(" ↔ ");
  const shown = evidence.pairs.reduce((n, p) => n + p.links.length, 0);

  return (
    <article className="glossary-entry">
      <PageHead
        crumbs={GLOSSARY_CRUMBS}
        title={<Bdi>{heading || entry.key}</Bdi>}
        lede={
          <>
            <span className="mono">
              <Bdi>{entry.key}</Bdi>
            </span>{" "}
            · <OriginTag origin={entry.origin} /> · added {entry.created}
            {entry.edited ? `, edited ${entry.edited}` : ""}
          </>
        }
      />

      {entry.origin === "starter" ? (
        <p className="alert alert--ask starter-note" data-testid="starter-note">
          Starter entry, written by the Tandem team as a fact of the domain{entry.edited ? " and edited here since" : ""}. Check it against your reference
          terminology; you can change or delete it like any other entry, and Tandem will not bring it back.
        </p>
      ) : null}

      <EntryForm key={formKey} stored={stored} reply={answer?.reply} saved={Boolean(result && "saved" in result)} busy={busy} />

      <section className="evidence" aria-labelledby="evidence-title">
        <h2 className="section-title" id="evidence-title">
          Evidence in the aligned pairs
        </h2>
        {entry.terms.length > 0 ? (
          <p className="muted">
            In context: the concordance of{" "}
            {entry.terms
              .filter((t, k, all) => all.findIndex((o) => o.language === t.language) === k)
              .map((t, k) => (
                <span key={t.id}>
                  {k > 0 ? " and of " : ""}
                  <Link to={`/terminology/concordance?${new URLSearchParams({ q: t.text, lang: t.language })}`}>
                    “<Bdi>{t.text}</Bdi>”
                  </Link>
                </span>
              ))}
            ; <Link to="/terminology/variation">variation across documents</Link>.
          </p>
        ) : null}
        {evidence.total === 0 ? (
          <p className="empty" data-testid="evidence-count">
            None of these terms occurs in a ready pair.
          </p>
        ) : (
          <p className="muted" data-testid="evidence-count">
            {evidence.total === 1 ? "1 link" : `${evidence.total.toLocaleString("en-US")} links`} in{" "}
            {evidence.pairs.length === 1 ? "1 pair" : `${evidence.pairs.length} pairs`}
            {shown < evidence.total ? `; the first ${limit} are shown` : ""} (searched in {ms} ms). The terms found are highlighted; a number opens the row in the
            pair’s editor.
          </p>
        )}
        {evidence.pairs.map((pair) => (
          <div key={pair.pairId} className="evidence-pair">
            <h3>
              <Link to={`/pairs/${pair.pairId}`}>
                <Bdi>{pair.title}</Bdi>
              </Link>{" "}
              <span className="muted">({pair.count === 1 ? "1 link" : `${pair.count} links`})</span>
            </h3>
            {pair.links.length > 0 ? (
              <table className="table evidence-table">
                <ColumnHeads columns={[{ label: "Link", className: "num" }, "English", "French"]} />
                <tbody>
                  {pair.links.map((link) => (
                    <tr key={link.position} data-link={link.position + 1}>
                      <td className="num">
                        <RowLink pairId={pair.pairId} link={link.position} label={`Link ${link.position + 1} of ${isolated(pair.title)}`} />
                      </td>
                      <td lang="en" className="text">
                        {link.en ? <Highlighted text={link.en} hits={link.enHits} codes={codes[pair.pairId]?.en} /> : <span className="no-counterpart">— no English</span>}
                      </td>
                      <td lang="fr" className="text">
                        {link.fr ? <Highlighted text={link.fr} hits={link.frHits} codes={codes[pair.pairId]?.fr} /> : <span className="no-counterpart">— no French</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        ))}
      </section>

      <DeleteSection question={`Delete the entry “${isolated(entry.key)}” and its ${entry.terms.length} terms? This cannot be undone.`} label="Delete entry" busy={busy} />
    </article>
  );
}

const NEW_TERM = { text: "", status: "preferred", match: "inflected" } as const;

/**
 * The entry's form: its terms are one list (`terms[0].language`, `terms[0].text`, …), a row per term with its
 * language, status and match, so a language more is a row more, not a new form. Rows are added and removed by
 * Conform (in the browser, or by a plain post without JavaScript); the server checks the values.
 */
function EntryForm({ stored, reply, saved, busy }: { stored: EntryValues; reply: FormReply | undefined; saved: boolean; busy: boolean }) {
  const [form, fields] = useForm<EntryValues>({ id: "entry", lastResult: reply, defaultValue: stored, onValidate: listIntentsOnly });
  useFocusFirstInvalid(form.id, form.status === "error");
  const rows = fields.terms.getFieldList();
  const termsIssues = form.allErrors.terms;
  const add = (language: TermValues["language"]) => form.insert.getButtonProps({ name: fields.terms.name, defaultValue: { language, ...NEW_TERM } });

  return (
    <Form method="post" className="import-form entry-form" id={form.id} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="intent" value="save" />
      {form.status === "error" ? (
        <IssueSummary errors={form.allErrors} id="entry-issues" />
      ) : saved ? (
        <div className="alert alert--ok" role="status">
          Saved.
        </div>
      ) : null}
      <fieldset className="terms-fieldset">
        <legend>Terms</legend>
        {rows.length === 0 ? <p className="hint">No terms: add a French or an English term.</p> : null}
        <FieldIssues id={fields.terms.errorId} errors={termsIssues} />
        <table className="terms-table">
          <ColumnHeads columns={["Language", "Term", "Status", "Match", { label: <span className="visually-hidden">Remove</span> }]} />
          <tbody>
            {rows.map((row, k) => {
              const term = row.getFieldset();
              const language = term.language.initialValue === "en" ? "en" : "fr";
              const text = term.text.initialValue ?? "";
              // What is in the field now (Conform follows the typing), to name the row's Remove button.
              const typed = term.text.value ?? "";
              const issues = [term.text, term.language, term.status, term.match].flatMap((field) => field.errors ?? []);
              const issuesId = [termsIssues ? fields.terms.errorId : "", issues.length ? row.errorId : ""].filter(Boolean).join(" ");
              return (
                <tr key={row.key} data-term-row={k + 1}>
                  <td>
                    <input type="hidden" name={term.language.name} value={language} />
                    <LanguageBadge language={language} />
                  </td>
                  <td>
                    <input
                      type="text"
                      name={term.text.name}
                      lang={language}
                      defaultValue={text}
                      maxLength={MAX_TERM}
                      aria-label={`${language === "fr" ? "French" : "English"} term ${k + 1}`}
                      {...invalidProps([...(termsIssues ?? []), ...issues], issuesId)}
                    />
                    <FieldIssues id={row.errorId} errors={issues} />
                  </td>
                  <td>
                    <select name={term.status.name} defaultValue={term.status.initialValue ?? "preferred"} aria-label={`Status of term ${k + 1}`}>
                      {TERM_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select name={term.match.name} defaultValue={term.match.initialValue ?? "inflected"} aria-label={`Match of term ${k + 1}`}>
                      <option value="inflected">inflected forms</option>
                      <option value="exact">exact form</option>
                      <option value="gapped">with words between</option>
                      <option value="unordered">in any order</option>
                    </select>
                  </td>
                  <td>
                    <button
                      {...form.remove.getButtonProps({ name: fields.terms.name, index: k })}
                      className="link-button"
                      aria-label={`Remove term ${k + 1}${typed ? ` “${typed}”` : ""}`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="term-add">
          <button {...add("fr")} className="button button--small">
            + French term
          </button>
          <button {...add("en")} className="button button--small">
            + English term
          </button>
          <span className="hint">
            Inflected forms also match plurals, feminines, possessives, elision, accents and case; exact matches the form as written (case aside); with
            words between also lets up to {MAX_OTHER_WORDS} other words come among the term's (“droits fondamentaux de l'homme” for “droits de
            l'homme”); in any order also takes its words reordered, with up to {MAX_OTHER_WORDS} others (“seizure and search”).
          </span>
        </div>
      </fieldset>
      <div className="entry-fields">
        <TextField id="key" label="Key" name="key" dir="auto" defaultValue={fields.key.initialValue} maxLength={MAX_KEY} errors={fields.key.errors} issuesId={fields.key.errorId} />
        <TextField id="domain" label="Domain" name="domain" defaultValue={fields.domain.initialValue} maxLength={MAX_FIELD} errors={fields.domain.errors} issuesId={fields.domain.errorId} />
        <TextField id="source" label="Source" name="source" defaultValue={fields.source.initialValue} maxLength={MAX_FIELD} errors={fields.source.errors} issuesId={fields.source.errorId} />
      </div>
      <div className="field">
        <label htmlFor="note">Note</label>
        <textarea id="note" name="note" rows={3} defaultValue={fields.note.initialValue} maxLength={MAX_NOTE} {...invalidProps(fields.note.errors, fields.note.errorId)} />
        <FieldIssues id={fields.note.errorId} errors={fields.note.errors} />
      </div>
      <FormActions label="Save entry" busyLabel="Saving…" busy={busy} />
    </Form>
  );
}
