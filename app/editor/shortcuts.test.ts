import { describe, expect, it } from "vitest";
import { EDITOR_SHORTCUTS, keyLabel, MAP_SHORTCUTS, shortcutFor, TEXT_BOX_SHORTCUTS } from "./shortcuts";

/** The keyboard event a key of the list stands for, as a browser sends it. */
function eventOf(key: string) {
  const ctrl = key.startsWith("Ctrl+");
  const rest = ctrl ? key.slice(5) : key;
  const shifted = rest.startsWith("Shift+");
  const name = shifted ? rest.slice(6) : rest;
  return { key: name, ctrlKey: ctrl, metaKey: false, shiftKey: shifted || (name.length === 1 && name !== name.toLowerCase()) };
}

describe("the editor's keyboard shortcuts: one list for the keys, the panel and the guide", () => {
  it("does, for each key the list shows, what the list says", () => {
    for (const { keys, actions } of EDITOR_SHORTCUTS) {
      expect(actions).toHaveLength(keys.length);
      keys.forEach((key, i) => expect(shortcutFor(eventOf(key)), key).toBe(actions[i]));
    }
  });

  it("lists no key twice", () => {
    const keys = EDITOR_SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    { name: "Ctrl+Z as most browsers send it with Shift", event: { key: "Z", ctrlKey: true, metaKey: false, shiftKey: true }, action: "redo" },
    { name: "Ctrl+Shift+z as some send it", event: { key: "z", ctrlKey: true, metaKey: false, shiftKey: true }, action: "redo" },
    { name: "⌘Z on a Mac", event: { key: "z", ctrlKey: false, metaKey: true, shiftKey: false }, action: "undo" },
    { name: "Ctrl+Z with Caps Lock on", event: { key: "Z", ctrlKey: true, metaKey: false, shiftKey: false }, action: "undo" },
    { name: "Shift+ArrowDown", event: { key: "ArrowDown", ctrlKey: false, metaKey: false, shiftKey: true }, action: "next-row" },
    { name: "Ctrl+C (the browser's copy, not a confirmation)", event: { key: "c", ctrlKey: true, metaKey: false, shiftKey: false }, action: null },
    { name: "a key that is no shortcut", event: { key: "x", ctrlKey: false, metaKey: false, shiftKey: false }, action: null },
  ])("reads $name", ({ event, action }) => {
    expect(shortcutFor(event)).toBe(action);
  });

  it.each([
    ["j", "j"],
    ["ArrowDown", "↓"],
    ["F", "⇧F"],
    ["C", "⇧C"],
    ["Ctrl+z", "Ctrl Z"],
    ["Ctrl+Shift+Z", "Ctrl ⇧Z"],
    ["Shift+Enter", "⇧⏎"],
    ["Ctrl+m", "Ctrl M"],
    ["Escape", "Esc"],
    ["PageDown", "PgDn"],
    ["/", "/"],
  ])("shows %s as %s", (key, label) => {
    expect(keyLabel(key)).toBe(label);
  });

  it("gives every key of the text box and the map a label of its own", () => {
    for (const { keys } of [...TEXT_BOX_SHORTCUTS, ...MAP_SHORTCUTS]) for (const key of keys) expect(keyLabel(key)).not.toBe("");
  });
});
