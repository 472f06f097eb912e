import fs from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, storeErrorFromFs } from './errors';
import { annotationsParser, articleParser, parseLibrary, type StoreLayout } from './layout';
import type { FileKind } from './migrations';
import { IdSchema } from './schema';

/** One file of the store: its path relative to the data folder ('/'-separated, as in a backup manifest). */
export type StoreFile = { path: string; file: string; kind: FileKind; parse: (data: unknown) => unknown };

/**
 * The store file at `relative` — only `library.json`, `articles/<id>.json` or `annotations/<id>.json`; null for
 * anything else, so that a path read from disk (a backup manifest) can never name a file outside the store.
 */
export function storeFileAt(layout: StoreLayout, relative: string): StoreFile | null {
  if (relative === 'library.json') return libraryFile(layout);
  const match = /^(articles|annotations)\/([^/]+)\.json$/.exec(relative);
  const id = match?.[2];
  if (!match || id === undefined || !IdSchema.safeParse(id).success) return null;
  return match[1] === 'articles'
    ? {
        path: relative,
        file: path.join(layout.articles, `${id}.json`),
        kind: 'article',
        parse: articleParser(id),
      }
    : {
        path: relative,
        file: path.join(layout.annotations, `${id}.json`),
        kind: 'annotations',
        parse: annotationsParser(id),
      };
}

/**
 * Every store file that exists: articles, then annotations, then library.json (each folder in name order).
 * Temp files, moved-aside files and anything else not named `<id>.json` are not store files.
 */
export async function listStoreFiles(layout: StoreLayout): Promise<StoreFile[]> {
  const files: StoreFile[] = [];
  for (const folder of ['articles', 'annotations']) {
    for (const name of (await namesIn(path.join(layout.dataDir, folder))).sort()) {
      const found = storeFileAt(layout, `${folder}/${name}`);
      if (found) files.push(found);
    }
  }
  try {
    if ((await fs.stat(layout.library)).isFile()) files.push(libraryFile(layout));
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw storeErrorFromFs(error, layout.library, 'read');
  }
  return files;
}

function libraryFile(layout: StoreLayout): StoreFile {
  return { path: 'library.json', file: layout.library, kind: 'library', parse: parseLibrary };
}

async function namesIn(folder: string): Promise<string[]> {
  try {
    return await fs.readdir(folder);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw storeErrorFromFs(error, folder, 'list');
  }
}
