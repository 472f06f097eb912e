import { useEffect } from 'react';
import type { ResolvedHighlight } from '../../../shared/contract';
import type { Span } from '../search/FindBar';
import type { Displays } from './dom-offsets';
import { focusPassage } from './focus-passage';
import { clearPaint, flash, paintActive, paintHighlights } from './paint';

type Painting = {
  starts: readonly number[];
  displays: Displays | undefined;
  highlights: readonly ResolvedHighlight[];
  active: ResolvedHighlight | null;
  /** Changes when more blocks are rendered, which then need their paint. */
  renderedBlocks: number;
  /** A search hit the article was opened at. */
  at: Span | undefined;
};

/**
 * Keeps the article's paint (highlights, the open one, a search hit flashed once) in step with the state.
 * `blocks` gives the rendered blocks by index at the moment of painting.
 */
export function usePaint(blocks: () => Map<number, HTMLElement>, painting: Painting): void {
  const { starts, displays, highlights, active, renderedBlocks, at } = painting;
  useEffect(() => {
    paintHighlights(
      blocks(),
      starts,
      highlights.filter((h) => h.status !== 'orphan'),
      displays,
    );
  }, [highlights, starts, blocks, renderedBlocks, displays]);
  useEffect(
    () => paintActive(blocks(), starts, active && active.status !== 'orphan' ? active : null, displays),
    [active, starts, blocks, displays],
  );
  // A search hit opened here: flash it once it is laid out (the reading position put it at the top).
  useEffect(() => {
    if (!at) return;
    const timer = setTimeout(() => {
      flash(blocks(), starts, at, displays);
      focusPassage(blocks(), starts, at, displays);
    }, 300);
    return () => clearTimeout(timer);
  }, [at, blocks, starts, displays]);
  useEffect(() => clearPaint, []);
}
