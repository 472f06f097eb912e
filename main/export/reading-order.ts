/**
 * The order highlights are written in: the order a reader meets them in the article, so an export reads like
 * the article; orphans have no place in the current text and come last. The same order as the notes panel
 * (compareReadingOrder).
 */
import { compareReadingOrder } from '../../shared/annotation-model';
import type { ExportHighlight } from './types';

export type OrderedHighlights = { anchored: ExportHighlight[]; orphans: ExportHighlight[] };

/** Splits highlights into the anchored ones in reading order and the orphans (by their old position). */
export function inReadingOrder(highlights: readonly ExportHighlight[]): OrderedHighlights {
  const sorted = [...highlights].sort(compareReadingOrder);
  const anchored = sorted.filter((h) => h.status !== 'orphan' && h.start >= 0);
  const orphans = sorted.filter((h) => h.status === 'orphan' || h.start < 0);
  return { anchored, orphans };
}
