/**
 * The editor's keyboard shortcuts: one list, read by the editor's key handler (`shortcutFor`), by its
 * "Keyboard shortcuts" panel and by the user guide (/guide), so that what the pages say is what the keys do.
 *
 * A key is written as the browser's `KeyboardEvent.key` names it, with "Ctrl+" in front when Ctrl (or ⌘ on a
 * Mac) is held: Shift shows in the key itself ("F" is Shift+f), except with Ctrl, where it is written "Shift+".
 */

export type ShortcutAction =
  | "next-row"
  | "previous-row"
  | "next-to-check"
  | "next-findings"
  | "previous-findings"
  | "confirm-toggle"
  | "confirm-through"
  | "en-up"
  | "en-down"
  | "fr-up"
  | "fr-down"
  | "merge"
  | "split"
  | "edit-en"
  | "edit-fr"
  | "history"
  | "undo"
  | "redo"
  | "search"
  | "close";

export interface Shortcut {
  /** The keys, as `KeyboardEvent.key` with "Ctrl+" / "Ctrl+Shift+" in front; each does `actions[i]`. */
  keys: readonly string[];
  actions: readonly ShortcutAction[];
  /** What they do, in a few words. */
  text: string;
}

/** The table's shortcuts, in the order the panel and the guide list them. */
export const EDITOR_SHORTCUTS: readonly Shortcut[] = [
  { keys: ["j", "ArrowDown"], actions: ["next-row", "next-row"], text: "next row" },
  { keys: ["k", "ArrowUp"], actions: ["previous-row", "previous-row"], text: "previous row" },
  { keys: ["n"], actions: ["next-to-check"], text: "next to check" },
  { keys: ["f", "F"], actions: ["next-findings", "previous-findings"], text: "next / previous row with findings" },
  { keys: ["c"], actions: ["confirm-toggle"], text: "confirm / unconfirm" },
  { keys: ["C"], actions: ["confirm-through"], text: "confirm all up to here" },
  { keys: ["u", "d"], actions: ["en-up", "en-down"], text: "English segment up / down" },
  { keys: ["U", "D"], actions: ["fr-up", "fr-down"], text: "French segment up / down" },
  { keys: ["m"], actions: ["merge"], text: "merge with next" },
  { keys: ["s"], actions: ["split"], text: "split (also into 1-0 and 0-1)" },
  { keys: ["e", "E"], actions: ["edit-en", "edit-fr"], text: "correct, split or merge the English / French text" },
  { keys: ["h"], actions: ["history"], text: "history of the row" },
  { keys: ["Ctrl+z", "Ctrl+Shift+Z"], actions: ["undo", "redo"], text: "undo / redo" },
  { keys: ["Ctrl+y"], actions: ["redo"], text: "redo, as Ctrl ⇧Z does" },
  { keys: ["/"], actions: ["search"], text: "search" },
  { keys: ["Escape"], actions: ["close"], text: "close the open form, history or message" },
];

/** The keys of a segment's text box, open for correction (handled by the box itself). */
export const TEXT_BOX_SHORTCUTS: readonly Pick<Shortcut, "keys" | "text">[] = [
  { keys: ["Enter"], text: "save the corrected text" },
  { keys: ["Shift+Enter"], text: "split the segment at the caret" },
  { keys: ["Ctrl+m"], text: "merge with the next segment" },
  { keys: ["Escape"], text: "leave the text as it was" },
];

/** The keys of the alignment map, once it has the focus (Tab). */
export const MAP_SHORTCUTS: readonly Pick<Shortcut, "keys" | "text">[] = [
  { keys: ["ArrowLeft", "ArrowRight"], text: "previous / next link under the cursor" },
  { keys: ["PageUp", "PageDown"], text: "a fiftieth of the links back / on" },
  { keys: ["Home", "End"], text: "first / last link" },
  { keys: ["Enter"], text: "go to the link under the cursor" },
];

const SHOWN: Record<string, string> = {
  ArrowDown: "↓",
  ArrowUp: "↑",
  ArrowLeft: "←",
  ArrowRight: "→",
  Enter: "⏎",
  Escape: "Esc",
  PageUp: "PgUp",
  PageDown: "PgDn",
};

/** A key as the pages show it: "↓", "⇧F", "Ctrl ⇧Z". */
export function keyLabel(key: string): string {
  const ctrl = key.startsWith("Ctrl+");
  let rest = ctrl ? key.slice(5) : key;
  let shift = false;
  if (rest.startsWith("Shift+") && rest.length > 6) {
    shift = true;
    rest = rest.slice(6);
  }
  if (SHOWN[rest]) rest = SHOWN[rest];
  else if (rest.length === 1 && rest !== rest.toLowerCase()) {
    // An upper-case letter is its key with Shift.
    shift = true;
  } else if (rest.length === 1 && ctrl) rest = rest.toUpperCase();
  return `${ctrl ? "Ctrl " : ""}${shift ? "⇧" : ""}${rest}`;
}

/** The key an event stands for, in the list's notation. */
export function keyOfEvent(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey">): string {
  if (!event.ctrlKey && !event.metaKey) return event.key;
  // With Ctrl, Shift+z gives "Z" in most browsers and "z" in some: written the same way either way.
  const letter = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return event.shiftKey ? `Ctrl+Shift+${letter.toUpperCase()}` : `Ctrl+${letter}`;
}

const BY_KEY = new Map<string, ShortcutAction>(EDITOR_SHORTCUTS.flatMap((s) => s.keys.map((key, i) => [key, s.actions[i]] as const)));

/** What a key pressed in the table does; null for a key that is not a shortcut. */
export function shortcutFor(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey">): ShortcutAction | null {
  return BY_KEY.get(keyOfEvent(event)) ?? null;
}
