import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import { tabbables, useFocusTrap } from '../dialog/focus-trap';

/**
 * A drawer's keyboard: focus moves into it when it opens and Tab stays inside; Esc closes it; when it
 * closes focus goes back to where it was (the button that opened it). Returns the drawer's key handler:
 * a React one, so that a control inside that uses Esc itself (a list of suggestions) stops it first.
 */
export function useDrawer(
  ref: RefObject<HTMLElement | null>,
  onClose: () => void,
): (event: KeyboardEvent) => void {
  // Before focus moves in, so that the trap knows where focus came from.
  useFocusTrap(ref);
  useEffect(() => {
    const drawer = ref.current;
    if (drawer) (tabbables(drawer)[0] ?? drawer).focus({ preventScroll: true });
  }, [ref]);
  return (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
}
