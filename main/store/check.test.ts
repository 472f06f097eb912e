import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDataDir, openStore, type Store } from './index';
import {
  arabicArticle,
  articleMeta,
  highlight,
  makeTempDir,
  snapshotDir,
} from '../../test/kits/store-fixtures';

let dataDir: string;
let store: Store;

beforeEach(async () => {
  dataDir = await makeTempDir();
  store = await openStore(dataDir);
  await store.writeArticle(arabicArticle('a'));
  await store.writeArticle(arabicArticle('b'));
  await store.updateLibrary((library) => void library.articles.push(articleMeta('a'), articleMeta('b')));
  await store.updateAnnotations('a', (file) => void file.highlights.push(highlight('a', 'h1')));
});

afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('Store.check', () => {
  it('finds nothing wrong with a healthy store', async () => {
    expect(await store.check()).toEqual([]);
  });

  it('ignores leftover temp files, which are never read', async () => {
    await fs.writeFile(path.join(dataDir, '.library.json.77.abc123.tmp'), '');
    await fs.writeFile(path.join(dataDir, 'annotations', '.a.json.77.abc123.tmp'), '\0\0\0');
    expect(await store.check()).toEqual([]);
  });

  it('reports every damaged file by name and changes nothing', async () => {
    const annotationsA = path.join(dataDir, 'annotations', 'a.json');
    const articleB = path.join(dataDir, 'articles', 'b.json');
    const library = path.join(dataDir, 'library.json');
    await fs.writeFile(annotationsA, Buffer.alloc(4096));
    await fs.writeFile(articleB, '{"schemaVersion":1,"article":{"id":"b"');
    await fs.writeFile(library, JSON.stringify({ ...store.library(), schemaVersion: 2 }));
    const before = await snapshotDir(dataDir);

    const problems = await store.check();
    expect(problems.map(({ file, code }) => ({ file, code }))).toEqual([
      { file: library, code: 'newer-version' },
      { file: articleB, code: 'corrupt' },
      { file: annotationsA, code: 'corrupt' },
    ]);
    for (const problem of problems) expect(problem.message).toContain(problem.file);
    expect(await snapshotDir(dataDir)).toEqual(before);
  });

  it('reports a file that holds another article’s data', async () => {
    const file = path.join(dataDir, 'annotations', 'b.json');
    await fs.copyFile(path.join(dataDir, 'annotations', 'a.json'), file);
    const problems = await store.check();
    expect(problems).toEqual([
      { file, code: 'corrupt', message: expect.stringMatching(/belongs to article a/) },
    ]);
  });

  it('reports an article the library lists whose file is missing', async () => {
    const file = path.join(dataDir, 'articles', 'b.json');
    await fs.rm(file);
    expect(await store.check()).toEqual([
      { file, code: 'not-found', message: expect.stringContaining(file) },
    ]);
  });
});

describe('checkDataDir (hamish check)', () => {
  it('reports damage without opening a store: nothing is moved aside, migrated or created', async () => {
    const annotationsA = path.join(dataDir, 'annotations', 'a.json');
    await fs.writeFile(annotationsA, '');
    await fs.writeFile(path.join(dataDir, 'library.json'), '{"articles":[],"preferences":{}}'); // version 0
    const before = await snapshotDir(dataDir);
    expect(await checkDataDir(dataDir)).toEqual([
      { file: annotationsA, code: 'corrupt', message: expect.stringMatching(/empty/) },
    ]);
    expect(await snapshotDir(dataDir)).toEqual(before);
  });

  it('creates nothing for a folder that does not exist', async () => {
    const missing = path.join(dataDir, 'not-yet');
    expect(await checkDataDir(missing)).toEqual([]);
    expect(await fs.readdir(dataDir)).not.toContain('not-yet');
  });

  it('reports every damaged copy kept aside until it is deleted, saying how to deal with it', async () => {
    await fs.writeFile(path.join(dataDir, 'annotations', 'a.json'), '\0\0\0');
    await (await openStore(dataDir)).annotations('a');
    const problems = await checkDataDir(dataDir);
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/annotations[/\\]a\.corrupt-.*\.json$/),
        code: 'corrupt',
        message: expect.stringMatching(/damaged copy of a\.json.*then delete it/),
      },
    ]);
    await fs.rm(problems[0]?.file ?? '');
    expect(await checkDataDir(dataDir)).toEqual([]);
  });
});
