import { Form, Link } from "@remix-run/react";

/**
 * The row under a form: its one submit button, disabled and saying `busyLabel` while the form is on its way (so a second
 * click sends nothing twice), and, where the form has a page of its own, `cancelTo`: the way out without sending.
 */
export function FormActions({ label, busyLabel = label, busy, cancelTo }: { label: string; busyLabel?: string; busy: boolean; cancelTo?: string }) {
  return (
    <div className="actions">
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      {cancelTo ? (
        <Link to={cancelTo} className="button">
          Cancel
        </Link>
      ) : null}
    </div>
  );
}

/**
 * The foot of a page that deletes what it shows: one button, posting the intent `delete` once the visitor has said yes to
 * `question` (what goes, and what stays). `lang` marks it English on a page in another language.
 */
export function DeleteSection({ question, label, busy, lang }: { question: string; label: string; busy: boolean; lang?: string }) {
  return (
    <section className="danger-zone" lang={lang}>
      <Form
        method="post"
        onSubmit={(event) => {
          if (!window.confirm(question)) event.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="button button--danger" disabled={busy}>
          {label}
        </button>
      </Form>
    </section>
  );
}
