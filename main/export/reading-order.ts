/**
 * The order highlights are written in: the order a reader meets them in the article, so an export
 * reads like the article. Orphans have no place in the current text and come last.
 */
import type { ExportHighlight } from './types';

export type OrderedHighlights = { anchored: ExportHighlight[]; orphans: ExportHighlight[] };

function compare(a: ExportHighlight, b: ExportHighlight, start: (h: ExportHighlight) => number): number {
  // Overlapping highlights: the one starting first, then the shorter; ties by creation then id so
  // the output never depends on the order the store happened to keep.
  return (
    start(a) - start(b) || a.end - b.end || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
  );
}

/** Splits highlights into the anchored ones in reading order and the orphans (by their old position). */
export function inReadingOrder(highlights: readonly ExportHighlight[]): OrderedHighlights {
  const anchored = highlights.filter((h) => h.status !== 'orphan' && h.start >= 0);
  const orphans = highlights.filter((h) => h.status === 'orphan' || h.start < 0);
  anchored.sort((a, b) => compare(a, b, (h) => h.start));
  orphans.sort((a, b) => compare(a, b, (h) => h.target.start));
  return { anchored, orphans };
}
