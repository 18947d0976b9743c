import { parse } from "@conform-to/react";
import { useEffect, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { MAX_TITLE } from "~/utils/limits";

/**
 * How a refused form shows its issues (decision 0034): every issue at the form's top, read out at once
 * (role "alert"), and each again beside its field, tied to it by `aria-describedby` — the error summary and
 * inline messages of the GOV.UK design system. The sentences come from form-errors.ts through Conform.
 */

/** Every message of a form, in the order of its fields; an issue about the whole form is kept under the name "". */
export function allMessages(errors: Record<string, string[] | null | undefined>): string[] {
  return Object.values(errors).flatMap((messages) => messages ?? []);
}

/** The form's summary of every issue: one sentence as it is, several as a list; `children` follow (a file's refused lines). */
export function IssueSummary({
  errors,
  id,
  tone = "error",
  testId,
  children,
}: {
  errors: Record<string, string[] | null | undefined>;
  id: string;
  tone?: "error" | "ask";
  testId?: string;
  children?: ReactNode;
}) {
  const messages = allMessages(errors);
  if (messages.length === 0) return null;
  return (
    <div className={`alert alert--${tone}`} role="alert" id={id} data-testid={testId}>
      {messages.length === 1 ? (
        messages[0]
      ) : (
        <ul className="issue-list">
          {messages.map((message, k) => (
            <li key={k}>{message}</li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

/** A field's own issues, beside it; the field points here with `aria-describedby`. */
export function FieldIssues({ id, errors }: { id: string; errors: string[] | null | undefined }) {
  if (!errors?.length) return null;
  return (
    <p className="field-issue" id={id}>
      {errors.join(" ")}
    </p>
  );
}

/** The attributes that mark a field refused and point to its issues (and to a hint, which stays described). */
export function invalidProps(errors: string[] | null | undefined, issuesId: string, hintId?: string) {
  const invalid = Boolean(errors?.length);
  const describedBy = [invalid ? issuesId : null, hintId ?? null].filter(Boolean).join(" ");
  return { "aria-invalid": invalid || undefined, "aria-describedby": describedBy || undefined } as const;
}

/**
 * After a refusal the form is drawn again from the server's answer (a new key, so values the server changed,
 * such as a text read from a file, show); this moves the focus to its first field marked invalid, as Conform does
 * when a form is not drawn again.
 */
export function useFocusFirstInvalid(formId: string, refused: boolean) {
  useEffect(() => {
    if (!refused) return;
    const form = document.getElementById(formId);
    const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
    // Once per answer: the form is keyed on it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/**
 * Conform's `onValidate` for a form whose values only the server checks: list intents (a row added or removed)
 * are done in the browser, with no round trip; a submission goes to the server as it is.
 */
export function listIntentsOnly<Value extends Record<string, unknown>>({ formData }: { formData: FormData }) {
  return parse<Value, string[]>(formData, { resolve: (value) => ({ value: value as Value }) });
}

/** A form's title field: optional, written in any direction, as long as a title may be. */
export function TitleField({ placeholder, ...field }: { id: string; defaultValue: string; placeholder: string; errors: string[] | null | undefined; issuesId: string }) {
  return <TextField label="Title" name="title" dir="auto" maxLength={MAX_TITLE} placeholder={placeholder} {...field} />;
}

interface FieldFrameProps {
  id: string;
  label: string;
  errors: string[] | null | undefined;
  issuesId: string;
  /** Shown under the issues, its id `${id}-hint`, which the control points to. */
  hint?: ReactNode;
  inline?: boolean;
}

/** A field's frame: its label, the control (given the attributes that mark it refused), its issues beside it, a hint under them. */
function FieldFrame({ id, label, errors, issuesId, hint, inline = false, control }: FieldFrameProps & { control: (marks: ReturnType<typeof invalidProps>) => ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={inline ? "field field--inline" : "field"}>
      <label htmlFor={id}>{label}</label>
      {control(invalidProps(errors, issuesId, hintId))}
      <FieldIssues id={issuesId} errors={errors} />
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A list to choose from (its options the children), with its label, its issues beside it and an optional hint under them. */
export function SelectField({ id, label, errors, issuesId, hint, inline, ...select }: FieldFrameProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return <FieldFrame {...{ id, label, errors, issuesId, hint, inline }} control={(marks) => <select id={id} {...select} {...marks} />} />;
}

/** A one-line text field with its label, its issues beside it and an optional hint under them. */
export function TextField({ id, label, errors, issuesId, hint, ...input }: Omit<FieldFrameProps, "inline"> & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldFrame {...{ id, label, errors, issuesId, hint }} control={(marks) => <input id={id} type="text" {...input} {...marks} />} />;
}
