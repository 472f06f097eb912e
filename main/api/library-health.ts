import { StoreError, type ArticleMeta, type Store } from '../store';

/** An article the command line lists, with why it cannot be read when one of its files is damaged. */
export type CheckedArticle = {
  id: string;
  title: string;
  /** null when its annotations file cannot be read. */
  highlights: number | null;
  tags: string[];
  damaged?: string;
};

/** An article left out of a search or an export because one of its files cannot be read. */
export type SkippedArticle = { id: string; title: string; reason: string };

/** Whether `error` says a store file cannot be read (damaged, missing, from a newer version), not a bug. */
export function isUnreadableFile(error: unknown): error is StoreError {
  return error instanceof StoreError;
}

/**
 * Every live article with its highlight count, reading both of its files, so that one damaged article is
 * listed with the reason instead of stopping the list. Reading never moves a file aside in a read-only store.
 */
export async function checkedArticles(
  store: Store,
  articles: readonly ArticleMeta[],
): Promise<CheckedArticle[]> {
  const checked: CheckedArticle[] = [];
  for (const meta of articles) {
    const problems: string[] = [];
    let highlights: number | null = null;
    try {
      highlights = (await store.annotations(meta.id)).highlights.length;
    } catch (error) {
      if (!isUnreadableFile(error)) throw error;
      problems.push(error.message);
    }
    try {
      await store.readArticle(meta.id);
    } catch (error) {
      if (!isUnreadableFile(error)) throw error;
      problems.push(error.message);
    }
    const entry: CheckedArticle = { id: meta.id, title: meta.title, highlights, tags: [...meta.tags] };
    if (problems.length > 0) entry.damaged = problems.join(' ');
    checked.push(entry);
  }
  return checked;
}
