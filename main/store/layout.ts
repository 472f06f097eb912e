import path from 'node:path';
import { StoreError } from './errors';
import { migrateData } from './migrations';
import {
  AnnotationsFileSchema,
  ArticleFileSchema,
  IdSchema,
  LibraryFileSchema,
  SCHEMA_VERSION,
  type AnnotationsFile,
  type ArticleFile,
  type LibraryFile,
} from './schema';

/** Where each store file lives (docs/ARCHITECTURE.md, "Store on disk"). */
export type StoreLayout = {
  dataDir: string;
  library: string;
  articles: string;
  annotations: string;
  backups: string;
};

/** The layout of the store in `dataDir` (made absolute). */
export function storeLayout(dataDir: string): StoreLayout {
  const root = path.resolve(dataDir);
  return {
    dataDir: root,
    library: path.join(root, 'library.json'),
    articles: path.join(root, 'articles'),
    annotations: path.join(root, 'annotations'),
    backups: path.join(root, 'backups'),
  };
}

/**
 * `<folder>/<id>.json`, once `id` is known to be a plain id: an id from outside (IPC, CLI) must never be able
 * to name a file elsewhere, such as `../library`.
 */
export function fileForId(folder: string, id: string): string {
  if (!IdSchema.safeParse(id).success) {
    throw new StoreError('not-found', folder, `There is no article ${JSON.stringify(id)}: not a valid id.`);
  }
  return path.join(folder, `${id}.json`);
}

/** The library file as it is before anything was saved. */
export function emptyLibrary(): LibraryFile {
  return { schemaVersion: SCHEMA_VERSION, articles: [], settings: {} };
}

/** An article's annotations file before its first highlight. */
export function emptyAnnotations(articleId: string): AnnotationsFile {
  return { schemaVersion: SCHEMA_VERSION, articleId, highlights: [] };
}

/**
 * Validates library.json, bringing an older version up to date first (in memory: the file changes only when
 * next saved, or by the migration at open). Settings are not checked here: readSettings() reads them leniently.
 */
export function parseLibrary(data: unknown): LibraryFile {
  return LibraryFileSchema.parse(migrateData('library', data));
}

/** Validates `articles/<id>.json` (after migrating it), including that it holds article `id` and not another. */
export function articleParser(id: string): (data: unknown) => ArticleFile {
  return (data) => {
    const file = ArticleFileSchema.parse(migrateData('article', data));
    if (file.article.id !== id) throw new Error(`it holds article ${file.article.id}, not ${id}`);
    return file;
  };
}

/** Validates `annotations/<id>.json` (after migrating it), including that it belongs to article `id`. */
export function annotationsParser(id: string): (data: unknown) => AnnotationsFile {
  return (data) => {
    const file = AnnotationsFileSchema.parse(migrateData('annotations', data));
    if (file.articleId !== id) throw new Error(`it belongs to article ${file.articleId}, not ${id}`);
    return file;
  };
}

/**
 * A timestamp usable in a file name on every system (no colons, which Windows refuses), sorting as time does:
 * 2024-05-01T10-00-00-000Z.
 */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
