import { version } from '../../package.json';
import {
  safeFileName,
  toCsv,
  toHtml,
  toMarkdown,
  toWebAnnotationJson,
  type ExportArticle,
  type ExportInput,
  type ExportLanguage,
} from '../export';
import type { ArticleMeta } from '../store';
import type { Inputs, Outputs, ResolvedHighlight, RestoreReport } from './contract';
import { HamishError } from './errors';
import { isUnreadableFile, type SkippedArticle } from './library-health';
import { withChapters } from './export-chapters';
import { copyAttachments, withPictures } from './export-pictures';
import type { ServiceDeps } from './service-deps';
import { writeUserFile } from './user-files';

export const EXPORT_FORMATS = ['md', 'json', 'csv', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// Read from package.json at build time, so an export always names the version that wrote it.
export const APP_VERSION: string = version;

export { MAX_RESTORE_BYTES } from './restore-notes';
export type { RestoreReport };

export type ExportSelection = {
  articleIds?: readonly string[];
  tag?: string;
  /** Only these highlights; articles left with none of them are left out. */
  highlightIds?: readonly string[];
  /**
   * With no articles named ("export all"), articles the person never annotated — no highlight, no note,
   * no tag — are left out, unless this is set.
   */
  includeEmpty?: boolean;
  /** The interface language, for the labels and colour names of Markdown and HTML (see export/labels.ts). */
  language?: ExportLanguage;
};

/** Whether the person wrote anything of their own on the article itself. */
function annotatedItself(meta: ArticleMeta): boolean {
  return meta.note.trim() !== '' || meta.tags.length > 0;
}

const FORMATTERS: Record<ExportFormat, (input: ExportInput) => string> = {
  md: toMarkdown,
  json: toWebAnnotationJson,
  csv: toCsv,
  html: toHtml,
};

type Deps = ServiceDeps & {
  /** An article's highlights resolved in its current text (the highlight method set's). */
  resolvedHighlights: (articleId: string) => Promise<ResolvedHighlight[]>;
};

/** Export to the formats other tools read (restoring from Hamish's own JSON export: restore-notes.ts). */
export function exportMethods({ store, options, liveArticles, resolvedHighlights, now, settings }: Deps) {
  // The reader's names for the colours and the daily review's state per highlight, written into the exports.
  const colorNames = () => settings().colorNames;
  const reviews = () => store.library().review?.highlights;
  /**
   * The articles and highlights a selection covers: given articles, or everything; narrowed by a tag. An
   * article whose files cannot be read is left out and reported, so one damaged file never stops an export;
   * if nothing could be read of what was asked, its error is the export's.
   */
  async function selection({
    articleIds,
    tag,
    highlightIds,
    includeEmpty = false,
  }: ExportSelection): Promise<{ articles: ExportArticle[]; skipped: SkippedArticle[] }> {
    const only = highlightIds ? new Set(highlightIds) : null;
    const metas = liveArticles().filter((meta) => !articleIds || articleIds.includes(meta.id));
    if (articleIds) {
      const missing = articleIds.filter((id) => !metas.some((meta) => meta.id === id));
      if (missing.length > 0) throw new HamishError('not-found', `No article with id ${missing.join(', ')}.`);
    }
    const articles: ExportArticle[] = [];
    const skipped: SkippedArticle[] = [];
    let firstError: unknown;
    for (const meta of metas) {
      let highlights: ResolvedHighlight[];
      try {
        highlights = await resolvedHighlights(meta.id);
      } catch (error) {
        if (!isUnreadableFile(error)) throw error;
        firstError ??= error;
        skipped.push({ id: meta.id, title: meta.title, reason: error.message });
        continue;
      }
      // With a tag: a tagged article comes whole; from the others, only their tagged highlights.
      const chosen =
        !tag || meta.tags.includes(tag) ? highlights : highlights.filter((h) => h.tags.includes(tag));
      if (tag && chosen.length === 0 && !meta.tags.includes(tag)) continue;
      if (!articleIds && !includeEmpty && chosen.length === 0 && !annotatedItself(meta)) continue;
      if (only) {
        const picked = chosen.filter((h) => only.has(h.id));
        if (picked.length > 0) articles.push({ meta, highlights: picked });
        continue;
      }
      articles.push({ meta, highlights: chosen });
    }
    if (articles.length === 0 && firstError !== undefined) throw firstError;
    return { articles, skipped };
  }

  /** The export file's text and a safe default file name for it. */
  async function exportNotes(
    format: ExportFormat,
    chosen: ExportSelection,
  ): Promise<{ text: string; fileName: string; skipped: SkippedArticle[]; attachments: string[] }> {
    const { articles: chosenArticles, skipped } = await selection(chosen);
    // Pictures touched by highlights: embedded in HTML, linked as attachments in Markdown.
    const articles =
      format === 'html' || format === 'md'
        ? await withChapters(store, await withPictures(store, chosenArticles, format === 'html'))
        : chosenArticles;
    const text = FORMATTERS[format]({
      articles,
      exportedAt: now().toISOString(),
      appVersion: APP_VERSION,
      colorNames: colorNames(),
      ...(chosen.language === undefined ? {} : { language: chosen.language }),
      reviews: reviews(),
    });
    const title =
      articles.length === 1
        ? (articles[0]?.meta.title ?? '')
        : chosen.tag
          ? `hamish-${chosen.tag}`
          : 'hamish-notes';
    // The pictures a Markdown export links to, to be copied beside it when it is written to a file.
    const attachments =
      format === 'md' ? [...new Set(articles.flatMap((a) => (a.pictures ?? []).map((p) => p.asset)))] : [];
    return { text, fileName: safeFileName(title, format), skipped, attachments };
  }

  return {
    exportNotes,

    async exportToFile({
      format,
      articleIds,
      tag,
      highlightIds,
      includeEmpty,
      language,
    }: Inputs['exportToFile']): Promise<Outputs['exportToFile']> {
      const { text, fileName, attachments } = await exportNotes(format, {
        articleIds,
        tag,
        highlightIds,
        includeEmpty,
        language,
      });
      // main asks where to save; the page never names a path.
      const file = options.chooseSaveFile ? await options.chooseSaveFile(fileName) : null;
      if (file === null) return null;
      await writeUserFile(file, text, options.dataDir);
      await copyAttachments(options.dataDir, file, attachments);
      return { file };
    },
  };
}
