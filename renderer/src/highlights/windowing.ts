/** Which rows of a fixed-height list a viewport shows, with `overscan` rows more each side. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 4,
): { first: number; last: number } {
  if (count === 0) return { first: 0, last: -1 };
  const first = Math.min(count - 1, Math.max(0, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(count - 1, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan - 1);
  return { first, last: Math.max(first, last) };
}
