import { startTransition, useEffect, useState } from 'react';

// The first render shows only the start of a long article (or up to the saved position), so the first
// screen paints quickly; the rest follows right after, off the critical path.
const FIRST_RENDER_BLOCKS = 60;

function firstRenderCount(offset: number, blockCount: number, starts: readonly number[]): number {
  let index = 0;
  while (index + 1 < starts.length && (starts[index + 1] ?? Infinity) <= offset) index++;
  return Math.min(blockCount, index + FIRST_RENDER_BLOCKS);
}

/** How many of the article's blocks are rendered: enough for the first screen at `offset`, then all. */
export function useRenderedBlocks(offset: number, starts: readonly number[]): number {
  const blockCount = starts.length;
  const [rendered, setRendered] = useState(() => firstRenderCount(offset, blockCount, starts));
  useEffect(() => {
    if (rendered >= blockCount) return;
    const timer = setTimeout(() => startTransition(() => setRendered(blockCount)), 0);
    return () => clearTimeout(timer);
  }, [rendered, blockCount]);
  return rendered;
}
