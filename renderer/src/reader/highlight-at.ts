import type { ResolvedHighlight } from '../../../shared/contract';

type Placed = Pick<ResolvedHighlight, 'status' | 'start' | 'end'>;

/**
 * The highlight a click at `offset` means: of the anchored ones covering it, the innermost (with nested
 * highlights the smallest one under the pointer is the one meant); null if none.
 */
export function innermostAt<H extends Placed>(highlights: readonly H[], offset: number): H | null {
  let best: H | null = null;
  for (const h of highlights) {
    if (h.status === 'orphan' || offset < h.start || offset >= h.end) continue;
    if (!best || h.end - h.start < best.end - best.start) best = h;
  }
  return best;
}
