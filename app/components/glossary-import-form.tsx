import { useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { RefusedLine } from "~/utils/refusal";
import type { FormReply } from "~/utils/form-submission";
import { SPREADSHEET_NOTE } from "~/components/exports";
import { FormActions } from "~/components/form-actions";
import { FieldIssues, invalidProps, IssueSummary, useFocusFirstInvalid } from "~/components/form-issues";

/** What the glossary's import answered: what it imported, or its refusal (Conform's answer and the file's refused lines). */
export type GlossaryImportAnswer =
  | { ok: true; message: string; existing: string }
  | { ok: false; reply: FormReply; message: string; problems: RefusedLine[] };

type ImportValues = { existing: string; file: File };

/**
 * The glossary's CSV/TBX import (decision 0034): a refusal is said at the top, with the file's refused lines listed
 * under it, and beside its field; the choice made for existing entries is kept, and the focus goes to the refused field.
 * The form is drawn again on every answer (the caller keys it), and works as a plain post without JavaScript.
 */
export function GlossaryImportForm({ answer, busy }: { answer: GlossaryImportAnswer | undefined; busy: boolean }) {
  const refusal = answer && !answer.ok ? answer : undefined;
  const [form, fields] = useForm<ImportValues>({ id: "import-glossary", lastResult: refusal?.reply });
  useFocusFirstInvalid(form.id, form.status === "error");
  const errors = form.allErrors;
  const existing = answer?.ok ? answer.existing : (fields.existing.initialValue ?? "replace");
  return (
    <Form method="post" encType="multipart/form-data" className="import-form" id={form.id} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="intent" value="import" />
      {answer?.ok ? (
        <div className="alert alert--ok" role="status" data-testid="import-result">
          {answer.message}
        </div>
      ) : null}
      <IssueSummary errors={errors} id="import-error" testId="import-result">
        {refusal?.problems.length ? (
          <ul className="problems">
            {refusal.problems.map((p, k) => (
              <li key={k}>{p.message}</li>
            ))}
          </ul>
        ) : null}
      </IssueSummary>
      <div className="field">
        <label htmlFor="glossary-file">Glossary file</label>
        <input id="glossary-file" name="file" type="file" accept=".csv,.tsv,.txt,.tbx,.xml,text/csv" {...invalidProps(errors.file, "glossary-file-issues", "glossary-file-hint")} />
        <FieldIssues id="glossary-file-issues" errors={errors.file} />
        <p className="hint" id="glossary-file-hint">
          CSV: one row per term, with the columns <code>entry,language,term,status,match,domain,source,note</code> (the format of Export CSV), or one
          row per concept with a column per language (<code>en</code>, <code>fr</code> or <code>English</code>, <code>French</code>, and
          <code>en_status</code>, <code>fr_match</code>, <code>fr_note</code>…), several terms of a cell separated by <code>|</code> or <code>;</code> (the
          format of Export CSV by concept, and of memoQ, MultiTerm and Excel glossaries). Tandem tells the two apart by the first line. A file with
          any bad row imports nothing; its problems are listed by line. {SPREADSHEET_NOTE}
        </p>
        <p className="hint">
          TBX: a term base from Tandem or a terminology tool, TBX v3 or the older <code>martif</code> form. French and English terms are kept with
          their status; terms in other languages are left out and counted.
        </p>
      </div>
      <fieldset className="field choice">
        <legend>Entries whose key is already in the glossary</legend>
        <label>
          <input type="radio" name="existing" value="replace" {...invalidProps(errors.existing, "existing-issues")} defaultChecked={existing === "replace"} /> Replace them with the file’s version (terms,
          domain, source and note)
        </label>
        <label>
          <input type="radio" name="existing" value="skip" {...invalidProps(errors.existing, "existing-issues")} defaultChecked={existing === "skip"} /> Keep them as they are
        </label>
        <FieldIssues id="existing-issues" errors={errors.existing} />
      </fieldset>
      <FormActions label="Import" busy={busy} />
    </Form>
  );
}
