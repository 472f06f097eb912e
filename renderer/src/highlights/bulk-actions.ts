import type { ApiError, HighlightEntry } from '../../../shared/contract';
import type { Color } from '../../../shared/annotation-model';
import { call } from '../api';

/** How a bulk action went: how many highlights it changed, and the first error if one failed. */
export type BulkOutcome = { done: number; error: ApiError | null };

/** Runs one change per highlight, one after another (each is its own durable save), stopping at an error. */
async function each(
  entries: readonly HighlightEntry[],
  change: (entry: HighlightEntry) => Promise<{ ok: true } | { ok: false; error: ApiError }>,
): Promise<BulkOutcome> {
  let done = 0;
  for (const entry of entries) {
    const result = await change(entry);
    if (!result.ok) return { done, error: result.error };
    done++;
  }
  return { done, error: null };
}

/** Adds a tag to every chosen highlight (those that have it already are left as they are). */
export function tagAll(entries: readonly HighlightEntry[], tag: string): Promise<BulkOutcome> {
  const wanted = tag.trim();
  return each(
    entries.filter((entry) => !entry.tags.includes(wanted)),
    (entry) =>
      call('updateHighlight', { articleId: entry.articleId, id: entry.id, tags: [...entry.tags, wanted] }),
  );
}

export function recolourAll(entries: readonly HighlightEntry[], color: Color): Promise<BulkOutcome> {
  return each(
    entries.filter((entry) => entry.color !== color),
    (entry) => call('updateHighlight', { articleId: entry.articleId, id: entry.id, color }),
  );
}

export function deleteAll(entries: readonly HighlightEntry[]): Promise<BulkOutcome> {
  return each(entries, (entry) => call('deleteHighlight', { articleId: entry.articleId, id: entry.id }));
}
