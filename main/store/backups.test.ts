import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from './index';
import {
  arabicArticle,
  articleMeta,
  highlight,
  makeTempDir,
  rejection,
  snapshotDir,
} from '../../test/kits/store-fixtures';

let dataDir: string;
let time: Date;
const now = (): Date => time;

beforeEach(async () => {
  dataDir = await makeTempDir();
  time = new Date(2024, 4, 1, 9, 0, 0); // local time: "a calendar day" is the user's
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function filledStore(): Promise<Store> {
  const store = await openStore(dataDir, { now });
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

const sha256 = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');

function later(minutes: number): void {
  time = new Date(time.getTime() + minutes * 60_000);
}

/** Store files only: backups/ is left out, as backups change during a restore. */
async function storeSnapshot(): Promise<Record<string, string>> {
  const all = await snapshotDir(dataDir);
  return Object.fromEntries(Object.entries(all).filter(([file]) => !file.startsWith('backups')));
}

describe('createBackup', () => {
  it('copies library.json, the annotations and the articles, with a manifest of their hashes', async () => {
    const store = await filledStore();
    const backup = await store.createBackup('daily');
    expect(backup).toEqual({
      name: `daily-${time.toISOString().replace(/[:.]/g, '-')}`,
      kind: 'daily',
      createdAt: time.toISOString(),
      files: 5,
      schemaVersion: 1,
      verified: true,
    });
    const folder = path.join(dataDir, 'backups', backup.name);
    const manifest = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8')) as {
      files: { path: string; sha256: string }[];
    };
    expect(manifest.files.map((file) => file.path)).toEqual([
      'articles/a.json',
      'articles/b.json',
      'annotations/a.json',
      'annotations/b.json',
      'library.json',
    ]);
    for (const file of manifest.files) {
      expect(file.sha256).toBe(await sha256(path.join(dataDir, file.path)));
      expect(await sha256(path.join(folder, file.path))).toBe(file.sha256);
    }
  });

  it('keeps an article’s old bytes after the article is replaced (articles are linked, not copied)', async () => {
    const store = await filledStore();
    const backup = await store.createBackup('daily');
    const copy = path.join(dataDir, 'backups', backup.name, 'articles', 'a.json');
    const before = await fs.readFile(copy, 'utf8');
    await store.writeArticle(arabicArticle('a', 'عنوان جديد'));
    expect(await fs.readFile(copy, 'utf8')).toBe(before);
    expect((await store.listBackups())[0]?.verified).toBe(true);
  });

  it('gives two backups made in the same millisecond different names', async () => {
    const store = await filledStore();
    const first = await store.createBackup('pre-restore');
    const second = await store.createBackup('pre-restore');
    expect(second.name).toBe(`${first.name}-2`);
    expect((await store.listBackups()).map((b) => b.name)).toEqual([second.name, first.name]);
  });

  it('leaves no folder behind when it fails, and reports why', async () => {
    const store = await filledStore();
    vi.spyOn(fs, 'rename').mockRejectedValue(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    expect((await rejection(store.createBackup('daily'))).code).toBe('disk-full');
    expect(await fs.readdir(path.join(dataDir, 'backups'))).toEqual([]);
  });

  it('is refused by a store opened read-only', async () => {
    await filledStore();
    const store = await openStore(dataDir, { readOnly: true });
    expect((await rejection(store.createBackup('daily'))).code).toBe('unwritable');
    expect(await store.ensureDailyBackup()).toBeNull();
    expect(await fs.readdir(path.join(dataDir, 'backups'))).toEqual([]);
  });
});

describe('listBackups', () => {
  it('lists newest first, with kind, date, file count and whether it is intact', async () => {
    const store = await filledStore();
    const daily = await store.createBackup('daily');
    later(1);
    const migration = await store.createBackup('pre-migration');
    later(1);
    const restore = await store.createBackup('pre-restore');
    const listed = await store.listBackups();
    expect(listed).toEqual([restore, migration, daily]);
    expect(listed.map((b) => b.kind)).toEqual(['pre-restore', 'pre-migration', 'daily']);
  });

  it('marks a backup whose file is missing or damaged as not verified', async () => {
    const store = await filledStore();
    const backup = await store.createBackup('daily');
    await fs.appendFile(path.join(dataDir, 'backups', backup.name, 'library.json'), ' ');
    expect((await store.listBackups())[0]).toMatchObject({ name: backup.name, verified: false });
  });

  it('ignores folders and files it did not make', async () => {
    const store = await filledStore();
    await fs.mkdir(path.join(dataDir, 'backups', 'my own copy'));
    await fs.writeFile(path.join(dataDir, 'backups', 'notes.txt'), 'mine');
    expect(await store.listBackups()).toEqual([]);
  });
});

describe('ensureDailyBackup', () => {
  it('makes at most one backup per calendar day', async () => {
    const store = await filledStore();
    expect(await store.ensureDailyBackup()).toMatchObject({ kind: 'daily' });
    later(9 * 60); // 18:00 the same day
    expect(await store.ensureDailyBackup()).toBeNull();
    later(6 * 60); // 00:00 the next day
    expect(await store.ensureDailyBackup()).toMatchObject({ kind: 'daily' });
    expect(await store.listBackups()).toHaveLength(2);
  });

  it('makes none for a store with no file yet', async () => {
    const store = await openStore(dataDir, { now });
    expect(await store.ensureDailyBackup()).toBeNull();
  });
});

describe('rotation', () => {
  it('keeps the last 7 daily backups', async () => {
    const store = await filledStore();
    const made: string[] = [];
    for (let day = 0; day < 10; day++) {
      made.push((await store.ensureDailyBackup())?.name ?? '');
      later(24 * 60);
    }
    expect((await store.listBackups()).map((b) => b.name)).toEqual(made.slice(3).reverse());
  });

  it('keeps the last 5 of each other kind, one kind not counting against another', async () => {
    const store = await filledStore();
    await store.ensureDailyBackup();
    for (let i = 0; i < 7; i++) {
      later(1);
      await store.createBackup('pre-migration');
      await store.createBackup('pre-restore');
    }
    const kinds = (await store.listBackups()).map((b) => b.kind);
    expect(kinds.filter((k) => k === 'pre-migration')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'pre-restore')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'daily')).toHaveLength(1);
  });

  it('never deletes a folder it did not make, even one named like a backup', async () => {
    const store = await filledStore();
    const backups = path.join(dataDir, 'backups');
    const lookalike = path.join(backups, 'daily-2000-01-01T00-00-00-000Z');
    await fs.mkdir(lookalike);
    await fs.writeFile(path.join(lookalike, 'important.txt'), 'mine');
    await fs.mkdir(path.join(backups, 'my own copy'));
    for (let day = 0; day < 9; day++) {
      await store.ensureDailyBackup();
      later(24 * 60);
    }
    expect(await fs.readFile(path.join(lookalike, 'important.txt'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(backups, 'my own copy'))).toBe(true);
    expect((await store.listBackups()).filter((b) => b.verified)).toHaveLength(7);
  });
});

describe('restoreBackup', () => {
  it('makes a pre-restore backup, puts the files back and reloads them in memory', async () => {
    const store = await filledStore();
    const backup = await store.createBackup('daily');
    const atBackup = await storeSnapshot();
    later(60);
    await store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h-later')));
    await store.updateLibrary(
      (library) => void (library.articles[0] && (library.articles[0].note = 'لاحقًا')),
    );
    await store.writeArticle(arabicArticle('c'));
    await store.updateAnnotations('c', (f) => void f.highlights.push(highlight('c', 'h-c')));

    const outcome = await store.restoreBackup(backup.name);
    expect(outcome).toEqual({
      restored: backup.name,
      preRestoreBackup: expect.stringMatching(/^pre-restore-/),
      files: 5,
      untouched: ['articles/c.json', 'annotations/c.json'],
    });
    expect((await store.annotations('a')).highlights.map((h) => h.id)).toEqual(['h-a']);
    expect(store.library().articles[0]?.note).toBe('');
    const now = await storeSnapshot();
    for (const [file, bytes] of Object.entries(atBackup)) expect(now[file]).toBe(bytes);

    // The pre-restore backup holds what was there just before, so the restore can be undone.
    await store.restoreBackup(outcome.preRestoreBackup);
    expect((await store.annotations('a')).highlights.map((h) => h.id)).toEqual(['h-a', 'h-later']);
  });

  it('refuses a damaged backup, changing nothing', async () => {
    const store = await filledStore();
    const backup = await store.createBackup('daily');
    await store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h-later')));
    const copy = path.join(dataDir, 'backups', backup.name, 'annotations', 'a.json');
    await fs.writeFile(copy, (await fs.readFile(copy, 'utf8')).replace('ملاحظة', 'ملاحظه'));
    const before = await snapshotDir(dataDir);

    const error = await rejection(store.restoreBackup(backup.name));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/annotations\/a\.json does not match its checksum/);
    expect(await snapshotDir(dataDir)).toEqual(before);
  });

  it('refuses a manifest that names a file outside the store', async () => {
    const store = await filledStore();
    const backup = await store.createBackup('daily');
    const folder = path.join(dataDir, 'backups', backup.name);
    const manifestFile = path.join(folder, 'manifest.json');
    const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as { files: { path: string }[] };
    await fs.writeFile(path.join(folder, 'evil.json'), '{}');
    manifest.files.push({ ...manifest.files[0], path: '../../evil.json' } as { path: string });
    await fs.writeFile(manifestFile, JSON.stringify(manifest));
    expect((await rejection(store.restoreBackup(backup.name))).code).toBe('corrupt');
    expect(existsSync(path.join(path.dirname(dataDir), 'evil.json'))).toBe(false);
  });

  it.each(['nowhere', '../library', 'daily-2024-05-01T10-00-00-000Z'])(
    'reports %s as no such backup',
    async (name) => {
      const store = await filledStore();
      expect((await rejection(store.restoreBackup(name))).code).toBe('not-found');
    },
  );

  it('lands a change made while a restore runs after the restore, not under it', async () => {
    const store = await filledStore();
    const backup = await store.createBackup('daily');
    const restoring = store.restoreBackup(backup.name);
    const changing = store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h-during')));
    await Promise.all([restoring, changing]);
    expect((await store.annotations('a')).highlights.map((h) => h.id)).toEqual(['h-a', 'h-during']);
    await expect((await openStore(dataDir)).annotations('a')).resolves.toMatchObject({
      highlights: [{ id: 'h-a' }, { id: 'h-during' }],
    });
  });
});
