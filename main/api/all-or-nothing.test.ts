import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalText } from '../../shared/article-model';
import { checkDataDir } from '../store';
import { injectFaults, type FaultMode } from '../../test/kits/store-faults';
import { createService, type Service } from './service';

// Update, restore, import and empty trash change several files each. Whatever step fails (the disk full, an
// I/O error, the process killed), the store must reopen either exactly as it was, with the error given to the
// caller, or exactly as after the whole operation: never half of it. Each operation runs once per step it takes,
// failing that step, in each mode.

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');
const ESSAY = path.resolve(import.meta.dirname, '../../test/fixtures/essay-ar.md');
const NEWS = path.resolve(import.meta.dirname, '../../test/fixtures/news-page-ar.html');
const now = () => new Date('2026-01-02T03:04:05.000Z');

let root: string;
let template: string;
let seedId: string;
let cases = 0;

/** Highlights every `every` characters, `length` long, skipping ranges of only spaces. */
async function highlightAll(service: Service, id: string, count: number, every: number): Promise<string[]> {
  const text = canonicalText((await service.openArticle({ id })).blocks);
  const ids: string[] = [];
  for (let start = 0; ids.length < count && start + 8 < text.length; start += every) {
    if (text.slice(start, start + 8).trim() === '') continue;
    const created = await service.createHighlight({
      articleId: id,
      start,
      end: start + 8,
      color: ids.length % 2 ? 'yellow' : 'green',
      note: `ملاحظة ${ids.length}`,
      tags: ['تجربة'],
    });
    ids.push(created.id);
  }
  return ids;
}

/** Mounts a tmpfs on `dir` where allowed (root on Linux), so that hundreds of fsyncs cost nothing. */
function tryMountTmpfs(dir: string, size: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
let mounted = false;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'hamish-atomic-'));
  mounted = tryMountTmpfs(root, '64m');
  template = path.join(root, 'template');
  const service = await createService({ dataDir: template, defaultArticles: [SEED], now });
  seedId = (await service.listArticles({}))[0]?.id ?? '';
  const [essay, news] = await service.importFiles([ESSAY, NEWS]);
  if (!essay?.ok || !news?.ok) throw new Error('fixtures did not import');
  // Over a hundred highlights: the seed's annotations have a journal beside their file.
  const seedHighlights = await highlightAll(service, seedId, 110, 33);
  const essayHighlights = await highlightAll(service, essay.id, 40, 20);
  const exported = await service.exportNotes('json', { articleIds: [seedId, essay.id] });
  await fs.writeFile(path.join(root, 'restore.json'), exported.text);
  // Forty of each go, for the restore to bring back into two articles.
  for (const id of seedHighlights.slice(0, 40)) await service.deleteHighlight({ articleId: seedId, id });
  for (const id of essayHighlights) await service.deleteHighlight({ articleId: essay.id, id });
  await service.trashArticle({ id: news.id });
  await service.setSettings({ fontSize: 24 });
  const seedText = await fs.readFile(SEED, 'utf8');
  await fs.writeFile(path.join(root, 'seed-v2.txt'), seedText.replace('ترامب', 'ترمب').slice(200));
  await fs.writeFile(path.join(root, 'new.txt'), 'مقالة جديدة\n\nفقرة أولى عن الهامش والمتن.\n');
});

afterAll(async () => {
  console.log(`all-or-nothing: ${cases} failure cases ran`);
  if (mounted) execFileSync('umount', [root]);
  await fs.rm(root, { recursive: true, force: true });
});

type Operation = { name: string; run: (service: Service) => Promise<unknown> };

const OPERATIONS: Operation[] = [
  { name: 'update', run: (s) => s.updateArticleFrom(seedId, path.join(root, 'seed-v2.txt')) },
  { name: 'restore', run: (s) => s.restoreFromFile(path.join(root, 'restore.json')) },
  {
    name: 'import',
    run: async (s) => {
      const [outcome] = await s.importFiles([path.join(root, 'new.txt')]);
      // Import reports a failed file as a value: turn it back into the error the caller sees.
      if (!outcome?.ok) throw new Error(outcome?.message ?? 'no outcome');
      return outcome;
    },
  },
  { name: 'empty trash', run: (s) => s.emptyTrash({}) },
];

let copies = 0;
async function freshCopy(): Promise<string> {
  const dir = path.join(root, `copy-${++copies}`);
  await fs.cp(template, dir, { recursive: true });
  return dir;
}

/** Every store file's text by path, leaving out names starting with a dot (temp files, never read). */
async function storeFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = await fs.readFile(file, 'utf8');
  }
  return files;
}

/** The files with a newly imported article's random id replaced by a fixed name, to compare two imports. */
function withoutNewIds(files: Record<string, string>, known: readonly string[]): Record<string, string> {
  const library = JSON.parse(files['library.json'] ?? '{"articles":[]}') as { articles: { id: string }[] };
  const fresh = library.articles.map((a) => a.id).filter((id) => !known.includes(id));
  const rename = (text: string) => fresh.reduce((t, id) => t.replaceAll(id, 'NEW'), text);
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [rename(name), rename(text)]));
}

async function dotFiles(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return names.filter((entry) => entry.isFile() && entry.name.startsWith('.')).map((entry) => entry.name);
}

describe.each(OPERATIONS)('$name', ({ run }) => {
  let before: Record<string, string>;
  let after: Record<string, string>;
  let known: string[];

  beforeAll(async () => {
    before = await storeFiles(template);
    known = (JSON.parse(before['library.json'] ?? '') as { articles: { id: string }[] }).articles.map(
      (a) => a.id,
    );
    const dir = await freshCopy();
    await run(await createService({ dataDir: dir, now }));
    after = withoutNewIds(await storeFiles(dir), known);
    expect(after).not.toEqual(before);
  });

  it.each<FaultMode>(['ENOSPC', 'EIO', 'crash'])(
    'fails at every step with %s and leaves the store as before or as after, never between',
    async (mode) => {
      let rolledBack = 0;
      let finished = 0;
      for (let k = 1; ; k++) {
        const dir = await freshCopy();
        const service = await createService({ dataDir: dir, now });
        const faults = injectFaults(k, mode);
        const outcome = await run(service).then(
          () => null,
          (error: unknown) => error as Error,
        );
        faults.stop();
        if (!faults.hit) {
          expect(outcome).toBeNull();
          break;
        }
        cases++;
        const reopened = await createService({ dataDir: dir, now });
        const state = withoutNewIds(await storeFiles(dir), known);
        const where = `${mode} at step ${k} of ${faults.steps}`;
        expect(await checkDataDir(dir), where).toEqual([]);
        if (JSON.stringify(state) === JSON.stringify(before)) {
          rolledBack++;
          expect(outcome, `${where}: the error reaches the caller`).toBeInstanceOf(Error);
          if (mode !== 'crash') expect(await dotFiles(dir), `${where}: temp files removed`).toEqual([]);
        } else {
          finished++;
          expect(state, where).toEqual(after);
          // Failing after the commit point: the caller is told it was saved and will be finished.
          if (outcome) expect(outcome.message, where).toMatch(/was saved/);
        }
        expect(await dotFiles(dir), `${where}: no unfinished change after reopening`).not.toContain(
          '.pending-change.json',
        );
        // The reopened store takes writes again.
        await reopened.setSettings({ fontSize: 30 });
      }
      expect(rolledBack).toBeGreaterThan(0);
      expect(finished + rolledBack).toBeGreaterThan(3);
    },
  );
});

// The same on a real full disk, where the system allows mounting a small tmpfs: filled up to the last
// `free` bytes, for ever more room until the operation succeeds.
describe.each(OPERATIONS)('$name on a full disk', ({ run }) => {
  it('fails with disk-full and changes nothing, until there is room for all of it', async (context) => {
    const disk = path.join(root, `disk-${++copies}`);
    await fs.mkdir(disk);
    if (!tryMountTmpfs(disk, '1m')) {
      context.skip('a tmpfs cannot be mounted here (needs root on Linux)');
      return;
    }
    try {
      const dir = path.join(disk, 'data');
      const filler = path.join(disk, 'filler');
      let succeeded = false;
      for (let free = 0; !succeeded && free <= 256 * 1024; free += 4096) {
        await fs.rm(dir, { recursive: true, force: true });
        await fs.cp(template, dir, { recursive: true });
        const before = await storeFiles(dir);
        await fillUp(filler, free);
        const service = await createService({ dataDir: dir, now });
        const outcome = await run(service).then(
          () => null,
          (error: unknown) => error as Error,
        );
        await fs.rm(filler);
        if (outcome) cases++;
        await createService({ dataDir: dir, now });
        expect(await checkDataDir(dir)).toEqual([]);
        const state = await storeFiles(dir);
        succeeded = outcome === null;
        if (succeeded) expect(state).not.toEqual(before);
        else {
          expect(outcome?.message, `with ${free} bytes free`).toMatch(/disk is full|ENOSPC/);
          expect(state, `with ${free} bytes free`).toEqual(before);
          expect(await dotFiles(dir)).toEqual([]);
        }
      }
      expect(succeeded).toBe(true);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});

/** Fills the file system holding `file` to the last byte, then frees `free` bytes of it. */
async function fillUp(file: string, free: number): Promise<void> {
  const handle = await fs.open(file, 'w');
  let size = 0;
  try {
    for (;;) size += (await handle.write(Buffer.alloc(4096, 0x41))).bytesWritten;
  } catch {
    // ENOSPC: full.
  } finally {
    await handle.close();
  }
  await fs.truncate(file, Math.max(0, size - free));
}
