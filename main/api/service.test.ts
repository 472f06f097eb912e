import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHODS } from '../../shared/methods';
import { dispatch } from './dispatch';
import { createService, type Service } from './service';

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hamish-service-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const open = (): Promise<Service> => createService({ dataDir, defaultArticles: [SEED] });

describe('the service', () => {
  it('holds the contract and only the named calls of the shell and the command line', async () => {
    const service = await open();
    const outside = Object.keys(service).filter((key) => !(METHODS as readonly string[]).includes(key));
    // Each of these takes a path or belongs to the shell (docs/ARCHITECTURE.md, "The service"); a helper of
    // one method set spread into the service by mistake shows up here.
    expect(outside.sort()).toEqual([
      'checkedArticles',
      'dataDir',
      'ensureDailyBackup',
      'exportNotes',
      'highlightOwner',
      'importFiles',
      'restoreFromFile',
      'saveWindowBounds',
      'updateArticleFrom',
      'windowBounds',
    ]);
    for (const method of METHODS) expect(typeof service[method]).toBe('function');
  });
});

describe('first run', () => {
  it('imports the default article into a new library', async () => {
    const service = await open();
    const articles = await service.listArticles({});
    expect(articles.map((a) => a.title)).toEqual([
      'الأفريكوم: الحرب على طرابلس قد تتيح الفرصة لعودة الإرهابيين إلى ليبيا',
    ]);
    expect(articles[0]?.firstLine.startsWith('فشل “تنظيم الدولة”')).toBe(true);
  });

  it('does not import it again on the next start', async () => {
    await open();
    const again = await open();
    expect(await again.listArticles({})).toHaveLength(1);
  });
});

describe('reading progress', () => {
  it('is saved and read back after a restart', async () => {
    const service = await open();
    const [article] = await service.listArticles({});
    await service.saveProgress({ id: article?.id ?? '', offset: 420, fraction: 0.4 });
    const reopened = await open();
    expect((await reopened.openArticle({ id: article?.id ?? '' })).progress).toEqual({
      offset: 420,
      fraction: 0.4,
    });
  });

  it('refuses an offset past the end of the article and writes nothing', async () => {
    const service = await open();
    const [article] = await service.listArticles({});
    const before = await readFile(path.join(dataDir, 'library.json'), 'utf8');
    const result = await dispatch(service, 'saveProgress', {
      id: article?.id,
      offset: 10_000_000,
      fraction: 1,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await expect(readFile(path.join(dataDir, 'library.json'), 'utf8')).resolves.toBe(before);
  });
});

describe('settings', () => {
  it('round-trip a valid change', async () => {
    const service = await open();
    await service.setSettings({ fontSize: 24, theme: 'sepia' });
    const { settings, reset } = await (await open()).getSettings({});
    expect(settings.fontSize).toBe(24);
    expect(settings.theme).toBe('sepia');
    expect(reset).toEqual([]);
  });

  it('reset invalid stored values to their default and say which', async () => {
    await open();
    const file = path.join(dataDir, 'library.json');
    const library = JSON.parse(await readFile(file, 'utf8')) as { settings: unknown };
    library.settings = { fontSize: 500, theme: 'neon', colour: 'x', lineHeight: 2 };
    await writeFile(file, JSON.stringify(library));
    const { settings, reset } = await (await open()).getSettings({});
    expect(settings.fontSize).toBe(20);
    expect(settings.theme).toBe('system');
    expect(settings.lineHeight).toBe(2);
    expect(reset.sort()).toEqual(['colour', 'fontSize', 'theme']);
  });
});

describe('dispatch (the IPC and e2e entry)', () => {
  it('refuses unknown methods and inherited names', async () => {
    const service = await open();
    for (const method of ['deleteEverything', '__proto__', 'constructor', 'toString', 42, null]) {
      await expect(dispatch(service, method, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-method' },
      });
    }
  });

  it('refuses inputs of the wrong shape without calling the service', async () => {
    const service = await open();
    const bad: [string, unknown][] = [
      ['openArticle', {}],
      ['openArticle', { id: '../../etc/passwd' }],
      ['openArticle', { id: 'x'.repeat(100_000) }],
      ['openArticle', { id: 'abc', extra: true }],
      ['openArticle', null],
      ['openArticle', 'abc'],
      ['saveProgress', { id: 'abc', offset: -1, fraction: 0 }],
      ['saveProgress', { id: 'abc', offset: 1.5, fraction: 0 }],
      ['saveProgress', { id: 'abc', offset: 1, fraction: 2 }],
      ['setSettings', { fontSize: 0 }],
      ['setSettings', { theme: 'neon' }],
      ['setSettings', { window: { x: 0, y: 0, width: 900, height: 900, maximized: false } }],
      ['setSettings', JSON.parse('{"__proto__": {"polluted": true}}')],
      ['listArticles', { all: true }],
    ];
    for (const [method, input] of bad) {
      const result = await dispatch(service, method, input);
      expect(result, `${method} ${JSON.stringify(input)?.slice(0, 60)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns an unknown article as a not-found error value', async () => {
    const service = await open();
    await expect(dispatch(service, 'openArticle', { id: 'abc' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('returns results as values', async () => {
    const service = await open();
    const result = await dispatch(service, 'listArticles', {});
    expect(result.ok).toBe(true);
  });
});
