import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalText } from '../../shared/article-model';
import { createService, type Service } from './service';

// Two calls started together, without waiting for the first: each must land as if it ran alone after the
// other. A change computed from what was saved before the call was queued would drop the other one.

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');
const ESSAY = path.resolve(import.meta.dirname, '../../test/fixtures/essay-ar.md');

let dataDir: string;
let service: Service;
let seedId: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hamish-concurrency-'));
  service = await createService({ dataDir, defaultArticles: [SEED] });
  seedId = (await service.listArticles({}))[0]?.id ?? '';
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const reopen = () => createService({ dataDir });
const BOUNDS = { x: 10, y: 20, width: 900, height: 700, maximized: false };

describe('two changes started together', () => {
  it('keep both a settings change and saved window bounds', async () => {
    await Promise.all([service.setSettings({ fontSize: 30 }), service.saveWindowBounds(BOUNDS)]);
    const { settings } = await (await reopen()).getSettings({});
    expect(settings.fontSize).toBe(30);
    expect(settings.window).toEqual(BOUNDS);
  });

  it('keep saved window bounds and then a settings change', async () => {
    await Promise.all([service.saveWindowBounds(BOUNDS), service.setSettings({ theme: 'dark' })]);
    const { settings } = await (await reopen()).getSettings({});
    expect(settings).toMatchObject({ theme: 'dark', window: BOUNDS });
  });

  it('keep two settings changes', async () => {
    await Promise.all([service.setSettings({ fontSize: 30 }), service.setSettings({ theme: 'sepia' })]);
    const { settings } = await (await reopen()).getSettings({});
    expect(settings).toMatchObject({ fontSize: 30, theme: 'sepia' });
  });

  it('never empty an article taken out of the trash while the trash was being emptied', async () => {
    await service.trashArticle({ id: seedId });
    const [emptied, untrashed] = await Promise.allSettled([
      service.emptyTrash({}),
      service.untrashArticle({ id: seedId }),
    ]);
    const listed = (await (await reopen()).listArticles({})).map((a) => a.id);
    if (untrashed.status === 'fulfilled') {
      // Taken out first: the article is listed, and its files are all there.
      expect(listed).toEqual([seedId]);
      await expect(stat(path.join(dataDir, 'articles', `${seedId}.json`))).resolves.toBeTruthy();
      expect(emptied).toMatchObject({ status: 'fulfilled', value: { removed: 0 } });
    } else {
      // Emptied first: the article is gone for good, and taking it out said so.
      expect(listed).toEqual([]);
      expect(emptied).toMatchObject({ status: 'fulfilled', value: { removed: 1 } });
    }
    expect(await (await reopen()).listTrash({})).toEqual([]);
  });

  it('never empty an article taken out of the trash just before, when untrash was asked first', async () => {
    await service.trashArticle({ id: seedId });
    await Promise.all([service.untrashArticle({ id: seedId }), service.emptyTrash({})]);
    const again = await reopen();
    expect((await again.listArticles({})).map((a) => a.id)).toEqual([seedId]);
    expect((await again.openArticle({ id: seedId })).blocks.length).toBeGreaterThan(0);
  });

  it('never leave a highlight saved for an article whose files the trash removed', async () => {
    const text = canonicalText((await service.openArticle({ id: seedId })).blocks);
    const start = text.indexOf('ترامب');
    const trashed = service.trashArticle({ id: seedId });
    const emptied = trashed.then(() => service.emptyTrash({}));
    const created = service.createHighlight({ articleId: seedId, start, end: start + 5, color: 'yellow' });
    const [, , highlight] = await Promise.allSettled([trashed, emptied, created]);
    expect(await (await reopen()).listArticles({})).toEqual([]);
    if (highlight.status === 'fulfilled') {
      await expect(stat(path.join(dataDir, 'annotations', `${seedId}.json`))).rejects.toThrow();
    }
    await expect(stat(path.join(dataDir, 'annotations', `${seedId}.journal`))).rejects.toThrow();
  });

  it('import the same file once, however many imports of it run at once', async () => {
    const outcomes = await Promise.all([
      service.importFiles([ESSAY]),
      service.importFiles([ESSAY]),
      service.importFiles([ESSAY]),
    ]);
    const ids = new Set(outcomes.flat().map((o) => (o.ok ? o.id : o.message)));
    expect(ids.size).toBe(1);
    expect(await (await reopen()).listArticles({})).toHaveLength(2);
  });

  it('keep a note set on the article while it is renamed', async () => {
    await Promise.all([
      service.setArticleNote({ id: seedId, note: 'ملاحظة', tags: ['ليبيا'] }),
      service.renameArticle({ id: seedId, title: 'عنوان جديد' }),
      service.saveProgress({ id: seedId, offset: 12, fraction: 0.01 }),
    ]);
    const library = JSON.parse(await readFile(path.join(dataDir, 'library.json'), 'utf8')) as {
      articles: { title: string; note: string; tags: string[]; progress: { offset: number } }[];
    };
    expect(library.articles[0]).toMatchObject({
      title: 'عنوان جديد',
      note: 'ملاحظة',
      tags: ['ليبيا'],
      progress: { offset: 12 },
    });
  });
});
