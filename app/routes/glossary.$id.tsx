import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { isMatchMode, MATCH_MODES, MAX_OTHER_WORDS, TERM_STATUSES } from "../../alignments/terms/match";
import { Highlighted, OriginTag } from "~/components/glossary";
import { isoDate, LanguageBadge } from "~/components/labels";
import { RowLink } from "~/components/terminology";
import { whenWritable } from "~/models/busy.server";
import { deleteEntry, getEntry, MAX_FIELD, MAX_KEY, MAX_NOTE, MAX_TERM, MAX_TERMS, updateEntry } from "~/models/glossary.server";
import { entryEvidence } from "~/models/corpus-queries.server";
import { codesOfPairs } from "~/models/inline-codes.server";
import { refusalOf } from "~/utils/form-errors";
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
      terms: z.array(TermRow).max(MAX_TERMS * 2, `An entry holds at most ${MAX_TERMS} terms.`),
    }),
    z.object({ intent: z.literal("delete") }),
  ],
  { errorMap: () => ({ message: "Tandem did not understand this request." }) },
);

type TermValues = z.infer<typeof TermRow>;
interface EntryValues {
  key: string;
  domain: string;
  source: string;
  note: string;
  terms: TermValues[];
}

/** The form's repeated term fields, row by row; a row's fields are sent in the same order. */
function termRows(formData: FormData): Array<Record<string, string>> {
  const columns = ["language", "text", "status", "match"] as const;
  const lists = columns.map((name) => formData.getAll(name).map(String));
  const n = Math.max(...lists.map((l) => l.length));
  return Array.from({ length: n }, (_, k) => Object.fromEntries(columns.map((name, c) => [name, lists[c][k] ?? ""])));
}

function refused(status: number, message: string, field: string, values: EntryValues) {
  return json({ message, field, values, attempt: Date.now() }, { status });
}

export async function action({ params, request }: ActionFunctionArgs) {
  const id = entryId(params.id);
  const formData = await request.formData();
  const fields: Record<string, unknown> = {};
  for (const name of ["intent", "key", "domain", "source", "note"]) {
    const value = formData.get(name);
    if (typeof value === "string") fields[name] = value;
  }
  fields.terms = termRows(formData);
  const kept: EntryValues = {
    key: String(fields.key ?? ""),
    domain: String(fields.domain ?? ""),
    source: String(fields.source ?? ""),
    note: String(fields.note ?? ""),
    terms: (fields.terms as Array<Record<string, string>>).map((t) => ({
      language: t.language === "en" ? "en" : "fr",
      text: t.text,
      status: (TERM_STATUSES as readonly string[]).includes(t.status) ? (t.status as TermValues["status"]) : "preferred",
      match: isMatchMode(t.match) ? t.match : "inflected",
    })),
  };
  const form = EntryAction.safeParse(fields);
  if (!form.success) {
    const { message, field } = refusalOf(form.error);
    return refused(400, message, field, kept);
  }
  if (form.data.intent === "delete") {
    if (!(await whenWritable((db) => deleteEntry(id, db)))) throw goneResponse("entry");
    return redirect("/glossary");
  }
  const { intent: _intent, ...input } = form.data;
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

let nextRow = 0;
type Row = TermValues & { row: number };
const withRows = (terms: TermValues[]): Row[] => terms.map((t) => ({ ...t, row: nextRow++ }));

export default function GlossaryEntry() {
  const { entry, evidence, ms, limit, codes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const refusal = result && "message" in result ? result : null;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const values: EntryValues = refusal?.values ?? entry;
  // Keyed on what is stored, not on the action's answer: the revalidated entry can arrive after the answer,
  // and the rows (state) must be rebuilt from it then.
  const formKey = refusal ? `refused:${refusal.attempt}` : JSON.stringify([entry.key, entry.domain, entry.source, entry.note, entry.terms]);
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

      <EntryForm key={formKey} values={values} refusal={refusal} saved={Boolean(result && "saved" in result)} busy={busy} />

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

function EntryForm({
  values,
  refusal,
  saved,
  busy,
}: {
  values: EntryValues;
  refusal: { message: string; field: string } | null;
  saved: boolean;
  busy: boolean;
}) {
  const [rows, setRows] = useState<Row[]>(() => withRows(values.terms));
  const add = (language: "fr" | "en") => setRows((list) => [...list, ...withRows([{ language, text: "", status: "preferred", match: "inflected" }])]);
  const update = (row: number, change: Partial<TermValues>) => setRows((list) => list.map((r) => (r.row === row ? { ...r, ...change } : r)));

  return (
    <Form method="post" className="import-form entry-form" noValidate>
      <input type="hidden" name="intent" value="save" />
      {refusal ? (
        <div className="alert alert--error" role="alert">
          {refusal.message}
        </div>
      ) : saved ? (
        <div className="alert alert--ok" role="status">
          Saved.
        </div>
      ) : null}
      <fieldset className="terms-fieldset">
        <legend>Terms</legend>
        {rows.length === 0 ? <p className="hint">No terms: add a French or an English term.</p> : null}
        <table className="terms-table">
          <ColumnHeads columns={["Language", "Term", "Status", "Match", { label: <span className="visually-hidden">Remove</span> }]} />
          <tbody>
            {rows.map((r, k) => (
              <tr key={r.row} data-term-row={k + 1}>
                <td>
                  <input type="hidden" name="language" value={r.language} />
                  <LanguageBadge language={r.language} />
                </td>
                <td>
                  <input
                    type="text"
                    name="text"
                    lang={r.language}
                    value={r.text}
                    maxLength={MAX_TERM}
                    aria-label={`${r.language === "fr" ? "French" : "English"} term ${k + 1}`}
                    aria-invalid={refusal?.field === "terms" || undefined}
                    onChange={(event) => update(r.row, { text: event.target.value })}
                  />
                </td>
                <td>
                  <select name="status" value={r.status} aria-label={`Status of term ${k + 1}`} onChange={(event) => update(r.row, { status: event.target.value as TermValues["status"] })}>
                    {TERM_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select name="match" value={r.match} aria-label={`Match of term ${k + 1}`} onChange={(event) => update(r.row, { match: event.target.value as TermValues["match"] })}>
                    <option value="inflected">inflected forms</option>
                    <option value="exact">exact form</option>
                    <option value="gapped">with words between</option>
                    <option value="unordered">in any order</option>
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Remove term ${k + 1}${r.text ? ` “${r.text}”` : ""}`}
                    onClick={() => setRows((list) => list.filter((x) => x.row !== r.row))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="term-add">
          <button type="button" className="button button--small" onClick={() => add("fr")}>
            + French term
          </button>
          <button type="button" className="button button--small" onClick={() => add("en")}>
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
        <div className="field">
          <label htmlFor="key">Key</label>
          <input id="key" name="key" type="text" dir="auto" defaultValue={values.key} maxLength={MAX_KEY} aria-invalid={refusal?.field === "key" || undefined} />
        </div>
        <div className="field">
          <label htmlFor="domain">Domain</label>
          <input id="domain" name="domain" type="text" defaultValue={values.domain} maxLength={MAX_FIELD} />
        </div>
        <div className="field">
          <label htmlFor="source">Source</label>
          <input id="source" name="source" type="text" defaultValue={values.source} maxLength={MAX_FIELD} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="note">Note</label>
        <textarea id="note" name="note" rows={3} defaultValue={values.note} maxLength={MAX_NOTE} />
      </div>
      <FormActions label="Save entry" busyLabel="Saving…" busy={busy} />
    </Form>
  );
}

