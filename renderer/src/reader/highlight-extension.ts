import type { Color } from '../../../shared/annotation-model';

type Placed = { id: string; color: Color; status: string; start: number; end: number };

/**
 * The highlight a new selection extends, or null when the selection makes a highlight of its own. A selection
 * extends a highlight when it overlaps it or touches one of its ends and reaches beyond it: highlighting it
 * then grows that highlight (to the union of both) instead of laying a second, overlapping one over it.
 * `color` is the colour asked for, or null for "the last colour" (the `h` key), which extends a highlight of
 * any colour; a colour named (toolbar, digit keys) extends only a highlight of that colour, so a passage can
 * still be marked in a second colour across another on purpose. A selection inside a highlight nests in it.
 * Of several candidates the one sharing the most text with the selection is taken.
 */
export function highlightToExtend<H extends Placed>(
  highlights: readonly H[],
  start: number,
  end: number,
  color: Color | null,
): { highlight: H; start: number; end: number } | null {
  let best: H | null = null;
  let bestShared = -1;
  for (const highlight of highlights) {
    if (highlight.status === 'orphan' || highlight.start < 0) continue;
    if (color !== null && highlight.color !== color) continue;
    const touches = start <= highlight.end && end >= highlight.start;
    const within = start >= highlight.start && end <= highlight.end;
    if (!touches || within) continue;
    const shared = Math.max(0, Math.min(end, highlight.end) - Math.max(start, highlight.start));
    if (shared > bestShared) {
      best = highlight;
      bestShared = shared;
    }
  }
  return best ? { highlight: best, start: Math.min(start, best.start), end: Math.max(end, best.end) } : null;
}
