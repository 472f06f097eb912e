import type { ArticleSummary } from '../../../shared/contract';

/** The article read most recently (by the time its reading position was last saved), if any was read. */
export function lastRead(articles: readonly ArticleSummary[]): ArticleSummary | null {
  let latest: ArticleSummary | null = null;
  for (const article of articles) {
    if (article.lastReadAt && (!latest?.lastReadAt || article.lastReadAt > latest.lastReadAt))
      latest = article;
  }
  return latest;
}

/** The article the app opens at start: the one read last, else the first (the default article on a new library). */
export function startArticle(articles: readonly ArticleSummary[]): string | null {
  return (lastRead(articles) ?? articles[0])?.id ?? null;
}
