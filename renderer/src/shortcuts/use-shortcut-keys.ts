import { useEffect, useRef } from 'react';
import { inDialog, isTypingTarget, SHORTCUTS, type ShortcutId } from './shortcut-list';

/**
 * What a shortcut does here. Returning false leaves the press alone (the shortcut does not apply now,
 * e.g. `h` with nothing selected), so the browser and the next handler still get it.
 */
export type ShortcutBindings = Partial<Record<ShortcutId, (event: KeyboardEvent) => unknown>>;

const ALL = SHORTCUTS.flatMap((group) => group.shortcuts);

/**
 * Runs the binding of the registered shortcut a press is, if one is bound and applies; returns true when
 * one took the press. Only shortcuts in the list can be bound, so the `?` overlay shows every key answered.
 */
export function bindShortcuts(event: KeyboardEvent, bindings: ShortcutBindings): boolean {
  for (const shortcut of ALL) {
    const run = bindings[shortcut.id];
    if (!run || !shortcut.matches(event)) continue;
    if (!shortcut.inFields && isTypingTarget(event.target)) continue;
    if (run(event) === false) continue;
    if (!shortcut.passOn) event.preventDefault();
    return true;
  }
  return false;
}

type Options = {
  /** Leave presses inside a dialog or popover to it. */
  outsideDialogs?: boolean;
  /** Leave presses a handler before this one already took. */
  unhandledOnly?: boolean;
};

/**
 * Answers registered shortcuts anywhere on the page (a document keydown listener). The bindings are read
 * at the moment of the press, so they may close over the latest state without re-registering.
 */
export function useShortcutKeys(bindings: ShortcutBindings, options: Options = {}): void {
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  });
  const { outsideDialogs = false, unhandledOnly = false } = options;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (unhandledOnly && event.defaultPrevented) return;
      if (outsideDialogs && inDialog(event.target)) return;
      bindShortcuts(event, latest.current);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [outsideDialogs, unhandledOnly]);
}
