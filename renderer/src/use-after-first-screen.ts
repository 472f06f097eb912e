import { useEffect, useState } from 'react';

/**
 * False until the first screen has had its chance to paint after `ready`: work it does not need (checking
 * the store's health, loading tag suggestions) waits until then instead of competing with it.
 */
export function useAfterFirstScreen(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    const id = whenIdle(() => setAfter(true));
    return () => cancelIdle(id);
  }, [ready, after]);
  return after;
}

// An idle callback comes after the next frames are painted; the deadline keeps a busy page from
// postponing the work for good. Some test DOMs have no requestIdleCallback: a timer stands in.
const IDLE_DEADLINE_MS = 1000;

function whenIdle(run: () => void): number {
  return typeof requestIdleCallback === 'function'
    ? requestIdleCallback(run, { timeout: IDLE_DEADLINE_MS })
    : window.setTimeout(run, 50);
}

function cancelIdle(id: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(id);
  else window.clearTimeout(id);
}
