/**
 * Reading a Web Annotation export back for restore. Errors are values with a code the UI translates:
 * `not-json`, `wrong-shape` (not a Hamish export, or a damaged one), `newer-version` (made by a newer
 * Hamish: refused rather than half-understood).
 */
import type { z } from 'zod';
import type { ReviewState } from '../review/schedule';
import type { ArticleMeta } from '../store';
import type { ExportHighlight } from './types';
import {
  type AnnotationShape,
  type ArticleShape,
  CollectionShape,
  VersionShape,
} from './web-annotation-shape';
import { EXPORT_SCHEMA_VERSION } from './web-annotation-terms';

/** What an export holds of an article: its metadata without the reader's progress or trash state. */
export type ExportedArticleMeta = Pick<
  ArticleMeta,
  'id' | 'title' | 'lang' | 'dir' | 'source' | 'note' | 'tags'
>;
export type ParsedArticle = { meta: ExportedArticleMeta; highlights: ExportHighlight[] };
export type ParsedExport = {
  schemaVersion: number;
  exportedAt: string;
  appVersion: string;
  articles: ParsedArticle[];
  /** The daily review's state of the highlights that had one, by highlight id. */
  reviews: Record<string, ReviewState>;
};
export type ParseErrorCode = 'not-json' | 'wrong-shape' | 'newer-version';
export type ParseResult =
  { ok: true; value: ParsedExport } | { ok: false; code: ParseErrorCode; message: string };

const fail = (code: ParseErrorCode, message: string): ParseResult => ({ ok: false, code, message });

function describeIssue(error: z.ZodError): string {
  const [issue] = error.issues;
  if (issue === undefined) return 'This file is not a Hamish export.';
  const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  return `This file is not a Hamish export: ${issue.message}${where}.`;
}

function toMeta(article: ArticleShape): ExportedArticleMeta {
  const source = article['hamish:source'];
  return {
    id: article.id,
    title: article['hamish:title'],
    lang: article.language,
    dir: article.textDirection,
    source: {
      kind: source['hamish:kind'],
      name: source['hamish:name'],
      sha256: source['hamish:sha256'],
      importedAt: source['hamish:importedAt'],
      ...(source['hamish:web'] && { web: source['hamish:web'] }),
    },
    note: article['hamish:note'],
    tags: article['hamish:tags'],
  };
}

function toHighlight(annotation: AnnotationShape): ExportHighlight | string {
  const selectors = annotation.target.selector;
  const quote = selectors.find((selector) => selector.type === 'TextQuoteSelector');
  const position = selectors.find((selector) => selector.type === 'TextPositionSelector');
  const status = annotation['hamish:status'];
  if (quote === undefined) return `highlight ${annotation.id} has no TextQuoteSelector`;
  if (position === undefined && status !== 'orphan') return `highlight ${annotation.id} has no position`;
  const bodies = annotation.body ?? [];
  const stored = annotation['hamish:storedPosition'];
  return {
    id: annotation.id,
    articleId: annotation.target.source,
    color: annotation['hamish:color'],
    target: {
      start: stored.start,
      end: stored.end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
    },
    note: bodies
      .filter((body) => body.purpose === 'commenting')
      .map((body) => body.value)
      .join('\n\n'),
    tags: bodies.filter((body) => body.purpose === 'tagging').map((body) => body.value),
    createdAt: annotation.created,
    updatedAt: annotation.modified,
    status,
    start: position?.start ?? -1,
    end: position?.end ?? -1,
  };
}

/** Parses the text of a Web Annotation export written by toWebAnnotationJson. */
export function parseWebAnnotationJson(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('not-json', 'This file is not JSON.');
  }
  const version = VersionShape.safeParse(json);
  if (!version.success)
    return fail('wrong-shape', 'This file is not a Hamish export: it has no hamish:schemaVersion.');
  const schemaVersion = version.data['hamish:schemaVersion'];
  if (schemaVersion > EXPORT_SCHEMA_VERSION) {
    return fail(
      'newer-version',
      `This export was made by a newer Hamish (format ${schemaVersion}); update Hamish to restore it.`,
    );
  }
  const parsed = CollectionShape.safeParse(json);
  if (!parsed.success) return fail('wrong-shape', describeIssue(parsed.error));
  const doc = parsed.data;
  const items = doc.first?.items ?? [];
  if (items.length !== doc.total) {
    return fail(
      'wrong-shape',
      `This export is incomplete: it announces ${doc.total} highlights and holds ${items.length}.`,
    );
  }
  const articles = new Map<string, ParsedArticle>();
  for (const article of doc['hamish:article']) {
    if (articles.has(article.id))
      return fail('wrong-shape', `This export is damaged: article ${article.id} appears twice.`);
    articles.set(article.id, { meta: toMeta(article), highlights: [] });
  }
  const seen = new Set<string>();
  const reviews: Record<string, ReviewState> = {};
  for (const item of items) {
    const highlight = toHighlight(item);
    if (typeof highlight === 'string') return fail('wrong-shape', `This export is damaged: ${highlight}.`);
    const article = articles.get(highlight.articleId);
    if (article === undefined)
      return fail(
        'wrong-shape',
        `This export is damaged: highlight ${highlight.id} belongs to no article in it.`,
      );
    if (seen.has(highlight.id))
      return fail('wrong-shape', `This export is damaged: highlight ${highlight.id} appears twice.`);
    seen.add(highlight.id);
    article.highlights.push(highlight);
    const review = item['hamish:review'];
    if (review) reviews[highlight.id] = review;
  }
  return {
    ok: true,
    value: {
      schemaVersion,
      exportedAt: doc['hamish:exportedAt'],
      appVersion: doc['hamish:appVersion'],
      articles: [...articles.values()],
      reviews,
    },
  };
}
