import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './index';
import { arabicArticle, articleMeta, highlight, makeTempDir } from './test-fixtures';

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

/** Every file in the data folder with its bytes, to prove check() changed nothing. */
async function snapshot(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await fs.readdir(dataDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dataDir, file)] = (await fs.readFile(file)).toString('base64');
  }
  return files;
}

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
    const before = await snapshot();

    const problems = await store.check();
    expect(problems.map(({ file, code }) => ({ file, code }))).toEqual([
      { file: library, code: 'newer-version' },
      { file: articleB, code: 'corrupt' },
      { file: annotationsA, code: 'corrupt' },
    ]);
    for (const problem of problems) expect(problem.message).toContain(problem.file);
    expect(await snapshot()).toEqual(before);
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
