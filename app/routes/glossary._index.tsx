import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useForm } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { TERM_STATUSES } from "../../alignments/terms/match";
import { GlossaryImportForm, type GlossaryImportAnswer } from "~/components/glossary-import-form";
import { OriginTag, StatusCounts, TermChip } from "~/components/glossary";
import { whenWritable } from "~/models/busy.server";
import { createEntry, glossaryCounts, listEntries, MAX_FIELD, MAX_KEY, MAX_NOTE, MAX_TERM } from "~/models/glossary.server";
import { importGlossaryUpload } from "~/models/import-worker.server";
import { FieldIssues, invalidProps, IssueSummary, TextField, useFocusFirstInvalid } from "~/components/form-issues";
import { parseSubmission, refusalBody, refusedReply, type FormReply } from "~/utils/form-submission";
import { MAX_UPLOAD_MB } from "~/utils/limits";
import { formatSize, parseUpload, type UploadedFile } from "~/imports/upload.server";
import { answerRefusal } from "~/utils/answer-refusal.server";
import { PageHead } from "~/components/page-head";
import { FormActions } from "~/components/form-actions";
import type { RefusedLine } from "~/utils/refusal";
import { ColumnHeads } from "~/components/column-heads";

export const meta: MetaFunction = () => [{ title: "Glossary · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  return json({ q, entries: listEntries(q), counts: glossaryCounts() });
}

const term = z.string().max(MAX_TERM, `Keep each term under ${MAX_TERM} characters.`).default("");
const status = z.enum(TERM_STATUSES, { errorMap: () => ({ message: "Choose a status: preferred, admitted, deprecated or forbidden." }) });

const GlossaryAction = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("create"),
      key: z.string().max(MAX_KEY, `Keep the key under ${MAX_KEY} characters.`).default(""),
      fr: term,
      frStatus: status.default("preferred"),
      en: term,
      enStatus: status.default("preferred"),
      domain: z.string().max(MAX_FIELD, `Keep the domain under ${MAX_FIELD} characters.`).default(""),
      note: z.string().max(MAX_NOTE, `Keep the note under ${MAX_NOTE} characters.`).default(""),
    }),
    z.object({ intent: z.literal("import"), existing: z.enum(["replace", "skip"], { errorMap: () => ({ message: "Choose what to do with entries already in the glossary." }) }) }),
  ],
  { errorMap: () => ({ message: "Tandem did not understand this request." }) },
);

type NewEntryValues = { key: string; fr: string; frStatus: string; en: string; enStatus: string; domain: string; note: string };
const emptyEntry: NewEntryValues = { key: "", fr: "", frStatus: "preferred", en: "", enStatus: "preferred", domain: "", note: "" };

type ActionResult =
  | { form: "create"; reply: FormReply; message: string; attempt: number }
  | ({ form: "import"; attempt: number } & GlossaryImportAnswer);

const NO_FILE = "Choose a CSV or TBX file to import.";

export async function action({ request }: ActionFunctionArgs) {
  const multipart = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  let fields: Record<string, string>;
  let file: UploadedFile | undefined;
  let oversized: Awaited<ReturnType<typeof parseUpload>>["oversized"] = [];
  try {
    if (multipart) {
      const upload = await parseUpload(request);
      ({ fields, oversized } = upload);
      file = upload.files.get("file");
    } else {
      fields = {};
      for (const [name, value] of (await request.formData()).entries()) if (typeof value === "string") fields[name] = value;
    }
  } catch (error) {
    return answerRefusal(error, (refusal) =>
      importAnswer(refusal.status, refusal.status === 413 ? `This file is too large; Tandem imports glossaries up to ${MAX_UPLOAD_MB} MB.` : refusal.message, { existing: "replace" }),
    );
  }
  const submission = parseSubmission(fields, GlossaryAction);
  if (submission.status !== "success") {
    // Every issue of the import at once: a missing file is said beside the choice's.
    if (fields.intent === "import") return importReply(400, submission.reply(file || oversized.length > 0 ? {} : { fieldErrors: { file: [NO_FILE] } }));
    return createReply(400, submission.reply());
  }
  const data = submission.value;
  if (data.intent === "create") {
    const terms = [
      { language: "fr" as const, text: data.fr, status: data.frStatus, match: "inflected" as const },
      { language: "en" as const, text: data.en, status: data.enStatus, match: "inflected" as const },
    ];
    try {
      const { id } = await whenWritable((db) => createEntry({ key: data.key, domain: data.domain, source: "", note: data.note, terms }, db));
      return redirect(`/glossary/${id}`);
    } catch (error) {
      return answerRefusal(error, (refusal) => createAnswer(refusal.status, refusal.message, refusal.field, fields));
    }
  }
  if (oversized.length > 0) {
    return importAnswer(413, `This file is ${formatSize(oversized[0].size)}; Tandem imports glossaries up to ${MAX_UPLOAD_MB} MB.`, { existing: data.existing });
  }
  if (!file) return importAnswer(400, NO_FILE, { existing: data.existing });
  try {
    const outcome = await importGlossaryUpload({ name: file.name, bytes: file.bytes, existing: data.existing });
    const parts = [
      `${outcome.added.length} new ${outcome.added.length === 1 ? "entry" : "entries"}`,
      `${outcome.replaced.length} replaced`,
      `${outcome.unchanged.length} already there and left as ${outcome.unchanged.length === 1 ? "it was" : "they were"}`,
    ];
    // How the file was read (damaged UTF-8, Windows-1252) comes first among the notes: it may explain odd terms.
    const notes = outcome.notes?.length ? ` ${outcome.notes.join(" ")}` : "";
    const message = `Imported ${file.name}: ${parts.join(", ")}.${notes}`;
    const result: ActionResult = { form: "import", ok: true, message, existing: data.existing, attempt: Date.now() };
    return json(result);
  } catch (error) {
    return answerRefusal(error, (refusal) => importAnswer(refusal.status, `${file.name}: ${refusal.message}`, { existing: data.existing }, refusal.problems));
  }
}

function createReply(status: number, reply: FormReply) {
  const result: ActionResult = { form: "create", ...refusalBody(reply), attempt: Date.now() };
  return json(result, { status });
}

function createAnswer(status: number, message: string, field: string, fields: Record<string, string>) {
  const values = Object.fromEntries(Object.entries(emptyEntry).map(([name, empty]) => [name, fields[name] ?? empty])) as NewEntryValues;
  return createReply(status, refusedReply(values, message, field));
}

function importReply(status: number, reply: FormReply, problems: RefusedLine[] = []) {
  const result: ActionResult = { form: "import", ok: false, ...refusalBody(reply), problems, attempt: Date.now() };
  return json(result, { status });
}

/** A refusal of the file (its size, its content, its lines), said beside the file field, the choice made kept. */
function importAnswer(status: number, message: string, values: { existing: string }, problems: RefusedLine[] = []) {
  return importReply(status, refusedReply(values, message, "file"), problems);
}

export default function Glossary() {
  const { q, entries, counts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const created = result?.form === "create" ? result : null;
  const imported = result?.form === "import" ? result : null;

  return (
    <>
      <PageHead
        title="Glossary"
        side={
          <div className="head-actions">
            <a href="/glossary.csv" className="button" download title="One row per term: Tandem's own layout">
              Export CSV
            </a>
            <a href="/glossary.csv?layout=concepts" className="button" download title="One row per concept, a column per language (en, en_status, en_match, en_note, fr, …), as memoQ, MultiTerm and Excel users exchange">
              Export CSV by concept
            </a>
            <a href="/glossary.tbx" className="button" download title="TBX v3 with term statuses, match modes, notes and how many links of the ready pairs each term occurs in">
              Export TBX
            </a>
            <a href="/glossary.tbx?dialect=martif" className="button" download title="TBX-Basic in the older martif form, which many CAT tools still read: statuses, subject field, source and notes">
              Export TBX-Basic
            </a>
            <a href="#new-entry" className="button button--primary">
              New entry
            </a>
          </div>
        }
      >
        <p className="lede" data-testid="glossary-counts">
          {counts.entries === 1 ? "1 entry" : `${counts.entries} entries`}, {counts.terms} terms: <StatusCounts counts={counts.byStatus} />
        </p>
        <p className="muted">
          How the corpus uses these terms: <Link to="/terminology">terminology</Link> (findings and renderings per pair, variation across documents,
          concordance, term candidates).
        </p>
      </PageHead>

      <Form method="get" className="glossary-search" role="search">
        <label htmlFor="q" className="visually-hidden">
          Search the glossary
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder="A French or English term; accents and case do not matter" />
        <button type="submit" className="button">
          Search
        </button>
        {q ? (
          <span className="muted" data-testid="search-count">
            {entries.length === 1 ? "1 entry matches" : `${entries.length} entries match`} “{q}”. <Link to="/glossary">Show all</Link>
          </span>
        ) : null}
      </Form>

      {entries.length === 0 ? (
        <p className="empty">{q ? `No term or key contains “${q}”.` : "The glossary is empty. Add an entry or import a CSV or TBX file below."}</p>
      ) : (
        <table className="table glossary-list">
          <ColumnHeads columns={["French", "English", "Domain", "Origin"]} />
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-entry-key={e.key}>
                {(["fr", "en"] as const).map((language) => (
                  <td key={language} lang={language} className="glossary-terms">
                    {e.terms
                      .filter((t) => t.language === language)
                      .map((t, k) =>
                        k === 0 && language === "fr" ? (
                          <Link key={k} to={`/glossary/${e.id}`} className="entry-link">
                            <TermChip status={t.status} text={t.text} />
                          </Link>
                        ) : (
                          <TermChip key={k} status={t.status} text={t.text} />
                        ),
                      )}
                    {language === "fr" && !e.terms.some((t) => t.language === "fr") ? (
                      <Link to={`/glossary/${e.id}`} className="entry-link muted">
                        (no French term)
                      </Link>
                    ) : null}
                  </td>
                ))}
                <td className="muted">{e.domain}</td>
                <td>
                  <OriginTag origin={e.origin} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <div className="glossary-forms">
        <section id="new-entry" aria-labelledby="new-entry-title">
          <h2 className="section-title" id="new-entry-title">
            New entry
          </h2>
          <NewEntryForm key={created?.attempt ?? "new"} reply={created?.reply} busy={busy} />
        </section>

        <section aria-labelledby="import-title">
          <h2 className="section-title" id="import-title">
            Import a CSV or TBX file
          </h2>
          <GlossaryImportForm key={imported?.attempt ?? "import"} answer={imported ?? undefined} busy={busy} />
        </section>
      </div>
    </>
  );
}

/** The new entry's two terms, each with its status. */
const TERM_FIELDS = [
  { language: "fr", status: "frStatus", label: "French" },
  { language: "en", status: "enStatus", label: "English" },
] as const;

/** The new entry's form, drawn again on every refusal with what was typed and every issue beside its field. */
function NewEntryForm({ reply, busy }: { reply: FormReply | undefined; busy: boolean }) {
  const [form, fields] = useForm<NewEntryValues>({ id: "create-entry", lastResult: reply });
  useFocusFirstInvalid(form.id, form.status === "error");
  const values = { ...emptyEntry, ...(form.initialValue as Partial<NewEntryValues> | undefined) };
  const errors = form.allErrors;
  // A refusal of the terms as a whole (none given) marks both term fields.
  const termIssues = (name: "fr" | "en") => [...(errors[name] ?? []), ...(errors.terms ?? [])];
  const termIssuesIds = (name: "fr" | "en") => [errors[name] ? fields[name].errorId : "", errors.terms ? "new-terms-issues" : ""].filter(Boolean).join(" ");
  return (
    <Form method="post" className="import-form" id={form.id} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="intent" value="create" />
      <IssueSummary errors={errors} id="create-error" />
      <div className="term-pair">
        {TERM_FIELDS.map(({ language, status, label }) => (
          <div className="field" key={language}>
            <label htmlFor={`new-${language}`}>{label} term</label>
            <input
              id={`new-${language}`}
              name={language}
              type="text"
              lang={language}
              defaultValue={values[language]}
              maxLength={MAX_TERM}
              {...invalidProps(termIssues(language), termIssuesIds(language))}
            />
            <select name={status} aria-label={`Status of the ${label} term`} defaultValue={values[status]} {...invalidProps(errors[status], fields[status].errorId)}>
              {TERM_STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
            <FieldIssues id={fields[language].errorId} errors={errors[language]} />
            <FieldIssues id={fields[status].errorId} errors={errors[status]} />
          </div>
        ))}
      </div>
      <FieldIssues id="new-terms-issues" errors={errors.terms} />
      <TextField
        id="new-key"
        label="Key"
        name="key"
        dir="auto"
        defaultValue={values.key}
        maxLength={MAX_KEY}
        placeholder="Optional: made from the first term"
        errors={errors.key}
        issuesId={fields.key.errorId}
        hint="The entry’s name in CSV files, unique in the glossary."
      />
      <TextField
        id="new-domain"
        label="Domain"
        name="domain"
        defaultValue={values.domain}
        maxLength={MAX_FIELD}
        placeholder="e.g. electronic evidence"
        errors={errors.domain}
        issuesId={fields.domain.errorId}
      />
      <div className="field">
        <label htmlFor="new-note">Note</label>
        <textarea id="new-note" name="note" rows={2} defaultValue={values.note} maxLength={MAX_NOTE} {...invalidProps(errors.note, fields.note.errorId)} />
        <FieldIssues id={fields.note.errorId} errors={errors.note} />
      </div>
      <p className="hint">More terms, match modes and the source are on the entry’s page once it is created.</p>
      <FormActions label="Add entry" busy={busy} />
    </Form>
  );
}
