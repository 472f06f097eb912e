import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `total` items render their full content: `first` in the first render, so that the first
 * screen paints without waiting for the rest, then all of them in a transition right after (the reader
 * does the same with an article's blocks; see docs/ARCHITECTURE.md, "Opening fast").
 */
export function useFirstRenderCount(total: number, first: number): number {
  const [count, setCount] = useState(() => Math.min(total, first));
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => startTransition(() => setCount(total)), 0);
    return () => clearTimeout(timer);
  }, [count, total]);
  return count;
}
