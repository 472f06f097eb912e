import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitChange, PENDING_CHANGE } from './atomic-change';
import { openStore } from './index';
import { storeLayout } from './layout';
import { arabicArticle, articleMeta, makeTempDir } from '../../test/kits/store-fixtures';
import { injectFaults } from '../../test/kits/store-faults';

let root: string;
let dataDir: string;

beforeEach(async () => {
  root = await makeTempDir();
  dataDir = path.join(root, 'data');
  const store = await openStore(dataDir);
  await store.writeArticle(arabicArticle('a', 'قديم'));
  await store.updateLibrary((library) => void library.articles.push(articleMeta('a')));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const layout = () => storeLayout(dataDir);
const articleFile = () => path.join(dataDir, 'articles', 'a.json');
const articleJson = (title: string) =>
  JSON.stringify({ schemaVersion: 1, article: arabicArticle('a', title) }, null, 2) + '\n';
const titleOnDisk = async () =>
  (JSON.parse(await fs.readFile(articleFile(), 'utf8')) as { article: { title: string } }).article.title;
const names = async (dir: string) => (await fs.readdir(dir)).sort();

describe('a change of several files', () => {
  it('replaces and deletes its files, and leaves no temp file or record behind', async () => {
    await commitChange(layout(), [
      { file: articleFile(), content: articleJson('جديد') },
      { file: path.join(dataDir, 'annotations', 'a.journal'), content: null },
    ]);
    expect(await titleOnDisk()).toBe('جديد');
    expect(await names(path.join(dataDir, 'articles'))).toEqual(['a.json']);
    expect(await names(dataDir)).not.toContain(PENDING_CHANGE);
  });

  it('killed after its commit point, is finished when the store is next opened', async () => {
    // Crash at each step in turn; whenever the record made it to disk, opening the store finishes the change.
    let finished = 0;
    for (let k = 1; ; k++) {
      await fs.writeFile(articleFile(), articleJson('قديم'));
      const faults = injectFaults(k, 'crash');
      const outcome = await commitChange(layout(), [
        { file: articleFile(), content: articleJson('جديد') },
        {
          file: layout().library,
          content: await fs.readFile(layout().library, 'utf8'),
        },
      ]).catch((error: unknown) => error);
      faults.stop();
      if (!faults.hit) break;
      const committed = (await names(dataDir)).includes(PENDING_CHANGE) || (await titleOnDisk()) === 'جديد';
      const store = await openStore(dataDir);
      expect(store.readOnlyReason()).toBeNull();
      expect(await titleOnDisk(), `crash at step ${k}`).toBe(committed ? 'جديد' : 'قديم');
      expect(await names(dataDir)).not.toContain(PENDING_CHANGE);
      expect(outcome).toBeInstanceOf(Error);
      if (committed) finished++;
    }
    expect(finished).toBeGreaterThan(0);
  });

  it.each([
    ['is not JSON', '{"version": 1, "steps": ['],
    [
      'names a file outside the store',
      JSON.stringify({ version: 1, steps: [{ file: '../outside.json', staged: null }] }),
    ],
    [
      'names a temp file of another file',
      JSON.stringify({
        version: 1,
        steps: [{ file: 'library.json', staged: 'articles/.a.json.0123456789ab.staged' }],
      }),
    ],
  ])(
    'left on disk, is not acted upon when it %s: the store saves nothing and says why',
    async (_, record) => {
      const outside = path.join(root, 'outside.json');
      await fs.writeFile(outside, 'keep me');
      await fs.writeFile(path.join(dataDir, PENDING_CHANGE), record);
      const store = await openStore(dataDir);
      expect(store.readOnlyReason()).toMatch(/unfinished change/);
      expect(store.readOnlyReason()).toContain(PENDING_CHANGE);
      await expect(fs.readFile(outside, 'utf8')).resolves.toBe('keep me');
      await expect(fs.readFile(path.join(dataDir, PENDING_CHANGE), 'utf8')).resolves.toBe(record);
      expect(store.library().articles.map((a) => a.id)).toEqual(['a']);
    },
  );
});
