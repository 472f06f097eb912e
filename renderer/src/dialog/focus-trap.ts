import { useEffect, type RefObject } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The elements of `container` that Tab reaches, in order (hidden ones left out). */
export function tabbables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !element.closest('[hidden], [inert]') && element.getClientRects().length > 0,
  );
}

/**
 * Keeps Tab inside `container`: from the last element Tab wraps to the first, and Shift+Tab from the first
 * to the last. Returns true when it moved focus (the caller then prevents the default move).
 */
export function wrapTab(event: KeyboardEvent, container: HTMLElement): boolean {
  if (event.key !== 'Tab') return false;
  const items = tabbables(container);
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return false;
  const active = document.activeElement;
  const outside = !(active instanceof Node) || !container.contains(active);
  if (event.shiftKey && (active === first || outside)) {
    last.focus();
    return true;
  }
  if (!event.shiftKey && (active === last || outside)) {
    first.focus();
    return true;
  }
  return false;
}

/**
 * For a dialog or popover: Tab stays inside it while it is open, and when it closes focus goes back to
 * where it was before it opened — unless the reader has since put focus somewhere else on purpose.
 */
export function useFocusTrap(containerRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onKey = (event: KeyboardEvent) => {
      if (wrapTab(event, container)) event.preventDefault();
    };
    container.addEventListener('keydown', onKey);
    return () => {
      container.removeEventListener('keydown', onKey);
      const now = document.activeElement;
      // Focus left with the closed container (it falls to <body>) or is still inside it: give it back.
      const lost = !now || now === document.body || container.contains(now);
      if (lost && opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, [containerRef]);
}
