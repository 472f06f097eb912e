import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { StoreError } from '../../main/store/errors';
import type { ArticleFile, ArticleMeta } from '../../main/store/schema';
import type { Highlight } from '../../shared/annotation-model';

// Shared by the tests beside this file: real-looking Arabic data and a temp data folder.

/** A fresh, empty folder under the system temp folder. */
export function makeTempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'hamish-store-'));
}

const SHA = 'ab'.repeat(32);
const IMPORTED_AT = '2024-05-01T10:00:00.000Z';

/** A short Arabic article with a heading and a paragraph that mixes Latin words and digits. */
export function arabicArticle(id: string, title = 'في مدح الهامش'): ArticleFile['article'] {
  return {
    id,
    title,
    lang: 'ar',
    dir: 'rtl',
    source: { kind: 'md', name: `${id}.md`, sha256: SHA, importedAt: IMPORTED_AT },
    blocks: [
      { kind: 'heading', level: 1, text: title },
      { kind: 'paragraph', text: 'كتب الجاحظ في «البيان والتبيين» سنة 255 هـ عن Aristotle وعن الهامش.' },
    ],
  };
}

/** The library entry of an article. */
export function articleMeta(id: string): ArticleMeta {
  const article = arabicArticle(id);
  return {
    id,
    title: article.title,
    lang: article.lang,
    dir: article.dir,
    source: article.source,
    firstLine: 'كتب الجاحظ في «البيان والتبيين»',
    tags: ['أدب'],
    note: '',
    progress: null,
    deletedAt: null,
  };
}

/** A highlight of the word «الهامش» in arabicArticle(articleId). */
export function highlight(articleId: string, id: string, note = ''): Highlight {
  return {
    id,
    articleId,
    color: 'yellow',
    target: { start: 60, end: 66, exact: 'الهامش', prefix: 'وعن ', suffix: '.' },
    note,
    tags: [],
    createdAt: IMPORTED_AT,
    updatedAt: IMPORTED_AT,
  };
}

/** The StoreError a promise rejects with (failing the test if it resolves or throws anything else). */
export async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

/** Every file under `dir` with its bytes (base64), to prove that something changed nothing. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = (await fs.readFile(file)).toString('base64');
  }
  return files;
}

/** A clock stopped at `iso`, for names made of timestamps. */
export function clockAt(iso: string): () => Date {
  return () => new Date(iso);
}
