import {
  safeFileName,
  toCsv,
  toHtml,
  toMarkdown,
  toWebAnnotationJson,
  type ExportArticle,
  type ExportInput,
} from '../export';
import type { ArticleMeta, Store } from '../store';
import type { ResolvedHighlight, RestoreReport } from './contract';
import { HamishError } from './errors';

export const EXPORT_FORMATS = ['md', 'json', 'csv', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const APP_VERSION = '0.1.0';

export { MAX_RESTORE_BYTES } from './restore-notes';
export type { RestoreReport };

export type ExportSelection = {
  articleIds?: readonly string[];
  tag?: string;
  /** Only these highlights; articles left with none of them are left out. */
  highlightIds?: readonly string[];
};

const FORMATTERS: Record<ExportFormat, (input: ExportInput) => string> = {
  md: toMarkdown,
  json: toWebAnnotationJson,
  csv: toCsv,
  html: toHtml,
};

type Deps = {
  store: Store;
  /** The reader's names for the colours, written into every export. */
  colorNames: () => ExportInput['colorNames'];
  liveArticles: () => ArticleMeta[];
  resolvedHighlights: (articleId: string) => Promise<ResolvedHighlight[]>;
  now: () => Date;
  /** The daily review's state per highlight id (written into the JSON export). */
  reviews?: () => ExportInput['reviews'];
};

/** Export to the formats other tools read (restoring from Hamish's own JSON export: restore-notes.ts). */
export function exportMethods({
  liveArticles,
  resolvedHighlights,
  now,
  colorNames,
  reviews = () => undefined,
}: Deps) {
  /** The articles and highlights a selection covers: given articles, or everything; narrowed by a tag. */
  async function selection({ articleIds, tag, highlightIds }: ExportSelection): Promise<ExportArticle[]> {
    const only = highlightIds ? new Set(highlightIds) : null;
    const metas = liveArticles().filter((meta) => !articleIds || articleIds.includes(meta.id));
    if (articleIds) {
      const missing = articleIds.filter((id) => !metas.some((meta) => meta.id === id));
      if (missing.length > 0) throw new HamishError('not-found', `No article with id ${missing.join(', ')}.`);
    }
    const articles: ExportArticle[] = [];
    for (const meta of metas) {
      const highlights = await resolvedHighlights(meta.id);
      // With a tag: a tagged article comes whole; from the others, only their tagged highlights.
      const chosen =
        !tag || meta.tags.includes(tag) ? highlights : highlights.filter((h) => h.tags.includes(tag));
      if (tag && chosen.length === 0 && !meta.tags.includes(tag)) continue;
      if (only) {
        const picked = chosen.filter((h) => only.has(h.id));
        if (picked.length > 0) articles.push({ meta, highlights: picked });
        continue;
      }
      articles.push({ meta, highlights: chosen });
    }
    return articles;
  }

  return {
    /** The export file's text and a safe default file name for it. */
    async exportNotes(
      format: ExportFormat,
      chosen: ExportSelection,
    ): Promise<{ text: string; fileName: string }> {
      const articles = await selection(chosen);
      const text = FORMATTERS[format]({
        articles,
        exportedAt: now().toISOString(),
        appVersion: APP_VERSION,
        colorNames: colorNames(),
        reviews: reviews(),
      });
      const title =
        articles.length === 1
          ? (articles[0]?.meta.title ?? '')
          : chosen.tag
            ? `hamish-${chosen.tag}`
            : 'hamish-notes';
      return { text, fileName: safeFileName(title, format) };
    },
  };
}
