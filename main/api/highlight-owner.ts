import { StoreError, type ArticleMeta, type Store } from '../store';

/** The article holding a highlight (null if none does), and the annotations files that could not be read. */
export type HighlightOwner = { articleId: string | null; unreadable: StoreError[] };

/**
 * Finds which live article holds the highlight `id` (the command line names a highlight by its id alone).
 * An article whose annotations cannot be read is passed over and reported, so that one damaged file does
 * not stop a change to a highlight elsewhere.
 */
export async function findHighlightOwner(
  store: Store,
  articles: readonly ArticleMeta[],
  id: string,
): Promise<HighlightOwner> {
  const unreadable: StoreError[] = [];
  for (const article of articles) {
    try {
      const { highlights } = await store.annotations(article.id);
      if (highlights.some((highlight) => highlight.id === id)) return { articleId: article.id, unreadable };
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      unreadable.push(error);
    }
  }
  return { articleId: null, unreadable };
}
