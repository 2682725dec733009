import { useEffect, useEffectEvent } from "react";

/** Single-key shortcuts (e.g. j, k), keyed by `KeyboardEvent.key`. */
export type ShortcutMap = Partial<Record<string, () => void>>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName);
}

/**
 * Listens for plain key presses on the document while `enabled`. Keys typed
 * into form fields or pressed with a modifier are left alone, so shortcuts
 * never fight the search box or the browser's own bindings.
 */
export function useShortcuts(shortcuts: ShortcutMap, enabled = true): void {
  // Reads the latest handlers without re-subscribing on every render.
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const handler = shortcuts[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, [enabled]);
}
