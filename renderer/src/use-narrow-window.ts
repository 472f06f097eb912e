import { useSyncExternalStore } from 'react';

import { DRAWERS_BELOW_PX } from './panels-open';

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
