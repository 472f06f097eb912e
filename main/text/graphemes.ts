/**
 * Grapheme-cluster boundaries, so a highlight never splits a letter from its harakat or a surrogate pair.
 * Only a window around each boundary is segmented: segmenting a whole article per highlight would be slow,
 * and a cluster is far shorter than the window.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const WINDOW = 64;

/** The [start, end) of the grapheme cluster containing `index` (index < text.length). */
function clusterAt(text: string, index: number): { start: number; end: number } {
  const from = Math.max(0, index - WINDOW);
  const segment = segmenter
    .segment(text.slice(from, Math.min(text.length, index + WINDOW)))
    .containing(index - from);
  if (segment === undefined) return { start: index, end: index + 1 };
  return { start: from + segment.index, end: from + segment.index + segment.segment.length };
}

/** Widens [start, end) to whole grapheme clusters: start moves back, end moves forward. */
export function snapToGraphemes(text: string, start: number, end: number): { start: number; end: number } {
  const snappedStart = start > 0 && start < text.length ? clusterAt(text, start).start : start;
  let snappedEnd = end;
  if (end > 0 && end < text.length) {
    const cluster = clusterAt(text, end);
    if (cluster.start !== end) snappedEnd = cluster.end;
  }
  return { start: snappedStart, end: snappedEnd };
}
