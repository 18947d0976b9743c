/**
 * The reviewer's name: Tandem records it with each change. It is asked at the first change, in a small form
 * right under the row the change was made on (where the eye is, not above the table under the sticky bar),
 * kept in a cookie, and shown in the editor's sticky bar, where it can be changed.
 */
import { useEffect, useRef, useState } from "react";
import { MAX_USER_NAME, USER_COOKIE } from "../editor/edits";
import { Bdi } from "./bidi";

export function saveUserName(name: string) {
  document.cookie = `${USER_COOKIE}=${encodeURIComponent(name)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/** A name as the history records it: spaces folded, ends trimmed. */
export const cleanUserName = (value: string) => value.replace(/\s+/g, " ").trim();

const LABEL = "Your name, recorded with each change you make";

function NameField({ draft, onDraft }: { draft: string; onDraft: (value: string) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // The editor brings the row into view below its sticky bar; the browser's own scroll would not mind the bar.
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <input
      ref={ref}
      type="text"
      aria-label={LABEL}
      maxLength={MAX_USER_NAME}
      value={draft}
      autoComplete="name"
      onChange={(event) => onDraft(event.target.value)}
    />
  );
}

/**
 * Asks the name at the first change, under the row it was made on: once given, the change goes ahead.
 * `what` says what waits for it ("confirm link 3").
 */
export function NamePrompt({ what, onName, onCancel }: { what: string; onName: (name: string) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState("");
  const empty = cleanUserName(draft) === "";
  return (
    <form
      className="reviewer reviewer--ask"
      data-testid="name-prompt"
      onSubmit={(event) => {
        event.preventDefault();
        if (!empty) onName(cleanUserName(draft));
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <span className="reviewer-why">Tandem records who made each change. Your name, to {what}:</span>
      <NameField draft={draft} onDraft={setDraft} />
      <button type="submit" className="button button--small button--primary" disabled={empty}>
        Save and go on
      </button>
      <button type="button" className="button button--small" onClick={onCancel}>
        Cancel
      </button>
      <span className="muted reviewer-note">Asked once: Tandem remembers it in this browser; change it in the bar above.</span>
    </form>
  );
}

/** "Reviewing as Marie · change", in the sticky bar; nothing until a name is given. */
export function ReviewerBadge({ name, onChange }: { name: string; onChange: (name: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  if (!editing) {
    if (name === "") return null;
    return (
      <span className="reviewer" data-testid="reviewer">
        Reviewing as <strong><Bdi>{name}</Bdi></strong>{" "}
        <button type="button" className="link-button" onClick={() => (setDraft(name), setEditing(true))}>
          change
        </button>
      </span>
    );
  }
  return (
    <form
      className="reviewer reviewer--change"
      onSubmit={(event) => {
        event.preventDefault();
        const value = cleanUserName(draft);
        if (value === "") return;
        onChange(value);
        setEditing(false);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          setEditing(false);
        }
      }}
    >
      <NameField draft={draft} onDraft={setDraft} />
      <button type="submit" className="button button--small button--primary" disabled={cleanUserName(draft) === ""}>
        Save
      </button>
      <button type="button" className="button button--small" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}
