import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from './index';
import { annotationsParser, articleParser, parseLibrary } from './layout';
import { fromVersion0 } from './migration-0-to-1';
import {
  checkMigrationChain,
  migrateData,
  versionOf,
  type JsonObject,
  type MigrationStep,
} from './migrations';
import { SCHEMA_VERSION } from './schema';
import { highlight, makeTempDir, rejection, snapshotDir } from '../../test/kits/store-fixtures';

const FIXTURE = path.resolve(__dirname, '../../test/fixtures/store-v0');

let dataDir: string;

beforeEach(async () => {
  dataDir = await makeTempDir();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function fixtureJson(relative: string): Promise<JsonObject> {
  return JSON.parse(await fs.readFile(path.join(FIXTURE, relative), 'utf8')) as JsonObject;
}

async function copyFixture(): Promise<void> {
  await fs.cp(FIXTURE, dataDir, { recursive: true, filter: (source) => !source.endsWith('.md') });
}

async function versionOnDisk(relative: string): Promise<unknown> {
  return (JSON.parse(await fs.readFile(path.join(dataDir, relative), 'utf8')) as JsonObject).schemaVersion;
}

const STORE_FILES = [
  'library.json',
  'articles/jahiz-bayan.json',
  'articles/hawashi.json',
  'annotations/jahiz-bayan.json',
  'annotations/hawashi.json',
];

describe('the migration steps', () => {
  it('lead from version 0 to the current version, one version at a time', () => {
    expect(() => checkMigrationChain()).not.toThrow();
    expect(() => checkMigrationChain([{ from: 0, to: 2 }], 2)).toThrow(/expected 0 to 1/);
    expect(() => checkMigrationChain([{ from: 0, to: 1 }], 2)).toThrow(/end at 1/);
  });

  it('run in order, each seeing only the version just before it', () => {
    const seen: unknown[] = [];
    const step = (from: number): MigrationStep => ({
      from,
      to: from + 1,
      annotations: (data) => {
        seen.push(data.schemaVersion);
        return { ...data, trail: [...((data.trail as number[] | undefined) ?? []), from] };
      },
    });
    const steps = [step(0), step(1), step(2)];
    expect(migrateData('annotations', { schemaVersion: 1 }, steps, 3)).toEqual({
      schemaVersion: 3,
      trail: [1, 2],
    });
    expect(seen).toEqual([1, 2]);
    expect(migrateData('library', { schemaVersion: 1 }, steps, 3)).toEqual({ schemaVersion: 3 });
    expect(migrateData('annotations', { schemaVersion: 3 }, steps, 3)).toEqual({ schemaVersion: 3 });
  });

  it('read a file without schemaVersion as version 0, and leave anything unversionable to the schema', () => {
    expect(versionOf({ articles: [] })).toBe(0);
    expect(versionOf({ schemaVersion: 1 })).toBe(1);
    for (const odd of [
      null,
      [],
      'text',
      { schemaVersion: '1' },
      { schemaVersion: 1.5 },
      { schemaVersion: -1 },
    ]) {
      expect(versionOf(odd)).toBeNull();
      expect(migrateData('library', odd)).toBe(odd);
    }
  });
});

describe('version 0 → 1', () => {
  it('library: preferences become settings, and every article gets deletedAt (v0 had no trash)', async () => {
    const v0 = await fixtureJson('library.json');
    const v1 = parseLibrary(migrateData('library', v0));
    expect(v1.schemaVersion).toBe(1);
    expect(v1.settings).toEqual({ theme: 'sepia', fontSize: 22 });
    expect(v1.articles.map((a) => [a.id, a.deletedAt])).toEqual([
      ['jahiz-bayan', null],
      ['hawashi', null],
    ]);
    expect(v1.articles[0]).toMatchObject({
      title: 'في مدح الهامش',
      tags: ['أدب', 'تراث'],
      progress: { offset: 29 },
    });
  });

  it('annotations: flat start/end/quote/prefix/suffix become target, and updatedAt defaults to createdAt', async () => {
    const v0 = await fixtureJson('annotations/jahiz-bayan.json');
    const [edited, untouched] = annotationsParser('jahiz-bayan')(v0).highlights;
    expect(edited).toMatchObject({
      id: 'h-bayan',
      target: {
        start: 29,
        end: 46,
        exact: '«البيان والتبيين»',
        prefix: 'في مدح الهامش\n\nكتب الجاحظ في ',
        suffix: ' سنة 255 هـ عن Aristotle وعن اله',
      },
      note: 'عنوان الكتاب كاملًا: **البيان والتبيين**.',
      updatedAt: '2023-11-03T07:40:00.000Z',
    });
    expect(edited).not.toHaveProperty('quote');
    expect(untouched).toMatchObject({ id: 'h-aristotle', target: { exact: 'Aristotle' } });
    expect(untouched?.updatedAt).toBe(untouched?.createdAt);
  });

  it('article: the bare article object is wrapped as { schemaVersion, article }', async () => {
    const v0 = await fixtureJson('articles/hawashi.json');
    expect(articleParser('hawashi')(v0)).toEqual({ schemaVersion: 1, article: v0 });
  });

  it('refuses data that does not fit version 0 rather than guess', () => {
    const library = fromVersion0.library;
    const annotations = fromVersion0.annotations;
    expect(() => library?.({ articles: 'none' })).toThrow();
    expect(() => library?.({ articles: [], settings: {} })).toThrow(); // a v1 file that lost its version
    expect(() => annotations?.({ articleId: 'a', highlights: [highlight('a', 'h1')] })).toThrow();
  });
});

describe('opening a version 0 data folder', () => {
  it('backs it up first, then rewrites every file in the current format', async () => {
    await copyFixture();
    const original = await snapshotDir(dataDir);
    const store = await openStore(dataDir);

    const report = store.migration();
    expect(report).toEqual({
      from: 0,
      to: SCHEMA_VERSION,
      files: 5,
      backup: expect.stringMatching(/^pre-migration-/),
    });
    const backupDir = path.join(dataDir, 'backups', report?.backup ?? '');
    for (const file of STORE_FILES) {
      expect((await fs.readFile(path.join(backupDir, file))).toString('base64')).toBe(original[file]);
      expect(await versionOnDisk(file)).toBe(SCHEMA_VERSION);
    }
    expect((await store.listBackups())[0]).toMatchObject({
      kind: 'pre-migration',
      schemaVersion: 0,
      files: 5,
    });
    expect(store.library().settings).toEqual({ theme: 'sepia', fontSize: 22 });
    expect((await store.annotations('hawashi')).highlights[0]?.target.exact).toBe('مساحة للقارئ');
    expect((await store.readArticle('jahiz-bayan')).blocks).toHaveLength(2);
    expect(await store.check()).toEqual([]);
    expect((await openStore(dataDir)).migration()).toBeNull();
  });

  it('finishes a migration cut short at the next open', async () => {
    await copyFixture();
    const rename = fs.rename;
    let renames = 0;
    vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      // The backup folder is renamed first, then two files are migrated; the third write fails.
      if (++renames === 4) throw Object.assign(new Error('I/O error'), { code: 'EIO' });
      return rename(from, to);
    });
    const interrupted = await openStore(dataDir);
    vi.restoreAllMocks();
    expect(interrupted.readOnlyReason()).toMatch(/could not be brought up to date/);
    expect(interrupted.library().settings).toEqual({ theme: 'sepia', fontSize: 22 }); // migrated in memory
    expect((await rejection(interrupted.updateLibrary(() => undefined))).code).toBe('io');
    expect(await versionOnDisk('library.json')).toBeUndefined();

    const store = await openStore(dataDir);
    expect(store.readOnlyReason()).toBeNull();
    expect(store.migration()?.files).toBe(3);
    for (const file of STORE_FILES) expect(await versionOnDisk(file)).toBe(SCHEMA_VERSION);
  });

  it('read-only, shows it migrated in memory and changes nothing', async () => {
    await copyFixture();
    const before = await snapshotDir(dataDir);
    const store = await openStore(dataDir, { readOnly: true });
    expect(store.migration()).toBeNull();
    expect(store.library().articles).toHaveLength(2);
    expect((await store.annotations('jahiz-bayan')).highlights).toHaveLength(2);
    expect(await snapshotDir(dataDir)).toEqual(before);
  });

  it('reads a version 0 file met later through the same steps, and saves it in the current format', async () => {
    const store = await openStore(dataDir);
    await fs.copyFile(
      path.join(FIXTURE, 'annotations/hawashi.json'),
      path.join(dataDir, 'annotations/hawashi.json'),
    );
    expect((await store.annotations('hawashi')).highlights[0]?.target.start).toBe(19);
    await store.updateAnnotations(
      'hawashi',
      (file) => void (file.highlights[0] && (file.highlights[0].note = 'عدّلت')),
    );
    expect(await versionOnDisk('annotations/hawashi.json')).toBe(SCHEMA_VERSION);
  });
});

describe('a file from a newer version', () => {
  const newerLibrary = {
    schemaVersion: SCHEMA_VERSION + 1,
    articles: [],
    settings: { theme: 'dark' },
    collections: [{ name: 'مختارات' }],
  };

  it('opens the store read-only with a message; every write is refused and the file is not rewritten', async () => {
    const file = path.join(dataDir, 'library.json');
    await fs.writeFile(file, JSON.stringify(newerLibrary));
    const before = await snapshotDir(dataDir);
    const store = await openStore(dataDir);

    expect(store.readOnlyReason()).toMatch(/newer version of Hamish/);
    expect(store.library().settings).toEqual({ theme: 'dark' }); // what this version understands of it
    for (const write of [
      store.updateLibrary(() => undefined),
      store.updateAnnotations('a', () => undefined),
      store.removeArticleFiles('a'),
      store.createBackup('daily'),
      store.restoreBackup('daily-2024-05-01T10-00-00-000Z'),
    ]) {
      const error = await rejection(write);
      expect(error.code).toBe('newer-version');
      expect(error.file).toBe(file);
    }
    expect(await store.ensureDailyBackup()).toBeNull();
    expect(await snapshotDir(dataDir)).toEqual(before);
  });

  it('makes the store read-only when an annotations file from a newer version is first read', async () => {
    const store = await openStore(dataDir);
    const file = path.join(dataDir, 'annotations', 'a.json');
    const newer = { schemaVersion: SCHEMA_VERSION + 1, articleId: 'a', highlights: [highlight('a', 'h1')] };
    await fs.writeFile(file, JSON.stringify(newer));
    expect(store.readOnlyReason()).toBeNull();

    expect((await store.annotations('a')).highlights.map((h) => h.id)).toEqual(['h1']);
    expect(store.readOnlyReason()).toMatch(/newer version/);
    expect((await rejection(store.updateAnnotations('a', () => undefined))).code).toBe('newer-version');
    expect((await rejection(store.updateLibrary(() => undefined))).code).toBe('newer-version');
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual(newer);
    expect(store.recoveries()).toEqual([]);
  });

  it('is refused as a backup to restore', async () => {
    const store = await openStore(dataDir);
    await store.updateLibrary(() => undefined);
    const backup = await store.createBackup('daily');
    const manifestFile = path.join(dataDir, 'backups', backup.name, 'manifest.json');
    const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as JsonObject;
    await fs.writeFile(manifestFile, JSON.stringify({ ...manifest, schemaVersion: SCHEMA_VERSION + 1 }));
    expect((await rejection(store.restoreBackup(backup.name))).code).toBe('newer-version');
  });
});
