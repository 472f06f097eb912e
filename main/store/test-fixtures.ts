import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ArticleFile, ArticleMeta } from './schema';
import type { Highlight } from '../annotations/model';

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
