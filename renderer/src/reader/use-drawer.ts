import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import { tabbables, useFocusTrap } from '../dialog/focus-trap';

/**
 * A drawer's keyboard: focus moves onto it when it opens (its name is read out) and Tab stays inside; Esc
 * closes it; when it closes focus goes back to where it was (the button that opened it). Returns the
 * drawer's key handler: a React one, so that a control inside that uses Esc itself (a list of suggestions)
 * stops it first.
 */
export function useDrawer(
  ref: RefObject<HTMLElement | null>,
  onClose: () => void,
): (event: KeyboardEvent) => void {
  // Before focus moves in, so that the trap knows where focus came from.
  useFocusTrap(ref);
  // The drawer itself takes focus: its content may still be loading, and a control inside it could be
  // replaced when it arrives, dropping focus to the page.
  useEffect(() => ref.current?.focus({ preventScroll: true }), [ref]);
  return (event) => {
    const drawer = ref.current;
    if (event.key === 'Tab' && drawer && event.target === drawer) {
      // From the drawer itself, Tab goes to its first control and Shift+Tab to its last, never out.
      const items = tabbables(drawer);
      const next = event.shiftKey ? items.at(-1) : items[0];
      event.preventDefault();
      next?.focus();
      return;
    }
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
}
