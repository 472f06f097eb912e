import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { createService, type Service } from './service';

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');
const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures');

let dataDir: string;
let service: Service;
let seedId: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hamish-library-'));
  service = await createService({ dataDir, defaultArticles: [SEED] });
  seedId = (await service.listArticles({}))[0]?.id ?? '';
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function importFixture(name: string) {
  const base64 = (await readFile(path.join(FIXTURES, name))).toString('base64');
  return dispatch(service, 'importData', { name, base64 });
}

describe('the library', () => {
  it('imports a dropped file from its content, never its path', async () => {
    const result = await importFixture('essay-ar.md');
    expect(result).toMatchObject({ ok: true, value: { ok: true, duplicate: false } });
    expect((await service.listArticles({})).map((a) => a.lang)).toEqual(['ar', 'ar']);
  });

  it('says the same content is already there, and gives its id', async () => {
    const result = await dispatch(service, 'importData', {
      name: 'again.txt',
      base64: (await readFile(SEED)).toString('base64'),
    });
    expect(result).toMatchObject({ ok: true, value: { ok: true, id: seedId, duplicate: true } });
  });

  it('reports a bad dropped file with its name and reason', async () => {
    const result = await importFixture('png-renamed.txt');
    expect(result).toMatchObject({ ok: true, value: { ok: false, file: 'png-renamed.txt', code: 'binary' } });
  });

  it('renames an article, refusing an empty title', async () => {
    await expect(
      dispatch(service, 'renameArticle', { id: seedId, title: '  عنوان   جديد ' }),
    ).resolves.toMatchObject({
      ok: true,
      value: { title: 'عنوان جديد' },
    });
    await expect(dispatch(service, 'renameArticle', { id: seedId, title: '   ' })).resolves.toMatchObject({
      ok: false,
    });
  });

  it('moves a deleted article to the trash, restores it, and empties the trash for good', async () => {
    await service.trashArticle({ id: seedId });
    expect(await service.listArticles({})).toEqual([]);
    expect((await service.listTrash({})).map((a) => a.id)).toEqual([seedId]);
    expect(await service.search({ query: 'ترامب' })).toEqual([]);
    await service.untrashArticle({ id: seedId });
    expect((await service.listArticles({})).map((a) => a.id)).toEqual([seedId]);
    expect((await service.search({ query: 'ترامب' })).length).toBe(1);
    await service.trashArticle({ id: seedId });
    expect(await service.emptyTrash({})).toEqual({ removed: 1 });
    await expect(stat(path.join(dataDir, 'articles', `${seedId}.json`))).rejects.toThrow();
    expect(await service.listTrash({})).toEqual([]);
  });

  it('refuses unknown ids for every library action', async () => {
    for (const method of ['renameArticle', 'trashArticle', 'untrashArticle'] as const) {
      const result = await dispatch(service, method, { id: 'nope', title: 'x' });
      expect(result.ok, method).toBe(false);
    }
  });
});
