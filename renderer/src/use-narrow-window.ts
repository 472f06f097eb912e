import { useSyncExternalStore } from 'react';

/**
 * Below this window width the reader's side panels (contents, notes) are drawers over the text rather than
 * columns beside it: two columns of panel would leave the text a few words a line.
 */
export const DRAWERS_BELOW_PX = 1024;

const query = () => window.matchMedia(`(max-width: ${DRAWERS_BELOW_PX - 0.02}px)`);

function subscribe(onChange: () => void): () => void {
  const list = query();
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/** Whether the window is narrow enough for the side panels to be drawers; follows resizing. */
export function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribe, () => query().matches);
}
