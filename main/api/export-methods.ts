import type { Highlight } from '../annotations/model';
import {
  parseWebAnnotationJson,
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
import { withChapters } from './export-chapters';
import { withPictures } from './export-pictures';

export const EXPORT_FORMATS = ['md', 'json', 'csv', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const APP_VERSION = '0.1.0';

/** A restore file larger than this is refused before it is read (an export of 100,000 highlights is ~130 MB). */
export const MAX_RESTORE_BYTES = 150 * 1024 * 1024;

export type { RestoreReport };

export type ExportSelection = { articleIds?: readonly string[]; tag?: string };

const FORMATTERS: Record<ExportFormat, (input: ExportInput) => string> = {
  md: toMarkdown,
  json: toWebAnnotationJson,
  csv: toCsv,
  html: toHtml,
};

function sameContent(a: Highlight, b: Highlight): boolean {
  return (
    a.color === b.color &&
    a.target.exact === b.target.exact &&
    a.target.start === b.target.start &&
    a.note === b.note &&
    a.tags.join('\u0000') === b.tags.join('\u0000')
  );
}

type Deps = {
  store: Store;
  /** The reader's names for the colours, written into every export. */
  colorNames: () => ExportInput['colorNames'];
  liveArticles: () => ArticleMeta[];
  resolvedHighlights: (articleId: string) => Promise<ResolvedHighlight[]>;
  now: () => Date;
};

/** Export to the formats other tools read, and restore from Hamish's own JSON export. */
export function exportMethods({ store, liveArticles, resolvedHighlights, now, colorNames }: Deps) {
  /** The articles and highlights a selection covers: given articles, or everything; narrowed by a tag. */
  async function selection({ articleIds, tag }: ExportSelection): Promise<ExportArticle[]> {
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
      articles.push({ meta, highlights: chosen });
    }
    return articles;
  }

  return {
    /** The export file's text and a safe default file name for it. */
    async exportNotes(
      format: ExportFormat,
      chosen: ExportSelection,
    ): Promise<{ text: string; fileName: string; attachments: string[] }> {
      const chosenArticles = await selection(chosen);
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
      return { text, fileName: safeFileName(title, format), attachments };
    },

    /**
     * Brings back annotations from a JSON export: new highlights are added, identical ones skipped, and ones
     * whose id exists here with other content are reported and left alone. Articles are matched by id, else
     * by the hash of their source file. Annotations for an article that is not in the library are refused
     * (with its title): the whole restore is, so that nothing changes unless all of it can be applied.
     */
    async restoreNotes(text: string, file: string): Promise<RestoreReport> {
      const parsed = parseWebAnnotationJson(text);
      if (!parsed.ok) {
        const code = parsed.code === 'newer-version' ? 'newer-version' : 'invalid-input';
        throw new HamishError(code, `${file}: ${parsed.message}`, file);
      }
      const library = liveArticles();
      const plan: { articleId: string; add: Highlight[] }[] = [];
      const missing: string[] = [];
      const report: RestoreReport = { added: 0, identical: 0, conflicts: [] };
      for (const { meta, highlights } of parsed.value.articles) {
        const local =
          library.find((article) => article.id === meta.id) ??
          library.find((article) => article.source.sha256 === meta.source.sha256);
        if (!local) {
          missing.push(`«${meta.title}»`);
          continue;
        }
        const existing = (await store.annotations(local.id)).highlights;
        const add: Highlight[] = [];
        for (const exported of highlights) {
          const highlight: Highlight = {
            id: exported.id,
            articleId: local.id,
            color: exported.color,
            target: exported.target,
            note: exported.note,
            tags: exported.tags,
            createdAt: exported.createdAt,
            updatedAt: exported.updatedAt,
          };
          const here = existing.find((h) => h.id === highlight.id);
          if (!here) add.push(highlight);
          else if (sameContent(here, highlight)) report.identical++;
          else
            report.conflicts.push({
              id: highlight.id,
              article: local.title,
              reason: 'a different version exists here',
            });
        }
        if (add.length > 0) plan.push({ articleId: local.id, add });
        report.added += add.length;
      }
      if (missing.length > 0) {
        throw new HamishError(
          'not-found',
          `${file}: ${missing.length} article(s) of this export are not in the library: ${missing.join(', ')}. Import them first, then restore again. Nothing was changed.`,
          file,
        );
      }
      const written: { articleId: string; ids: Set<string> }[] = [];
      try {
        for (const { articleId, add } of plan) {
          await store.updateAnnotations(articleId, (annotations) => {
            annotations.highlights.push(...add);
          });
          written.push({ articleId, ids: new Set(add.map((h) => h.id)) });
        }
      } catch (error) {
        // Undo what was written, so a failed restore changes nothing.
        for (const { articleId, ids } of written.reverse()) {
          await store
            .updateAnnotations(articleId, (annotations) => {
              annotations.highlights = annotations.highlights.filter((h) => !ids.has(h.id));
            })
            .catch(() => undefined);
        }
        throw error;
      }
      return report;
    },
  };
}
