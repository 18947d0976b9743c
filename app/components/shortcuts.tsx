/** A list of keyboard shortcuts, from app/editor/shortcuts.ts: the editor's panel and the user guide show the same. */
import { keyLabel, type Shortcut } from "../editor/shortcuts";

export function ShortcutList({ shortcuts, className }: { shortcuts: readonly Pick<Shortcut, "keys" | "text">[]; className?: string }) {
  return (
    <dl className={className}>
      {shortcuts.map(({ keys, text }) => (
        <div key={keys.join(" ")}>
          <dt>
            {keys.map((key, i) => (
              <span key={key}>
                {i > 0 ? " " : ""}
                <kbd>{keyLabel(key)}</kbd>
              </span>
            ))}
          </dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
