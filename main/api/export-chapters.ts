import { blockStarts, type TocEntry } from '../articles';
import type { ExportArticle } from '../export';
import type { ExportChapter } from '../export/types';
import type { Store } from '../store';

function flatten(entries: readonly TocEntry[], into: TocEntry[] = []): TocEntry[] {
  for (const entry of entries) {
    into.push(entry);
    if (entry.children) flatten(entry.children, into);
  }
  return into;
}

/**
 * Adds to each book with highlights its contents, flattened in reading order, with where each entry starts
 * in the text: the Markdown and HTML exports group the book's highlights under them.
 */
export async function withChapters(store: Store, articles: ExportArticle[]): Promise<ExportArticle[]> {
  const result: ExportArticle[] = [];
  for (const article of articles) {
    if (article.meta.source.kind !== 'epub' || article.highlights.length === 0) {
      result.push(article);
      continue;
    }
    const { blocks, toc } = await store.readArticle(article.meta.id);
    const starts = blockStarts(blocks);
    const chapters: ExportChapter[] = flatten(toc ?? [])
      .map((entry) => ({ title: entry.title, start: starts[entry.block] ?? 0 }))
      .sort((a, b) => a.start - b.start);
    result.push(chapters.length > 0 ? { ...article, chapters } : article);
  }
  return result;
}
