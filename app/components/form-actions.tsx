import { Link } from "@remix-run/react";

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
