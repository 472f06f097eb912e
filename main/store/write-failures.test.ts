import { execFileSync } from 'node:child_process';
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

// A save that fails must leave the file on disk and the data in memory as they were, so that the UI can keep
// the unsaved note and retry. Real failures where the system allows it (a full and a read-only file system,
// which need root to mount), injected ones everywhere.

/** Why a tmpfs cannot be mounted here, or null when it can. */
async function whyNoMount(): Promise<string | null> {
  if (process.platform !== 'linux') return 'tmpfs needs Linux';
  if (process.getuid?.() !== 0) return 'mounting needs root';
  const probe = await makeTempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mount refused: ${String(error).split('\n')[0]}`;
  } finally {
    await fs.rm(probe, { recursive: true, force: true });
  }
}
const noMount = await whyNoMount();

let root: string;
let dataDir: string;
let mounted = false;

beforeEach(async () => {
  root = await makeTempDir();
  dataDir = path.join(root, 'data');
});

afterEach(async () => {
  vi.restoreAllMocks();
  if (mounted) execFileSync('umount', [root]);
  mounted = false;
  await fs.rm(root, { recursive: true, force: true });
});

function mountTmpfs(options: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', root]);
  mounted = true;
}

async function storeWithANote(): Promise<Store> {
  const store = await openStore(dataDir);
  await store.writeArticle(arabicArticle('a'));
  await store.updateLibrary((library) => void library.articles.push(articleMeta('a')));
  await store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h1', 'ملاحظة أولى')));
  return store;
}

/** Fills the file system holding `dir` to the last byte. */
async function fillUp(dir: string): Promise<string> {
  const filler = path.join(dir, 'filler');
  const handle = await fs.open(filler, 'w');
  try {
    for (;;) await handle.write(Buffer.alloc(1024, 0x41));
  } catch {
    // ENOSPC: full.
  } finally {
    await handle.close();
  }
  return filler;
}

async function expectUnchanged(store: Store, onDisk: Record<string, string>): Promise<void> {
  expect((await store.annotations('a')).highlights.map((h) => h.note)).toEqual(['ملاحظة أولى']);
  expect(await snapshotDir(dataDir)).toEqual(onDisk); // no temp file left behind either
}

describe('a save on a full disk', () => {
  it.skipIf(noMount !== null)(
    `is reported as disk-full and damages nothing; the retry succeeds once there is room${noMount ? ` (skipped: ${noMount})` : ''}`,
    async () => {
      mountTmpfs('size=64k');
      const store = await storeWithANote();
      const filler = await fillUp(root);
      const before = await snapshotDir(dataDir);

      const longNote = 'هامش '.repeat(4000);
      const error = await rejection(
        store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h2', longNote))),
      );
      expect(error.code).toBe('disk-full');
      expect(error.file).toBe(path.join(dataDir, 'annotations', 'a.json'));
      await expectUnchanged(store, before);

      await fs.rm(filler);
      await store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h2', longNote)));
      await expect((await openStore(dataDir)).annotations('a')).resolves.toMatchObject({
        highlights: [{}, { note: longNote }],
      });
    },
  );

  it('is reported as disk-full when the disk fills after the temp file was written (injected)', async () => {
    const store = await storeWithANote();
    const before = await snapshotDir(dataDir);
    vi.spyOn(fs, 'rename').mockRejectedValueOnce(
      Object.assign(new Error('no space left'), { code: 'ENOSPC' }),
    );
    const error = await rejection(
      store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h2'))),
    );
    expect(error.code).toBe('disk-full');
    await expectUnchanged(store, before);
  });
});

describe('a save on a read-only file system', () => {
  it.skipIf(noMount !== null)(
    `is reported as unwritable and damages nothing${noMount ? ` (skipped: ${noMount})` : ''}`,
    async () => {
      mountTmpfs('size=1m');
      const store = await storeWithANote();
      execFileSync('mount', ['-o', 'remount,ro', root]);
      const before = await snapshotDir(dataDir);

      for (const save of [
        store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h2'))),
        store.updateLibrary((library) => void (library.settings = { theme: 'dark' })),
      ]) {
        expect((await rejection(save)).code).toBe('unwritable');
      }
      await expectUnchanged(store, before);
      expect(store.library().settings).toEqual({});

      execFileSync('mount', ['-o', 'remount,rw', root]);
      await store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h2')));
      expect((await store.annotations('a')).highlights).toHaveLength(2);
    },
  );

  it('is reported as unwritable when the rename is refused (injected EROFS)', async () => {
    const store = await storeWithANote();
    const before = await snapshotDir(dataDir);
    vi.spyOn(fs, 'rename').mockRejectedValue(
      Object.assign(new Error('read-only file system'), { code: 'EROFS' }),
    );
    const error = await rejection(
      store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h2'))),
    );
    expect(error.code).toBe('unwritable');
    await expectUnchanged(store, before);
  });
});

describe('a save whose fsync fails', () => {
  it('is reported as an I/O error, and the file and memory stay as they were', async () => {
    const store = await storeWithANote();
    const before = await snapshotDir(dataDir);
    const open = fs.open;
    vi.spyOn(fs, 'open').mockImplementationOnce(async (file, flags) => {
      const handle = await open(file, flags);
      vi.spyOn(handle, 'sync').mockRejectedValue(Object.assign(new Error('I/O error'), { code: 'EIO' }));
      return handle;
    });
    const error = await rejection(
      store.updateAnnotations('a', (f) => void f.highlights.push(highlight('a', 'h2'))),
    );
    expect(error.code).toBe('io');
    await expectUnchanged(store, before);
  });
});
