import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore, StoreError, type Store } from './index';
import { SCHEMA_VERSION } from './schema';
import { arabicArticle, articleMeta, highlight, makeTempDir } from '../../test/kits/store-fixtures';

let root: string;
let dataDir: string;

beforeEach(async () => {
  root = await makeTempDir();
  dataDir = path.join(root, 'data');
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fs.chmod(root, 0o755).catch(() => undefined);
  await fs.rm(root, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(file, 'utf8'));
}

async function fingerprint(file: string): Promise<{ ino: number; mtimeMs: number; bytes: string }> {
  const stat = await fs.stat(file);
  return { ino: stat.ino, mtimeMs: stat.mtimeMs, bytes: await fs.readFile(file, 'utf8') };
}

describe('openStore', () => {
  it('creates the data folder and its subfolders, but no file until the first update', async () => {
    const store = await openStore(dataDir);
    expect(store.dataDir).toBe(path.resolve(dataDir));
    expect((await fs.readdir(dataDir)).sort()).toEqual(['annotations', 'articles', 'backups']);
    expect(store.library()).toEqual({ schemaVersion: SCHEMA_VERSION, articles: [], settings: {} });
    await store.updateLibrary((library) => {
      library.settings = { theme: 'sepia' };
    });
    expect(await readJson(path.join(dataDir, 'library.json'))).toEqual({
      schemaVersion: SCHEMA_VERSION,
      articles: [],
      settings: { theme: 'sepia' },
    });
  });

  it('reads back everything after reopening', async () => {
    const first = await openStore(dataDir);
    await first.writeArticle(arabicArticle('a1'));
    await first.updateLibrary((library) => void library.articles.push(articleMeta('a1')));
    await first.updateAnnotations('a1', (file) => void file.highlights.push(highlight('a1', 'h1', 'ملاحظة')));

    const second = await openStore(dataDir);
    expect(second.library().articles).toEqual([articleMeta('a1')]);
    expect(await second.readArticle('a1')).toEqual(arabicArticle('a1'));
    expect((await second.annotations('a1')).highlights).toEqual([highlight('a1', 'h1', 'ملاحظة')]);
  });

  it('read-only, refuses a library.json it cannot read, leaving its bytes as they were', async () => {
    await fs.mkdir(dataDir);
    const file = path.join(dataDir, 'library.json');
    await fs.writeFile(file, Buffer.alloc(4096));
    const error = await rejection(openStore(dataDir, { readOnly: true }));
    expect(error.code).toBe('corrupt');
    expect(error.file).toBe(file);
    expect(await fs.readdir(dataDir)).toEqual(['library.json']);
    expect(await fs.readFile(file)).toEqual(Buffer.alloc(4096));
  });

  it('read-only, creates no folder and refuses every write', async () => {
    const store = await openStore(dataDir, { readOnly: true });
    expect(existsSync(dataDir)).toBe(false);
    expect(store.readOnlyReason()).toMatch(/read-only/);
    expect((await rejection(store.updateLibrary(() => undefined))).code).toBe('unwritable');
    expect((await rejection(store.updateAnnotations('a', () => undefined))).code).toBe('unwritable');
    expect((await rejection(store.writeArticle(arabicArticle('a')))).code).toBe('unwritable');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('ignores a leftover temp file of an interrupted library write', async () => {
    await fs.mkdir(dataDir);
    await fs.writeFile(path.join(dataDir, '.library.json.1234.0a1b2c.tmp'), '{"schemaVersion":1,"art');
    const store = await openStore(dataDir);
    expect(store.library().articles).toEqual([]);
  });
});

describe('openStore on a folder it cannot write', () => {
  // Root ignores permission bits, so chmod cannot make a folder read-only for root (as on CI here).
  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot || process.platform === 'win32')(
    'reports a read-only data folder as unwritable (skipped as root: chmod does not stop root)',
    async () => {
      await fs.mkdir(dataDir);
      await fs.chmod(dataDir, 0o555);
      const error = await rejection(openStore(dataDir));
      expect(error.code).toBe('unwritable');
      expect(error.file).toBe(dataDir);
    },
  );

  // These two work for root too: a file in the way, and a kernel file system that refuses new files.
  it('reports a data folder that cannot be created because a file is in its way', async () => {
    await fs.writeFile(path.join(root, 'a-file'), 'not a folder');
    const error = await rejection(openStore(path.join(root, 'a-file', 'data')));
    expect(error.code).toBe('unwritable');
    expect(error.message).toContain(path.join(root, 'a-file', 'data'));
  });

  it.skipIf(process.platform !== 'linux' || !existsSync('/sys/kernel'))(
    'reports an existing folder where even root cannot create a file (/sys) as unwritable',
    async () => {
      const error = await rejection(openStore('/sys'));
      expect(error.code).toBe('unwritable');
      expect(error.file).toBe('/sys');
    },
  );
});

describe('Store', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(dataDir);
  });

  it('lands every one of many concurrent library updates', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `article-${i}`);
    await Promise.all(
      ids.map((id) => store.updateLibrary((library) => void library.articles.push(articleMeta(id)))),
    );
    expect(store.library().articles.map((a) => a.id)).toEqual(ids);
    expect(await readJson(path.join(dataDir, 'library.json'))).toEqual(store.library());
  });

  it('lands every one of many concurrent annotation updates on one article', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `h${i}`);
    await Promise.all(
      ids.map((id) => store.updateAnnotations('a1', (f) => void f.highlights.push(highlight('a1', id)))),
    );
    const onDisk = (await readJson(path.join(dataDir, 'annotations', 'a1.json'))) as {
      highlights: { id: string }[];
    };
    expect(onDisk.highlights.map((h) => h.id)).toEqual(ids);
    expect((await store.annotations('a1')).highlights).toHaveLength(40);
  });

  it('gives empty annotations for an article that has none, without writing a file', async () => {
    expect(await store.annotations('a1')).toEqual({
      schemaVersion: SCHEMA_VERSION,
      articleId: 'a1',
      highlights: [],
    });
    expect(await fs.readdir(path.join(dataDir, 'annotations'))).toEqual([]);
  });

  it('reports a missing article as not found', async () => {
    const error = await rejection(store.readArticle('nowhere'));
    expect(error.code).toBe('not-found');
    expect(error.file).toBe(path.join(dataDir, 'articles', 'nowhere.json'));
  });

  it('replaces an article only through an explicit write', async () => {
    await store.writeArticle(arabicArticle('a1'));
    await store.writeArticle(arabicArticle('a1', 'عنوان جديد'));
    expect((await store.readArticle('a1')).title).toBe('عنوان جديد');
    expect((await openStore(dataDir).then((s) => s.readArticle('a1'))).title).toBe('عنوان جديد');
  });

  it.each([
    ['readArticle', (s: Store) => s.readArticle('../x')],
    ['writeArticle', (s: Store) => s.writeArticle(arabicArticle('../x'))],
    ['annotations', (s: Store) => s.annotations('../x')],
    ['updateAnnotations', (s: Store) => s.updateAnnotations('../x', () => undefined)],
    ['removeArticleFiles', (s: Store) => s.removeArticleFiles('../library')],
  ])('%s refuses an id that could name a file elsewhere', async (_, call) => {
    await store.updateLibrary(() => undefined);
    const before = await fs.readFile(path.join(dataDir, 'library.json'));
    expect((await rejection(call(store))).code).toBe('not-found');
    expect(await fs.readFile(path.join(dataDir, 'library.json'))).toEqual(before);
    expect(existsSync(path.join(dataDir, 'x.json'))).toBe(false);
  });

  it('updating the annotations of one article touches no other file', async () => {
    await store.updateLibrary((library) => void library.articles.push(articleMeta('a'), articleMeta('b')));
    await store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h1')));
    await store.updateAnnotations('b', (f) => void f.highlights.push(highlight('b', 'h2')));
    const library = path.join(dataDir, 'library.json');
    const other = path.join(dataDir, 'annotations', 'b.json');
    const [libraryBefore, otherBefore] = [await fingerprint(library), await fingerprint(other)];
    await new Promise((resolve) => setTimeout(resolve, 20)); // so that a rewrite would show in the mtime

    await store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h3')));
    expect(await fingerprint(library)).toEqual(libraryBefore);
    expect(await fingerprint(other)).toEqual(otherBefore);
    expect((await store.annotations('a')).highlights.map((h) => h.id)).toEqual(['h1', 'h3']);
  });

  it('keeps the library in memory as on disk when a write fails, and the retry succeeds', async () => {
    await store.updateLibrary((library) => void library.articles.push(articleMeta('a')));
    vi.spyOn(fs, 'rename').mockRejectedValueOnce(Object.assign(new Error('i/o error'), { code: 'EIO' }));
    const error = await rejection(
      store.updateLibrary((library) => void library.articles.push(articleMeta('b'))),
    );
    expect(error.code).toBe('io');
    expect(store.library().articles.map((a) => a.id)).toEqual(['a']);
    expect(await readJson(path.join(dataDir, 'library.json'))).toEqual(store.library());

    await store.updateLibrary((library) => void library.articles.push(articleMeta('b')));
    expect(store.library().articles.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('keeps annotations in memory as on disk when their folder becomes unusable', async () => {
    await store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h1')));
    const folder = path.join(dataDir, 'annotations');
    await fs.rename(folder, `${folder}-moved`);
    await fs.writeFile(folder, 'a file where the folder was');
    const error = await rejection(
      store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h2'))),
    );
    expect(error.code).toBe('io');
    expect(error.file).toBe(path.join(folder, 'a.json'));
    expect((await store.annotations('a')).highlights.map((h) => h.id)).toEqual(['h1']);

    await fs.rm(folder);
    await fs.rename(`${folder}-moved`, folder);
    await store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h2')));
    expect((await store.annotations('a')).highlights.map((h) => h.id)).toEqual(['h1', 'h2']);
  });

  it('refuses to save data that it could not read back, writing nothing', async () => {
    const change = store.updateLibrary((library) => void library.articles.push(articleMeta('not an id!')));
    await expect(change).rejects.toThrow(/Refusing to write/);
    expect(store.library().articles).toEqual([]);
    expect(existsSync(path.join(dataDir, 'library.json'))).toBe(false);
  });

  it('hands out frozen data, so nothing changes in memory without being saved', async () => {
    await store.updateLibrary((library) => void library.articles.push(articleMeta('a')));
    expect(() => store.library().articles.push(articleMeta('b'))).toThrow(TypeError);
    const annotations = await store.annotations('a');
    expect(() => annotations.highlights.push(highlight('a', 'h1'))).toThrow(TypeError);
  });

  it('read-only, never touches an annotations file it cannot read', async () => {
    const file = path.join(dataDir, 'annotations', 'a.json');
    const bytes = '{"schemaVersion":1,"articleId":"a","highlights":[{"id":';
    await fs.writeFile(file, bytes);
    const readOnly = await openStore(dataDir, { readOnly: true });
    expect((await rejection(readOnly.annotations('a'))).code).toBe('corrupt');
    expect((await rejection(readOnly.updateAnnotations('a', () => undefined))).code).toBe('unwritable');
    expect(await fs.readdir(path.join(dataDir, 'annotations'))).toEqual(['a.json']);
    expect(await fs.readFile(file, 'utf8')).toBe(bytes);
  });

  it('removes an article’s files, and later annotations start empty', async () => {
    await store.writeArticle(arabicArticle('a'));
    await store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h1')));
    await store.removeArticleFiles('a');
    expect(await fs.readdir(path.join(dataDir, 'articles'))).toEqual([]);
    expect(await fs.readdir(path.join(dataDir, 'annotations'))).toEqual([]);
    expect((await rejection(store.readArticle('a'))).code).toBe('not-found');
    await store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h2')));
    expect((await store.annotations('a')).highlights.map((h) => h.id)).toEqual(['h2']);
    await store.removeArticleFiles('never-existed');
  });
});
