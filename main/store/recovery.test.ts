import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './index';
import { SCHEMA_VERSION } from './schema';
import {
  arabicArticle,
  articleMeta,
  clockAt,
  highlight,
  makeTempDir,
  rejection,
} from '../../test/kits/store-fixtures';

const NOW = '2024-05-01T10:00:00.000Z';
const STAMP = '2024-05-01T10-00-00-000Z';

let dataDir: string;

beforeEach(async () => {
  dataDir = await makeTempDir();
});

afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** A store with two articles, a and b, each with one highlight. */
async function filledStore(): Promise<Store> {
  const store = await openStore(dataDir);
  for (const id of ['a', 'b']) {
    await store.writeArticle(arabicArticle(id));
    await store.updateAnnotations(
      id,
      (file) => void file.highlights.push(highlight(id, `h-${id}`, 'ملاحظة')),
    );
  }
  await store.updateLibrary((library) => void library.articles.push(articleMeta('a'), articleMeta('b')));
  return store;
}

const damaged: [string, Buffer, RegExp][] = [
  ['empty', Buffer.alloc(0), /empty/],
  ['NUL-filled, as a power cut can leave it', Buffer.alloc(4096), /NUL/],
  ['truncated', Buffer.from('{"schemaVersion":1,"articles":[{"id":"a","tit'), /not valid JSON/],
  ['not JSON at all', Buffer.from('<html>not a library</html>'), /not valid JSON/],
  ['of a shape the schema rejects', Buffer.from('{"schemaVersion":1,"articles":"none"}'), /articles/],
];

describe('a damaged library.json', () => {
  it.each(damaged)(
    'is moved aside when %s; rebuilt from the article files (none here), and the store says so',
    async (_, bytes, why) => {
      const library = path.join(dataDir, 'library.json');
      await fs.writeFile(library, bytes);
      const store = await openStore(dataDir, { now: clockAt(NOW) });

      const movedTo = path.join(dataDir, `library.corrupt-${STAMP}.json`);
      expect(store.recoveries()).toEqual([
        {
          file: library,
          movedTo,
          reason: expect.stringMatching(why),
          recovered: expect.stringMatching(/Rebuilt the list of 0 article/),
          newestBackup: null,
        },
      ]);
      expect(await fs.readFile(movedTo)).toEqual(bytes);
      expect(existsSync(library)).toBe(true);
      expect(store.library()).toEqual({ schemaVersion: SCHEMA_VERSION, articles: [], settings: {} });

      await store.updateLibrary((file) => void file.articles.push(articleMeta('a')));
      expect((await openStore(dataDir)).library().articles).toEqual([articleMeta('a')]);
      expect(await fs.readFile(movedTo)).toEqual(bytes);
    },
  );

  it('never replaces an earlier moved-aside file, even when two are moved in the same millisecond', async () => {
    const library = path.join(dataDir, 'library.json');
    await fs.writeFile(library, 'first damage');
    await openStore(dataDir, { now: clockAt(NOW) });
    await fs.writeFile(library, 'second damage');
    const second = await openStore(dataDir, { now: clockAt(NOW) });

    expect(second.recoveries()[0]?.movedTo).toBe(path.join(dataDir, `library.corrupt-${STAMP}-2.json`));
    expect(await fs.readFile(path.join(dataDir, `library.corrupt-${STAMP}.json`), 'utf8')).toBe(
      'first damage',
    );
    expect(await fs.readFile(path.join(dataDir, `library.corrupt-${STAMP}-2.json`), 'utf8')).toBe(
      'second damage',
    );
  });

  it('offers the newest backup that holds it, which brings the library back', async () => {
    const store = await filledStore();
    const backup = await store.createBackup('daily');
    await fs.writeFile(path.join(dataDir, 'library.json'), Buffer.alloc(512));

    const reopened = await openStore(dataDir);
    const [recovery] = reopened.recoveries();
    expect(recovery?.newestBackup).toBe(backup.name);
    await reopened.restoreBackup(recovery?.newestBackup ?? '', { only: ['library.json'] });
    expect(reopened.library().articles.map((a) => a.id)).toEqual(['a', 'b']);
  });
});

describe('a damaged annotations file', () => {
  it('is moved aside when first read: with no backup, that article starts empty and the rest keeps working', async () => {
    await filledStore();
    const file = path.join(dataDir, 'annotations', 'a.json');
    await fs.writeFile(file, Buffer.alloc(2048));

    const store = await openStore(dataDir, { now: clockAt(NOW) });
    expect(store.recoveries()).toEqual([]);
    expect(existsSync(file)).toBe(true); // opening reads library.json only

    expect((await store.annotations('b')).highlights.map((h) => h.id)).toEqual(['h-b']);
    expect((await store.annotations('a')).highlights).toEqual([]);
    const movedTo = path.join(dataDir, 'annotations', `a.corrupt-${STAMP}.json`);
    expect(store.recoveries()).toEqual([
      {
        file,
        movedTo,
        reason: expect.stringMatching(/NUL/),
        recovered: expect.stringMatching(/No backup holds this file/),
        newestBackup: null,
      },
    ]);
    expect(await fs.readFile(movedTo)).toEqual(Buffer.alloc(2048));

    await store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h-new')));
    expect((await openStore(dataDir)).recoveries()).toEqual([]);
    expect((await store.check()).map((problem) => problem.file)).toEqual([movedTo]);
  });

  it('is moved aside when it holds another article’s annotations', async () => {
    await filledStore();
    await fs.copyFile(
      path.join(dataDir, 'annotations', 'b.json'),
      path.join(dataDir, 'annotations', 'a.json'),
    );
    const store = await openStore(dataDir);
    expect((await store.annotations('a')).highlights).toEqual([]);
    expect(store.recoveries()[0]?.reason).toMatch(/belongs to article b/);
  });

  it('offers the newest backup holding it, and restoring just that file brings its notes back', async () => {
    const first = await filledStore();
    const backup = await first.createBackup('daily');
    await fs.writeFile(path.join(dataDir, 'annotations', 'a.json'), '{"schemaVersion":1,"articleId":"a","hi');

    const store = await openStore(dataDir);
    await store.updateAnnotations('b', (f) => void f.highlights.push(highlight('b', 'h-b2')));
    await store.annotations('a');
    const [recovery] = store.recoveries();
    expect(recovery?.newestBackup).toBe(backup.name);

    const outcome = await store.restoreBackup(backup.name, { only: ['annotations/a.json'] });
    expect(outcome.files).toBe(1);
    expect((await store.annotations('a')).highlights.map((h) => h.id)).toEqual(['h-a']);
    expect((await store.annotations('b')).highlights.map((h) => h.id)).toEqual(['h-b', 'h-b2']);
  });
});

describe('a damaged article file', () => {
  it('is moved aside; reading the article says where, and its notes and the library keep working', async () => {
    await filledStore();
    const file = path.join(dataDir, 'articles', 'a.json');
    await fs.writeFile(file, '{"schemaVersion":1,"article":{"id":"a","title":');

    const store = await openStore(dataDir, { now: clockAt(NOW) });
    const movedTo = path.join(dataDir, 'articles', `a.corrupt-${STAMP}.json`);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await rejection(store.readArticle('a'));
      expect(error.code).toBe('corrupt');
      expect(error.file).toBe(file);
      expect(error.message).toContain(movedTo);
    }
    expect(store.recoveries()).toHaveLength(1);
    expect((await store.annotations('a')).highlights).toHaveLength(1);
    expect(store.library().articles).toHaveLength(2);

    await store.writeArticle(arabicArticle('a'));
    expect((await store.readArticle('a')).id).toBe('a');
  });
});
