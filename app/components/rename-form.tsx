import { useForm } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useMemo, useState } from "react";
import { MAX_TITLE } from "~/utils/limits";
import type { FormReply } from "~/utils/form-submission";
import type { RenameAnswer } from "~/utils/rename-answer.server";

/** A rename done: Conform clears the field's issue. */
const RENAMED: FormReply = { status: "success", error: {} };

/**
 * The rename form of a document's or a pair's page: it posts intent "rename" to the page's own action, beside the
 * page's other forms, so a refusal shows here and keeps what was typed; the page's data (its title, a pair's
 * history) is read again after a rename. Conform shows the refusal on the title field and moves the focus there
 * (the form is never drawn again, so Conform's own focus applies).
 */
export function RenameForm({ title, what }: { title: string; what: "document" | "pair" }) {
  const fetcher = useFetcher<RenameAnswer>({ key: `rename-${what}` });
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const id = `rename-${what}`;
  // The page's answer as Conform reads it: a refusal's sentence on the title field; a rename clears it.
  const lastResult = useMemo<FormReply | undefined>(
    () => (answer ? (answer.ok ? RENAMED : { status: "error", error: { title: [answer.message] } }) : undefined),
    [answer],
  );
  const [form, fields] = useForm<{ title: string }>({ id: `${id}-form`, lastResult });
  const refused = fields.title.errors?.join(" ") || null;
  // Open while the person uses it: a refusal or a confirmation shows under the field.
  const [open, setOpen] = useState(false);
  return (
    <details className="rename" lang="en" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Rename</summary>
      <fetcher.Form method="post" className="rename-form" id={form.id} onSubmit={form.onSubmit} noValidate>
        <input type="hidden" name="intent" value="rename" />
        <label htmlFor={id}>New title of the {what}</label>
        <div className="rename-row">
          <input
            id={id}
            name="title"
            type="text"
            dir="auto"
            defaultValue={title}
            maxLength={MAX_TITLE}
            aria-invalid={refused ? true : undefined}
            aria-describedby={refused ? `${id}-error` : undefined}
          />
          <button type="submit" className="button button--small" disabled={fetcher.state !== "idle"}>
            {fetcher.state !== "idle" ? "Renaming…" : "Rename"}
          </button>
        </div>
        {refused ? (
          <p className="alert alert--error" role="alert" id={`${id}-error`}>
            {refused}
          </p>
        ) : answer?.ok ? (
          <p className="hint" role="status">
            {answer.changed ? `Renamed. The ${what}'s earlier title is kept in its history.` : `This is already the ${what}'s title.`}
          </p>
        ) : null}
      </fetcher.Form>
    </details>
  );
}
