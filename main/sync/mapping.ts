/**
 * How the library maps onto CouchDB documents (docs/SYNC.md, "Documents and ids"). An article is known
 * everywhere by a key taken from its content hash the first time it is synced, so the same article imported
 * on two computers before their first sync becomes one document.
 *
 *   article:<key>        the article's metadata: title, note, tags, reading position, trash state
 *   content:<key>        its blocks (large, changed only by an update of the article)
 *   hl:<key>:<id>        one highlight
 *   asset:<name>         one picture, its bytes inline (named by its content, never changed)
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Highlight } from '../../shared/annotation-model';
import { ArticleSchema, HighlightSchema, ProgressSchema, type ArticleMeta } from '../store';
import type { ArticleFile } from '../store';

/** The version of this mapping; a remote database marked with a higher one is refused. */
export const SYNC_FORMAT = 1;
/** The document that carries the format of a remote database. */
export const FORMAT_DOC = 'hamish-format';

const NoteConflicts = z.array(z.string()).max(100).optional();

export const ArticleDocSchema = z.object({
  type: z.literal('article'),
  sha256: z.string(),
  title: z.string(),
  lang: ArticleSchema.shape.lang,
  dir: ArticleSchema.shape.dir,
  source: ArticleSchema.shape.source,
  firstLine: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  progress: ProgressSchema.nullable(),
  trashedAt: z.string().max(40).nullable(),
  noteConflicts: NoteConflicts,
});
export type ArticleDoc = z.infer<typeof ArticleDocSchema>;

export const ContentDocSchema = z.object({
  type: z.literal('content'),
  sha256: z.string(),
  article: ArticleSchema.omit({ id: true }),
});
export type ContentDoc = z.infer<typeof ContentDocSchema>;

export const HighlightDocSchema = HighlightSchema.omit({ articleId: true }).extend({
  type: z.literal('highlight'),
  article: z.string(),
  noteConflicts: NoteConflicts,
});
export type HighlightDoc = z.infer<typeof HighlightDocSchema>;

/** The reader's settings, only when the person chose to sync them; the window's place stays per computer. */
export const SettingsDocSchema = z.object({
  type: z.literal('settings'),
  settings: z.record(z.string(), z.unknown()),
});
export type SettingsDoc = z.infer<typeof SettingsDocSchema>;
export const SETTINGS_DOC = 'settings';

export function settingsDocOf(settings: unknown): SettingsDoc {
  const source =
    typeof settings === 'object' && settings !== null ? { ...(settings as Record<string, unknown>) } : {};
  delete source.window;
  return { type: 'settings', settings: source };
}

export type SyncedDoc = ArticleDoc | ContentDoc | HighlightDoc | SettingsDoc;

export const articleDocId = (key: string) => `article:${key}`;
export const contentDocId = (key: string) => `content:${key}`;
export const highlightDocId = (key: string, id: string) => `hl:${key}:${id}`;
export const assetDocId = (name: string) => `asset:${name}`;

/** What a document id names: its kind, the article key and (for a highlight) the highlight's id. */
export function parseDocId(
  id: string,
):
  | { kind: 'article' | 'content'; key: string }
  | { kind: 'highlight'; key: string; highlight: string }
  | null {
  const [kind, key, highlight] = id.split(':');
  // Keys and highlight ids become ids and file names here: anything else is not a document of ours.
  if (!key || !/^[A-Za-z0-9_-]{1,128}$/.test(key)) return null;
  if (highlight !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(highlight)) return null;
  if ((kind === 'article' || kind === 'content') && highlight === undefined) return { kind, key };
  if (kind === 'hl' && highlight) return { kind: 'highlight', key, highlight };
  return null;
}

/** JSON with keys in a fixed order and undefined left out, so equal content hashes equally everywhere. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A synced document's content, without CouchDB's own fields or the conflicts set aside for the person:
 * what decides whether the library and the replica differ. A content document is named by its hash alone.
 */
export function contentHash(doc: Record<string, unknown>): string {
  if (doc.type === 'content') return `c:${String(doc.sha256)}`;
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!key.startsWith('_') && key !== 'noteConflicts') body[key] = value;
  }
  return createHash('sha1').update(stableJson(body)).digest('hex');
}

export function articleDocOf(meta: ArticleMeta): ArticleDoc {
  return {
    type: 'article',
    sha256: meta.source.sha256,
    title: meta.title,
    lang: meta.lang,
    dir: meta.dir,
    source: meta.source,
    firstLine: meta.firstLine,
    note: meta.note,
    tags: meta.tags,
    progress: meta.progress,
    trashedAt: meta.deletedAt,
  };
}

/** The library entry a document describes, for the article with `id` on this computer. */
export function metaOf(id: string, doc: ArticleDoc): ArticleMeta {
  return {
    id,
    title: doc.title,
    lang: doc.lang,
    dir: doc.dir,
    source: doc.source,
    firstLine: doc.firstLine,
    tags: doc.tags,
    note: doc.note,
    progress: doc.progress,
    deletedAt: doc.trashedAt,
  };
}

export function contentDocOf(article: ArticleFile['article']): ContentDoc {
  const { id: _id, ...rest } = article;
  void _id;
  return { type: 'content', sha256: article.source.sha256, article: rest };
}

export function highlightDocOf(key: string, highlight: Highlight): HighlightDoc {
  const { articleId: _articleId, ...rest } = highlight;
  void _articleId;
  return { type: 'highlight', article: key, ...rest };
}

export function highlightOf(articleId: string, doc: HighlightDoc): Highlight {
  return {
    id: doc.id,
    articleId,
    color: doc.color,
    target: doc.target,
    note: doc.note,
    tags: doc.tags,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** A received document checked against its kind's schema; null when it is not one Hamish knows. */
export function readDoc(doc: Record<string, unknown>): SyncedDoc | null {
  const schema =
    doc.type === 'article'
      ? ArticleDocSchema
      : doc.type === 'content'
        ? ContentDocSchema
        : doc.type === 'highlight'
          ? HighlightDocSchema
          : doc.type === 'settings'
            ? SettingsDocSchema
            : null;
  if (!schema) return null;
  const parsed = schema.safeParse(doc);
  return parsed.success ? parsed.data : null;
}
