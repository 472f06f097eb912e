import type { ArticleSummary } from '../../../shared/contract';

export type LibrarySort = 'date' | 'title' | 'read';

/** Folds a title for matching: case, Arabic diacritics, tatweel and alef/ya/ta-marbuta forms do not matter. */
export function foldTitle(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}

/** The library as shown: filtered by a title search and a tag, then sorted. */
export function arrange(
  articles: readonly ArticleSummary[],
  { query, tag, sort, collator }: { query: string; tag: string; sort: LibrarySort; collator: Intl.Collator },
): ArticleSummary[] {
  const needle = foldTitle(query.trim());
  const shown = articles.filter(
    (a) => (!needle || foldTitle(a.title).includes(needle)) && (!tag || a.tags.includes(tag)),
  );
  const byDate = (a: ArticleSummary, b: ArticleSummary) => b.importedAt.localeCompare(a.importedAt);
  const compare =
    sort === 'title'
      ? (a: ArticleSummary, b: ArticleSummary) => collator.compare(a.title, b.title)
      : sort === 'read'
        ? (a: ArticleSummary, b: ArticleSummary) =>
            (b.lastReadAt ?? '').localeCompare(a.lastReadAt ?? '') || byDate(a, b)
        : byDate;
  return [...shown].sort(compare);
}
