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
  // ISO times sort as plain strings: `localeCompare` gave the same order through the locale's collation,
  // whose first use on a page costs milliseconds (measured: 5 ms for 500 times, then 0.3-0.5 ms a sort).
  const newer = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  const byDate = (a: ArticleSummary, b: ArticleSummary) => newer(a.importedAt, b.importedAt);
  const compare =
    sort === 'title'
      ? (a: ArticleSummary, b: ArticleSummary) => collator.compare(a.title, b.title)
      : sort === 'read'
        ? (a: ArticleSummary, b: ArticleSummary) =>
            newer(a.lastReadAt ?? '', b.lastReadAt ?? '') || byDate(a, b)
        : byDate;
  return [...shown].sort(compare);
}
